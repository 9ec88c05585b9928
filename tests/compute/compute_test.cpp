#include "compute.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "plan_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

Date plus(Date d, std::int32_t n) {
    return Date{d.days + n};
}

Plan plan_with(std::vector<Locality> localities, std::int64_t total = -1) {
    Plan plan;
    plan.file = "plan.toml";
    plan.name = "Test plan";
    plan.localities = std::move(localities);
    plan.total = total < 0 ? static_cast<std::int64_t>(plan.localities.size()) : total;
    return plan;
}

std::vector<std::string> names(const std::vector<LocalityRef>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) out.push_back(r.name);
    return out;
}

const Date as_of = day(2025, 6, 30);

}  // namespace

// ---------------------------------------------------------------- is_drug_free_on

TEST_CASE("a locality with no events is never drug-free") {
    const Locality loc = locality("A", {});
    CHECK_FALSE(is_drug_free_on(loc, day(1970, 1, 1)));
    CHECK_FALSE(is_drug_free_on(loc, as_of));
    CHECK_FALSE(is_drug_free_on(loc, day(9999, 12, 31)));
}

TEST_CASE("a certification counts from its own day on") {
    const Date c = day(2025, 3, 15);
    const Locality loc = locality("A", {c});
    CHECK_FALSE(is_drug_free_on(loc, plus(c, -1)));
    CHECK(is_drug_free_on(loc, c));
    CHECK(is_drug_free_on(loc, plus(c, 1)));
    CHECK(is_drug_free_on(loc, day(9999, 12, 31)));
}

TEST_CASE("a revocation ends drug-free status on its own day, re-certification restores it") {
    const Date c1 = day(2024, 1, 10);
    const Date r1 = day(2024, 8, 1);
    const Date c2 = day(2025, 2, 1);
    const Locality loc = locality("A", {c1, r1, c2});
    CHECK_FALSE(is_drug_free_on(loc, plus(c1, -1)));
    CHECK(is_drug_free_on(loc, c1));
    CHECK(is_drug_free_on(loc, plus(r1, -1)));
    CHECK_FALSE(is_drug_free_on(loc, r1));
    CHECK_FALSE(is_drug_free_on(loc, plus(c2, -1)));
    CHECK(is_drug_free_on(loc, c2));
    CHECK(is_drug_free_on(loc, plus(c2, 400)));
}

TEST_CASE("a locality revoked and not re-certified stays not drug-free") {
    const Locality loc = locality("A", {day(2024, 1, 1), day(2024, 6, 1)});
    CHECK(is_drug_free_on(loc, day(2024, 5, 31)));
    CHECK_FALSE(is_drug_free_on(loc, day(2024, 6, 1)));
    CHECK_FALSE(is_drug_free_on(loc, as_of));
}

// ---------------------------------------------------------------- CoverageTimeline

TEST_CASE("CoverageTimeline counts drug-free localities day by day, inclusive") {
    const std::vector<Locality> locs = {
        locality("A", {day(2025, 1, 1)}),
        locality("B", {day(2025, 2, 1), day(2025, 4, 1)}),
        locality("C", {day(2025, 3, 1), day(2025, 4, 1), day(2025, 5, 1)}),
        locality("D", {}),
    };
    const CoverageTimeline t(locs, as_of);
    CHECK(t.on(day(2024, 12, 31)) == 0);
    CHECK(t.on(day(2025, 1, 1)) == 1);   // A
    CHECK(t.on(day(2025, 1, 31)) == 1);  // A
    CHECK(t.on(day(2025, 2, 1)) == 2);   // A, B
    CHECK(t.on(day(2025, 3, 1)) == 3);   // A, B, C
    CHECK(t.on(day(2025, 3, 31)) == 3);
    CHECK(t.on(day(2025, 4, 1)) == 1);  // B and C revoked the same day: A
    CHECK(t.on(day(2025, 5, 1)) == 2);  // C re-certified: A, C
    CHECK(t.on(as_of) == 2);
    for (const Date d : {day(2024, 12, 31), day(2025, 2, 1), day(2025, 4, 1), day(2025, 4, 30), as_of}) {
        std::int64_t direct = 0;
        for (const auto& l : locs) direct += is_drug_free_on(l, d) ? 1 : 0;
        CHECK(t.on(d) == direct);
    }
}

TEST_CASE("CoverageTimeline nets a certification and a revocation on the same day") {
    const std::vector<Locality> locs = {
        locality("A", {day(2025, 1, 1), day(2025, 3, 1)}),
        locality("B", {day(2025, 3, 1)}),
    };
    const CoverageTimeline t(locs, as_of);
    CHECK(t.on(day(2025, 2, 28)) == 1);
    CHECK(t.on(day(2025, 3, 1)) == 1);  // A out, B in
}

TEST_CASE("CoverageTimeline ignores events after as-of") {
    const std::vector<Locality> locs = {
        locality("A", {day(2025, 1, 1), plus(as_of, 1)}),  // revoked the day after as-of: not yet
        locality("B", {plus(as_of, 1)}),                   // certified the day after as-of: not yet
        locality("C", {as_of}),                            // certified on as-of: counts
    };
    const CoverageTimeline t(locs, as_of);
    CHECK(t.on(plus(as_of, -1)) == 1);  // A
    CHECK(t.on(as_of) == 2);            // A, C
}

TEST_CASE("CoverageTimeline with no localities is zero") {
    const CoverageTimeline t({}, as_of);
    CHECK(t.on(as_of) == 0);
}

// ---------------------------------------------------------------- compute_report: totals and lists

TEST_CASE("compute_report copies the plan's header and counts localities") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)}), locality("B", {})}, 10);
    plan.source = "Decision 123";
    plan.note = "a note";
    plan.illustrative = true;
    const Report r = compute_report(plan, as_of);
    CHECK(r.file == "plan.toml");
    CHECK(r.plan == "Test plan");
    CHECK(r.source == "Decision 123");
    CHECK(r.note == "a note");
    CHECK(r.illustrative);
    CHECK(r.as_of == as_of);
    CHECK(r.total == 10);
    CHECK(r.listed == 2);
    CHECK(r.unlisted == 8);  // 10 - 2
    CHECK(r.covered == 1);
    CHECK(r.milestones.empty());
}

TEST_CASE("uncovered with no plan: the listed units without a plan and every unit not listed") {
    Plan plan = plan_with({locality("certified", {day(2024, 1, 1)}), locality("no plan", {})});
    plan.total = 5;
    const Report r = compute_report(plan, as_of);
    CHECK(r.unplanned.size() == 1);
    CHECK(r.unlisted == 3);
    CHECK(r.no_plan == 4);  // 1 listed + 3 not listed
}

TEST_CASE("unlisted is zero when every locality is listed") {
    const Plan plan = plan_with({locality("A", {}), locality("B", {}), locality("C", {})});
    const Report r = compute_report(plan, as_of);
    CHECK(r.total == 3);
    CHECK(r.listed == 3);
    CHECK(r.unlisted == 0);
}

TEST_CASE("covered on as-of counts events on the day and ignores later ones") {
    const Plan plan = plan_with({
        locality("on as-of", {as_of}),
        locality("day after", {plus(as_of, 1)}),
        locality("revoked after", {day(2024, 1, 1), plus(as_of, 1)}),
        locality("revoked on as-of", {day(2024, 1, 1), as_of}),
    });
    const Report r = compute_report(plan, as_of);
    CHECK(r.covered == 2);  // "on as-of" and "revoked after"
}

TEST_CASE("overdue, planned-ahead and unplanned lists") {
    const Plan plan = plan_with(
        {
            locality("Free", {day(2025, 1, 1)}, day(2024, 12, 1)),                         // drug-free: in no list
            locality("Late2", {}, day(2025, 5, 1)),                                        // overdue
            locality("Ahead1", {}, day(2025, 9, 1)),                                       // ahead
            locality("Late1", {}, day(2025, 3, 1)),                                        // overdue, earlier
            locality("NoPlan1", {}),                                                       // unplanned
            locality("OnAsOf", {}, as_of),                                                 // overdue: planned on as-of
            locality("Revoked", {day(2024, 1, 1), day(2024, 6, 1)}),                       // unplanned
            locality("RevokedLate", {day(2024, 1, 1), day(2024, 6, 1)}, day(2025, 5, 1)),  // overdue, ties Late2
            locality("Ahead2", {}, plus(as_of, 1)),                                        // ahead: day after as-of
            locality("FutureCert", {plus(as_of, 5)}),  // not yet certified, no plan: unplanned
        },
        12);
    const Report r = compute_report(plan, as_of);
    // Sorted by planned date; Late2 and RevokedLate tie on 2025-05-01 and keep listing order.
    CHECK(names(r.overdue) == std::vector<std::string>{"Late1", "Late2", "RevokedLate", "OnAsOf"});
    CHECK(names(r.unplanned) == std::vector<std::string>{"NoPlan1", "Revoked", "FutureCert"});
    CHECK(r.planned_ahead == 2);  // Ahead1, Ahead2
    CHECK(r.covered == 1);        // Free
    CHECK(r.listed == 10);
    CHECK(r.unlisted == 2);
    REQUIRE(r.overdue.size() == 4);
    REQUIRE(r.overdue[0].planned.has_value());
    CHECK(*r.overdue[0].planned == day(2025, 3, 1));
    CHECK(*r.overdue[3].planned == as_of);
    CHECK_FALSE(r.unplanned[0].planned.has_value());
}

TEST_CASE("locality references carry id and kind") {
    Locality loc = locality("Hồng Bàng", {}, day(2025, 1, 1));
    loc.id = "HB";
    loc.kind = "quận";
    const Report r = compute_report(plan_with({loc}), as_of);
    REQUIRE(r.overdue.size() == 1);
    CHECK(r.overdue[0].name == "Hồng Bàng");
    CHECK(r.overdue[0].id == "HB");
    CHECK(r.overdue[0].kind == "quận");
    REQUIRE(r.overdue[0].planned.has_value());
    CHECK(*r.overdue[0].planned == day(2025, 1, 1));
}

// ---------------------------------------------------------------- compute_report: past vs upcoming

TEST_CASE("a deadline on as-of is upcoming, the day before is past") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)})});
    add_milestone(plan, plus(as_of, -1), count_target(1), "yesterday");
    add_milestone(plan, as_of, count_target(1), "today");
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 2);
    CHECK_FALSE(r.milestones[0].upcoming);
    CHECK(r.milestones[0].verdict == Verdict::met);
    CHECK(r.milestones[1].upcoming);
    CHECK(r.milestones[1].verdict == Verdict::on_track);
    CHECK(r.milestones[0].name == "yesterday");
    CHECK(r.milestones[1].name == "today");
}

TEST_CASE("a past milestone counts localities drug-free on its deadline") {
    const Date deadline = day(2025, 3, 31);
    Plan plan = plan_with({
        locality("cert on deadline", {deadline}),                             // counts (inclusive)
        locality("cert day after", {plus(deadline, 1)}),                      // too late
        locality("revoked on deadline", {day(2025, 1, 1), deadline}),         // not drug-free that day
        locality("revoked day after", {day(2025, 1, 1), plus(deadline, 1)}),  // still drug-free that day
        locality("revoked, re-cert by deadline", {day(2024, 1, 1), day(2024, 6, 1), day(2025, 3, 1)}),  // counts
        locality("revoked, re-cert after", {day(2024, 1, 1), day(2025, 3, 1), day(2025, 4, 1)}),        // not
        locality("planned before deadline", {}, day(2025, 3, 1)),  // plans never count for past milestones
    });
    add_milestone(plan, deadline, count_target(4));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    const MilestoneResult& m = r.milestones[0];
    CHECK_FALSE(m.upcoming);
    CHECK(m.covered == 3);  // cert on deadline, revoked day after, revoked re-cert by deadline
    CHECK(m.planned == 0);
    CHECK(m.required == 4);
    CHECK(m.shortfall == 1);
    CHECK(m.verdict == Verdict::missed);
}

TEST_CASE("a past milestone met exactly at the required count") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)}), locality("B", {day(2025, 2, 1)}), locality("C", {})});
    add_milestone(plan, day(2025, 3, 1), count_target(2));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    CHECK(r.milestones[0].covered == 2);
    CHECK(r.milestones[0].shortfall == 0);
    CHECK(r.milestones[0].verdict == Verdict::met);
}

TEST_CASE("a certification after as-of counts for no milestone") {
    // Past milestone: the event is after the deadline as well, so it cannot count.
    // Upcoming milestone: only what has happened by as-of, plus plans.
    Plan plan = plan_with({locality("A", {plus(as_of, 1)})});
    add_milestone(plan, plus(as_of, -10), count_target(1));
    add_milestone(plan, plus(as_of, 30), count_target(1));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 2);
    CHECK(r.milestones[0].covered == 0);
    CHECK(r.milestones[0].verdict == Verdict::missed);
    CHECK(r.milestones[1].covered == 0);
    CHECK(r.milestones[1].verdict == Verdict::behind);
    CHECK(r.covered == 0);
    CHECK(names(r.unplanned) == std::vector<std::string>{"A"});
}

TEST_CASE("a revocation after as-of has not happened yet") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1), plus(as_of, 1)})});
    add_milestone(plan, plus(as_of, 30), count_target(1));
    const Report r = compute_report(plan, as_of);
    CHECK(r.covered == 1);
    REQUIRE(r.milestones.size() == 1);
    CHECK(r.milestones[0].covered == 1);
    CHECK(r.milestones[0].verdict == Verdict::on_track);
}

// ---------------------------------------------------------------- compute_report: planned dates

TEST_CASE("planned dates count for an upcoming milestone up to and including its deadline") {
    const Date deadline = day(2025, 12, 31);
    Plan plan = plan_with({
        locality("free", {day(2025, 1, 1)}),
        locality("on as-of", {}, as_of),                        // overdue, does not count
        locality("day after as-of", {}, plus(as_of, 1)),        // counts
        locality("on deadline", {}, deadline),                  // counts
        locality("day after deadline", {}, plus(deadline, 1)),  // does not count
        locality("before as-of", {}, day(2025, 1, 1)),          // overdue
        locality("no plan", {}),
    });
    add_milestone(plan, deadline, count_target(3));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    const MilestoneResult& m = r.milestones[0];
    CHECK(m.upcoming);
    CHECK(m.planned == 2);  // day after as-of, on deadline
    CHECK(m.covered == 3);  // 1 free + 2 planned
    CHECK(m.shortfall == 0);
    CHECK(m.verdict == Verdict::on_track);
    CHECK(r.planned_ahead == 3);  // day after as-of, on deadline, day after deadline
    CHECK(names(r.overdue) == std::vector<std::string>{"before as-of", "on as-of"});
}

TEST_CASE("a planned date on as-of does not count for a milestone due on as-of") {
    Plan plan = plan_with({locality("A", {}, as_of)});
    add_milestone(plan, as_of, count_target(1));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    CHECK(r.milestones[0].upcoming);
    CHECK(r.milestones[0].planned == 0);
    CHECK(r.milestones[0].covered == 0);
    CHECK(r.milestones[0].shortfall == 1);
    CHECK(r.milestones[0].verdict == Verdict::behind);
    CHECK(names(r.overdue) == std::vector<std::string>{"A"});
}

TEST_CASE("a planned date of a locality already drug-free is not counted twice") {
    Plan plan = plan_with({
        locality("A", {day(2025, 1, 1)}, plus(as_of, 10)),
        locality("B", {}, plus(as_of, 10)),
    });
    add_milestone(plan, plus(as_of, 30), count_target(2));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    CHECK(r.milestones[0].covered == 2);  // A (drug-free) + B (planned), not 3
    CHECK(r.milestones[0].planned == 1);
    CHECK(r.planned_ahead == 1);
    CHECK(r.overdue.empty());
    CHECK(r.unplanned.empty());
}

TEST_CASE("a revoked locality with a planned date after as-of counts by its plan") {
    Plan plan = plan_with({locality("A", {day(2024, 1, 1), day(2025, 1, 1)}, plus(as_of, 1))});
    add_milestone(plan, plus(as_of, 1), count_target(1));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    CHECK(r.milestones[0].planned == 1);
    CHECK(r.milestones[0].covered == 1);
    CHECK(r.milestones[0].verdict == Verdict::on_track);
}

TEST_CASE("each upcoming milestone counts the plans due by its own deadline") {
    Plan plan = plan_with({
        locality("A", {day(2025, 1, 1)}),
        locality("B", {}, day(2025, 8, 1)),
        locality("C", {}, day(2025, 11, 1)),
        locality("D", {}, day(2026, 3, 1)),
        locality("E", {}),
    });
    add_milestone(plan, day(2025, 9, 30), count_target(2));
    add_milestone(plan, day(2025, 12, 31), count_target(3));
    add_milestone(plan, day(2026, 6, 30), count_target(5));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 3);
    CHECK(r.milestones[0].covered == 2);  // A + B
    CHECK(r.milestones[0].planned == 1);
    CHECK(r.milestones[1].covered == 3);  // A + B + C
    CHECK(r.milestones[1].planned == 2);
    CHECK(r.milestones[2].covered == 4);  // A + B + C + D; E has no plan
    CHECK(r.milestones[2].planned == 3);
    CHECK(r.milestones[2].shortfall == 1);
    CHECK(r.milestones[0].verdict == Verdict::on_track);
    CHECK(r.milestones[1].verdict == Verdict::on_track);
    CHECK(r.milestones[2].verdict == Verdict::behind);
}

// ---------------------------------------------------------------- required, shortfall, verdicts

TEST_CASE("milestone results carry the target and the resolved requirement") {
    std::vector<Locality> locs;
    for (int k = 0; k < 5; ++k) locs.push_back(locality("L" + std::to_string(k), {day(2025, 1, 1)}));
    Plan plan = plan_with(locs, 114);
    add_milestone(plan, day(2025, 12, 31), percent_target("30%"), "first");
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 1);
    const MilestoneResult& m = r.milestones[0];
    CHECK(m.name == "first");
    CHECK(m.deadline == day(2025, 12, 31));
    CHECK(m.target.kind == Target::Kind::percent);
    CHECK(to_string(m.target) == "30%");
    CHECK(m.required == 35);  // ceil(30 * 114 / 100) = ceil(34.2)
    CHECK(m.covered == 5);
    CHECK(m.shortfall == 30);  // 35 - 5
    CHECK(m.verdict == Verdict::behind);
}

TEST_CASE("shortfall is never negative") {
    Plan plan = plan_with(
        {locality("A", {day(2025, 1, 1)}), locality("B", {day(2025, 1, 1)}), locality("C", {day(2025, 1, 1)})});
    add_milestone(plan, day(2025, 3, 1), count_target(1));
    add_milestone(plan, day(2025, 12, 1), count_target(2));
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 2);
    CHECK(r.milestones[0].covered == 3);
    CHECK(r.milestones[0].shortfall == 0);
    CHECK(r.milestones[0].verdict == Verdict::met);
    CHECK(r.milestones[1].covered == 3);
    CHECK(r.milestones[1].shortfall == 0);
    CHECK(r.milestones[1].verdict == Verdict::on_track);
}

TEST_CASE("all four verdicts") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)}), locality("B", {}, day(2025, 9, 1)), locality("C", {})});
    add_milestone(plan, day(2025, 2, 1), count_target(1), "met");       // A: 1 >= 1
    add_milestone(plan, day(2025, 3, 1), count_target(2), "missed");    // A: 1 < 2
    add_milestone(plan, day(2025, 9, 1), count_target(2), "on-track");  // A + B = 2
    add_milestone(plan, day(2025, 12, 1), count_target(3), "behind");   // A + B = 2 < 3
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 4);
    CHECK(r.milestones[0].verdict == Verdict::met);
    CHECK(r.milestones[1].verdict == Verdict::missed);
    CHECK(r.milestones[1].shortfall == 1);
    CHECK(r.milestones[2].verdict == Verdict::on_track);
    CHECK(r.milestones[3].verdict == Verdict::behind);
    CHECK(r.milestones[3].shortfall == 1);
    CHECK(std::string(to_string(Verdict::met)) == "met");
    CHECK(std::string(to_string(Verdict::missed)) == "missed");
    CHECK(std::string(to_string(Verdict::on_track)) == "on-track");
    CHECK(std::string(to_string(Verdict::behind)) == "behind");
    CHECK(is_good(Verdict::met));
    CHECK(is_good(Verdict::on_track));
    CHECK_FALSE(is_good(Verdict::missed));
    CHECK_FALSE(is_good(Verdict::behind));
}

TEST_CASE("unlisted localities count as uncovered") {
    // total 10, 2 listed and drug-free: 50% needs 5.
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)}), locality("B", {day(2025, 1, 1)})}, 10);
    add_milestone(plan, day(2025, 12, 31), percent_target("50%"));
    const Report r = compute_report(plan, as_of);
    CHECK(r.unlisted == 8);
    REQUIRE(r.milestones.size() == 1);
    CHECK(r.milestones[0].required == 5);
    CHECK(r.milestones[0].covered == 2);
    CHECK(r.milestones[0].shortfall == 3);
    CHECK(r.milestones[0].verdict == Verdict::behind);
}

// ---------------------------------------------------------------- exit_status

TEST_CASE("exit_status with every milestone good is 0") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)})});
    add_milestone(plan, day(2025, 2, 1), count_target(1));
    add_milestone(plan, day(2025, 12, 1), count_target(1));
    const Report r = compute_report(plan, as_of);
    CHECK(exit_status(r, Judge::all) == 0);
    CHECK(exit_status(r, Judge::upcoming) == 0);
}

TEST_CASE("exit_status: a missed past milestone fails all but not upcoming") {
    Plan plan = plan_with({locality("A", {day(2025, 3, 1)}), locality("B", {}, day(2025, 9, 1))});
    add_milestone(plan, day(2025, 2, 1), count_target(1));   // 0 covered: missed
    add_milestone(plan, day(2025, 12, 1), count_target(2));  // A + B planned: on-track
    const Report r = compute_report(plan, as_of);
    REQUIRE(r.milestones.size() == 2);
    REQUIRE(r.milestones[0].verdict == Verdict::missed);
    REQUIRE(r.milestones[1].verdict == Verdict::on_track);
    CHECK(exit_status(r, Judge::all) == 1);
    CHECK(exit_status(r, Judge::upcoming) == 0);
}

TEST_CASE("exit_status: a behind upcoming milestone fails both ways") {
    Plan plan = plan_with({locality("A", {day(2025, 1, 1)}), locality("B", {})});
    add_milestone(plan, day(2025, 2, 1), count_target(1));   // met
    add_milestone(plan, day(2025, 12, 1), count_target(2));  // behind
    const Report r = compute_report(plan, as_of);
    CHECK(exit_status(r, Judge::all) == 1);
    CHECK(exit_status(r, Judge::upcoming) == 1);
}

TEST_CASE("exit_status with no milestones is 0") {
    const Report r = compute_report(plan_with({locality("A", {})}), as_of);
    CHECK(exit_status(r, Judge::all) == 0);
    CHECK(exit_status(r, Judge::upcoming) == 0);
}

TEST_CASE("exit_status with only past milestones, judged upcoming, is 0") {
    Plan plan = plan_with({locality("A", {})});
    add_milestone(plan, day(2025, 2, 1), count_target(1));  // missed
    const Report r = compute_report(plan, as_of);
    CHECK(exit_status(r, Judge::all) == 1);
    CHECK(exit_status(r, Judge::upcoming) == 0);
}

TEST_CASE("add_to_rollup adds up plans and saturates at INT64_MAX instead of wrapping", "[compute][rollup]") {
    Report a;
    a.total = 5000000000000000000;
    a.covered = 4000000000000000000;
    Rollup r;
    add_to_rollup(r, a);
    CHECK(r.total == 5000000000000000000);
    add_to_rollup(r, a);
    // 5e18 + 5e18 = 1e19 > 9223372036854775807: saturated, never -8446744073709551616.
    CHECK(r.total == INT64_MAX);
    CHECK(r.covered == 8000000000000000000);
    add_to_rollup(r, a);
    CHECK(r.covered == INT64_MAX);
    CHECK(r.plans == 3);
    Report small;
    small.total = 3;
    small.covered = 1;
    Rollup s;
    add_to_rollup(s, small);
    add_to_rollup(s, small);
    CHECK(s.total == 6);
    CHECK(s.covered == 2);
}
