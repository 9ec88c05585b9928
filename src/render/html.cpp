// The html format: one self-contained page to share, print on A4 or read on a phone.
#include <algorithm>

#include <fmt/format.h>

#include "charts.hpp"
#include "document.hpp"
#include "i18n.hpp"
#include "render.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {

std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : make_inert(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

// Every table shows whole at 1200 px (headers wrap, names wrap); on a phone
// a wide table scrolls inside its own box, never the page, with the name
// and the verdict first; dates never wrap; printed on A4 every column fits
// (smaller type, tighter cells, headers and names wrapped).
constexpr const char* style = R"css(
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; overflow-wrap: anywhere; }
p, li { margin: 0.5rem 0; max-width: 60rem; overflow-wrap: anywhere; }
li { margin: 0; }
.muted { color: var(--muted); font-size: 0.9rem; }
.warning { border-left: 4px solid #bf8700; background: #fff8c5; padding: 0.5rem 0.75rem; }
.summary { font-size: 1.1rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f6f8fa; vertical-align: bottom; min-width: 4.5rem; }
td { white-space: nowrap; }
td.name { white-space: normal; min-width: 10rem; max-width: 22rem; overflow-wrap: anywhere; }
td.text { white-space: normal; overflow-wrap: anywhere; }
td.date, th.date { white-space: nowrap; }
th.group { text-align: center; border-bottom: 1px solid var(--line); white-space: nowrap; }
td.num, th.num { text-align: right; }
td.ok { color: var(--ok); }
td.bad { color: var(--bad); font-weight: 600; }
ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
figure { margin: 0.5rem 0; max-width: 60rem; }
figure svg { display: block; width: 100%; height: auto; }
ul.legend { list-style: none; padding: 0; margin: 0 0 0.25rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem;
            font-size: 0.9rem; }
ul.legend li { display: flex; align-items: center; gap: 0.4rem; white-space: nowrap; }
ul.legend svg { display: inline; width: 28px; height: 14px; flex: none; }
figcaption { color: var(--muted); font-size: 0.9rem; }
header.official { display: grid; grid-template-columns: 2fr 3fr; gap: 1rem; margin: 0.25rem 0 1.25rem;
                  text-align: center; line-height: 1.35; overflow-wrap: anywhere; }
header.official strong { display: block; }
header.official .issuer strong { text-transform: uppercase; }
header.official .rule { display: block; width: 35%; margin: 0.25rem auto 0; border-top: 1px solid currentColor; }
header.official strong.motto { display: inline-block; border-bottom: 1px solid currentColor; padding-bottom: 0.15rem; }
header.official .dated { font-style: italic; margin: 0.6rem 0 0; max-width: none; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.8rem; }
@media (max-width: 40rem) {
  main { padding: 0.75rem; }
  svg.chart { font-size: 18px; }
  svg.chart .minor { display: none; }
  h1 { font-size: 1.25rem; }
  body { font-size: 15px; }
  td.name { min-width: 8rem; }
  th { white-space: nowrap; }
  header.official { font-size: 0.8rem; gap: 0.5rem; }
  td.name, th:first-child { position: sticky; left: 0; background: #fff; box-shadow: 1px 0 0 var(--line); }
  th:first-child { background: #f6f8fa; }
}
@media print {
  @page { size: A4; margin: 15mm }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: 0.1rem 0.25rem; }
  th { min-width: 0; }
  td.name, td.text { min-width: 6rem; max-width: none; }
  thead { display: table-header-group; }
  table, figure, tr, .warning { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

// The html class of a cell of this kind: how it aligns and wraps.
const char* cell_class(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::name: return "name";
        case ColumnKind::date: return "date";
        case ColumnKind::text: return "text";
        case ColumnKind::verdict: return "";
        case ColumnKind::count:
        case ColumnKind::decimal:
        case ColumnKind::percent: return "num";
    }
    return "";
}

// The columns in the order a phone needs them: the name, then the columns
// marked to come first and the verdicts, then the others.
std::vector<std::size_t> column_order(const Table& t) {
    std::vector<std::size_t> order;
    for (int pass = 0; pass < 3; ++pass)
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const Column& col = t.columns[c];
            const bool name = c == 0;
            const bool early = !name && (col.first || col.kind == ColumnKind::verdict);
            if ((pass == 0 && name) || (pass == 1 && early) || (pass == 2 && !name && !early)) order.push_back(c);
        }
    return order;
}

// One table in its own scrolling box; a group of columns shares a header
// cell above their own.
std::string table(const Table& t) {
    const std::vector<std::size_t> order = column_order(t);
    std::string out = fmt::format("<div class=\"table-wrap\"><table class=\"{}\">\n<thead>", t.id);
    auto th = [&](std::size_t c, const std::string& attributes) {
        return fmt::format("<th scope=\"col\"{}{}>{}</th>", attributes,
                           is_number(t.columns[c].kind) ? " class=\"num\"" : "", html_escape(t.columns[c].header));
    };
    const bool grouped =
        std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return !c.group.empty(); });
    if (grouped) {
        out += "<tr>";
        for (std::size_t k = 0; k < order.size();) {
            const std::string& group = t.columns[order[k]].group;
            std::size_t span = 1;
            while (!group.empty() && k + span < order.size() && t.columns[order[k + span]].group == group) ++span;
            out += group.empty() ? th(order[k], " rowspan=\"2\"")
                                 : fmt::format("<th scope=\"colgroup\" colspan=\"{}\" class=\"group\">{}</th>", span,
                                               html_escape(group));
            k += span;
        }
        out += "</tr>\n<tr>";
        for (std::size_t c : order)
            if (!t.columns[c].group.empty()) out += th(c, "");
        out += "</tr>";
    } else {
        out += "<tr>";
        for (std::size_t c : order) out += th(c, "");
        out += "</tr>";
    }
    out += "</thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t c : order) {
            if (c >= row.size()) continue;
            const Cell& cell = row[c];
            const std::string cls = cell.tone == Tone::good  ? "ok"
                                    : cell.tone == Tone::bad ? "bad"
                                                             : cell_class(t.columns[c].kind);
            out += cls.empty() ? fmt::format("<td>{}</td>", html_escape(cell.text))
                               : fmt::format("<td class=\"{}\">{}</td>", cls, html_escape(cell.text));
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

// A table with its heading, notes and the sentence for no rows; a list as
// its sentence over the items.
std::string block(const Table& t) {
    if (t.as_list) {
        std::string out = fmt::format("<p>{}</p>\n", html_escape(t.title));
        if (t.rows.empty()) return out;
        out += fmt::format("<ul class=\"{}\">\n", t.id);
        for (const auto& row : t.rows) {
            std::string item;
            for (const Cell& cell : row) item += (item.empty() ? "" : ", ") + cell.text;
            out += fmt::format("<li>{}</li>\n", html_escape(item));
        }
        return out + "</ul>\n";
    }
    std::string out = fmt::format("<section class=\"{}\">\n", t.id);
    if (!t.title.empty()) out += fmt::format("<h2>{}</h2>\n", html_escape(t.title));
    if (!t.rows.empty())
        out += table(t);
    else if (!t.empty.empty())
        out += fmt::format("<p>{}</p>\n", html_escape(t.empty));
    for (const std::string& note : t.notes)
        out += fmt::format("<p{}>{}</p>\n", t.title.empty() ? " class=\"muted\"" : "", html_escape(note));
    return out + "</section>\n";
}

const char* paragraph_class(Paragraph::Style kind) {
    switch (kind) {
        case Paragraph::Style::plain: return "";
        case Paragraph::Style::muted: return " class=\"muted\"";
        case Paragraph::Style::warning: return " class=\"warning\" role=\"note\"";
        case Paragraph::Style::summary: return " class=\"summary\"";
    }
    return "";
}

}  // namespace

std::string vietnamese_dated_line(std::string_view place, Date day) {
    const std::string date =
        fmt::format("ngày {:02} tháng {} năm {}", day.day(),
                    day.month() <= 2 ? fmt::format("{:02}", day.month()) : std::to_string(day.month()), day.year());
    return place.empty() ? "N" + date.substr(1) : fmt::format("{}, {}", place, date);
}

std::string official_header(const Report& r, std::optional<Date> made_on, Lang lang) {
    const bool vi = lang == Lang::vi;
    if (r.issuer.empty() && (!vi || r.place.empty())) return {};
    std::string out = "<header class=\"official\">\n<div class=\"issuer\">";
    if (!r.issuer.empty()) out += fmt::format("<strong>{}</strong><span class=\"rule\"></span>", html_escape(r.issuer));
    out += "</div>\n";
    if (vi) {
        // The national heading and motto: fixed Vietnamese text, on Vietnamese pages only.
        out +=
            "<div class=\"nation\"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>"
            "<strong class=\"motto\">Độc lập - Tự do - Hạnh phúc</strong>";
        if (made_on)
            out += fmt::format("<p class=\"dated\">{}</p>", html_escape(vietnamese_dated_line(r.place, *made_on)));
        out += "</div>\n";
    }
    return out + "</header>\n";
}

std::string render_html(const Document& d, const RenderOptions& options) {
    const Words w(d.lang);
    std::string out = fmt::format("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                                  d.lang == Lang::vi ? "vi" : "en");
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"ontrack\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n", html_escape(d.title), style);
    if (d.report) out += official_header(*d.report, options.today, d.lang);
    out += fmt::format("<h1>{}</h1>\n", html_escape(d.title));
    for (const Block& b : d.blocks) {
        if (b.kind == Block::Kind::paragraph) {
            out += fmt::format("<p{}>{}</p>\n", paragraph_class(b.paragraph.style), html_escape(b.paragraph.text));
        } else if (b.kind == Block::Kind::table) {
            out += block(b.table);
        } else {
            out += fmt::format("<section id=\"burn-up\">\n<h2>{}</h2>\n<figure>\n", html_escape(d.chart_title));
            out += render_chart_legend();
            out += render_chart_svg(*d.chart);
            out += fmt::format("<figcaption>{}</figcaption>\n</figure>\n</section>\n", html_escape(d.chart_caption));
        }
    }
    if (d.report)
        out += fmt::format("<footer>{}</footer>\n", w.trf("Made by ontrack from {} on the data as of {}.",
                                                          html_escape(d.report->file), w.date(d.report->as_of)));
    return out + "</main>\n</body>\n</html>\n";
}

}  // namespace ontrack
