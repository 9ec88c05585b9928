#include "throughput.hpp"

#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "plan_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

TEST_CASE("monthly net counts run from the day after one month's end to the next", "[throughput]") {
    // As of 31/03/2026, three months: (31/12/2025, 31/01/2026], (31/01, 28/02], (28/02, 31/03].
    const std::vector<Locality> locs = {
        locality("on the window start", {day(2025, 12, 31)}),  // before the first month
        locality("first day", {day(2026, 1, 1)}),
        locality("31 January", {day(2026, 1, 31)}),                         // the first month's last day
        locality("28 February", {day(2026, 2, 28)}),                        // the second's
        locality("1 March, revoked", {day(2026, 3, 1), day(2026, 3, 20)}),  // +1 −1 in the third
        locality("revoked in February", {day(2025, 6, 1), day(2026, 2, 10)}),
    };
    const Date as_of = day(2026, 3, 31);
    const CoverageTimeline timeline(locs, as_of);
    CHECK(monthly_net(timeline, as_of, 3) == std::vector<std::int64_t>{2, 0, 0});
    // One month as of 31/03/2024: (29/02/2024, 31/03/2024], 29 February itself is out.
    const std::vector<Locality> leap = {locality("29 February", {day(2024, 2, 29)}),
                                        locality("1 March", {day(2024, 3, 1)})};
    const CoverageTimeline leap_timeline(leap, day(2024, 3, 31));
    CHECK(monthly_net(leap_timeline, day(2024, 3, 31), 1) == std::vector<std::int64_t>{1});
    CHECK(monthly_net(leap_timeline, day(2024, 3, 31), 2) == std::vector<std::int64_t>{1, 1});
    // As of 30/03/2024 the month before runs from 29/02 (exclusive) again: add_months clamps.
    CHECK(monthly_net(leap_timeline, day(2024, 3, 30), 1) == std::vector<std::int64_t>{1});
}

TEST_CASE("a window clamped at 0001-01-01 keeps the months that fit", "[throughput]") {
    const std::vector<Locality> locs = {locality("a", {day(1, 2, 1)}), locality("b", {day(1, 3, 10)})};
    const Date as_of = day(1, 3, 15);
    const CoverageTimeline timeline(locs, as_of);
    // (15/01/0001, 15/02/0001] and (15/02, 15/03]; the month from 15/12/0000 does not fit.
    CHECK(monthly_net(timeline, as_of, 12) == std::vector<std::int64_t>{1, 1});
    CHECK(monthly_net(timeline, day(1, 1, 31), 12).empty());
    CHECK(monthly_net(timeline, day(1, 2, 1), 1) == std::vector<std::int64_t>{1});
}

TEST_CASE("months to a deadline: a final part-month counts whole", "[throughput]") {
    const Date as_of = day(2026, 11, 23);
    CHECK(months_until(as_of, as_of) == 0);  // on the deadline day
    CHECK(months_until(as_of, day(2026, 12, 23)) == 1);
    CHECK(months_until(as_of, day(2026, 12, 24)) == 2);
    CHECK(months_until(as_of, day(2026, 11, 24)) == 1);
    // Hai Phong's deadlines.
    CHECK(months_until(as_of, day(2027, 12, 31)) == 14);
    CHECK(months_until(as_of, day(2030, 12, 31)) == 50);
    CHECK(months_until(as_of, day(2035, 12, 31)) == 110);
    // Across month ends: 31/01 + 1 month is 28/02.
    CHECK(months_until(day(2026, 1, 31), day(2026, 2, 28)) == 1);
    CHECK(months_until(day(2026, 1, 31), day(2026, 3, 1)) == 2);
    CHECK(months_until(day(2024, 1, 31), day(2024, 2, 29)) == 1);
    CHECK(months_until(day(1, 1, 1), day(9999, 12, 31)) == 9999 * 12);
}

TEST_CASE("the best month", "[throughput]") {
    CHECK(best_month({8, 0, 0, 0, 0, 0, 0, 1, -1, 2, 2, 0}) == 8);
    CHECK(best_month({-3, -1}) == -1);
    CHECK(best_month({}) == 0);
}
