#include "changes.hpp"

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

void add_count_milestone(Plan& plan, Date deadline, std::int64_t n, std::string name) {
    Milestone m;
    m.name = std::move(name);
    m.deadline = deadline;
    m.target.kind = Target::Kind::count;
    m.target.count = n;
    m.required = n;
    plan.milestones.push_back(m);
}

const Date since = day(2025, 1, 1);
const Date as_of = day(2025, 6, 30);

// Since 2025-01-01, as of 2025-06-30.
Plan changes_plan() {
    Plan plan;
    plan.name = "Changes";
    plan.localities = {
        locality("A", {day(2025, 3, 1)}),                                    // certified
        locality("B", {day(2024, 1, 1), day(2024, 6, 1), day(2025, 4, 1)}),  // re-certified (revoked before DATE)
        locality("C", {day(2024, 1, 1), day(2025, 2, 1)}),                   // revoked
        locality("D", {day(2025, 2, 1), day(2025, 3, 1), day(2025, 5, 1)}),  // re-certified (revoked within)
        locality("E", {day(2024, 1, 1), day(2025, 2, 1), day(2025, 5, 1)}),  // changed and back
        locality("F", {day(2024, 1, 1)}),                                    // unchanged
        locality("G", {day(2025, 1, 1)}),                                    // on DATE: drug-free on both days
        locality("H", {day(2025, 6, 30)}),                                   // on as-of: certified
        locality("I", {day(2025, 7, 15)}),                                   // after as-of: nothing yet
        locality("J", {}, day(2025, 3, 1)),                                  // slipped
        locality("K", {}, day(2025, 1, 1)),                                  // overdue already on DATE
        locality("L", {}, day(2025, 6, 30)),                                 // slipped on as-of
        locality("M", {day(2025, 4, 10)}, day(2025, 4, 1)),                  // late but done: certified
        locality("N", {}, day(2025, 2, 1)),                                  // slipped
    };
    plan.total = 14;
    add_count_milestone(plan, day(2024, 12, 31), 3, "P0");
    add_count_milestone(plan, day(2025, 2, 28), 3, "Pa");
    add_count_milestone(plan, day(2025, 3, 31), 5, "P1");
    add_count_milestone(plan, day(2025, 12, 31), 10, "P2");
    return plan;
}

std::vector<std::string> names(const std::vector<LocalityRef>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) out.push_back(r.name);
    return out;
}

}  // namespace

TEST_CASE("Changes since DATE classify each locality", "[changes]") {
    const Changes c = changes_since(changes_plan(), since, as_of);
    CHECK(c.since == since);
    CHECK(c.as_of == as_of);
    // In date order of the first event after DATE, plan order on one day: C, D, E (2025-02-01), A (03-01),
    // B (04-01), M (04-10), H (06-30); F, G, I and the planned-only ones are unchanged.
    REQUIRE(c.localities.size() == 7);
    std::vector<std::string> got;
    for (const auto& l : c.localities) got.push_back(l.locality.name);
    CHECK(got == std::vector<std::string>{"C", "D", "E", "A", "B", "M", "H"});
    auto at = [&](const char* name) -> const LocalityChange& {
        for (const auto& l : c.localities)
            if (l.locality.name == name) return l;
        FAIL("no " << name);
        return c.localities.front();
    };

    const LocalityChange& a = at("A");
    CHECK(a.kind == ChangeKind::certified);
    CHECK_FALSE(a.was_drug_free);
    CHECK(a.is_drug_free);
    REQUIRE(a.events.size() == 1);
    CHECK(a.events[0].date == day(2025, 3, 1));

    const LocalityChange& b = at("B");
    CHECK(b.kind == ChangeKind::recertified);  // its revocation was on 2024-06-01, before DATE
    REQUIRE(b.events.size() == 1);             // only the events in (DATE, as-of]
    CHECK(b.events[0].date == day(2025, 4, 1));

    const LocalityChange& cc = at("C");
    CHECK(cc.kind == ChangeKind::revoked);
    CHECK(cc.was_drug_free);
    CHECK_FALSE(cc.is_drug_free);
    REQUIRE(cc.events.size() == 1);
    CHECK(cc.events[0].kind == EventKind::revoked);
    CHECK(cc.events[0].date == day(2025, 2, 1));

    const LocalityChange& d = at("D");
    CHECK(d.kind == ChangeKind::recertified);  // certified, revoked and certified again within the period
    CHECK(d.events.size() == 3);

    const LocalityChange& e = at("E");
    CHECK(e.kind == ChangeKind::changed_and_back);
    CHECK(e.was_drug_free);
    CHECK(e.is_drug_free);
    CHECK(e.events.size() == 2);

    CHECK(at("H").kind == ChangeKind::certified);  // H, certified on as-of itself
    CHECK(at("M").kind == ChangeKind::certified);  // M
    CHECK(std::string(to_string(ChangeKind::recertified)) == "re-certified");
    CHECK(std::string(to_string(ChangeKind::changed_and_back)) == "changed and back");
}

TEST_CASE("Changes since DATE list planned dates that slipped into overdue", "[changes]") {
    const Changes c = changes_since(changes_plan(), since, as_of);
    // Planned in (2025-01-01, 2025-06-30] and not drug-free on as-of: J (03-01),
    // L (06-30), N (02-01); not K (planned on DATE itself), not M (done).
    // Sorted by planned date: N, J, L.
    CHECK(names(c.slipped) == std::vector<std::string>{"N", "J", "L"});
    CHECK(*c.slipped[0].planned == day(2025, 2, 1));
}

TEST_CASE("Changes since DATE list the milestones whose verdict changed", "[changes]") {
    const Changes c = changes_since(changes_plan(), since, as_of);
    // P0 2024-12-31 needs 3: past on both days; drug-free on it: C, E, F = 3: met, met.
    // Pa 2025-02-28 needs 3: on DATE upcoming, drug-free C, E, F, G (4) + planned
    //   in (DATE, 02-28]: N = 5: on-track. On as-of past: drug-free on 02-28:
    //   D (02-01), F, G = 3: met. on-track -> met.
    // P1 2025-03-31 needs 5: on DATE 4 + J (03-01), N (02-01) = 6: on-track. On
    //   as-of past: drug-free on 03-31: A (03-01), F, G = 3: missed. on-track -> missed.
    // P2 2025-12-31 needs 10: on DATE 4 + J, L, M, N = 8: behind; on as-of
    //   A, B, D, E, F, G, H, M = 8, nothing planned ahead: behind. Unchanged.
    REQUIRE(c.milestones.size() == 2);
    const MilestoneChange& pa = c.milestones[0];
    CHECK(pa.index == 1);
    CHECK(pa.name == "Pa");
    CHECK(pa.before == Verdict::on_track);
    CHECK(pa.after == Verdict::met);
    CHECK(pa.covered_before == 5);
    CHECK(pa.covered_after == 3);
    CHECK_FALSE(pa.judgement_changed);

    const MilestoneChange& p1 = c.milestones[1];
    CHECK(p1.index == 2);
    CHECK(p1.deadline == day(2025, 3, 31));
    CHECK(p1.before == Verdict::on_track);
    CHECK(p1.after == Verdict::missed);
    CHECK(p1.covered_before == 6);
    CHECK(p1.covered_after == 3);
    CHECK(p1.judgement_changed);
}

TEST_CASE("Changes need DATE before as-of", "[changes]") {
    const Plan plan = changes_plan();
    CHECK_THROWS_AS(changes_since(plan, as_of, as_of), std::invalid_argument);
    CHECK_THROWS_AS(changes_since(plan, day(2025, 7, 1), as_of), std::invalid_argument);
    CHECK_NOTHROW(changes_since(plan, day(2025, 6, 29), as_of));
}

TEST_CASE("Nothing changed over a quiet period", "[changes]") {
    // 2025-06-01 to 2025-06-29: H is certified on 06-30, outside; no planned date in the period.
    const Changes c = changes_since(changes_plan(), day(2025, 6, 1), day(2025, 6, 29));
    CHECK(c.localities.empty());
    CHECK(c.slipped.empty());
    CHECK(c.milestones.empty());
}

TEST_CASE("Changes since DATE list the plans moved in the period by their set day", "[changes][planned]") {
    Plan plan;
    plan.total = 3;
    // P: 2025-03-01, moved on 2024-12-31 (before DATE) to 2025-04-01, on
    // 2025-05-02 to 2025-08-01, on 2025-06-30 (as-of) to 2025-10-01, and on
    // 2025-07-01 (after as-of) to 2026-01-01: two moves in the period.
    Locality p = locality("P", {});
    p.planned = PlannedDates(
        {PlannedEntry{day(2025, 3, 1), std::nullopt, ""}, PlannedEntry{day(2025, 4, 1), day(2024, 12, 31), ""},
         PlannedEntry{day(2025, 8, 1), day(2025, 5, 2), "council"},
         PlannedEntry{day(2025, 10, 1), day(2025, 6, 30), ""}, PlannedEntry{day(2026, 1, 1), day(2025, 7, 1), ""}});
    // Q: its first plan set on 2025-02-01: made, not moved.
    Locality q = locality("Q", {});
    q.planned = PlannedDates({PlannedEntry{day(2025, 9, 1), day(2025, 2, 1), ""}});
    // R: moved on 2025-03-03, earlier in the period than P's moves.
    Locality r = locality("R", {});
    r.planned = PlannedDates(
        {PlannedEntry{day(2025, 5, 1), std::nullopt, ""}, PlannedEntry{day(2025, 11, 1), day(2025, 3, 3), ""}});
    plan.localities = {p, q, r};
    add_count_milestone(plan, day(2025, 12, 31), 1, "M");
    const Changes c = changes_since(plan, since, as_of);
    REQUIRE(c.moved_plans.size() == 3);
    CHECK(c.moved_plans[0].locality.name == "R");
    CHECK(c.moved_plans[0].from == day(2025, 5, 1));
    CHECK(c.moved_plans[0].to == day(2025, 11, 1));
    CHECK(c.moved_plans[1].locality.name == "P");
    CHECK(c.moved_plans[1].from == day(2025, 4, 1));
    CHECK(c.moved_plans[1].to == day(2025, 8, 1));
    CHECK(c.moved_plans[1].set == day(2025, 5, 2));
    CHECK(c.moved_plans[1].note == "council");
    CHECK(c.moved_plans[2].to == day(2025, 10, 1));
    CHECK(c.moved_plans[2].set == as_of);
    // P's plan in force on as-of is 2025-10-01: not overdue, so not slipped.
    CHECK(c.slipped.empty());
}
