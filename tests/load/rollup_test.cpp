// Roll-up plans: a plan of parts resolved into the union of their
// localities, the sum of their totals, and their own milestones; figures by
// hand in tests/e2e/README.md ("Roll-up").
#include "rollup.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "load.hpp"

using ontrack::InputError;
using ontrack::load_plan;
using ontrack::load_plans;
using ontrack::Plan;

namespace {

const std::string dir = std::string(ONTRACK_TEST_DATA) + "/e2e/plans/";

std::vector<ontrack::Diagnostic> errors_of(const std::string& file) {
    try {
        load_plan(dir + file);
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    return {};
}

}  // namespace

TEST_CASE("a roll-up of three parts, one a roll-up itself", "[rollup]") {
    const Plan plan = load_plan(dir + "rollup/national.toml");
    CHECK(plan.name == "Three regions");
    CHECK(plan.total == 21);              // 10 + 6 + (3 + 2)
    CHECK(plan.localities.size() == 15);  // 4 + 6 + 3 + 2 listed
    REQUIRE(plan.parts.size() == 3);
    CHECK(plan.parts[0].name == "North");
    CHECK(plan.parts[0].file == dir + "rollup/north.toml");
    CHECK(plan.parts[0].total == 10);
    CHECK(plan.parts[0].first == 0);
    CHECK(plan.parts[0].count == 4);
    REQUIRE(plan.parts[0].milestones.size() == 1);
    CHECK(plan.parts[0].milestones[0].required == 5);  // 50% of 10
    CHECK(plan.parts[1].name == "South");
    CHECK(plan.parts[1].total == 6);
    CHECK(plan.parts[1].first == 4);
    CHECK(plan.parts[1].milestones.empty());
    CHECK(plan.parts[2].name == "East");
    CHECK(plan.parts[2].total == 5);
    CHECK(plan.parts[2].first == 10);
    CHECK(plan.parts[2].count == 5);
    CHECK(plan.parts[2].milestones[0].required == 3);
    // The files behind the localities, the nested roll-up flattened.
    REQUIRE(plan.sources.size() == 4);
    CHECK(plan.sources[2].file == dir + "rollup/east/east_one.toml");
    CHECK(plan.sources[2].first == 10);
    CHECK(plan.sources[2].name == "East one");
    CHECK(plan.sources[3].file == dir + "rollup/east/east_two.toml");
    CHECK(plan.sources[3].first == 13);
    CHECK(plan.localities[13].id == "F1");
    // East two's dates are illustrative, and so are the whole's.
    CHECK(plan.illustrative);
    // Its own milestones, judged on the total as a plan's are.
    REQUIRE(plan.milestones.size() == 2);
    CHECK(plan.milestones[0].required == 5);   // ceil(20% x 21) = ceil(4.2)
    CHECK(plan.milestones[1].required == 11);  // ceil(50% x 21) = ceil(10.5)
}

TEST_CASE("a roll-up's parts are loaded like plans given at once", "[rollup]") {
    const auto plans = load_plans({dir + "rollup/national.toml", dir + "rollup/easy.toml"});
    CHECK(plans[0].total == 21);
    CHECK(plans[1].total == 15);  // North 10 + East 5
}

TEST_CASE("roll-up errors name the file and line", "[rollup]") {
    SECTION("a cycle, with its chain") {
        const auto ds = errors_of("rollup_bad/cycle_a.toml");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].file == dir + "rollup_bad/cycle_b.toml");
        CHECK(ds[0].line == 3);
        CHECK(ds[0].column == 10);
        CHECK(ds[0].message == "part '" + dir + "rollup_bad/cycle_a.toml' makes a cycle: " + dir +
                                   "rollup_bad/cycle_a.toml → " + dir + "rollup_bad/cycle_b.toml → " + dir +
                                   "rollup_bad/cycle_a.toml");
    }
    SECTION("a part listed twice") {
        const auto ds = errors_of("rollup_bad/twice.toml");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 4);
        CHECK(ds[0].message == "part '" + dir + "rollup_bad/../rollup/north.toml' is listed twice");
        CHECK(ds[0].hint == "\"../rollup/north.toml\" (line 3) names it too; list each part once");
    }
    SECTION("a pattern that matches nothing") {
        const auto ds = errors_of("rollup_bad/nothing.toml");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 3);
        CHECK(ds[0].column == 34);
        CHECK(ds[0].message == "part 'nowhere/*.toml' matches no file");
    }
    SECTION("a part with an error: the part's file and line") {
        const auto ds = errors_of("rollup_bad/broken_part.toml");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].file == dir + "rollup_bad/broken.toml");
        CHECK(ds[0].line == 6);
    }
    SECTION("a unit code in two parts: both places") {
        const auto ds = errors_of("rollup_bad/codes.toml");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].file == dir + "rollup_bad/north_again.toml");
        CHECK(ds[0].line == 10);
        CHECK(ds[0].column == 6);
        CHECK(ds[0].excerpt == "id = \"A2\"");
        CHECK(ds[0].hint ==
              "it is also in " + dir + "rollup_bad/../rollup/north.toml:16; a unit may be in one part only");
    }
    SECTION("localities or a total of its own") {
        const auto ds = errors_of("rollup_bad/mixed.toml");
        REQUIRE(ds.size() == 2);
        CHECK(ds[0].line == 3);
        CHECK(ds[0].message == "a roll-up plan has no total of its own");
        CHECK(ds[1].line == 4);
        CHECK(ds[1].message == "a roll-up plan has no [[locality]] entries of its own");
    }
}
