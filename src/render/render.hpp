// Turning a Report, or a whole Analysis, into text: one renderer per output
// format.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.hpp"
#include "document.hpp"
#include "i18n.hpp"
#include "report.hpp"

namespace ontrack {

enum class Format { table, json, csv, markdown, html, xlsx };

inline constexpr const char* format_names[] = {"table", "json", "csv", "markdown", "html", "xlsx"};

std::optional<Format> parse_format(std::string_view name);

struct RenderOptions {
    bool color = false;  // ANSI colour in the table format
    // The terminal's width in columns when the table goes to a terminal (and
    // not --wide): wide tables are wrapped to fit it. 0: no terminal fit.
    std::size_t terminal_width = 0;
    bool bom = false;  // a UTF-8 byte order mark before csv (for spreadsheets that need one)
    LeagueSort league_sort = LeagueSort::shortfall;  // the league of plans given at once
    std::optional<Date> today = std::nullopt;        // the day the report is made: the html page's official header
    Lang lang = Lang::en;                            // the human formats' language (csv and json are English)
};

// The format a file name's extension asks for (.xlsx .html .csv .json .md),
// as hledger picks it for -o; nullopt for any other.
std::optional<Format> format_of_file_name(std::string_view path);

// The human formats print the document (document.hpp) and compose nothing:
// table (aligned columns for a terminal), markdown, html (one self-contained
// page) and xlsx (render_xlsx below).
std::string render_table(const Document& document, const RenderOptions& options);
std::string render_table(const ManyDocument& document, const RenderOptions& options);
std::string render_markdown(const Document& document);
std::string render_markdown(const ManyDocument& document);
std::string render_html(const Document& document, const RenderOptions& options = {});

// The same from the analysis (its document in the options' language).
std::string render_table(const Report& report, const RenderOptions& options);
std::string render_table(const Analysis& analysis, const RenderOptions& options);
std::string render_markdown(const Report& report, Lang lang = Lang::en);
std::string render_markdown(const Analysis& analysis, Lang lang = Lang::en);
std::string render_html(const Analysis& analysis, const RenderOptions& options = {});

std::string render_json(const Report& report);
std::string render_csv(const Report& report);
std::string render_json(const Analysis& analysis);
// csv holds one table: the list (--list), else the breakdown (--by), else the
// changes (--since), else the milestones with their forecast.
std::string render_csv(const Analysis& analysis);

// Several plans: each report, then the roll-up (table, markdown), or one
// document holding them all (json: {"plans": [...], "rollup": {...}}; csv:
// every plan's rows under one header). html takes one plan.
// The roll-up gains the league table of the plans.
std::string render_json_many(const std::vector<Analysis>& analyses, const Rollup& rollup, const League& league);
std::string render_csv_many(const std::vector<Analysis>& analyses);

// A workbook (the bytes of an .xlsx file), in the current language: a
// summary sheet per plan with its milestones and a native burn-up chart, a
// sheet of units, and a sheet for each of --forecast, --by, --since, --list;
// with several plans a roll-up sheet first.
// Several plans: their league in a sheet of its own, sorted by `sort`.
std::string render_xlsx(const std::vector<Analysis>& analyses, LeagueSort sort, Lang lang);

// The one entry point: switches on the format; one plan is rendered alone.
std::string render(const std::vector<Analysis>& analyses, Format format, const RenderOptions& options);
std::string render(const Report& report, Format format, const RenderOptions& options);

}  // namespace ontrack
