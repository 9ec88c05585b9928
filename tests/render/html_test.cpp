// render_html and render_chart_svg: a self-contained page, every plan text
// escaped, the chart's coordinates computed by hand.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "chart_builders.hpp"
#include "chart_data.hpp"
#include "charts.hpp"
#include "i18n.hpp"
#include "report.hpp"

using namespace ontrack;
using ontrack::test::three_year_chart;

namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

const std::string hostile = "<script>alert(1)</script> & \"q\" 'x'";
const std::string hostile_escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39;";

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

MilestoneResult milestone(std::string name, Date deadline, std::int64_t percent, bool upcoming, std::int64_t required,
                          std::int64_t covered, std::int64_t planned, Verdict verdict) {
    MilestoneResult m;
    m.name = std::move(name);
    m.deadline = deadline;
    m.target.kind = Target::Kind::percent;
    m.target.percent.units = percent;
    m.target.percent.scale = 0;
    m.upcoming = upcoming;
    m.required = required;
    m.covered = covered;
    m.planned = planned;
    m.shortfall = std::max<std::int64_t>(0, required - covered);
    m.verdict = verdict;
    return m;
}

// The Hai Phong numbers on 2026-11-23 (tests/e2e/expected/haiphong.table.out).
Report report() {
    Report r;
    r.file = "data/haiphong.toml";
    r.plan = "Hai Phong";
    r.as_of = day(2026, 11, 23);
    r.total = 114;
    r.listed = 114;
    r.covered = 41;
    r.milestones = {milestone("Phase 1", day(2025, 12, 31), 30, false, 35, 37, 0, Verdict::met),
                    milestone("", day(2027, 12, 31), 45, true, 52, 52, 11, Verdict::on_track),
                    milestone("Phase 3", day(2030, 12, 31), 60, true, 69, 57, 16, Verdict::behind)};
    LocalityRef an_lao;
    an_lao.name = "An Lão";
    an_lao.id = "11629";
    an_lao.planned = day(2026, 6, 30);
    r.overdue = {an_lao};
    r.planned_ahead = 16;
    return r;
}

std::vector<HtmlSection> sections() {
    HtmlSection kinds{"By kind",
                      {"Kind", "Units", "Drug-free"},
                      {{"phường", "45", "20"}, {"xã", "67", "19"}},
                      {},
                      {false, true, true}};
    HtmlSection empty{"Nothing here", {"Locality"}, {}};
    return {kinds, empty};
}

}  // namespace

TEST_CASE("html page structure", "[html]") {
    const std::string page = render_html(report(), three_year_chart(), sections());
    CHECK(page.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(page.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(page.find("<title>Hai Phong</title>") != std::string::npos);
    CHECK(page.size() >= 16);
    CHECK(page.substr(page.size() - 16) == "</body>\n</html>\n");
    for (const char* tag : {"html", "head", "body", "main", "style", "title", "table", "thead", "tbody", "section",
                            "figure", "svg", "ul", "tr"})
        CHECK(count(page, std::string("<") + tag + ">") + count(page, std::string("<") + tag + " ") ==
              count(page, std::string("</") + tag + ">"));
    CHECK(count(page, "<section") == 5);  // milestones, overdue, chart, 2 sections
    CHECK(page.find("The dates in this plan are illustrative") == std::string::npos);
    // 41 of 114 is 35.96%: 36.0%.
    CHECK(page.find("As of <strong>2026-11-23</strong>: <strong>41 of 114</strong> units drug-free (36.0%).") !=
          std::string::npos);
}

TEST_CASE("html milestone table has the table format's columns and classed verdicts", "[html]") {
    const std::string page = render_html(report(), three_year_chart(), {});
    // The verdict comes second, after the name, so that a phone shows both; numbers are classed "num"
    // (right-aligned), dates "date" (never wrapped), names "name".
    CHECK(page.find("<thead><tr><th scope=\"col\">Milestone</th><th scope=\"col\">Verdict</th><th "
                    "scope=\"col\">Deadline</th><th scope=\"col\" class=\"num\">Target</th><th scope=\"col\" "
                    "class=\"num\">Required</th><th scope=\"col\" class=\"num\">Certified units</th><th scope=\"col\" "
                    "class=\"num\">Planned more</th><th scope=\"col\" class=\"num\">Expected total</th><th "
                    "scope=\"col\" class=\"num\">Shortfall</th></tr></thead>") != std::string::npos);
    // Past: planned and expected are "-". Unnamed: "Milestone 2". Upcoming: certified 41 now, planned 11
    // and 16, expected 52 and 57. Shortfall 69 - 57 = 12.
    CHECK(page.find("<tr><td class=\"name\">Phase 1</td><td class=\"ok\">met</td><td class=\"date\">2025-12-31</td>"
                    "<td class=\"num\">30%</td><td class=\"num\">35</td><td class=\"num\">37</td><td "
                    "class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">0</td></tr>") != std::string::npos);
    CHECK(page.find("<tr><td class=\"name\">Milestone 2</td><td class=\"ok\">on-track</td><td "
                    "class=\"date\">2027-12-31</td><td class=\"num\">45%</td><td class=\"num\">52</td><td "
                    "class=\"num\">41</td><td class=\"num\">11</td><td class=\"num\">52</td><td "
                    "class=\"num\">0</td></tr>") != std::string::npos);
    CHECK(page.find("<tr><td class=\"name\">Phase 3</td><td class=\"bad\">behind</td><td "
                    "class=\"date\">2030-12-31</td><td class=\"num\">60%</td><td class=\"num\">69</td><td "
                    "class=\"num\">41</td><td class=\"num\">16</td><td class=\"num\">57</td><td "
                    "class=\"num\">12</td></tr>") != std::string::npos);
    CHECK(page.find("<li>An Lão (11629), planned 2026-06-30</li>") != std::string::npos);
    CHECK(page.find("<p>Planned after 2026-11-23: 16</p>") != std::string::npos);
    CHECK(page.find("<p>Uncovered with no plan: 0</p>") != std::string::npos);
}

TEST_CASE("html sections become tables and an empty one says so", "[html]") {
    const std::string page = render_html(report(), three_year_chart(), sections());
    CHECK(page.find("<h2>By kind</h2>\n<div class=\"table-wrap\"><table class=\"section\">\n<thead><tr><th "
                    "scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Units</th><th scope=\"col\" "
                    "class=\"num\">Drug-free</th></tr></thead>\n<tbody>\n<tr><td class=\"name\">phường</td><td "
                    "class=\"num\">45</td><td class=\"num\">20</td></tr>\n<tr><td class=\"name\">xã</td><td "
                    "class=\"num\">67</td><td class=\"num\">19</td></tr>\n</tbody>") != std::string::npos);
    CHECK(page.find("<h2>Nothing here</h2>\n<p>None.</p>") != std::string::npos);
    // The chart comes before the sections.
    CHECK(page.find("<svg") < page.find("<h2>By kind</h2>"));
}

TEST_CASE("html escapes every text from the plan", "[html]") {
    Report r = report();
    r.plan = hostile;
    r.source = hostile;
    r.note = hostile;
    r.file = hostile;
    r.illustrative = true;
    r.milestones[0].name = hostile;
    r.overdue[0].name = hostile;
    r.overdue[0].id = hostile;
    HtmlSection s{hostile, {hostile}, {{hostile}}};
    const std::string page = render_html(r, three_year_chart(), {s});
    CHECK(lower(page).find("<script") == std::string::npos);
    CHECK(page.find("alert(1)</script>") == std::string::npos);
    CHECK(page.find("<title>" + hostile_escaped + "</title>") != std::string::npos);
    CHECK(page.find("<h1>" + hostile_escaped + "</h1>") != std::string::npos);
    CHECK(page.find("Source: " + hostile_escaped + "</p>") != std::string::npos);
    CHECK(page.find("Note: " + hostile_escaped + "</p>") != std::string::npos);
    CHECK(page.find("<td class=\"name\">" + hostile_escaped + "</td><td class=\"ok\">met</td>") != std::string::npos);
    CHECK(page.find("<li>" + hostile_escaped + " (" + hostile_escaped + "), planned 2026-06-30</li>") !=
          std::string::npos);
    CHECK(page.find("<h2>" + hostile_escaped + "</h2>") != std::string::npos);
    CHECK(page.find("<th scope=\"col\">" + hostile_escaped + "</th>") != std::string::npos);
    CHECK(page.find("<tr><td class=\"name\">" + hostile_escaped + "</td></tr>") != std::string::npos);
    CHECK(page.find("from " + hostile_escaped + " on") != std::string::npos);
    // Eleven copies: title, h1, source, note, milestone, overdue name and id, section title, header, cell, file.
    CHECK(count(page, hostile_escaped) == 11);
    CHECK(page.find("<p class=\"warning\" role=\"note\">The dates in this plan are illustrative, not official "
                    "records.</p>") != std::string::npos);
}

TEST_CASE("html escape writes the five special characters and makes controls visible", "[html]") {
    CHECK(html_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    CHECK(html_escape("\x1b[31mred") == "\\x1b[31mred");
    CHECK(html_escape("An Lão") == "An Lão");
}

TEST_CASE("html page is self-contained and prints on A4", "[html]") {
    const std::string page = render_html(report(), three_year_chart(), sections());
    const std::string low = lower(page);
    CHECK(low.find("http://") == std::string::npos);
    CHECK(low.find("https://") == std::string::npos);
    CHECK(low.find("src=") == std::string::npos);
    CHECK(low.find("href=") == std::string::npos);
    CHECK(low.find("url(") == std::string::npos);
    CHECK(low.find("@import") == std::string::npos);
    CHECK(low.find("<link") == std::string::npos);
    CHECK(low.find("<script") == std::string::npos);
    const auto print = page.find("@media print {");
    REQUIRE(print != std::string::npos);
    CHECK(page.find("@page { size: A4; margin: 15mm }", print) != std::string::npos);
    CHECK(page.find("break-inside: avoid", print) != std::string::npos);
    CHECK(page.find(".table-wrap { overflow-x: auto;") != std::string::npos);
}

TEST_CASE("svg chart coordinates", "[html]") {
    const std::string svg = render_chart_svg(three_year_chart());
    CHECK(svg.rfind("<svg class=\"chart\" viewBox=\"0 20 560 316\" width=\"100%\" style=\"height:auto;max-width:100%\"",
                    0) == 0);
    CHECK(svg.find("xmlns") == std::string::npos);
    // x = 52 + days * 484 / 1100 = 52 + 0.44 days; y = 296 - value * 252 / 10.
    // actual: day 0 -> 52.0; 182 -> 132.08; 425 -> 239.0; 548 -> 293.12.
    // 0 -> 296.0, 2 -> 245.6, 4 -> 195.2; no corner at as-of (4 stays 4).
    CHECK(svg.find("<polyline id=\"actual\" class=\"actual\" points=\"52.0,296.0 132.1,296.0 132.1,245.6 "
                   "239.0,245.6 239.0,195.2 293.1,195.2\"") != std::string::npos);
    // plan: 548 -> 293.1; 731 -> 373.64; 1100 -> 536.0; 6 -> 144.8.
    CHECK(svg.find("<polyline id=\"plan\" class=\"plan\" points=\"293.1,195.2 373.6,195.2 373.6,144.8 536.0,144.8\" "
                   "fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>") !=
          std::string::npos);
    // targets: 3 from the start to day 366 (213.04), then 7 to the end; 3 -> 220.4, 7 -> 119.6.
    const auto targets = svg.find("<g id=\"targets\"");
    REQUIRE(targets != std::string::npos);
    CHECK(svg.find("<polyline points=\"52.0,220.4 213.0,220.4 213.0,119.6 536.0,119.6\"", targets) !=
          std::string::npos);
    CHECK(svg.find("<circle cx=\"213.0\" cy=\"220.4\" r=\"3.5\"/>", targets) != std::string::npos);
    CHECK(svg.find("<circle cx=\"536.0\" cy=\"119.6\" r=\"3.5\"/>", targets) != std::string::npos);
    // as of: day 548.
    CHECK(svg.find("<line x1=\"293.1\" x2=\"293.1\"") != std::string::npos);
    CHECK(svg.find(">as of 2025-07-02</text>") != std::string::npos);
    // Years at 1 January: 2024 day 0 (52.0), 2025 day 366 (213.0), 2026 day 731 (373.6), 2027 day 1096 (534.24).
    for (const char* year : {"<text x=\"52.0\" y=\"316\">2024</text>", "<text x=\"213.0\" y=\"316\">2025</text>",
                             "<text x=\"373.6\" y=\"316\">2026</text>", "<text x=\"534.2\" y=\"316\">2027</text>"})
        CHECK(svg.find(year) != std::string::npos);
    // Values: steps of 2 up to the total 10 (10 / 2 = 5 intervals, at most 6); 10 -> y 44, label at 48.5.
    CHECK(svg.find("<text x=\"46\" y=\"48.5\">10</text>") != std::string::npos);
    CHECK(count(svg, "<text x=\"46\"") == 6);
    // The legend is the page's, not the drawing's.
    CHECK(svg.find("legend") == std::string::npos);
}

TEST_CASE("html chart legend is a list that wraps, after the chart's heading", "[html]") {
    const std::string legend = render_chart_legend();
    CHECK(legend.rfind("<ul class=\"legend\">\n", 0) == 0);
    CHECK(count(legend, "<li>") == 4);
    for (const char* label : {"</svg>Drug-free</li>", "</svg>Planned</li>", "</svg>Target</li>", "</svg>As of</li>"})
        CHECK(legend.find(label) != std::string::npos);
    const std::string page = render_html(report(), three_year_chart(), {});
    CHECK(page.find(legend) != std::string::npos);
    CHECK(page.find(legend) < page.find("<svg class=\"chart\""));
    // Lays out in a wrapping row: items never overlap on a phone.
    CHECK(page.find("ul.legend { list-style: none; padding: 0; margin: 0 0 0.25rem; display: flex; flex-wrap: wrap;") !=
          std::string::npos);
}

TEST_CASE("html table: headers 'DATE: words' share the date above them; dates never wrap", "[html]") {
    HtmlSection by{"By kind",
                   {"Kind", "Units", "2025-12-31: covered", "2025-12-31: shortfall share", "2027-12-31: covered"},
                   {{"xã", "67", "20", "0", "29"}},
                   {},
                   {false, true, true, true, true}};
    const std::string page = render_html(report(), three_year_chart(), {by});
    // Kind and Units span both header rows; 2025-12-31 spans its two columns, 2027-12-31 its one.
    CHECK(page.find("<thead><tr><th scope=\"col\" rowspan=\"2\">Kind</th><th scope=\"col\" rowspan=\"2\" "
                    "class=\"num\">Units</th><th scope=\"colgroup\" colspan=\"2\" class=\"group date\">2025-12-31</th>"
                    "<th scope=\"colgroup\" colspan=\"1\" class=\"group date\">2027-12-31</th></tr>\n<tr><th "
                    "scope=\"col\" class=\"num\">covered</th><th scope=\"col\" class=\"num\">shortfall share</th><th "
                    "scope=\"col\" class=\"num\">covered</th></tr></thead>") != std::string::npos);
    CHECK(page.find("td.date, th.date { white-space: nowrap; }") != std::string::npos);
}

TEST_CASE("the Vietnamese dated line: leading zeros for days before 10 and months 1 and 2", "[html][header]") {
    CHECK(vietnamese_dated_line("Hải Phòng", day(2026, 11, 30)) == "Hải Phòng, ngày 30 tháng 11 năm 2026");
    CHECK(vietnamese_dated_line("Hải Phòng", day(2026, 2, 5)) == "Hải Phòng, ngày 05 tháng 02 năm 2026");
    CHECK(vietnamese_dated_line("Hà Nội", day(2027, 1, 9)) == "Hà Nội, ngày 09 tháng 01 năm 2027");
    CHECK(vietnamese_dated_line("Huế", day(2026, 3, 10)) == "Huế, ngày 10 tháng 3 năm 2026");
    CHECK(vietnamese_dated_line("", day(2026, 12, 1)) == "Ngày 01 tháng 12 năm 2026");
}

TEST_CASE("the official header: issuer, national heading, dated line in Vietnamese; issuer alone in English",
          "[html][header]") {
    Report r = report();
    CHECK(official_header(r, day(2026, 11, 30)).empty());  // no issuer, no place: no header
    r.issuer = "CÔNG AN THÀNH PHỐ HẢI PHÒNG";
    r.place = "Hải Phòng";
    {
        const LanguageScope vi(Lang::vi);
        const std::string header = official_header(r, day(2026, 11, 30));
        CHECK(header ==
              "<header class=\"official\">\n<div class=\"issuer\"><strong>CÔNG AN THÀNH PHỐ HẢI PHÒNG</strong><span "
              "class=\"rule\"></span></div>\n<div class=\"nation\"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
              "NAM</strong><strong class=\"motto\">Độc lập - Tự do - Hạnh phúc</strong><p class=\"dated\">Hải Phòng, "
              "ngày 30 tháng 11 năm 2026</p></div>\n</header>\n");
        // The page opens with it, before the title; the as-of day (23/11/2026) is in the body.
        const std::string page = render_html(r, three_year_chart(), {}, day(2026, 11, 30));
        CHECK(page.find(header) < page.find("<h1>"));
        CHECK(page.find("<main>\n" + header) != std::string::npos);
        CHECK(page.find("Tính đến ngày <strong>23/11/2026</strong>") != std::string::npos);
        // Only a place: the national heading and the dated line, no issuer.
        Report placed = report();
        placed.place = "Hải Phòng";
        CHECK(official_header(placed, day(2026, 11, 30)).find("<div class=\"issuer\"></div>") != std::string::npos);
    }
    const std::string english = official_header(r, day(2026, 11, 30));
    CHECK(english ==
          "<header class=\"official\">\n<div class=\"issuer\"><strong>CÔNG AN THÀNH PHỐ HẢI "
          "PHÒNG</strong><span class=\"rule\"></span></div>\n</header>\n");
    r.issuer.clear();
    CHECK(official_header(r, day(2026, 11, 30)).empty());  // English: a place alone has no header
    // Issuer text is escaped.
    r.issuer = "<b>&";
    CHECK(official_header(r, std::nullopt).find("<strong>&lt;b&gt;&amp;</strong>") != std::string::npos);
}
