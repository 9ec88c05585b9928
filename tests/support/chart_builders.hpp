// A small burn-up chart's data, shared by the text and SVG chart tests.
#pragma once

#include <cstdint>

#include "chart_data.hpp"

namespace ontrack::test {

inline ChartPoint point(Date d, std::int64_t v) {
    ChartPoint p;
    p.date = d;
    p.value = v;
    return p;
}

// Three years from 2024-01-01 to 2027-01-05 (day 0 to day 1100), as-of 2025-07-02 (day 548), 10 units.
inline ChartData three_year_chart() {
    const auto day = [](int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); };
    ChartData d;
    d.from = day(2024, 1, 1);
    d.to = day(2027, 1, 5);
    d.as_of = day(2025, 7, 2);
    d.total = 10;
    d.actual = {point(day(2024, 1, 1), 0), point(day(2024, 7, 1), 2), point(day(2025, 3, 1), 4),
                point(day(2025, 7, 2), 4)};
    d.plan = {point(day(2025, 7, 2), 4), point(day(2026, 1, 1), 6), point(day(2027, 1, 5), 6)};
    d.targets = {point(day(2025, 1, 1), 3), point(day(2027, 1, 5), 7)};
    return d;
}

}  // namespace ontrack::test
