// render_html: the printer of the document as one self-contained page;
// its markup only (what the page says is the document's, tested in
// document_test.cpp), every plan text escaped.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "chart_builders.hpp"
#include "chart_data.hpp"
#include "charts.hpp"
#include "document.hpp"
#include "i18n.hpp"
#include "render.hpp"
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

// A small document: one table of each shape the page prints.
Document small_document() {
    Document d;
    d.title = "Plan";
    d.paragraph("As of 2026-11-23: 41 of 114 units drug-free (36.0%)", Paragraph::Style::summary);
    d.paragraph("Careful", Paragraph::Style::warning);
    Table by;
    by.id = "breakdown";
    by.title = "By kind";
    by.columns = {{"Kind", ColumnKind::name},
                  {"Units", ColumnKind::count},
                  {"covered", ColumnKind::count, "2025-12-31"},
                  {"shortfall share", ColumnKind::count, "2025-12-31"},
                  {"covered", ColumnKind::count, "2027-12-31"},
                  {"Verdict", ColumnKind::verdict}};
    by.add({text_cell("xã"), count_cell(67, Lang::en), count_cell(20, Lang::en), count_cell(0, Lang::en),
            count_cell(29, Lang::en), verdict_cell("behind", false)});
    by.notes = {"A note."};
    d.table(by);
    Table list;
    list.id = "overdue";
    list.as_list = true;
    list.title = "Overdue: 1";
    list.columns = {{"Locality", ColumnKind::name}, {"Planned", ColumnKind::date}};
    list.add({text_cell("An Lão (11629)"), text_cell("planned 2026-06-30")});
    d.table(list);
    Table none;
    none.id = "moved";
    none.title = "Nothing here";
    none.columns = {{"Locality", ColumnKind::name}};
    none.empty = "None.";
    d.table(none);
    return d;
}

}  // namespace

TEST_CASE("html page structure", "[html]") {
    const std::string page = render_html(small_document());
    CHECK(page.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(page.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(page.find("<title>Plan</title>") != std::string::npos);
    CHECK(page.size() >= 16);
    CHECK(page.substr(page.size() - 16) == "</body>\n</html>\n");
    for (const char* tag :
         {"html", "head", "body", "main", "style", "title", "table", "thead", "tbody", "section", "ul", "tr"})
        CHECK(count(page, std::string("<") + tag + ">") + count(page, std::string("<") + tag + " ") ==
              count(page, std::string("</") + tag + ">"));
    // A heading only over a titled table: the list is a sentence over its items.
    CHECK(count(page, "<h2>") == 2);
    CHECK(page.find("<p class=\"summary\">As of 2026-11-23: 41 of 114 units drug-free (36.0%)</p>") !=
          std::string::npos);
    CHECK(page.find("<p class=\"warning\" role=\"note\">Careful</p>") != std::string::npos);
    CHECK(page.find("<p>Overdue: 1</p>\n<ul class=\"overdue\">\n<li>An Lão (11629), planned 2026-06-30</li>\n</ul>") !=
          std::string::npos);
    CHECK(page.find("<h2>Nothing here</h2>\n<p>None.</p>") != std::string::npos);
}

TEST_CASE("html table: classes, order and header groups come from the columns' kinds", "[html]") {
    const std::string page = render_html(small_document());
    // The verdict right after the name (a phone shows both); Kind and Units span both header rows;
    // 2025-12-31 spans its two columns, 2027-12-31 its one.
    CHECK(page.find("<thead><tr><th scope=\"col\" rowspan=\"2\">Kind</th><th scope=\"col\" "
                    "rowspan=\"2\">Verdict</th><th scope=\"col\" rowspan=\"2\" class=\"num\">Units</th><th "
                    "scope=\"colgroup\" colspan=\"2\" class=\"group\">2025-12-31</th><th scope=\"colgroup\" "
                    "colspan=\"1\" class=\"group\">2027-12-31</th></tr>\n<tr><th scope=\"col\" "
                    "class=\"num\">covered</th><th scope=\"col\" class=\"num\">shortfall share</th><th scope=\"col\" "
                    "class=\"num\">covered</th></tr></thead>") != std::string::npos);
    CHECK(page.find("<tr><td class=\"name\">xã</td><td class=\"bad\">behind</td><td class=\"num\">67</td><td "
                    "class=\"num\">20</td><td class=\"num\">0</td><td class=\"num\">29</td></tr>") !=
          std::string::npos);
}

TEST_CASE("html escapes every text from the plan", "[html]") {
    Analysis a;
    a.report = report();
    Report& r = a.report;
    r.plan = hostile;
    r.source = hostile;
    r.note = hostile;
    r.file = hostile;
    r.illustrative = true;
    r.milestones[0].name = hostile;
    r.overdue[0].name = hostile;
    r.overdue[0].id = hostile;
    const std::string page = render_html(a);
    CHECK(lower(page).find("<script") == std::string::npos);
    CHECK(page.find("alert(1)</script>") == std::string::npos);
    CHECK(page.find("<title>" + hostile_escaped + "</title>") != std::string::npos);
    CHECK(page.find("<h1>" + hostile_escaped + "</h1>") != std::string::npos);
    CHECK(page.find("Source: " + hostile_escaped + "</p>") != std::string::npos);
    CHECK(page.find("Note: " + hostile_escaped + "</p>") != std::string::npos);
    CHECK(page.find("<td class=\"name\">" + hostile_escaped + "</td>") != std::string::npos);
    CHECK(page.find("<li>" + hostile_escaped + " (" + hostile_escaped + "), planned 2026-06-30</li>") !=
          std::string::npos);
    CHECK(page.find("from " + hostile_escaped + " on") != std::string::npos);
    // Eight copies: title, h1, source, note, milestone, overdue name and id, file.
    CHECK(count(page, hostile_escaped) == 8);
}

TEST_CASE("html escape writes the five special characters and makes controls visible", "[html]") {
    CHECK(html_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    CHECK(html_escape("\x1b[31mred") == "\\x1b[31mred");
    CHECK(html_escape("An Lão") == "An Lão");
}

TEST_CASE("html page is self-contained", "[html]") {
    Analysis a;
    a.report = report();
    a.chart = three_year_chart();
    const std::string low = lower(render_html(a));
    CHECK(low.find("<svg class=\"chart\"") != std::string::npos);
    CHECK(low.find("http://") == std::string::npos);
    CHECK(low.find("https://") == std::string::npos);
    CHECK(low.find("src=") == std::string::npos);
    CHECK(low.find("href=") == std::string::npos);
    CHECK(low.find("url(") == std::string::npos);
    CHECK(low.find("@import") == std::string::npos);
    CHECK(low.find("<link") == std::string::npos);
    CHECK(low.find("<script") == std::string::npos);
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
    CHECK(official_header(r, day(2026, 11, 30), Lang::en).empty());  // no issuer, no place: no header
    r.issuer = "CÔNG AN THÀNH PHỐ HẢI PHÒNG";
    r.place = "Hải Phòng";
    {
        const std::string header = official_header(r, day(2026, 11, 30), Lang::vi);
        CHECK(header ==
              "<header class=\"official\">\n<div class=\"issuer\"><strong>CÔNG AN THÀNH PHỐ HẢI PHÒNG</strong><span "
              "class=\"rule\"></span></div>\n<div class=\"nation\"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
              "NAM</strong><strong class=\"motto\">Độc lập - Tự do - Hạnh phúc</strong><p class=\"dated\">Hải Phòng, "
              "ngày 30 tháng 11 năm 2026</p></div>\n</header>\n");
        // The page opens with it, before the title; the as-of day (23/11/2026) is in the body.
        Analysis a;
        a.report = r;
        RenderOptions options;
        options.lang = Lang::vi;
        options.today = day(2026, 11, 30);
        const std::string page = render_html(a, options);
        CHECK(page.find(header) < page.find("<h1>"));
        CHECK(page.find("<main>\n" + header) != std::string::npos);
        CHECK(page.find("23/11/2026") != std::string::npos);
        // Only a place: the national heading and the dated line, no issuer.
        Report placed = report();
        placed.place = "Hải Phòng";
        CHECK(official_header(placed, day(2026, 11, 30), Lang::vi).find("<div class=\"issuer\"></div>") !=
              std::string::npos);
    }
    const std::string english = official_header(r, day(2026, 11, 30), Lang::en);
    CHECK(english ==
          "<header class=\"official\">\n<div class=\"issuer\"><strong>CÔNG AN THÀNH PHỐ HẢI "
          "PHÒNG</strong><span class=\"rule\"></span></div>\n</header>\n");
    r.issuer.clear();
    CHECK(official_header(r, day(2026, 11, 30), Lang::en).empty());  // English: a place alone has no header
    // Issuer text is escaped.
    r.issuer = "<b>&";
    CHECK(official_header(r, std::nullopt, Lang::en).find("<strong>&lt;b&gt;&amp;</strong>") != std::string::npos);
}
