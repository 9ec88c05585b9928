// render_chart_svg's value axis for totals up to INT64_MAX: no overflow, no
// negative label, bounded time (the coordinates are in html_test.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "chart_builders.hpp"
#include "charts.hpp"
#include "i18n.hpp"

using ontrack::ChartData;
using ontrack::render_chart_svg;

namespace {

// The labels of the value axis, top to bottom in file order.
std::vector<std::string> value_labels(const std::string& svg) {
    std::vector<std::string> out;
    const auto begin = svg.find("<g class=\"y-axis\"");
    const auto end = svg.find("</g>", begin);
    for (auto at = svg.find("<text x=\"46\"", begin); at < end; at = svg.find("<text x=\"46\"", at + 1)) {
        const auto open = svg.find('>', at) + 1;
        out.push_back(svg.substr(open, svg.find('<', open) - open));
    }
    return out;
}

ChartData with_total(std::int64_t total) {
    ChartData d = ontrack::test::three_year_chart();
    d.total = total;
    d.targets.back().value = total;
    return d;
}

}  // namespace

TEST_CASE("svg value axis: 8e18 with a count target, no overflow", "[render][chart_svg]") {
    // step: 8e18 / 1e18 = 8 > 6, 8e18 / 2e18 = 4 <= 6 -> 2e18; 0, 2, 4, 6, 8 (e18).
    const auto labels = value_labels(render_chart_svg(with_total(8000000000000000000)));
    CHECK(labels == std::vector<std::string>{"0", "2·10¹⁸", "4·10¹⁸", "6·10¹⁸", "8·10¹⁸"});
}

TEST_CASE("svg value axis: 9e18, no negative label", "[render][chart_svg]") {
    // step 2e18: 0 .. 8e18, then 9e18 itself; 9e18 - 8e18 = 1e18 is not less than
    // half a step, so 8e18 stays.
    const auto labels = value_labels(render_chart_svg(with_total(9000000000000000000)));
    CHECK(labels == std::vector<std::string>{"0", "2·10¹⁸", "4·10¹⁸", "6·10¹⁸", "8·10¹⁸", "9·10¹⁸"});
}

TEST_CASE("svg value axis: INT64_MAX, no overflow", "[render][chart_svg]") {
    const auto labels = value_labels(render_chart_svg(with_total(INT64_MAX)));
    // 9223372036854775807 - 8e18 = 1.22e18 >= 1e18 (half the step): 8e18 stays.
    // The total's label: one digit (cut, not rounded) with a two-digit power -> 9·10¹⁸.
    CHECK(labels == std::vector<std::string>{"0", "2·10¹⁸", "4·10¹⁸", "6·10¹⁸", "8·10¹⁸", "9·10¹⁸"});
}

TEST_CASE("svg value axis: a total just past a tick drops the tick too close to it", "[render][chart_svg]") {
    // 11: step 2 (11 / 2 = 5); 0 .. 10, and 11 - 10 = 1 < 2 - 1 fails (1 < 1 is false): 10 stays.
    CHECK(value_labels(render_chart_svg(with_total(11))) ==
          std::vector<std::string>{"0", "2", "4", "6", "8", "10", "11"});
    // 13: 13 / 2 = 6 -> step 2; 0 .. 12, 13 - 12 = 1 < 1 is false: 12 stays.
    // 21: 21 / 5 = 4 -> step 5; 0 .. 20, 21 - 20 = 1 < 4: 20 dropped for 21.
    CHECK(value_labels(render_chart_svg(with_total(21))) == std::vector<std::string>{"0", "5", "10", "15", "21"});
    for (std::int64_t total = 7; total < 2000; ++total) {  // 7: the chart's own largest value
        const auto labels = value_labels(render_chart_svg(with_total(total)));
        INFO(total);
        CHECK(labels.front() == "0");
        // Below 10,000 grouped as the text's counts are (English here: 1,000); to 10^6 as they are.
        CHECK(labels.back() == ontrack::human_count(total));
        CHECK(labels.size() <= 8);
    }
}

TEST_CASE("svg value axis: labels of seven digits or more in powers of ten", "[render][chart_svg]") {
    // 1,500,000: 1500000 / 5e5 = 3 -> step 500,000; 0, 500000, 1.0e6 -> "1·10⁶", 1.5·10⁶.
    CHECK(value_labels(render_chart_svg(with_total(1500000))) ==
          std::vector<std::string>{"0", "500000", "1·10⁶", "1.5·10⁶"});
    // 12,345,678: step 2e6 (12345678 / 2e6 = 6); ..., 1.2·10⁷ then the total 1.2·10⁷ (12 cut from 12.3).
    const auto labels = value_labels(render_chart_svg(with_total(12345678)));
    CHECK(labels[1] == "2·10⁶");
    CHECK(labels.back() == "1.2·10⁷");
}

TEST_CASE("svg value axis in Vietnamese: counts grouped with a point, a decimal comma", "[render][chart_svg]") {
    const ontrack::LanguageScope vi(ontrack::Lang::vi);
    // 3,321 (the national total): step 500 (3321 / 500 = 6); the total written 3.321.
    CHECK(value_labels(render_chart_svg(with_total(3321))).back() == "3.321");
    CHECK(value_labels(render_chart_svg(with_total(1500000))) ==
          std::vector<std::string>{"0", "500000", "1·10⁶", "1,5·10⁶"});
}
