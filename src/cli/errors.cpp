// The one place where errors become a message and an exit status.
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "../diagnostic.hpp"
#include "commands.hpp"

namespace ontrack {

CLI::Validator iso_date_validator() {
    return CLI::Validator(
        [](std::string& text) {
            std::string why;
            return parse_iso_date(text, &why) ? std::string() : fmt::format("'{}' is not a date: {}", text, why);
        },
        "YYYY-MM-DD");
}

int report_exception() {
    try {
        throw;
    } catch (const InputError& e) {
        for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}", format_diagnostic(d));
    } catch (const CLI::Error& e) {
        fmt::print(stderr, "ontrack: error: {}\nRun 'ontrack --help' for usage.\n", e.what());
    } catch (const std::exception& e) {
        fmt::print(stderr, "ontrack: error: {}\n", e.what());
    } catch (...) {
        fmt::print(stderr, "ontrack: error: unexpected failure\n");
    }
    return exit_usage;
}

}  // namespace ontrack
