// The html format: one self-contained page to share, print on A4 or read on a phone.
#include <fmt/format.h>

#include "charts.hpp"
#include "i18n.hpp"
#include "render.hpp"
#include "sections.hpp"
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
td.text { white-space: normal; min-width: 8rem; overflow-wrap: anywhere; }
td.date, th.date { white-space: nowrap; }
th.group { text-align: center; border-bottom: 1px solid var(--line); }
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

// A day as human_date writes it (dd/mm/yyyy or YYYY-MM-DD): never wrapped.
bool is_date_text(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t k = from; k < from + n; ++k)
            if (k >= s.size() || s[k] < '0' || s[k] > '9') return false;
        return true;
    };
    if (s.size() != 10) return false;
    return (digits(0, 2) && s[2] == '/' && digits(3, 2) && s[5] == '/' && digits(6, 4)) ||
           (digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2));
}

// One table in its own scrolling box. Column 0 is the name; `verdict`
// (when a column) is moved right after it, so that a phone shows both
// without scrolling; `verdict_classes[r]` colours row r's verdict.
std::string table(const std::string& css_class, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right = {},
                  std::size_t verdict = std::string::npos, const std::vector<std::string>& verdict_classes = {}) {
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < header.size(); ++c) order.push_back(c);
    if (verdict < order.size() && verdict > 1) {
        order.erase(order.begin() + static_cast<std::ptrdiff_t>(verdict));
        order.insert(order.begin() + 1, verdict);
    }
    auto is_right = [&](std::size_t c) { return c < right.size() && right[c]; };
    std::string out = fmt::format("<div class=\"table-wrap\"><table class=\"{}\">\n<thead>", css_class);
    // Headers "DATE: words" of adjacent columns share one cell for the date
    // above them (the breakdown's "31/12/2025: covered", "31/12/2025:
    // shortfall share"), so that no column is as wide as a date.
    std::vector<std::string> group(header.size()), label(header);
    bool grouped = false;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto colon = header[c].find(": ");
        if (colon != std::string::npos && is_date_text(std::string_view(header[c]).substr(0, colon))) {
            group[c] = header[c].substr(0, colon);
            label[c] = header[c].substr(colon + 2);
            grouped = true;
        }
    }
    auto th = [&](std::size_t c, const std::string& attributes) {
        return fmt::format("<th scope=\"col\"{}{}>{}</th>", attributes, is_right(c) ? " class=\"num\"" : "",
                           html_escape(label[c]));
    };
    if (grouped) {
        out += "<tr>";
        for (std::size_t k = 0; k < order.size();) {
            const std::size_t c = order[k];
            std::size_t span = 1;
            while (!group[c].empty() && k + span < order.size() && group[order[k + span]] == group[c]) ++span;
            out += group[c].empty() ? th(c, " rowspan=\"2\"")
                                    : fmt::format("<th scope=\"colgroup\" colspan=\"{}\" class=\"group date\">{}</th>",
                                                  span, html_escape(group[c]));
            k += span;
        }
        out += "</tr>\n<tr>";
        for (std::size_t c : order)
            if (!group[c].empty()) out += th(c, "");
        out += "</tr>";
    } else {
        out += "<tr>";
        for (std::size_t c : order) out += th(c, "");
        out += "</tr>";
    }
    out += "</thead>\n<tbody>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "<tr>";
        for (std::size_t c : order) {
            if (c >= rows[r].size()) continue;
            const std::string& cell = rows[r][c];
            std::string cls = c == 0                        ? "name"
                              : is_date_text(cell)          ? "date"
                              : is_right(c)                 ? "num"
                              : c == verdict                ? ""
                              : cell.find(' ') != cell.npos ? "text"
                                                            : "";
            if (c == verdict && r < verdict_classes.size() && !verdict_classes[r].empty()) cls = verdict_classes[r];
            out += cls.empty() ? fmt::format("<td>{}</td>", html_escape(cell))
                               : fmt::format("<td class=\"{}\">{}</td>", cls, html_escape(cell));
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string vietnamese_dated_line(std::string_view place, Date day) {
    const std::string date =
        fmt::format("ngày {:02} tháng {} năm {}", day.day(),
                    day.month() <= 2 ? fmt::format("{:02}", day.month()) : std::to_string(day.month()), day.year());
    return place.empty() ? "N" + date.substr(1) : fmt::format("{}, {}", place, date);
}

std::string official_header(const Report& r, std::optional<Date> made_on) {
    const bool vi = language() == Lang::vi;
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

std::string render_html(const Report& r, const ChartData& chart, const std::vector<HtmlSection>& sections,
                        std::optional<Date> made_on) {
    std::string out = fmt::format("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                                  language() == Lang::vi ? "vi" : "en");
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"ontrack\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n", html_escape(r.plan), style);

    out += official_header(r, made_on);
    out += fmt::format("<h1>{}</h1>\n", html_escape(r.plan));
    if (r.illustrative) out += fmt::format("<p class=\"warning\" role=\"note\">{}</p>\n", tr(illustrative_warning));
    if (!r.source.empty()) out += fmt::format("<p class=\"muted\">{}</p>\n", trf("Source: {}", html_escape(r.source)));
    if (!r.note.empty()) out += fmt::format("<p class=\"muted\">{}</p>\n", trf("Note: {}", html_escape(r.note)));
    out += fmt::format("<p class=\"summary\">{}</p>\n",
                       trn("As of <strong>{}</strong>: <strong>{} of {}</strong> unit drug-free ({}).",
                           "As of <strong>{}</strong>: <strong>{} of {}</strong> units drug-free ({}).",
                           static_cast<std::uint64_t>(r.total), human_date(r.as_of), human_count(r.covered),
                           human_count(r.total), share_text(r.covered, r.total)));

    // The milestones, with the same columns as the table format.
    out += fmt::format("<section>\n<h2>{}</h2>\n", tr("Milestones"));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> verdict_classes;
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        rows.push_back(milestone_row(m, k));
        verdict_classes.push_back(is_good(m.verdict) ? "ok" : "bad");
    }
    if (rows.empty())
        out += fmt::format("<p>{}</p>\n</section>\n", tr(no_milestones_note));
    else
        out += table("milestones", milestone_header(), rows, milestone_right, milestone_right.size() - 1,
                     verdict_classes) +
               fmt::format("<p class=\"muted\">{}</p>\n</section>\n", tr(upcoming_rule));

    // The overdue list and the counts after it.
    out += fmt::format("<section>\n<h2>{}</h2>\n", tr("Overdue"));
    out += fmt::format("<p>{}</p>\n", trf("Overdue (planned date passed, not drug-free): {}",
                                          human_count(static_cast<std::int64_t>(r.overdue.size()))));
    if (!r.overdue.empty()) {
        out += "<ul class=\"overdue\">\n";
        for (const LocalityRef& ref : r.overdue)
            out += fmt::format("<li>{}</li>\n",
                               trf("{}, planned {}", html_escape(locality_label(ref)), human_date(*ref.planned)));
        out += "</ul>\n";
    }
    out += fmt::format("<p>{}</p>\n", trf("Planned after {}: {}", human_date(r.as_of), human_count(r.planned_ahead)));
    const auto no_plan = static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted;
    if (r.unlisted > 0)
        out +=
            fmt::format("<p>{}</p>\n",
                        trf("Uncovered with no plan: {} ({} listed, {} not listed in the plan)", human_count(no_plan),
                            human_count(static_cast<std::int64_t>(r.unplanned.size())), human_count(r.unlisted)));
    else
        out += fmt::format("<p>{}</p>\n", trf("Uncovered with no plan: {}", human_count(no_plan)));
    out += "</section>\n";

    out += fmt::format("<section id=\"burn-up\">\n<h2>{}</h2>\n<figure>\n", tr("Burn-up"));
    out += render_chart_legend();
    out += render_chart_svg(chart);
    out += fmt::format("<figcaption>{}</figcaption>\n</figure>\n</section>\n",
                       trf("Drug-free units (solid line) up to {}, the planned certifications after it (dashed) and "
                           "the milestone targets (steps), out of {}.",
                           human_date(chart.as_of), human_count(chart.total)));

    for (const HtmlSection& section : sections) {
        out += fmt::format("<section>\n<h2>{}</h2>\n", html_escape(section.title));
        if (!section.rows.empty())
            out += table("section", section.header, section.rows, section.right, section.verdict_column);
        else if (section.notes.empty())
            out += fmt::format("<p>{}</p>\n", tr("None."));
        for (const std::string& note : section.notes) out += fmt::format("<p>{}</p>\n", html_escape(note));
        out += "</section>\n";
    }

    out += fmt::format("<footer>{}</footer>\n",
                       trf("Made by ontrack from {} on the data as of {}.", html_escape(r.file), human_date(r.as_of)));
    return out + "</main>\n</body>\n</html>\n";
}

std::string render_html(const Analysis& a, const RenderOptions& options) {
    std::vector<HtmlSection> sections;
    for (const Section& s : analysis_sections(a)) {
        sections.push_back(HtmlSection{s.title, s.header, s.rows, s.notes, s.right, s.verdict_column});
    }
    return render_html(a.report, a.chart ? *a.chart : ChartData{}, sections, options.today);
}

}  // namespace ontrack
