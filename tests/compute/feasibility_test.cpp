// Feasibility by hand: a plan whose window's months gained 1, 0 and 2 units.
#include "feasibility.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "compute.hpp"
#include "plan_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

// As of 30/04/2026 with a window of 3 months: (30/01, 28/02] gains 1,
// (28/02, 30/03] nothing, (30/03, 30/04] 2. One unit planned on 15/05, three in
// August; 5 of 10 required by 30/06/2026.
Plan small_plan() {
    Plan p;
    p.total = 10;
    p.localities = {locality("C1", {day(2026, 2, 10)}),  locality("C2", {day(2026, 4, 1)}),
                    locality("C3", {day(2026, 4, 20)}),  locality("P1", {}, day(2026, 5, 15)),
                    locality("P2", {}, day(2026, 8, 1)), locality("P3", {}, day(2026, 8, 2)),
                    locality("P4", {}, day(2026, 8, 3))};
    add_milestone(p, day(2026, 6, 30), count_target(5));
    return p;
}

const Date as_of = day(2026, 4, 30);

Feasibility feasibility_of(const Plan& p, const std::optional<AssumedPace>& pace = std::nullopt) {
    const Report r = compute_report(p, as_of);
    return feasibility(p, r, forecast(p, as_of, 3, pace));
}

}  // namespace

TEST_CASE("probability, likely dates, pace ratio and the plan's dates by hand", "[feasibility]") {
    const Feasibility x = feasibility_of(small_plan());
    CHECK(x.monthly_net == std::vector<std::int64_t>{1, 0, 2});
    CHECK(x.best_month_net == 2);
    CHECK(x.missing == Missing::none);
    REQUIRE(x.milestones.size() == 1);
    const MilestoneOutlook& m = x.milestones[0];
    CHECK(m.months == 2);  // 30/04 + 2 months = 30/06
    CHECK(m.gap == 2);     // 5 required, 3 drug-free
    // Two draws of {0, 1, 2}: sums 0..4 with 1, 2, 3, 2, 1 ninths; P(≥ 2) = 6/9.
    REQUIRE(m.likelihood.probability);
    CHECK(*m.likelihood.probability == Approx(6.0 / 9));
    CHECK(probability_percent(*m.likelihood.probability) == 66);
    CHECK(probability_decimal(*m.likelihood.probability) == "0.6666");
    // 50%: 2/3 at m = 2; 85%: 1 − 4/27 = 0.852 at m = 3; 95%: 1 − 5/81 = 0.938 at m = 4, 1 − 6/243 = 0.975 at m = 5.
    CHECK(m.likelihood.likely_by[0] == day(2026, 6, 30));
    CHECK(m.likelihood.likely_by[1] == day(2026, 7, 30));
    CHECK(m.likelihood.likely_by[2] == day(2026, 9, 30));
    // Planned more: P1 by 30/06; P(X₁ + X₂ ≥ 1) = 1 − 1/9.
    CHECK(m.planned_more == 1);
    REQUIRE(m.plan_probability);
    CHECK(*m.plan_probability == Approx(8.0 / 9));
    // Needed 2 in 61 days, achieved 3 in 90 (from 30/01): 2 × 90 / (61 × 3) = 0.98, truncated to 0.9.
    CHECK(m.pace_ratio_tenths == std::optional<std::int64_t>(9));
    CHECK(tenths_text(9) == "0.9");
    // August has 3 planned, more than max(1, 2): flagged; May's 1 is not.
    REQUIRE(x.bunched.size() == 1);
    CHECK(x.bunched[0].year == 2026);
    CHECK(x.bunched[0].month == 8);
    CHECK(x.bunched[0].planned == 3);
}

TEST_CASE("a what-if pace replaces every draw or adds to each month", "[feasibility]") {
    // +1 a month: the months become 2, 1, 3; two of them make at least 2: exactly 1.
    const Feasibility add = feasibility_of(small_plan(), parse_assumed_pace("+1"));
    CHECK(add.milestones[0].likelihood.probability == std::optional<double>(1.0));
    CHECK(add.milestones[0].likelihood.likely_by[0] == day(2026, 5, 30));  // one month: 1, 2 or 3 ≥ 2 with 2/3
    // 0.5 a month every month: 1 unit by 30/06 of the 2 needed: exactly 0; 2 after 4 months.
    const Feasibility half = feasibility_of(small_plan(), parse_assumed_pace("0.5"));
    CHECK(half.milestones[0].likelihood.probability == std::optional<double>(0.0));
    for (const auto& d : half.milestones[0].likelihood.likely_by) CHECK(d == day(2026, 8, 30));
    // The pace ratio uses the assumed pace: 2 in 61 days against 0.5 a month = 2 × 30.436875 / (61 × 0.5) = 1.99.
    CHECK(half.milestones[0].pace_ratio_tenths == std::optional<std::int64_t>(19));
    // Bunching compares with the real months whatever the assumption.
    CHECK(half.best_month_net == 2);
    CHECK(half.bunched.size() == 1);
    // 0 a month: something needed, no pace: no ratio.
    const Feasibility none = feasibility_of(small_plan(), parse_assumed_pace("0"));
    CHECK_FALSE(none.milestones[0].pace_ratio_tenths);
    CHECK(none.milestones[0].likelihood.probability == std::optional<double>(0.0));
    CHECK_FALSE(none.milestones[0].likelihood.likely_by[0]);  // never
}

TEST_CASE("parsing a what-if pace", "[feasibility]") {
    CHECK(parse_assumed_pace("3")->hundredths == 300);
    CHECK(parse_assumed_pace("3")->mode == AssumedPace::Mode::replace);
    CHECK(parse_assumed_pace("+0.25")->hundredths == 25);
    CHECK(parse_assumed_pace("+0.25")->mode == AssumedPace::Mode::add);
    CHECK(parse_assumed_pace("2.5")->hundredths == 250);
    CHECK(parse_assumed_pace("1000000")->hundredths == 100000000);
    CHECK_FALSE(parse_assumed_pace("1000000.01"));
    CHECK_FALSE(parse_assumed_pace("1.234"));
    CHECK_FALSE(parse_assumed_pace("-1"));
    CHECK_FALSE(parse_assumed_pace(""));
    CHECK_FALSE(parse_assumed_pace("+"));
    CHECK_FALSE(parse_assumed_pace("1."));
    CHECK_FALSE(parse_assumed_pace(".5"));
    CHECK_FALSE(parse_assumed_pace("1e3"));
    CHECK(assumed_pace_text(*parse_assumed_pace("2.50")) == "2.5");
    // The pace used: 3 a month is 3 × 10^6 / 30,436,875 a day.
    const Pace p = pace_used({2, 365}, parse_assumed_pace("3"));
    CHECK(per_month_text(p) == "3.0");
    // Added: 2 in 365 days is 0.17 a month, plus 1 is 1.17 a month.
    CHECK(per_month_milli(pace_used({2, 365}, parse_assumed_pace("+1"))) == 1167);
    CHECK_THROWS_AS(pace_used({INT64_MAX / 2, 365}, parse_assumed_pace("+1")), std::overflow_error);
}

TEST_CASE("fewer than 3 whole months: not computed", "[feasibility]") {
    const Plan p = small_plan();
    const Report r = compute_report(p, as_of);
    const Feasibility x = feasibility(p, r, forecast(p, as_of, 2));
    CHECK(x.missing == Missing::few_months);
    CHECK(x.monthly_net == std::vector<std::int64_t>{0, 2});
    CHECK_FALSE(x.milestones[0].likelihood.probability);
    CHECK_FALSE(x.milestones[0].plan_probability);
    CHECK(x.bunched.empty());
    // The pace ratio does not need the draws.
    CHECK(x.milestones[0].pace_ratio_tenths);
}

TEST_CASE("bunching: each month from the as-of day's on, flagged above max(1, best)", "[feasibility]") {
    const std::vector<Date> planned = {day(2026, 4, 30), day(2026, 5, 1), day(2026, 5, 31),
                                       day(2026, 6, 1),  day(2027, 5, 2), day(2027, 5, 3)};
    // As of 30/04/2026: 30/04 itself is not after it; May 2026 has 2, June 1, May 2027 2.
    const auto none = bunching(planned, day(2026, 4, 30), 2);
    CHECK(none.empty());
    const auto flagged = bunching(planned, day(2026, 4, 30), 0);  // max(1, 0) = 1
    REQUIRE(flagged.size() == 2);
    CHECK(flagged[0].year == 2026);
    CHECK(flagged[0].month == 5);
    CHECK(flagged[0].planned == 2);
    CHECK(flagged[1].year == 2027);
    CHECK(flagged[1].month == 5);
    // A negative best month is still compared with 1.
    CHECK(bunching(planned, day(2026, 4, 30), -3).size() == 2);
}

TEST_CASE("a probability's text truncates and keeps 0 and 1 for the exact", "[feasibility]") {
    CHECK(probability_percent(0.629) == 62);
    CHECK(probability_percent(0.9999999) == 99);
    CHECK(probability_percent(1.0) == 100);
    CHECK(probability_percent(0.0) == 0);
    CHECK(probability_ten_thousandths(0.99999) == 9999);
    CHECK(probability_decimal(1.0) == "1");
    CHECK(probability_decimal(0.0) == "0");
    CHECK(probability_decimal(1e-9) == "0.0000");
    CHECK(probability_decimal(0.05) == "0.0500");
}
