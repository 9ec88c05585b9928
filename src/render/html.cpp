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

constexpr const char* style = R"css(
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; overflow-wrap: anywhere; }
.muted { color: var(--muted); font-size: 0.9rem; }
.warning { border-left: 4px solid #bf8700; background: #fff8c5; padding: 0.5rem 0.75rem; }
.summary { font-size: 1.1rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f6f8fa; white-space: nowrap; }
td { white-space: nowrap; }
table.milestones td:first-child { white-space: normal; min-width: 10rem; }
table.milestones td:nth-child(n+3):nth-child(-n+8), table.milestones th:nth-child(n+3):nth-child(-n+8) {
  text-align: right; }
td.ok { color: var(--ok); }
td.bad { color: var(--bad); font-weight: 600; }
ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
figure { margin: 0.5rem 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.8rem; }
@media (max-width: 40rem) {
  main { padding: 0.75rem; }
  svg.chart { font-size: 18px; }
  svg.chart .minor { display: none; }
  h1 { font-size: 1.25rem; }
  body { font-size: 15px; }
}
@media print {
  @page { size: A4; margin: 15mm }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  th, td { white-space: normal; padding: 0.15rem 0.4rem; }
  thead { display: table-header-group; }
  table, figure, tr, .warning { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string table(const std::string& css_class, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<std::string>& cell_classes = {}) {
    std::string out = fmt::format("<div class=\"table-wrap\"><table class=\"{}\">\n<thead><tr>", css_class);
    for (const std::string& h : header) out += fmt::format("<th scope=\"col\">{}</th>", html_escape(h));
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "<tr>";
        for (const std::string& cell : rows[r]) {
            // cell_classes[r] classes the last cell of row r (the verdict).
            const bool classed = r < cell_classes.size() && &cell == &rows[r].back() && !cell_classes[r].empty();
            out += classed ? fmt::format("<td class=\"{}\">{}</td>", cell_classes[r], html_escape(cell))
                           : fmt::format("<td>{}</td>", html_escape(cell));
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string render_html(const Report& r, const ChartData& chart, const std::vector<HtmlSection>& sections) {
    std::string out = fmt::format("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                                  language() == Lang::vi ? "vi" : "en");
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"ontrack\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n", html_escape(r.plan), style);

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
        out += table("milestones", milestone_header(), rows, verdict_classes) +
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
    out += render_chart_svg(chart);
    out += fmt::format("<figcaption>{}</figcaption>\n</figure>\n</section>\n",
                       trf("Drug-free units (solid line) up to {}, the planned certifications after it (dashed) and "
                           "the milestone targets (steps), out of {}.",
                           human_date(chart.as_of), human_count(chart.total)));

    for (const HtmlSection& section : sections) {
        out += fmt::format("<section>\n<h2>{}</h2>\n", html_escape(section.title));
        if (!section.rows.empty())
            out += table("section", section.header, section.rows);
        else if (section.notes.empty())
            out += fmt::format("<p>{}</p>\n", tr("None."));
        for (const std::string& note : section.notes) out += fmt::format("<p>{}</p>\n", html_escape(note));
        out += "</section>\n";
    }

    out += fmt::format("<footer>{}</footer>\n",
                       trf("Made by ontrack from {} on the data as of {}.", html_escape(r.file), human_date(r.as_of)));
    return out + "</main>\n</body>\n</html>\n";
}

std::string render_html(const Analysis& a) {
    std::vector<HtmlSection> sections;
    for (const Section& s : analysis_sections(a)) {
        sections.push_back(HtmlSection{s.title, s.header, s.rows, s.notes});
    }
    return render_html(a.report, a.chart ? *a.chart : ChartData{}, sections);
}

}  // namespace ontrack
