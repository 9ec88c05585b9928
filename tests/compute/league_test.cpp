// The league table of a roll-up, on the three-region roll-up of
// tests/e2e/plans/rollup on 2026-11-23 (tests/e2e/README.md, "Roll-up").
#include "league.hpp"

#include <numeric>

#include <catch2/catch.hpp>

#include "compute.hpp"
#include "load.hpp"

using namespace ontrack;

namespace {

const std::string dir = std::string(ONTRACK_TEST_DATA) + "/e2e/plans/rollup/";
const Date as_of = Date::from_ymd(2026, 11, 23);

}  // namespace

TEST_CASE("the league of a roll-up, by hand", "[league]") {
    const Plan plan = load_plan(dir + "national.toml");
    const Report report = compute_report(plan, as_of);
    REQUIRE(report.milestones.size() == 2);
    CHECK(report.milestones[0].shortfall == 1);  // 5 required, 4 on 2025-12-31
    CHECK(report.milestones[1].shortfall == 2);  // 11 required, 5 + 4 planned
    const League l = league(plan, report, LeagueSort::shortfall);
    REQUIRE(l.next == std::optional<std::size_t>(1));  // 2030-12-31, the first not yet due
    REQUIRE(l.rows.size() == 3);
    // Shares of 2030's 2: uncovered North 10 - 4 = 6, South 6 - 2 = 4, East 5 - 3 = 2 (U = 12):
    // 2 x 6 / 12 = 1 r 0, 2 x 4 / 12 = 0 r 8, 2 x 2 / 12 = 0 r 4: South gets the unit left.
    // Sorted by the shortfall at 2030's 50%: North ⌈5⌉ - 4 = 1, South 3 - 2 = 1,
    // East ⌈2.5⌉ = 3 - 3 = 0. North and South tie at 1: South (1/6) is less
    // covered than North (2/10).
    CHECK(l.rows[0].name == "South");
    CHECK(l.rows[1].name == "North");
    CHECK(l.rows[2].name == "East");
    CHECK(l.rows[0].shortfall_at_share == std::optional<std::int64_t>(1));
    CHECK(l.rows[1].shortfall_at_share == std::optional<std::int64_t>(1));
    CHECK(l.rows[2].shortfall_at_share == std::optional<std::int64_t>(0));
    const LeagueRow& south = l.rows[0];
    CHECK(south.total == 6);
    CHECK(south.covered == 1);
    CHECK(south.by_next == std::optional<std::int64_t>(2));  // B1 + B4 (2030-06-30)
    CHECK_FALSE(south.own_next);
    CHECK(south.shares == std::vector<std::int64_t>{0, 1});
    const LeagueRow& north = l.rows[1];
    CHECK(north.by_next == std::optional<std::int64_t>(4));  // A1, A2 + A3, A4
    REQUIRE(north.own_next);
    CHECK(north.own_next->required == 5);
    CHECK(north.own_next->covered == 3);  // A1, A2 + A3 by 2027-12-31
    CHECK(north.own_next->verdict == Verdict::behind);
    // 2025's 1: uncovered on 2025-12-31 North 9, South 4, East 4: North's remainder 9 is largest.
    CHECK(north.shares == std::vector<std::int64_t>{1, 1});
    const LeagueRow& east = l.rows[2];
    CHECK(east.by_next == std::optional<std::int64_t>(3));
    CHECK(east.own_next->verdict == Verdict::on_track);  // 2 + E2 = 3 of 3
    CHECK(east.shares == std::vector<std::int64_t>{0, 0});
    // The shares add up to each shortfall.
    for (std::size_t k = 0; k < 2; ++k) {
        std::int64_t sum = 0;
        for (const LeagueRow& r : l.rows) sum += r.shares[k];
        CHECK(sum == report.milestones[k].shortfall);
    }
    CHECK(parts_exit_status(l, false) == 1);  // North behind
}

TEST_CASE("the league sorted by the shortfall at the share, where the shares of the shortfall disagree", "[league]") {
    // tests/e2e/plans/parts: Red 9 of 20 (9 by 2030), Blue 0 of 6, Green 2 of
    // 4 (3 by 2030); the roll-up asks 50% by 2030, 15 of 30, and expects 12.
    const Plan plan = load_plan(std::string(ONTRACK_TEST_DATA) + "/e2e/plans/parts/national.toml");
    const Report report = compute_report(plan, as_of);
    const League l = league(plan, report, LeagueSort::shortfall);
    REQUIRE(l.rows.size() == 3);
    // Shares of the shortfall of 3, by what each leaves uncovered (11, 6, 1 of
    // 18): 3 x 11 / 18 = 1 r 15, 3 x 6 / 18 = 1 r 0, 3 x 1 / 18 = 0 r 3: Red 2,
    // Blue 1, Green 0, so the old rule put Red first. At the share: Red ⌈10⌉ -
    // 9 = 1, Blue 3 - 0 = 3, Green 2 - 3 -> 0 (already above its share).
    CHECK(l.rows[0].name == "Blue");
    CHECK(l.rows[0].shortfall_at_share == std::optional<std::int64_t>(3));
    CHECK(l.rows[0].shares.back() == 1);
    CHECK(l.rows[1].name == "Red");
    CHECK(l.rows[1].shortfall_at_share == std::optional<std::int64_t>(1));
    CHECK(l.rows[1].shares.back() == 2);
    CHECK(l.rows[2].name == "Green");
    CHECK(l.rows[2].shortfall_at_share == std::optional<std::int64_t>(0));
}

TEST_CASE("the league sorted by coverage or in order", "[league]") {
    const Plan plan = load_plan(dir + "national.toml");
    const Report report = compute_report(plan, as_of);
    const League by_coverage = league(plan, report, LeagueSort::coverage);
    // 1/6 = 16.7% < 2/10 = 20% < 2/5 = 40%.
    CHECK(by_coverage.rows[0].name == "South");
    CHECK(by_coverage.rows[1].name == "North");
    CHECK(by_coverage.rows[2].name == "East");
    const League in_order = league(plan, report, LeagueSort::order);
    CHECK(in_order.rows[0].name == "North");
    CHECK(in_order.rows[1].name == "South");
    CHECK(in_order.rows[2].name == "East");
    CHECK(parse_league_sort("coverage") == LeagueSort::coverage);
    CHECK_FALSE(parse_league_sort("name"));
}

TEST_CASE("the breakdown by part (--by part)", "[league]") {
    const Plan plan = load_plan(dir + "national.toml");
    const Report report = compute_report(plan, as_of);
    const Breakdown b = breakdown(plan, report, ByField::part);
    REQUIRE(b.groups.size() == 3);  // no "(not listed)": each part has its whole total
    CHECK(b.groups[0].count == 10);
    CHECK(b.groups[0].milestones[0].covered == 1);
    CHECK(b.groups[1].milestones[0].covered == 2);  // B1, and B2 before its revocation
    CHECK(b.groups[2].milestones[0].covered == 1);
    CHECK(b.groups[0].milestones[1].share == 1);
    CHECK(b.groups[1].milestones[1].share == 1);
    CHECK(b.groups[2].milestones[1].share == 0);
}

TEST_CASE("the league of plans given at once", "[league]") {
    Report a, b;
    a.plan = "A";
    a.total = 10;
    a.covered = 5;
    b.plan = "B";
    b.total = 3;
    b.covered = 1;
    const League l = league(std::vector<const Report*>{&a, &b}, LeagueSort::shortfall);
    CHECK_FALSE(l.next);
    CHECK(l.rows[0].name == "B");  // 1/3 < 5/10
    CHECK_FALSE(l.rows[0].by_next);
    CHECK(l.rows[0].shares.empty());
}

TEST_CASE("a roll-up's next milestone applied to a part (shortfall_at_share)", "[league]") {
    Target percent;
    percent.kind = Target::Kind::percent;
    percent.percent = {50, 0};
    // 50% of a part of 7: ceil(3.5) = 4; expected 1 lacks 3, expected 4 or 6 lacks nothing.
    CHECK(required_at_share(percent, 7, 100) == 4);
    CHECK(shortfall_at_share(percent, 7, 100, 1) == 3);
    CHECK(shortfall_at_share(percent, 7, 100, 4) == 0);
    CHECK(shortfall_at_share(percent, 7, 100, 6) == 0);
    Target count;
    count.kind = Target::Kind::count;
    count.count = 10;
    // 10 of a roll-up of 21, for a part of 6: ceil(60 / 21) = ceil(2.857) = 3.
    CHECK(required_at_share(count, 6, 21) == 3);
    CHECK(shortfall_at_share(count, 6, 21, 1) == 2);
    // A part of 7 of 21: exactly 70 / 21 = 3.33 -> 4; a part of 21 of 21: the whole count.
    CHECK(required_at_share(count, 7, 21) == 4);
    CHECK(required_at_share(count, 21, 21) == 10);
    CHECK(required_at_share(count, 6, 0) == 0);
    // No overflow: a count near INT64_MAX over a part just as large.
    count.count = INT64_MAX;
    CHECK(required_at_share(count, INT64_MAX, INT64_MAX) == INT64_MAX);
    CHECK(required_at_share(count, 1, 2) == INT64_MAX / 2 + 1);

    // The three regions on 2026-11-23: the next milestone is 50% by 2030 (21 units).
    const Plan plan = load_plan(dir + "national.toml");
    const Report report = compute_report(plan, as_of);
    const League l = league(plan, report, LeagueSort::order);
    // North: ceil(50% x 10) = 5, expects 4 -> 1. South: ceil(3) = 3, expects 2 -> 1.
    // East: ceil(2.5) = 3, expects 3 -> 0.
    CHECK(l.rows[0].required_at_share == std::optional<std::int64_t>(5));
    CHECK(l.rows[0].shortfall_at_share == std::optional<std::int64_t>(1));
    CHECK(l.rows[1].required_at_share == std::optional<std::int64_t>(3));
    CHECK(l.rows[1].shortfall_at_share == std::optional<std::int64_t>(1));
    CHECK(l.rows[2].required_at_share == std::optional<std::int64_t>(3));
    CHECK(l.rows[2].shortfall_at_share == std::optional<std::int64_t>(0));
}
