// ontrack: is the plan to make every locality drug-free on track?
// Command-line wiring only: parse options, run, turn errors into exit codes.
#include <cstdio>
#include <exception>
#include <map>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "diagnostic.hpp"
#include "run.hpp"

using namespace ontrack;

namespace {

constexpr int exit_usage = 2;

int usage_error(const std::string& what) {
    fmt::print(stderr, "ontrack: error: {}\nRun 'ontrack --help' for usage.\n", what);
    return exit_usage;
}

CLI::Validator iso_date_validator() {
    return CLI::Validator(
        [](std::string& text) {
            std::string why;
            return parse_iso_date(text, &why) ? std::string() : fmt::format("'{}' is not a date: {}", text, why);
        },
        "YYYY-MM-DD");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Is the plan to make every locality drug-free on track? Reads a TOML plan and reports, for each\n"
        "milestone, the units required and covered, the shortfall, and a verdict.",
        "ontrack"};
    Options options;
    std::string as_of, format = "table", color = "auto";
    bool upcoming_only = false;
    app.add_option("FILE", options.files, "The plan (TOML); - reads standard input; several plans add a roll-up")
        ->required();
    app.add_option("--as-of", as_of, "Report as of this day (default: today)")->check(iso_date_validator());
    app.add_option("--format,-f", format, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
        ->capture_default_str();
    app.add_option("--output,-o", options.output, "Write the report to this file (atomically) instead of stdout");
    app.add_flag("--upcoming-only", upcoming_only, "Exit status judges upcoming milestones only (for cron)");
    auto* color_option =
        app.add_option("--color", color, "Colour in the table: auto (terminal, no NO_COLOR), always or never")
            ->check(CLI::IsMember({"auto", "always", "never"}))
            ->capture_default_str();
    bool no_color = false;
    app.add_flag("--no-color", no_color, "Same as --color=never")->excludes(color_option);
    app.set_version_flag("--version", ONTRACK_VERSION);
    app.footer("Exit status: 0 every milestone met or on-track, 1 any missed or behind, 2 usage or input error.");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return e.get_exit_code() == 0 ? app.exit(e) : usage_error(e.what());
    }
    options.as_of = as_of.empty() ? today_local() : *parse_iso_date(as_of);
    options.format = *parse_format(format);
    options.judge = upcoming_only ? Judge::upcoming : Judge::all;
    if (no_color) color = "never";
    options.color = color == "always" ? ColorMode::always : color == "never" ? ColorMode::never : ColorMode::automatic;
    try {
        return run_report(options);
    } catch (const InputError& e) {
        for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}", format_diagnostic(d));
    } catch (const std::exception& e) {
        fmt::print(stderr, "ontrack: error: {}\n", e.what());
    } catch (...) {
        fmt::print(stderr, "ontrack: error: unexpected failure\n");
    }
    return exit_usage;
}
