#include <unistd.h>

#include "commands.hpp"

#include "i18n.hpp"
#include "name_table.hpp"
#include "option_values.hpp"
#include "run.hpp"
#include "wording.hpp"

namespace ontrack {

ReportCommand::ReportCommand(CLI::App& app) {
    app.add_option(tr("FILE"), files_, tr("The plan (TOML); - reads standard input; several plans add a roll-up"))
        ->option_text("...");
    app.add_option("--as-of", as_of_, tr("Report as of this day, YYYY-MM-DD or dd/mm/yyyy (default: today)"))
        ->check(iso_date_validator())
        ->option_text(tr("DATE"));
    format_option_ =
        app.add_option("--format,-f", format_,
                       tr("Output format (default: from the --output file's extension .xlsx .html .csv .json .md, "
                          "else table)"))
            ->check(one_of(format_names))
            ->option_text(braced(format_names, "table"));
    app.add_option("--window", window_, tr("Months of history behind the achieved pace"))
        ->check(CLI::Range(1, max_window_months))
        ->option_text(std::string(tr("MONTHS")) + "=12");
    app.add_option("--by", by_,
                   tr("Break the report down by a locality field: kind, id or name; or by part of a roll-up"))
        ->check(CLI::Validator(
            [](std::string& field) {
                return parse_by_field(field) ? std::string() : unknown_by_field_message(unknown_by_field(field));
            },
            "FIELD"))
        ->option_text(braced(by_field_names));
    app.add_option("--since", since_, tr("What changed between this day and the as-of day"))
        ->check(iso_date_validator())
        ->option_text(tr("DATE"));
    app.add_option("--list", list_, tr("List the localities themselves"))
        ->check(one_of(list_kind_names))
        ->option_text(braced(list_kind_names));
    app.add_flag(
        "--forecast", forecast_,
        tr("Pace needed and achieved, projection, date reached, progress ratio (UNSD grading), safety buffer"));
    app.add_option("--pace", pace_,
                   tr("What if: N units a month instead of the achieved pace, or +N a month on top of it "
                      "(implies --forecast)"))
        ->check(CLI::Validator(
            [](std::string& text) {
                return parse_assumed_pace(text) ? std::string()
                                                : std::string(tr("a pace is 0 to 1000000 units a month with at most "
                                                                 "two decimals, or +N to add N a month"));
            },
            "PACE"))
        ->option_text(tr("[+]N"));
    app.add_option("--schedule", schedule_,
                   tr("Add what each month, quarter or year must reach, against the plan and the pace (implies "
                      "--forecast)"))
        ->check(CLI::IsMember({"month", "quarter", "year"}))
        ->option_text("{month,quarter,year}");
    app.add_flag("--explain", explain_, tr("Show every figure with the formula and the values behind it"));
    app.add_flag("--chart", chart_, tr("Add a burn-up chart to the table"));
    app.add_option("--output,-o", output_, tr("Write the report to this file (atomically) instead of stdout"))
        ->option_text(tr("FILE"));
    app.add_flag("--upcoming-only", upcoming_only_, tr("Exit status judges upcoming milestones only (for cron)"));
    app.add_option("--sort", sort_,
                   tr("The order of a roll-up's parts: by share of the next shortfall, by share drug-free, or as "
                      "listed"))
        ->check(one_of(league_sort_names))
        ->option_text(braced(league_sort_names, "shortfall"));
    app.add_flag("--judge-parts", judge_parts_, tr("Exit status also judges the own milestones of a roll-up's parts"));
    auto* color =
        app.add_option("--color", color_, tr("Colour in the table: auto (terminal, no NO_COLOR), always or never"))
            ->check(one_of(color_mode_names))
            ->option_text(braced(color_mode_names, "auto"));
    app.add_flag("--no-color", no_color_, tr("Same as --color=never"))->excludes(color);
    app.add_flag("--bom", bom_,
                 tr("Put a UTF-8 byte order mark before csv, for spreadsheets that need one (xlsx is better for "
                    "people)"));
    app.add_flag("--wide", wide_, tr("Do not wrap wide tables to the terminal's width"));
}

int ReportCommand::run() const {
    if (files_.empty()) throw CLI::RequiredError(tr("FILE"));
    Options options;
    options.files = files_;
    options.output = output_;
    options.format = *parse_format(format_);
    if (format_option_->count() == 0 && !output_.empty() && output_ != "-")
        if (const auto by_name = format_of_file_name(output_)) options.format = *by_name;
    const bool to_terminal = (output_.empty() || output_ == "-") && ::isatty(STDOUT_FILENO);
    if (options.format == Format::xlsx && to_terminal)
        throw CLI::ValidationError("--format xlsx",
                                   tr("a workbook is not for a terminal: give -o FILE.xlsx, or redirect the output"));
    if (bom_ && options.format != Format::csv)
        throw CLI::ValidationError("--bom", tr("a byte order mark goes before csv only"));
    options.bom = bom_;
    AnalysisRequest& request = options.analysis;
    request.as_of = as_of_.empty() ? today() : *parse_date(as_of_);
    options.today = today();
    options.as_of_is_today = as_of_.empty() || request.as_of == options.today;
    request.window_months = window_;
    if (!by_.empty()) request.by = parse_by_field(by_);
    if (!list_.empty()) request.list = parse_list_kind(list_);
    if (!since_.empty()) {
        request.since = parse_date(since_);
        if (*request.since >= request.as_of)
            throw CLI::ValidationError("--since", trf("{} is not before the as-of day {}", human_date(*request.since),
                                                      human_date(request.as_of)));
    }
    if (!pace_.empty()) request.pace = parse_assumed_pace(pace_);
    if (!schedule_.empty()) request.schedule = parse_period(schedule_);
    request.forecast = forecast_ || request.pace || request.schedule;
    request.explain = explain_;
    request.chart = chart_ || options.format == Format::html || options.format == Format::xlsx;
    request.units = options.format == Format::xlsx;
    if (chart_ && options.format != Format::table && options.format != Format::html && options.format != Format::xlsx)
        throw CLI::ValidationError("--chart",
                                   trf("the chart is drawn in the table, html and xlsx formats only, not in {}",
                                       format_names[static_cast<int>(options.format)]));
    if (options.format == Format::csv && (!by_.empty()) + (!list_.empty()) + (!since_.empty()) + explain_ > 1)
        throw CLI::ValidationError("--format csv",
                                   tr("csv holds one table: give only one of --by, --list, --since, --explain"));
    if (options.format == Format::html && files_.size() > 1)
        throw CLI::ValidationError("--format html", tr("the html page shows one plan; give one FILE"));
    options.wide = wide_;
    options.judge = upcoming_only_ ? Judge::upcoming : Judge::all;
    options.judge_parts = judge_parts_;
    request.league_sort = *parse_league_sort(sort_);
    options.color = no_color_ ? ColorMode::never : *parse_name<ColorMode>(color_mode_names, color_);
    return run_report(options);
}

}  // namespace ontrack
