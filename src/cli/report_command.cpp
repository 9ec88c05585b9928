#include "commands.hpp"

#include "../run.hpp"

namespace ontrack {

ReportCommand::ReportCommand(CLI::App& app) {
    app.add_option("FILE", files_, "The plan (TOML); - reads standard input; several plans add a roll-up");
    app.add_option("--as-of", as_of_, "Report as of this day (default: today)")->check(iso_date_validator());
    app.add_option("--format,-f", format_, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
        ->capture_default_str();
    app.add_option("--output,-o", output_, "Write the report to this file (atomically) instead of stdout");
    app.add_flag("--upcoming-only", upcoming_only_, "Exit status judges upcoming milestones only (for cron)");
    auto* color =
        app.add_option("--color", color_, "Colour in the table: auto (terminal, no NO_COLOR), always or never")
            ->check(CLI::IsMember({"auto", "always", "never"}))
            ->capture_default_str();
    app.add_flag("--no-color", no_color_, "Same as --color=never")->excludes(color);
}

int ReportCommand::run() const {
    if (files_.empty()) throw CLI::RequiredError("FILE");
    Options options;
    options.files = files_;
    options.output = output_;
    options.as_of = as_of_.empty() ? today_local() : *parse_iso_date(as_of_);
    options.format = *parse_format(format_);
    options.judge = upcoming_only_ ? Judge::upcoming : Judge::all;
    const std::string color = no_color_ ? "never" : color_;
    options.color = color == "always" ? ColorMode::always : color == "never" ? ColorMode::never : ColorMode::automatic;
    return run_report(options);
}

}  // namespace ontrack
