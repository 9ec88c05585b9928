// render_chart_text: the burn-up chart for a terminal, checked cell by cell.
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "chart_builders.hpp"
#include "chart_data.hpp"
#include "charts.hpp"

using namespace ontrack;
using ontrack::test::point;
using ontrack::test::three_year_chart;

namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
        out.push_back(text.substr(at, nl - at));
    CHECK(at == text.size());  // every line ends with a newline
    return out;
}

// Code points: every character these charts use takes one terminal column.
std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string strip_sgr(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\x1b') {
            i = s.find('m', i);
            REQUIRE(i != std::string::npos);
            continue;
        }
        out += s[i];
    }
    return out;
}

}  // namespace

TEST_CASE("text chart of a tiny plan cell by cell", "[chart]") {
    // Labels 10, 7, 3 (0 is on the axis): 2 columns, then " ┤", so 30 - 4 = 26
    // plot columns. Column c starts on day 1100 * c / 25 = 44c and shows the
    // values on its last day, 44c + 43 (the as-of day 548 for column 12, the
    // last to start by as-of; column 25 is day 1100 alone).
    //   actual (columns 0-12): 0 up to column 3 (day 175 < 182), 2 in 4-8
    //     (ends 219..395), 4 in 9-12 (ends 439.. >= 425).
    //   plan (columns 13-25): 4 in 13-15 (ends 615..703), 6 from 16 (747 >= 731).
    //   target: 3 for the columns starting by day 366 (0-8), then 7 (9-25).
    // Rows hold the levels in (r, r + 1] quarters of 10: 3 and 4 row 1, 6 and
    // 7 row 2, 10 row 3. Blocks in eighths of a row, rounded: 2 -> 6.4 -> 6
    // (▆ in row 0), 4 -> 12.8 -> 13 (█ in row 0, ▅ in row 1).
    // Actual beats target, target beats plan (so the plan's 6 hides under the
    // target 7 in row 2).
    // 1 January: 2024 is column 0, 2025 (day 366) column 8, 2026 (day 731)
    // column 16, 2027 (day 1096) column 24, whose label would not fit.
    // The long legend takes 46 columns: the short one (26) is used, under the plot.
    const std::string expected =
        "10 ┤                          \n"
        " 7 ┤         ━━━━━━━━━━━━━━━━━\n"
        " 3 ┤━━━━━━━━━▅▅▅▅···          \n"
        "   │    ▆▆▆▆▆████             \n"
        " 0 └┬───────┬───────┬───────┬─\n"
        "    2024    2025    2026      \n"
        "    █ actual  · plan  ━ target\n";
    const std::string out = render_chart_text(three_year_chart(), 30, 4);
    CHECK(out == expected);
    for (const std::string& line : lines_of(out)) CHECK(columns(line) == 30);
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("text chart in colour is the same chart with SGR codes", "[chart]") {
    const std::string plain = render_chart_text(three_year_chart(), 30, 4, false);
    const std::string colored = render_chart_text(three_year_chart(), 30, 4, true);
    CHECK(colored.find("\x1b[32m") != std::string::npos);  // actual: green
    CHECK(colored.find("\x1b[36m") != std::string::npos);  // plan: cyan
    CHECK(colored.find("\x1b[33m") != std::string::npos);  // targets: yellow
    CHECK(strip_sgr(colored) == plain);
}

TEST_CASE("text chart is widened for its legend and keeps every line as wide", "[chart]") {
    const std::string out = render_chart_text(three_year_chart(), 10, 3);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 3 + 3);                                    // 3 rows, the axis, the years, the legend
    for (const std::string& line : lines) CHECK(columns(line) == 26);  // the short legend
    CHECK(lines.back() == "█ actual  · plan  ━ target");               // no room to indent it
}

TEST_CASE("text chart with a long legend at the default width", "[chart]") {
    const auto lines = lines_of(render_chart_text(three_year_chart()));
    REQUIRE(lines.size() == 12 + 3);
    for (const std::string& line : lines) CHECK(columns(line) == 72);
    // Indented past the labels (2) and the axis (2); 46 columns, then 72 - 4 - 46 = 22 spaces.
    CHECK(lines.back() == "    █ drug-free to 2025-07-02  · planned  ━ target" + std::string(22, ' '));
}

TEST_CASE("text chart of a single day shows a small count as the lowest block", "[chart]") {
    ChartData d;
    d.from = d.to = d.as_of = day(2025, 1, 1);
    d.total = 1000;
    d.actual = {point(day(2025, 1, 1), 1)};
    d.plan = {point(day(2025, 1, 1), 1)};
    // Label 1000 (4 columns): 26 - 6 = 20 plot columns, every one the same
    // day, all before or on as-of. 1 of 1000 in 2 rows is 0.016 eighths:
    // rounded to 0, shown as one eighth (▁) since it is not nothing. The one
    // 1 January (the first day) is in column 0.
    const std::string expected =
        "1000 ┤                    \n"
        "     │▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁\n"
        "   0 └┬───────────────────\n"
        "      2025                \n"
        "█ actual  · plan  ━ target\n";
    CHECK(render_chart_text(d, 26, 1) == expected);  // height 1 is raised to 2
}
