// The plans of the forecast tests: a trend over a year, and a safety buffer.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "plan_builders.hpp"

namespace ontrack::test {

// n localities with the same events, named prefix1, prefix2, ...
inline void add_many(std::vector<Locality>& out, int n, const std::string& prefix, const std::vector<Date>& events) {
    for (int k = 1; k <= n; ++k) out.push_back(locality(prefix + std::to_string(k), events));
}

inline Plan plan_with(std::vector<Locality> localities, std::int64_t total) {
    Plan plan;
    plan.file = "plan.toml";
    plan.name = "Test plan";
    plan.localities = std::move(localities);
    plan.total = total;
    return plan;
}

inline const Date as_of = day(2025, 6, 30);

// The trend plan: total 100, 41 listed.
// - 27 certified 2024-01-01 and 1 certified on 2024-06-30, the window start:
//   baseline = 28 (an event on the window start counts in the baseline);
// - 1 certified 2024-07-01 and 12 certified 2025-01-01: +13 in the window;
// - one of the 27 revoked 2025-03-01: −1 in the window.
// Covered on as-of 2025-06-30 = 28 + 13 − 1 = 40; pace = {12, 365}
// (2024-06-30 to 2025-06-30 is 365 days: no 29 February between them).
inline Plan trend_plan() {
    std::vector<Locality> locs;
    add_many(locs, 26, "old", {day(2024, 1, 1)});
    locs.push_back(locality("gone", {day(2024, 1, 1), day(2025, 3, 1)}));
    locs.push_back(locality("edge", {day(2024, 6, 30)}));
    locs.push_back(locality("july", {day(2024, 7, 1)}));
    add_many(locs, 12, "new", {day(2025, 1, 1)});
    Plan plan = plan_with(std::move(locs), 100);
    add_milestone(plan, day(2024, 12, 31), count_target(30), "Phase 1");
    add_milestone(plan, day(2025, 12, 31), percent_target("45%"), "Phase 2");
    add_milestone(plan, day(2026, 6, 30), percent_target("80%"), "Phase 3");
    return plan;
}

// The buffer plan: start 2025-01-01 with `at_start` drug-free (certified
// 2024-06-01), then `later` certified 2025-03-01; total 100. The path runs
// (2025-01-01, at_start) -> (2025-12-31, 50) -> (2026-12-31, 80).
inline Plan buffer_plan(int at_start, int later) {
    std::vector<Locality> locs;
    add_many(locs, at_start, "old", {day(2024, 6, 1)});
    add_many(locs, later, "new", {day(2025, 3, 1)});
    Plan plan = plan_with(std::move(locs), 100);
    plan.start = day(2025, 1, 1);
    add_milestone(plan, day(2024, 12, 31), count_target(10), "Before start");  // skipped: not after start
    add_milestone(plan, day(2025, 12, 31), count_target(50), "Phase 1");
    add_milestone(plan, day(2026, 12, 31), count_target(80), "Phase 2");
    return plan;
}

}  // namespace ontrack::test
