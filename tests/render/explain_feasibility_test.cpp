// --explain's words for feasibility, in English (the test's language), on a
// plan whose window's three months gained 1, 0 and 2 units.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis.hpp"
#include "explain.hpp"
#include "plan_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

const ExplainLine* line_of(const std::vector<ExplainLine>& lines, const std::string& label) {
    for (const ExplainLine& l : lines)
        if (l.label == label) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("explain words the probability, likely dates and pace ratio", "[render][explain]") {
    Plan p;
    p.total = 10;
    p.localities = {locality("C1", {day(2026, 2, 10)}), locality("C2", {day(2026, 4, 1)}),
                    locality("C3", {day(2026, 4, 20)}), locality("P1", {}, day(2026, 5, 15))};
    add_milestone(p, day(2026, 6, 30), count_target(5), "June");
    AnalysisRequest request;
    request.as_of = day(2026, 4, 30);
    request.window_months = 3;
    request.explain = true;
    const Analysis a = analyse(p, request);
    const std::vector<ExplainLine> lines = explain_lines(a.report, *a.explanation);

    const ExplainLine* months = line_of(lines, "Monthly net counts");
    REQUIRE(months);
    CHECK(months->value == "1, 0, 2");
    const ExplainLine* n = line_of(lines, "June: months to the deadline");
    REQUIRE(n);
    CHECK(n->value == "2");
    CHECK(n->formula ==
          "the fewest whole months m with 2026-04-30 + m months on or after 2026-06-30: 2026-04-30 + 2 "
          "months = 2026-06-30");
    // Two draws of {0, 1, 2} reach 2 more with 6/9.
    const ExplainLine* prob = line_of(lines, "June: probability");
    REQUIRE(prob);
    CHECK(prob->value == "0.6666 (66%)");
    CHECK(prob->formula ==
          "P(3 + X₁ + … + X₂ ≥ 5), each Xᵢ one of the window's 3 monthly counts with equal chance; "
          "the exact distribution of the sum");
    const ExplainLine* likely = line_of(lines, "June: likely by 50%, 85%, 95%");
    REQUIRE(likely);
    CHECK(likely->value == "2026-06-30 / 2026-07-30 / 2026-09-30");
    // Needed 2 in 61 days, achieved 3 in 90: 2 × 90 / (61 × 3) = 180 / 183.
    const ExplainLine* ratio = line_of(lines, "June: needed / recent pace");
    REQUIRE(ratio);
    CHECK(ratio->value == "0.9×");
    CHECK(ratio->formula == "(2 / 61) / (3 / 90) = 2 × 90 / (61 × 3) = 0.983... (truncated to 0.1)");
    const ExplainLine* plan = line_of(lines, "June: plan's dates");
    REQUIRE(plan);
    CHECK(plan->value == "0.8888 (88%)");
}
