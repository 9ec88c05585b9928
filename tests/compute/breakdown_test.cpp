#include "breakdown.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "plan_builders.hpp"

#include "compute.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

// The shared builder, with a kind and an id.
Locality locality(std::string name, std::string kind, std::vector<Date> event_dates,
                  std::optional<Date> planned = std::nullopt, std::string id = "") {
    Locality loc = ontrack::test::locality(std::move(name), std::move(event_dates), planned);
    loc.kind = std::move(kind);
    loc.id = std::move(id);
    return loc;
}

const Date as_of = day(2025, 6, 30);

// Total 12, 10 listed, as of 2025-06-30:
//  W1 ward     certified 2024-06-01                       drug-free on both days
//  C1 commune  certified 2024-06-01, revoked 2025-01-15   drug-free on 2024-12-31 only
//  W2 ward     certified 2025-02-01                       drug-free now
//  C2 commune  planned 2025-09-01                         counts for M1
//  N1 (none)   certified 2024-03-01                       drug-free on both days
//  C3 commune  planned 2025-03-01                         overdue
//  W3 ward     planned 2026-03-01                         after M1
//  C4 commune  nothing
//  W4 ward     certified 2024-12-31                       on M0's deadline: counts
//  N2 (none)   planned 2025-12-31                         on M1's deadline: counts
// M0 2024-12-31 needs 4: W1, C1, N1, W4 = 4: met, shortfall 0.
// M1 2025-12-31 needs 9: drug-free now W1, W2, N1, W4 = 4, + C2, N2 = 6: shortfall 3.
Plan kinds_plan() {
    Plan plan;
    plan.name = "Kinds";
    plan.localities = {
        locality("W1", "ward", {day(2024, 6, 1)}, std::nullopt, "001"),
        locality("C1", "commune", {day(2024, 6, 1), day(2025, 1, 15)}, std::nullopt, "002"),
        locality("W2", "ward", {day(2025, 2, 1)}, std::nullopt, "003"),
        locality("C2", "commune", {}, day(2025, 9, 1), "004"),
        locality("N1", "", {day(2024, 3, 1)}),
        locality("C3", "commune", {}, day(2025, 3, 1), "006"),
        locality("W3", "ward", {}, day(2026, 3, 1), "007"),
        locality("C4", "commune", {}, std::nullopt, "008"),
        locality("W4", "ward", {day(2024, 12, 31)}, std::nullopt, "009"),
        locality("N2", "", {}, day(2025, 12, 31)),
    };
    plan.total = 12;
    add_milestone(plan, day(2024, 12, 31), count_target(4));
    add_milestone(plan, day(2025, 12, 31), count_target(9));
    return plan;
}

}  // namespace

TEST_CASE("The --by field names", "[breakdown]") {
    CHECK(parse_by_field("kind") == ByField::kind);
    CHECK(parse_by_field("id") == ByField::id);
    CHECK(parse_by_field("name") == ByField::name);
    CHECK_FALSE(parse_by_field("planned").has_value());
    CHECK_FALSE(parse_by_field("Kind").has_value());
    CHECK(std::string(to_string(ByField::kind)) == "kind");
    CHECK(unknown_by_field("knd").given == "knd");
    CHECK(unknown_by_field("knd").near == "kind");
    CHECK(unknown_by_field("province").given == "province");
    CHECK(unknown_by_field("province").near.empty());
}

TEST_CASE("Largest remainder apportionment", "[breakdown]") {
    // 7 by {5, 3, 2} (sum 10): quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1 (6);
    // remainders 35, 21, 14 mod 10 = 5, 1, 4: the unit left goes to the first.
    CHECK(apportion(7, {5, 3, 2}) == std::vector<std::int64_t>{4, 2, 1});
    // Exact quotas: 10 by {5, 3, 2} = 5, 3, 2.
    CHECK(apportion(10, {5, 3, 2}) == std::vector<std::int64_t>{5, 3, 2});
    // Ties go to the first in order: 1 by {1, 1, 1}; 2 by {1, 1, 1}.
    CHECK(apportion(1, {1, 1, 1}) == std::vector<std::int64_t>{1, 0, 0});
    CHECK(apportion(2, {1, 1, 1}) == std::vector<std::int64_t>{1, 1, 0});
    // A larger remainder later wins: 2 by {1, 2, 3} (sum 6): quotas 1/3, 2/3, 1
    // -> floors 0, 0, 1; remainders 2, 4, 0: the unit left goes to the second.
    CHECK(apportion(2, {1, 2, 3}) == std::vector<std::int64_t>{0, 1, 1});
    CHECK(apportion(0, {4, 0, 2}) == std::vector<std::int64_t>{0, 0, 0});
    CHECK_THROWS_AS(apportion(2, {0, 0}), std::invalid_argument);
    CHECK_THROWS_AS(apportion(1, {2, -1}), std::invalid_argument);
}

TEST_CASE("Breakdown by kind in order of first appearance", "[breakdown]") {
    const Plan plan = kinds_plan();
    const Report report = compute_report(plan, as_of);
    REQUIRE(report.milestones[0].shortfall == 0);
    REQUIRE(report.milestones[1].covered == 6);
    REQUIRE(report.milestones[1].shortfall == 3);

    const Breakdown b = breakdown(plan, report, ByField::kind);
    CHECK(b.field == ByField::kind);
    REQUIRE(b.groups.size() == 4);

    // ward: W1, W2, W3, W4. Drug-free now: W1, W2, W4 = 3.
    // M0: W1, W4 = 2 (uncovered 2). M1: W1, W2, W4 = 3 (W3 planned after): uncovered 1.
    const Group& ward = b.groups[0];
    CHECK(ward.label == "ward");
    CHECK(ward.value == "ward");
    CHECK_FALSE(ward.unlisted);
    CHECK(ward.count == 4);
    CHECK(ward.drug_free == 3);
    CHECK(ward.milestones[0].covered == 2);
    CHECK(ward.milestones[0].uncovered == 2);
    CHECK(ward.milestones[1].covered == 3);
    CHECK(ward.milestones[1].uncovered == 1);

    // commune: C1..C4. Drug-free now: none. M0: C1 = 1 (uncovered 3). M1: C2 = 1 (uncovered 3).
    const Group& commune = b.groups[1];
    CHECK(commune.label == "commune");
    CHECK(commune.count == 4);
    CHECK(commune.drug_free == 0);
    CHECK(commune.milestones[0].covered == 1);
    CHECK(commune.milestones[1].covered == 1);
    CHECK(commune.milestones[1].uncovered == 3);

    // no kind: N1, N2. Drug-free now: N1. M0: N1 = 1. M1: N1 + N2 (planned on the deadline) = 2.
    const Group& none = b.groups[2];
    CHECK(none.label == "(no kind)");
    CHECK(none.value.empty());
    CHECK(none.count == 2);
    CHECK(none.drug_free == 1);
    CHECK(none.milestones[0].covered == 1);
    CHECK(none.milestones[1].covered == 2);
    CHECK(none.milestones[1].uncovered == 0);

    // not listed: 12 - 10 = 2, never covered.
    const Group& unlisted = b.groups[3];
    CHECK(unlisted.label == "(not listed)");
    CHECK(unlisted.unlisted);
    CHECK(unlisted.count == 2);
    CHECK(unlisted.drug_free == 0);
    CHECK(unlisted.milestones[1].covered == 0);
    CHECK(unlisted.milestones[1].uncovered == 2);

    // M0: shortfall 0, shares 0.
    for (const Group& g : b.groups) CHECK(g.milestones[0].share == 0);
    // M1: S = 3 over uncovered {1, 3, 0, 2} (U = 6): quotas 0.5, 1.5, 0, 1 ->
    // floors 0, 1, 0, 1 (2); remainders 3, 3, 0, 0: the unit left goes to
    // ward, first of the tie in plan order -> {1, 1, 0, 1}.
    CHECK(ward.milestones[1].share == 1);
    CHECK(commune.milestones[1].share == 1);
    CHECK(none.milestones[1].share == 0);
    CHECK(unlisted.milestones[1].share == 1);
}

TEST_CASE("Breakdown groups add up to the whole", "[breakdown]") {
    const Plan plan = kinds_plan();
    const Report report = compute_report(plan, as_of);
    for (ByField field : {ByField::kind, ByField::id, ByField::name}) {
        const Breakdown b = breakdown(plan, report, field);
        std::int64_t count = 0, drug_free = 0;
        std::vector<std::int64_t> covered(report.milestones.size(), 0), shares(report.milestones.size(), 0);
        for (const Group& g : b.groups) {
            count += g.count;
            drug_free += g.drug_free;
            for (std::size_t k = 0; k < covered.size(); ++k) {
                covered[k] += g.milestones[k].covered;
                shares[k] += g.milestones[k].share;
                CHECK(g.milestones[k].share <= g.milestones[k].uncovered);
            }
        }
        CHECK(count == 12);
        CHECK(drug_free == 4);
        CHECK(covered[0] == 4);
        CHECK(covered[1] == 6);
        CHECK(shares[0] == 0);
        CHECK(shares[1] == 3);
    }
}

TEST_CASE("Breakdown by id puts the localities without id together", "[breakdown]") {
    const Plan plan = kinds_plan();
    const Report report = compute_report(plan, as_of);
    const Breakdown b = breakdown(plan, report, ByField::id);
    // 8 ids, then "(no id)" (N1 and N2, in N1's place: fifth), then "(not listed)".
    REQUIRE(b.groups.size() == 10);
    CHECK(b.groups[0].label == "001");
    CHECK(b.groups[4].label == "(no id)");
    CHECK(b.groups[4].count == 2);
    CHECK(b.groups[5].label == "006");
    CHECK(b.groups[9].label == "(not listed)");
    // M1: S = 3 over uncovered: 001 0, 002 (C1) 1, 003 0, 004 (C2) 0, no id 0,
    // 006 (C3) 1, 007 (W3) 1, 008 (C4) 1, 009 0, not listed 2 (U = 6):
    // quotas 0.5, 0.5, 0.5, 0.5, 1 -> floors 0, 0, 0, 0, 1; remainders 3, 3, 3, 3, 0;
    // 2 units left: 002 and 006, first in plan order.
    CHECK(b.groups[1].milestones[1].share == 1);  // 002
    CHECK(b.groups[5].milestones[1].share == 1);  // 006
    CHECK(b.groups[6].milestones[1].share == 0);  // 007
    CHECK(b.groups[7].milestones[1].share == 0);  // 008
    CHECK(b.groups[9].milestones[1].share == 1);  // not listed
}

TEST_CASE("Breakdown by name has one group per locality and no unlisted group when all are listed", "[breakdown]") {
    Plan plan = kinds_plan();
    plan.total = 10;
    const Report report = compute_report(plan, as_of);
    const Breakdown b = breakdown(plan, report, ByField::name);
    REQUIRE(b.groups.size() == 10);
    CHECK(b.groups[0].label == "W1");
    CHECK(b.groups[9].label == "N2");
    for (const Group& g : b.groups) {
        CHECK(g.count == 1);
        CHECK_FALSE(g.unlisted);
    }
}

TEST_CASE("Breakdown by kind: declared kinds first, even empty; letter case ignored", "[breakdown]") {
    Plan plan;
    plan.name = "Declared";
    plan.total = 3;
    plan.kinds = {"x\xc3\xa3", "ph\xc6\xb0\xe1\xbb\x9dng",
                  "\xc4\x91\xe1\xba\xb7"
                  "c khu"};  // xã, phường, đặc khu
    plan.localities = {
        locality("A", "ph\xc6\xb0\xe1\xbb\x9dng", {day(2024, 6, 1)}), locality("B", "x\xc3\xa3", {}),
        locality("C", "X\xc3\xa3", {day(2024, 6, 1)}),  // "Xã": the same group as "xã"
    };
    Milestone m;
    m.deadline = day(2025, 12, 31);
    m.target.kind = Target::Kind::count;
    m.target.count = 2;
    m.required = 2;
    plan.milestones = {m};
    const Report report = compute_report(plan, as_of);
    const Breakdown b = breakdown(plan, report, ByField::kind);
    REQUIRE(b.groups.size() == 3);
    CHECK(b.groups[0].label == "x\xc3\xa3");
    CHECK(b.groups[0].count == 2);      // B and C
    CHECK(b.groups[0].drug_free == 1);  // C
    CHECK(b.groups[1].label == "ph\xc6\xb0\xe1\xbb\x9dng");
    CHECK(b.groups[1].count == 1);
    CHECK(b.groups[2].label ==
          "\xc4\x91\xe1\xba\xb7"
          "c khu");
    CHECK(b.groups[2].count == 0);  // declared, no unit: shown all the same
    // Undeclared: "xã" and "Xã" are still one group, labelled as first written.
    plan.kinds.clear();
    const Breakdown u = breakdown(plan, report, ByField::kind);
    REQUIRE(u.groups.size() == 2);
    CHECK(u.groups[0].label == "ph\xc6\xb0\xe1\xbb\x9dng");
    CHECK(u.groups[1].label == "x\xc3\xa3");
    CHECK(u.groups[1].count == 2);
}
