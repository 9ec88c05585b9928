// The human report as data: every sentence, table and count a person reads,
// composed once from the analysis in the report's language (document_of),
// then printed by table, markdown, html and xlsx, which compose nothing of
// their own: alignment, CSS class, number format and header grouping come
// from a column's kind, never from a cell's text or a header's words.
//
// To add a table: write a function that returns a Table (document_tables.cpp
// holds the analysis' tables) and push it in the place a meeting reads it
// (document_of in document.cpp); every format prints it.
// To add a column: `table.columns.push_back({header, kind})` and one Cell of
// that kind on every row at the same position (cells are made with the
// *_cell functions below, which also set what sits behind the text).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "i18n.hpp"

namespace ontrack {

// What a column holds, which is how every format prints it: text wraps,
// a name is cut or wrapped as a name, numbers are right-aligned (numbers in
// xlsx), a date never wraps (a date in xlsx), a verdict is coloured.
enum class ColumnKind { text, name, count, date, decimal, percent, verdict };

bool is_number(ColumnKind kind);

struct Column {
    std::string header;
    ColumnKind kind = ColumnKind::text;
    // Adjacent columns with the same non-empty group share one header cell
    // above their own (html, xlsx) or are headed "group: header" (table,
    // markdown): the breakdown's "31/12/2025" over "covered" and "shortfall share".
    std::string group = {};
    // Shown right after the name where columns are reordered for a narrow
    // screen (html): the milestone's required count and shortfall.
    bool first = false;
};

// "group: header", or the header alone (table and markdown print this).
std::string full_header(const Column& column);

enum class Tone { plain, good, bad };

struct Cell {
    std::string text;                   // as every format shows it, in the report's language; "-" or "" for nothing
    std::optional<std::int64_t> count;  // count columns
    std::optional<Date> date;           // date columns (also a text cell that says something about a day)
    std::string number;                 // decimal and percent columns: the exact value, unlocalised ("0.12",
                                        // "36.0" for 36.0%); empty when the cell holds words ("due today")
    Tone tone = Tone::plain;            // a verdict's colour
};

Cell text_cell(std::string text);
Cell count_cell(std::int64_t n, Lang lang);
Cell date_cell(const std::optional<Date>& d, Lang lang);              // "-" without a day
Cell decimal_cell(const std::string& exact, Lang lang);               // "0.12" -> vi "0,12"
Cell percent_cell(std::int64_t part, std::int64_t whole, Lang lang);  // one decimal, rounded half up
Cell verdict_cell(std::string word, bool good);

struct Table {
    std::string id;     // what the table is, for html's class and for tests: "milestones", "forecast", …
    std::string title;  // a heading; empty for the milestone table, which follows the summary directly
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> notes = {};  // sentences after the rows
    std::string empty = {};               // the sentence shown instead of the rows when there are none
    // A short list under a sentence (the overdue units): `title` is the
    // sentence, the rows are shown as indented lines or list items without
    // a header (xlsx: a table with its header).
    bool as_list = false;
    // The xlsx sheet the table goes on (tables with one name share a
    // sheet); the report's head is on the summary sheet.
    std::string sheet = {};

    void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

// A paragraph of the report's head or between its tables.
struct Paragraph {
    enum class Style { plain, muted, warning, summary };
    std::string text;
    Style style = Style::plain;
};

// One piece of the report in reading order.
struct Block {
    enum class Kind { paragraph, table, chart };
    Kind kind;
    Paragraph paragraph = {};
    Table table = {};
};

struct Document {
    Lang lang = Lang::en;
    std::string title;                 // the plan's name
    const Report* report = nullptr;    // for what only one format shows (html's official header, its footer)
    const ChartData* chart = nullptr;  // the burn-up chart's series, where the chart block stands
    std::string chart_title;           // "Burn-up"
    std::string chart_caption;         // the sentence under the chart
    std::vector<Block> blocks;

    void paragraph(std::string text, Paragraph::Style style = Paragraph::Style::plain);
    void table(Table t);
    // Every table, in order (tests, xlsx).
    std::vector<const Table*> tables() const;
};

// The report of one plan and what its analysis holds, in `lang`.
Document document_of(const Analysis& analysis, Lang lang);

// Several plans given at once: each plan's document, then the roll-up (its
// sentence and the league of the plans).
struct ManyDocument {
    std::vector<Document> plans;
    std::string rollup_title;     // "Roll-up"
    std::string rollup_sentence;  // "34 plans: …"
    Table league;
};

ManyDocument document_of(const std::vector<Analysis>& analyses, const Rollup& rollup, const League& league, Lang lang);

}  // namespace ontrack
