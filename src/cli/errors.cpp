// The one place where errors become a message and an exit status.
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "../diagnostic.hpp"
#include "../i18n.hpp"
#include "../library_messages.hpp"
#include "commands.hpp"

namespace ontrack {

CLI::Validator iso_date_validator() {
    return CLI::Validator(
        [](std::string& text) {
            std::string why;
            return parse_iso_date(text, &why) ? std::string() : trf("'{}' is not a date: {}", text, tr(why.c_str()));
        },
        "YYYY-MM-DD");
}

int report_exception() {
    try {
        throw;
    } catch (const InputError& e) {
        for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}", format_diagnostic(d));
    } catch (const CLI::Error& e) {
        fmt::print(stderr, "{}\n{}\n", trf("ontrack: error: {}", translate_cli_message(e.what())),
                   tr("Run 'ontrack --help' for usage."));
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}\n", trf("ontrack: error: {}", e.what()));
    } catch (...) {
        fmt::print(stderr, "{}\n", trf("ontrack: error: {}", tr("unexpected failure")));
    }
    return exit_usage;
}

}  // namespace ontrack
