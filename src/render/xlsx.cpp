// --format xlsx: the document (document.hpp) as a workbook for people who
// live in Excel. Every table of the document is one write_table, with
// counts as numbers, dates as dates and verdicts in their colours; only what
// has no text equivalent is written here on its own: the sheet of units and
// the native chart with its (hidden) data.
//
// Text is written as text, never as a formula, with control characters
// shown as visible escapes and cut with "…" at Excel's 32,767 characters
// (cell_text, xlsx_book.cpp). Every sheet prints on A4 landscape, one page
// wide, its header row repeated on every page.
#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

#include "compute.hpp"
#include "render.hpp"
#include "unicode.hpp"
#include "wording.hpp"
#include "xlsx_book.hpp"

namespace ontrack {
namespace {

// Excel's serial day (1900 date system): 1970-01-01 is 25569.
std::int64_t excel_day(Date d) {
    return static_cast<std::int64_t>(d.days) + 25569;
}

// The number format of a decimal or percent cell: as many places as its
// exact text has ("1.08" two, "36.0" one).
std::string decimal_format(const std::string& exact, ColumnKind kind) {
    const auto dot = exact.find('.');
    const std::size_t places = dot == std::string::npos ? 0 : std::min<std::size_t>(4, exact.size() - dot - 1);
    return kind == ColumnKind::percent ? (places == 0 ? "percent0" : "percent") : "decimal" + std::to_string(places);
}

// One cell as its column's kind asks: a count is a number, a date a date,
// a decimal or a percentage a number in its format, a verdict coloured.
void write_cell(Sheet& s, lxw_col_t col, const Column& column, const Cell& cell) {
    const char* tone = cell.tone == Tone::good ? "good" : cell.tone == Tone::bad ? "bad" : nullptr;
    if (cell.count) return s.number(col, static_cast<double>(*cell.count), tone, cell.text);
    if (cell.date) return s.date(col, *cell.date);
    if (!cell.number.empty()) {
        const double value = std::strtod(cell.number.c_str(), nullptr);
        const std::string format = decimal_format(cell.number, column.kind);
        return s.number(col, column.kind == ColumnKind::percent ? value / 100.0 : value, format.c_str(), cell.text);
    }
    s.text(col, cell.text, tone);
}

// Characters of a note's line: the width of the table it follows (at least
// a screen's worth).
double note_width(const Sheet& s, lxw_col_t columns) {
    double sum = 0;
    for (lxw_col_t c = 0; c < columns; ++c) sum += std::min<double>(60, std::max<double>(8, s.width(c) + 2.0));
    return std::max(sum, 80.0);
}

// A table of the document: its title, header, rows, then the sentence for
// no rows and its notes, each wrapped across the table's width. Returns the
// header's row, for repeating it on every printed page.
lxw_row_t write_table(Sheet& s, const Table& t) {
    const auto columns = static_cast<lxw_col_t>(std::max<std::size_t>(1, t.columns.size()));
    if (!t.title.empty()) {
        s.prose(0, t.title, t.as_list ? "bold" : "title");
        s.next_row();
    }
    const lxw_row_t header_row = s.row();
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(full_header(c));
    s.header(header);
    for (const auto& row : t.rows) {
        if (s.row() >= max_rows) break;
        for (lxw_col_t c = 0; c < row.size() && c < t.columns.size(); ++c) write_cell(s, c, t.columns[c], row[c]);
        s.next_row();
    }
    const double width = note_width(s, columns);
    if (t.rows.empty() && !t.empty.empty()) s.note(columns - 1, t.empty, width);
    for (const std::string& note : t.notes) s.note(columns - 1, note, width);
    s.next_row();
    return header_row;
}

// The burn-up chart's points as steps (straight lines between points; each
// change of value first gets a point at the old value).
struct ChartSeries {
    std::vector<ChartPoint> actual, plan, targets;
};

ChartSeries chart_series(const ChartData& c) {
    auto steps = [](const std::vector<ChartPoint>& points, Date end) {
        std::vector<ChartPoint> out;
        for (std::size_t k = 0; k < points.size(); ++k) {
            if (k > 0) out.push_back({points[k].date, points[k - 1].value});
            out.push_back(points[k]);
        }
        if (!points.empty() && points.back().date < end) out.push_back({end, points.back().value});
        return out;
    };
    return ChartSeries{steps(c.actual, c.as_of), steps(c.plan, c.to), c.targets};
}

// The chart on the summary sheet, drawing from the sheet `data_name` that
// write_chart_data() writes later.
void write_chart(Workbook& book, Sheet& summary, const std::string& data_name, const ChartData& c,
                 const ChartSeries& points, const Words& w) {
    lxw_chart* chart = lxw().workbook_add_chart(book.get(), LXW_CHART_SCATTER_STRAIGHT);
    auto series = [&](lxw_col_t x, std::size_t count, const std::string& name, std::uint32_t colour, bool markers) {
        if (count == 0) return;
        lxw_chart_series* s = lxw().chart_add_series(chart, nullptr, nullptr);
        lxw().chart_series_set_categories(s, data_name.c_str(), 1, x, static_cast<lxw_row_t>(count), x);
        lxw().chart_series_set_values(s, data_name.c_str(), 1, x + 1, static_cast<lxw_row_t>(count), x + 1);
        lxw().chart_series_set_name(s, name.c_str());
        lxw_chart_line line{};
        line.color = colour;
        line.width = 2.25;
        if (markers) line.none = LXW_TRUE;
        lxw().chart_series_set_line(s, &line);
        lxw().chart_series_set_marker_type(s, markers ? LXW_CHART_MARKER_DIAMOND : LXW_CHART_MARKER_NONE);
        if (markers) {
            lxw().chart_series_set_marker_size(s, 9);
            lxw_chart_fill fill{};
            fill.color = colour;
            lxw().chart_series_set_marker_fill(s, &fill);
            lxw_chart_line border{};
            border.color = colour;
            lxw().chart_series_set_marker_line(s, &border);
        }
    };
    series(0, points.actual.size(), w.tr("drug-free"), 0x2E7D32, false);
    series(2, points.plan.size(), w.tr("planned"), 0x1565C0, false);
    series(4, points.targets.size(), w.tr("target"), 0xC62828, true);
    lxw().chart_title_set_name(chart, w.tr("Units drug-free over time"));
    // Years on the date axis: a label a year apart from the day after 1
    // January (365.25 days keep every label within two days after a 1
    // January, so the year shown is the year that starts there).
    const int first = c.from.year(), last = c.to.year() + 1;
    lxw().chart_axis_set_min(chart->x_axis, static_cast<double>(excel_day(Date::from_ymd(first, 1, 1)) + 1));
    lxw().chart_axis_set_max(chart->x_axis, static_cast<double>(excel_day(Date::from_ymd(last, 1, 1)) + 1));
    lxw().chart_axis_set_major_unit(chart->x_axis, 365.25 * std::max(1, (last - first + 9) / 10));
    lxw().chart_axis_set_num_format(chart->x_axis, "yyyy");
    lxw().chart_axis_set_name(chart->y_axis, w.tr("units"));
    lxw().chart_axis_set_min(chart->y_axis, 0);
    lxw().chart_axis_set_max(chart->y_axis, static_cast<double>(std::max<std::int64_t>(c.total, 1)));
    lxw().chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options place{};
    place.x_scale = 1.6;
    place.y_scale = 1.3;
    lxw().worksheet_insert_chart_opt(summary.get(), summary.row() + 1, 0, chart, &place);
}

// The chart's data: a hidden sheet, never printed.
void write_chart_data(Workbook& book, const std::string& name, const ChartSeries& points, const Words& w) {
    Sheet data = book.add_claimed_sheet(name);
    lxw().worksheet_hide(data.get());
    data.header({w.tr("Date"), w.tr("Drug-free"), w.tr("Date"), w.tr("Planned"), w.tr("Date"), w.tr("Target")});
    const std::size_t n = std::max({points.actual.size(), points.plan.size(), points.targets.size()});
    for (std::size_t k = 0; k < n && data.row() < max_rows; ++k) {
        const std::vector<ChartPoint>* columns[] = {&points.actual, &points.plan, &points.targets};
        for (lxw_col_t c = 0; c < 3; ++c)
            if (k < columns[c]->size()) {
                data.date(2 * c, (*columns[c])[k].date);
                data.number(2 * c + 1, static_cast<double>((*columns[c])[k].value));
            }
        data.next_row();
    }
    data.finish(0);
}

// One row per locality, on as many sheets as Excel's row limit needs.
void write_units(Workbook& book, const std::vector<std::pair<const Analysis*, std::string>>& plans, const Words& w) {
    const bool with_plan = plans.size() > 1;
    std::vector<std::string> header;
    if (with_plan) header.push_back(w.tr("Plan"));
    for (const char* h : {N_("Code"), N_("Name"), N_("Kind"), N_("Status"), N_("Latest event"), N_("Event date"),
                          N_("Decision"), N_("Planned"), N_("Overdue"), N_("Plan moves")})
        header.push_back(w.tr(h));
    int part = 1;
    auto open = [&] {
        Sheet s = book.add_sheet(part == 1 ? std::string(w.tr("Units")) : fmt::format("{} {}", w.tr("Units"), part));
        s.header(header);
        lxw().worksheet_freeze_panes(s.get(), 1, 0);
        return s;
    };
    Sheet sheet = open();
    auto close = [&](Sheet& s) {
        if (s.row() > 1)
            lxw().worksheet_autofilter(s.get(), 0, 0, s.row() - 1, static_cast<lxw_col_t>(header.size() - 1));
        s.finish(0);
    };
    for (const auto& [analysis, plan_name] : plans) {
        if (!analysis->units) continue;
        for (const UnitStatus& u : *analysis->units) {
            if (sheet.row() >= max_rows) {
                close(sheet);
                ++part;
                sheet = open();
            }
            lxw_col_t c = 0;
            if (with_plan) sheet.text(c++, plan_name);
            sheet.text(c++, u.id);
            sheet.text(c++, u.name);
            sheet.text(c++, u.kind);
            // A revoked unit is shown as revoked, not as one never recognised.
            const bool revoked = u.latest && u.latest->kind == EventKind::revoked;
            sheet.text(c++,
                       u.drug_free ? w.tr("drug-free")
                       : revoked   ? w.tr("revoked")
                                   : w.tr("not drug-free"),
                       u.drug_free ? "good"
                       : revoked   ? "bad"
                                   : nullptr);
            if (u.latest) {
                sheet.text(c++, w.tr(u.latest->kind == EventKind::certified ? N_("certified") : N_("revoked")));
                sheet.date(c++, u.latest->date);
                if (!u.latest->decision().empty()) sheet.text(c, u.latest->decision());
                ++c;
            } else {
                c += 3;
            }
            sheet.maybe_date(c++, u.planned);
            if (u.overdue) sheet.text(c, w.tr("overdue"), "bad");
            ++c;
            sheet.number(c, static_cast<double>(u.plan_moves), nullptr, std::to_string(u.plan_moves));
            sheet.next_row();
        }
    }
    close(sheet);
}

// The head of one plan's document (its sentences, the milestones, the
// overdue units) on its summary sheet, the chart under it.
void write_summary(Workbook& book, Sheet& s, const Document& d,
                   std::vector<std::pair<std::string, ChartSeries>>& charts) {
    const Words w(d.lang);
    s.prose(0, d.title, "title");
    s.next_row();
    for (const Block& b : d.blocks) {
        if (b.kind == Block::Kind::paragraph) {
            s.note(8, b.paragraph.text, 100, b.paragraph.style == Paragraph::Style::warning ? "warning" : "wrap");
        } else if (b.kind == Block::Kind::table && b.table.sheet.empty()) {
            write_table(s, b.table);
        } else if (b.kind == Block::Kind::chart) {
            charts.emplace_back(book.claim_name(w.tr("Chart data")), chart_series(*d.chart));
            write_chart(book, s, charts.back().first, *d.chart, charts.back().second, w);
        }
    }
    // The summary fits one page or so: no header repeated over the chart.
    s.finish();
}

// The document's other tables, each on the sheet it names (one sheet for
// tables of one name, in order).
void write_sheets(Workbook& book, const Document& d) {
    std::vector<std::string> names;
    for (const Table* t : d.tables())
        if (!t->sheet.empty() && std::find(names.begin(), names.end(), t->sheet) == names.end())
            names.push_back(t->sheet);
    for (const std::string& name : names) {
        Sheet s = book.add_sheet(name);
        std::optional<lxw_row_t> header_row;
        for (const Table* t : d.tables())
            if (t->sheet == name) {
                const lxw_row_t row = write_table(s, *t);
                if (!header_row) header_row = row;
            }
        s.finish(header_row);
    }
}

// Several plans: one row per plan and the sum, then the roll-up's sentence.
void write_rollup(Workbook& book, const std::vector<Analysis>& analyses, const ManyDocument& m) {
    const Words w(m.plans.front().lang);
    Rollup rollup;
    for (const Analysis& a : analyses) add_to_rollup(rollup, a.report);
    Table t;
    t.title = m.rollup_title;
    t.columns = {{w.tr("Plan"), ColumnKind::name},
                 {w.tr("File"), ColumnKind::text},
                 {w.tr("Units in the plan"), ColumnKind::count},
                 {w.tr("Drug-free now"), ColumnKind::count},
                 {w.tr("Share drug-free now"), ColumnKind::percent},
                 {w.tr("Milestones missed or behind"), ColumnKind::count}};
    for (const Analysis& a : analyses) {
        const Report& r = a.report;
        std::int64_t bad = 0;
        for (const MilestoneResult& ms : r.milestones) bad += !is_good(ms.verdict);
        Cell missed = count_cell(bad, w.lang());
        missed.tone = bad ? Tone::bad : Tone::plain;
        t.add({text_cell(r.plan), text_cell(r.file), count_cell(r.total, w.lang()), count_cell(r.covered, w.lang()),
               percent_cell(r.covered, r.total, w.lang()), missed});
    }
    t.add({text_cell(w.tr("All plans")), text_cell(""), count_cell(rollup.total, w.lang()),
           count_cell(rollup.covered, w.lang()), percent_cell(rollup.covered, rollup.total, w.lang()),
           count_cell(rollup.milestones_bad, w.lang())});
    t.notes.push_back(m.rollup_sentence);
    Sheet s = book.add_sheet(m.rollup_title);
    s.finish(write_table(s, t));
    Sheet parts = book.add_sheet(m.league.sheet);
    parts.finish(write_table(parts, m.league));
}

}  // namespace

std::string render_xlsx(const std::vector<Analysis>& analyses, LeagueSort sort, Lang lang) {
    const Words w(lang);
    const TempFile file;
    {
        Workbook book(file.path(), lang);
        std::vector<Document> documents;
        if (analyses.size() > 1) {
            Rollup rollup;
            std::vector<const Report*> reports;
            for (const Analysis& a : analyses) {
                add_to_rollup(rollup, a.report);
                reports.push_back(&a.report);
            }
            ManyDocument m = document_of(analyses, rollup, league(reports, sort), lang);
            write_rollup(book, analyses, m);
            documents = std::move(m.plans);
        } else {
            for (const Analysis& a : analyses) documents.push_back(document_of(a, lang));
        }
        std::vector<std::pair<const Analysis*, std::string>> plans;
        std::vector<std::pair<std::string, ChartSeries>> charts;  // written last, after the sheets people read
        for (std::size_t k = 0; k < analyses.size(); ++k) {
            const Analysis& a = analyses[k];
            Sheet summary = book.add_sheet(analyses.size() > 1 ? a.report.plan : std::string(w.tr("Summary")));
            write_summary(book, summary, documents[k], charts);
            plans.emplace_back(&a, a.report.plan);
        }
        write_units(book, plans, w);
        if (analyses.size() == 1) write_sheets(book, documents.front());
        for (const auto& [name, points] : charts) write_chart_data(book, name, points, w);
        book.close();
    }
    return read_bytes(file.path());
}

}  // namespace ontrack
