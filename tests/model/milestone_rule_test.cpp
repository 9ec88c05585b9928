// The rule of a plan's milestones, taken in the order given.
#include "milestone_rule.hpp"

#include <vector>

#include <catch2/catch.hpp>

using ontrack::Date;
using ontrack::Milestone;
using ontrack::MilestoneFault;
using ontrack::resolve_milestones;
using ontrack::Target;

namespace {

Milestone count(int year, std::int64_t n) {
    Milestone m;
    m.deadline = Date::from_ymd(year, 12, 31);
    m.target.kind = Target::Kind::count;
    m.target.count = n;
    return m;
}

Milestone percent(int year, std::int64_t p) {
    Milestone m = count(year, 0);
    m.target.kind = Target::Kind::percent;
    m.target.percent.units = p;
    return m;
}

}  // namespace

TEST_CASE("milestones in order resolve their required counts and have no fault", "[milestone_rule]") {
    std::vector<Milestone> ms{percent(2025, 30), count(2027, 52), percent(2030, 100)};
    CHECK(resolve_milestones(ms, 114).empty());
    CHECK(ms[0].required == 35);  // ceil(30 x 114 / 100) = ceil(34.2)
    CHECK(ms[1].required == 52);
    CHECK(ms[2].required == 114);
}

TEST_CASE("every fault, milestone by milestone", "[milestone_rule]") {
    // 2: a count above the total of 10, on a deadline before 1's;
    // 3: 20% of 10 = 2 units after 2's 11: fewer than before.
    std::vector<Milestone> ms{count(2026, 5), count(2025, 11), percent(2027, 20)};
    const auto faults = resolve_milestones(ms, 10);
    REQUIRE(faults.size() == 3);
    CHECK(faults[0].kind == MilestoneFault::Kind::count_above_total);
    CHECK(faults[0].index == 1);
    CHECK(faults[1].kind == MilestoneFault::Kind::deadline_not_after);
    CHECK(faults[1].index == 1);
    CHECK(faults[2].kind == MilestoneFault::Kind::fewer_than_before);
    CHECK(faults[2].index == 2);
    CHECK(ms[2].required == 2);
}

TEST_CASE("a deadline on the day of the one before is out of order, and hides a smaller requirement",
          "[milestone_rule]") {
    std::vector<Milestone> ms{count(2026, 5), count(2026, 3)};
    const auto faults = resolve_milestones(ms, 10);
    REQUIRE(faults.size() == 1);
    CHECK(faults[0].kind == MilestoneFault::Kind::deadline_not_after);
}
