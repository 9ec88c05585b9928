#include "schedule.hpp"

#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "compute.hpp"
#include "plan_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

// As of 15/01/2026: 2 of 10 drug-free; planned 10/02, 05/05 and 01/09; 1 unit
// by 31/03 (already more than that) and 8 by 30/06.
Plan schedule_plan() {
    Plan p;
    p.total = 10;
    p.localities = {locality("A", {day(2025, 6, 1)}), locality("B", {day(2025, 12, 1)}),
                    locality("C", {}, day(2026, 2, 10)), locality("D", {}, day(2026, 5, 5)),
                    locality("E", {}, day(2026, 9, 1))};
    add_milestone(p, day(2026, 3, 31), count_target(1));
    add_milestone(p, day(2026, 6, 30), count_target(8));
    return p;
}

const Date as_of = day(2026, 1, 15);

}  // namespace

TEST_CASE("the end of a month, a quarter and a year", "[schedule]") {
    CHECK(period_end(day(2026, 2, 3), Period::month) == day(2026, 2, 28));
    CHECK(period_end(day(2024, 2, 3), Period::month) == day(2024, 2, 29));
    CHECK(period_end(day(2026, 2, 3), Period::quarter) == day(2026, 3, 31));
    CHECK(period_end(day(2026, 4, 1), Period::quarter) == day(2026, 6, 30));
    CHECK(period_end(day(2026, 12, 31), Period::quarter) == day(2026, 12, 31));
    CHECK(period_end(day(2026, 7, 1), Period::year) == day(2026, 12, 31));
    CHECK(period_end(day(9999, 12, 1), Period::month) == day(9999, 12, 31));
    CHECK(parse_period("quarter") == Period::quarter);
    CHECK_FALSE(parse_period("week"));
}

TEST_CASE("needed, planned and at pace by quarter and by month", "[schedule]") {
    const Plan p = schedule_plan();
    const Report r = compute_report(p, as_of);
    REQUIRE(r.covered == 2);
    const Forecast f = forecast(p, as_of);  // 2 in the 365 days from 15/01/2025
    const Schedule q = schedule(r, f, Period::quarter);
    // Quarter ends 31/03 and 30/06 are the deadlines too: two rows.
    REQUIRE(q.rows.size() == 2);
    CHECK(q.rows[0].end == day(2026, 3, 31));
    CHECK(q.rows[0].needed == 2);   // max(1, today's 2): the road never goes down
    CHECK(q.rows[0].planned == 3);  // C
    CHECK(q.rows[0].at_pace == 2);  // 2 × 75 / 365 floors to 0
    CHECK(q.rows[1].end == day(2026, 6, 30));
    CHECK(q.rows[1].needed == 8);
    CHECK(q.rows[1].planned == 4);  // C, D; E is after the last deadline
    CHECK(q.rows[1].at_pace == 2);  // 2 × 166 / 365 floors to 0

    const Schedule m = schedule(r, f, Period::month);
    REQUIRE(m.rows.size() == 6);
    const std::vector<std::int64_t> needed = {2, 2, 2, 4, 7, 8};
    // From (31/03, 2) to (30/06, 8), 91 days: 30/04 is 2 + 6 × 30 / 91 = 3.98 -> 4; 31/05 2 + 6 × 61 / 91 = 6.02 -> 7.
    const std::vector<std::int64_t> planned = {2, 3, 3, 3, 4, 4};
    for (std::size_t k = 0; k < 6; ++k) {
        CHECK(m.rows[k].needed == needed[k]);
        CHECK(m.rows[k].planned == planned[k]);
    }
    CHECK(m.rows[0].end == day(2026, 1, 31));
    CHECK(m.rows[1].end == day(2026, 2, 28));

    // At an assumed 3 a month: 16 days to 31/01 make 1.58 -> 1; 166 days to 30/06 make 16.4, clamped to the total.
    const Forecast fast = forecast(p, as_of, 12, parse_assumed_pace("3"));
    const Schedule s = schedule(r, fast, Period::month);
    CHECK(s.rows[0].at_pace == 3);
    CHECK(s.rows[5].at_pace == 10);
}

TEST_CASE("a deadline between period ends, and none ahead", "[schedule]") {
    Plan p = schedule_plan();
    p.milestones.clear();
    add_milestone(p, day(2026, 5, 15), count_target(6));
    const Report r = compute_report(p, as_of);
    const Schedule y = schedule(r, forecast(p, as_of), Period::year);
    // No year ends before 15/05/2026: the deadline alone.
    REQUIRE(y.rows.size() == 1);
    CHECK(y.rows[0].end == day(2026, 5, 15));
    CHECK(y.rows[0].needed == 6);
    const Schedule q = schedule(r, forecast(p, as_of), Period::quarter);
    REQUIRE(q.rows.size() == 2);
    CHECK(q.rows[0].end == day(2026, 3, 31));
    // 2 + 4 × 75 / 120 = 4.5 -> 5.
    CHECK(q.rows[0].needed == 5);
    const Schedule none = schedule(compute_report(p, day(2026, 6, 1)), forecast(p, day(2026, 6, 1)), Period::month);
    CHECK(none.rows.empty());
}
