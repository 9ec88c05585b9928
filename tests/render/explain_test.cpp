// The words of --explain and of the safety buffer (render/explain.*): the
// figures come from explain() (forecast.hpp), the words from here.
#include "explain.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "forecast_plans.hpp"
#include "plan_builders.hpp"

#include "compute.hpp"
#include "forecast.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

const ExplainLine* find_line(const std::vector<ExplainLine>& lines, const std::string& label) {
    for (const auto& l : lines)
        if (l.label == label) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("Explain gives every report number with its formula", "[render][explain]") {
    // Total 114, 40 drug-free (certified 2024-01-01), 10 planned 2025-09-01.
    std::vector<Locality> locs;
    add_many(locs, 40, "done", {day(2024, 1, 1)});
    for (int k = 1; k <= 10; ++k) locs.push_back(locality("soon" + std::to_string(k), {}, day(2025, 9, 1)));
    Plan plan = plan_with(std::move(locs), 114);
    add_milestone(plan, day(2024, 12, 31), count_target(40), "Phase 1");
    add_milestone(plan, day(2025, 12, 31), percent_target("45%"), "Phase 2");
    add_milestone(plan, day(2026, 12, 31), percent_target("62.5%"));
    const Report r = compute_report(plan, as_of);
    const auto lines = explain_lines(r, explain(r));

    const ExplainLine* total = find_line(lines, "Total");
    REQUIRE(total);
    CHECK(total->value == "114");
    CHECK(total->formula == "50 listed + 64 not listed = 114");

    const ExplainLine* share = find_line(lines, "Share drug-free");
    REQUIRE(share);
    // 40 x 100 / 114 = 35.0877... -> 35.1%.
    CHECK(share->value == "35.1%");
    CHECK(share->formula == "40 × 100 / 114 = 35.087... (rounded half up to 0.1)");

    const ExplainLine* p1 = find_line(lines, "Phase 1 required");
    REQUIRE(p1);
    CHECK(p1->formula == "count target = 40");

    // 45 x 114 / 100 = 5130 / 100 = 51.3 -> 52.
    const ExplainLine* p2 = find_line(lines, "Phase 2 required");
    REQUIRE(p2);
    CHECK(p2->value == "52");
    CHECK(p2->formula == "⌈45% × 114 / 100⌉ = ⌈51.3⌉ = 52");

    // 62.5 x 114 / 100 = 7125 / 100 = 71.25 -> 72; the unnamed milestone is "Milestone 3".
    const ExplainLine* p3 = find_line(lines, "Milestone 3 required");
    REQUIRE(p3);
    CHECK(p3->value == "72");
    CHECK(p3->formula == "⌈62.5% × 114 / 100⌉ = ⌈71.25⌉ = 72");

    // Phase 2 upcoming: 40 + 10 planned by 2025-12-31 = 50; shortfall 52 - 50 = 2.
    const ExplainLine* c2 = find_line(lines, "Phase 2 covered");
    REQUIRE(c2);
    CHECK(c2->value == "50");
    CHECK(c2->formula ==
          "drug-free on 2025-06-30 (40) + not drug-free with a planned date in (2025-06-30, 2025-12-31] (10) = 50");
    const ExplainLine* s2 = find_line(lines, "Phase 2 shortfall");
    REQUIRE(s2);
    CHECK(s2->value == "2");
    CHECK(s2->formula == "52 − 50 = 2");
    const ExplainLine* v2 = find_line(lines, "Phase 2 verdict");
    REQUIRE(v2);
    CHECK(v2->value == "behind");
    CHECK(v2->formula == "deadline 2025-12-31 on or after as-of 2025-06-30, shortfall 2 → behind");

    const ExplainLine* c1 = find_line(lines, "Phase 1 covered");
    REQUIRE(c1);
    CHECK(c1->value == "40");
    CHECK(c1->formula == "drug-free on the deadline 2024-12-31");

    const ExplainLine* unlisted = find_line(lines, "Not listed");
    REQUIRE(unlisted);
    CHECK(unlisted->value == "64");
    CHECK(unlisted->formula == "total 114 − listed 50 = 64");

    // No forecast given: no forecast lines.
    CHECK(find_line(lines, "Pace achieved") == nullptr);
}

TEST_CASE("Explain gives the forecast numbers with their formulas", "[render][explain]") {
    const Plan plan = trend_plan();
    const Report r = compute_report(plan, as_of);
    const Forecast f = forecast(plan, as_of);
    const auto lines = explain_lines(r, explain(r, &f));

    const ExplainLine* window = find_line(lines, "Trend window");
    REQUIRE(window);
    CHECK(window->value == "2024-06-30 to 2025-06-30");
    CHECK(window->formula == "2025-06-30 minus 12 months = 2024-06-30; 365 days");

    const ExplainLine* pace = find_line(lines, "Pace achieved");
    REQUIRE(pace);
    CHECK(pace->value == "1.0 per month");
    // 12 x 30.436875 = 365.2425; / 365 = 1.000664... -> 4 decimals "1.0006...".
    CHECK(pace->formula ==
          "(40 − 28) × 30.436875 / 365 = 12 × 30.436875 / 365 = 1.0006... (a month is 365.2425 / 12 days)");

    const ExplainLine* projected = find_line(lines, "Phase 2 projected");
    REQUIRE(projected);
    CHECK(projected->value == "46");
    CHECK(projected->formula == "40 + ⌊12 × 184 / 365⌋ = 40 + ⌊2208/365⌋ = 40 + 6 = 46");

    const ExplainLine* reached = find_line(lines, "Phase 2 reached");
    REQUIRE(reached);
    CHECK(reached->value == "2025-11-30");
    CHECK(reached->formula == "2025-06-30 + ⌈(45 − 40) × 365 / 12⌉ days = 2025-06-30 + 153 days");

    const ExplainLine* ratio = find_line(lines, "Phase 2 R");
    REQUIRE(ratio);
    CHECK(ratio->value == "1.05");
    // 18/17 = 1.05882... -> 4 decimals truncated.
    CHECK(ratio->formula == "(46 − 28) / (45 − 28) = 18/17 = 1.0588... (truncated to 0.01)");

    const ExplainLine* progress = find_line(lines, "Phase 3 progress");
    REQUIRE(progress);
    CHECK(progress->value == "needs acceleration");
    CHECK(progress->formula == "0.10 ≤ R < 0.95 (UNSD SDG progress chart)");

    // (80 - 40) x 30.436875 = 1217.475; / 365 = 3.335547... -> "3.3 per month".
    const ExplainLine* req = find_line(lines, "Phase 3 required pace");
    REQUIRE(req);
    CHECK(req->value == "3.3 per month");
    CHECK(req->formula == "(80 − 40) × 30.436875 / 365 = 3.3355...");

    CHECK(find_line(lines, "Safety buffer") != nullptr);  // from the earliest event: no start
}

TEST_CASE("Explain gives the safety buffer with its formula", "[render][explain]") {
    const Plan plan = buffer_plan(20, 20);
    const Report r = compute_report(plan, as_of);
    const Forecast f = forecast(plan, as_of);
    const auto lines = explain_lines(r, explain(r, &f));
    const ExplainLine* path = find_line(lines, "Required path on 2025-06-30");
    REQUIRE(path);
    // 20 + 30 x 180 / 364 = 20 + 14.835164... = 34.835...
    CHECK(path->value == "34.835...");
    CHECK(path->formula ==
          "20 + (50 − 20) × 180 / 364 = 34.835... (straight from 20 on 2025-01-01 to 50 on 2025-12-31)");
    const ExplainLine* buffer = find_line(lines, "Safety buffer");
    REQUIRE(buffer);
    CHECK(buffer->value == "safe for 63 days");
    CHECK(buffer->formula == "the path first rises above 40 on 2025-09-01, 2025-09-01 − 2025-06-30 = 63 days");
}

TEST_CASE("The safety buffer in words", "[render][explain]") {
    CHECK(buffer_text(*safety_buffer(buffer_plan(20, 20), as_of)) == "safe for 63 days");
    CHECK(buffer_text(*safety_buffer(buffer_plan(20, 10), as_of)) == "below the path by 5 units");
    CHECK(buffer_text(*safety_buffer(buffer_plan(20, 15), day(2025, 7, 2))) == "safe for 1 day");
    CHECK(buffer_text(*safety_buffer(buffer_plan(20, 60), as_of)) == "at or above the path to the last milestone");
    SafetyBuffer b;
    b.state = SafetyBuffer::State::below;
    b.units = 1;
    CHECK(buffer_text(b) == "below the path by 1 unit");
}
