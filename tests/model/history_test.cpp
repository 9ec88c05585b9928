// The history rule (history.hpp), case by case, with the expected fault and
// index worked out by hand.
#include "history.hpp"

#include <catch2/catch.hpp>

using ontrack::Date;
using ontrack::Event;
using ontrack::EventKind;
using ontrack::first_history_problem;
using ontrack::HistoryFault;

namespace {
constexpr EventKind C = EventKind::certified;
constexpr EventKind R = EventKind::revoked;
Event ev(int y, unsigned m, unsigned d, EventKind k) {
    return Event{Date::from_ymd(y, m, d), k};
}
}  // namespace

TEST_CASE("A history that starts with a certification and alternates is valid", "[history]") {
    CHECK_FALSE(first_history_problem({}));
    CHECK_FALSE(first_history_problem({ev(2025, 1, 1, C)}));
    CHECK_FALSE(first_history_problem({ev(2025, 1, 1, C), ev(2025, 6, 1, R), ev(2025, 9, 1, C)}));
}

TEST_CASE("Each fault of a history is found at the event that causes it", "[history]") {
    SECTION("a revocation first") {
        const auto p = first_history_problem({ev(2025, 1, 1, R), ev(2025, 6, 1, C)});
        REQUIRE(p);
        CHECK(p->fault == HistoryFault::starts_revoked);
        CHECK(p->at == 0);
    }
    SECTION("two certifications in a row: the second") {
        const auto p =
            first_history_problem({ev(2025, 1, 1, C), ev(2025, 6, 1, R), ev(2025, 7, 1, C), ev(2025, 8, 1, C)});
        REQUIRE(p);
        CHECK(p->fault == HistoryFault::repeated);
        CHECK(p->at == 3);
    }
    SECTION("two events on one day, reported before an earlier repetition") {
        // C C at 1 is a repetition, but the same day at 3 is found first.
        const auto p =
            first_history_problem({ev(2025, 1, 1, C), ev(2025, 2, 1, C), ev(2025, 3, 1, R), ev(2025, 3, 1, C)});
        REQUIRE(p);
        CHECK(p->fault == HistoryFault::same_day);
        CHECK(p->at == 3);
    }
}

// ---------------------------------------------------------------- pending_plan

namespace {
Date day(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}
ontrack::Locality planned_on(Date planned, std::vector<Event> events) {
    ontrack::Locality loc;
    loc.name = "An L\xc3\xa3o";
    loc.planned = planned;
    loc.events = std::move(events);
    return loc;
}
}  // namespace

TEST_CASE("A planned date counts only while it is later than the latest event", "[history]") {
    using ontrack::has_stale_plan;
    using ontrack::pending_plan;
    // No events: the plan always stands.
    const auto none = planned_on(day(2026, 6, 30), {});
    CHECK(pending_plan(none, day(2027, 2, 1)) == day(2026, 6, 30));
    CHECK_FALSE(has_stale_plan(none));
    // An Lão: planned 2026-06-30, certified 2026-11-20, revoked 2027-01-10.
    const auto an_lao = planned_on(day(2026, 6, 30), {ev(2026, 11, 20, C), ev(2027, 1, 10, R)});
    CHECK(pending_plan(an_lao, day(2026, 11, 19)) == day(2026, 6, 30));  // overdue then, not yet overtaken
    CHECK_FALSE(pending_plan(an_lao, day(2026, 11, 20)));                // the certification fulfilled it
    CHECK_FALSE(pending_plan(an_lao, day(2027, 2, 1)));                  // still no plan after the revocation
    CHECK(has_stale_plan(an_lao));
    // Planned on the very day of the latest event: fulfilled by it.
    const auto same_day = planned_on(day(2026, 11, 20), {ev(2026, 11, 20, C)});
    CHECK_FALSE(pending_plan(same_day, day(2026, 12, 1)));
    CHECK(has_stale_plan(same_day));
    // Planned the day after the latest event: it stands.
    const auto after = planned_on(day(2026, 11, 21), {ev(2026, 1, 1, C), ev(2026, 11, 20, R)});
    CHECK(pending_plan(after, day(2026, 12, 1)) == day(2026, 11, 21));
    CHECK(pending_plan(after, day(2026, 11, 20)) == day(2026, 11, 21));
    CHECK_FALSE(has_stale_plan(after));
    // An event after as-of does not count yet.
    const auto later = planned_on(day(2026, 6, 30), {ev(2026, 11, 20, C)});
    CHECK(pending_plan(later, day(2026, 7, 1)) == day(2026, 6, 30));
    // No planned date: nothing.
    ontrack::Locality bare;
    CHECK_FALSE(pending_plan(bare, day(2026, 1, 1)));
    CHECK_FALSE(has_stale_plan(bare));
}

namespace {
ontrack::PlannedEntry entry(Date date, std::optional<Date> set) {
    return ontrack::PlannedEntry{date, set, {}};
}
}  // namespace

TEST_CASE("The plan in force on a day is the last entry set by then", "[history][planned]") {
    using ontrack::current_plan;
    using ontrack::pending_plan;
    using ontrack::plan_moves;
    ontrack::Locality loc;
    loc.name = "An L\xc3\xa3o";
    // First planned 2026-03-31 (no set day), moved on 2026-02-15 to
    // 2026-06-30, then on 2026-09-01 to 2026-12-31.
    loc.planned =
        ontrack::PlannedDates({entry(day(2026, 3, 31), std::nullopt), entry(day(2026, 6, 30), day(2026, 2, 15)),
                               entry(day(2026, 12, 31), day(2026, 9, 1))});
    // Before the first move: the first entry, which has always counted.
    CHECK(current_plan(loc, day(2026, 2, 14)) == 0u);
    CHECK(pending_plan(loc, day(2026, 2, 14)) == day(2026, 3, 31));
    CHECK(plan_moves(loc, day(2026, 2, 14)) == 0);
    // On the day of a move, the new entry counts.
    CHECK(pending_plan(loc, day(2026, 2, 15)) == day(2026, 6, 30));
    CHECK(plan_moves(loc, day(2026, 2, 15)) == 1);
    CHECK(pending_plan(loc, day(2026, 8, 31)) == day(2026, 6, 30));
    CHECK(pending_plan(loc, day(2026, 9, 1)) == day(2026, 12, 31));
    CHECK(plan_moves(loc, day(2027, 1, 1)) == 2);
    // A certification on 2026-10-01 fulfils nothing of a plan for 2026-12-31...
    loc.events = {ev(2026, 10, 1, C)};
    CHECK(pending_plan(loc, day(2026, 10, 2)) == day(2026, 12, 31));
    // ...but on 2026-08-01 it overtakes the plan then in force (2026-06-30).
    loc.events = {ev(2026, 7, 1, C)};
    CHECK_FALSE(pending_plan(loc, day(2026, 8, 1)));
    CHECK(pending_plan(loc, day(2026, 9, 1)) == day(2026, 12, 31));
    CHECK_FALSE(ontrack::has_stale_plan(loc));  // the last entry is after the latest event
    loc.events = {ev(2027, 1, 5, C)};
    CHECK(ontrack::has_stale_plan(loc));
}

TEST_CASE("A plan set only after the day has no plan in force yet", "[history][planned]") {
    ontrack::Locality loc;
    loc.planned = ontrack::PlannedDates({entry(day(2027, 6, 30), day(2026, 11, 30))});
    CHECK_FALSE(ontrack::current_plan(loc, day(2026, 11, 29)));
    CHECK_FALSE(ontrack::pending_plan(loc, day(2026, 11, 29)));
    CHECK(ontrack::plan_moves(loc, day(2026, 11, 29)) == 0);
    CHECK(ontrack::pending_plan(loc, day(2026, 11, 30)) == day(2027, 6, 30));
    CHECK(ontrack::plan_moves(loc, day(2026, 11, 30)) == 0);
}

TEST_CASE("PlannedDates holds a plain date without a history and copies its history", "[model][planned]") {
    ontrack::PlannedDates none;
    CHECK(none.empty());
    CHECK(none.size() == 0u);
    const ontrack::PlannedDates plain(day(1969, 12, 31));  // a negative day count survives the packing
    REQUIRE(plain.size() == 1u);
    CHECK(plain.date(0) == day(1969, 12, 31));
    CHECK_FALSE(plain.set(0));
    // One entry with neither set nor note is the same plain date.
    const ontrack::PlannedDates same({entry(day(2027, 1, 1), std::nullopt)});
    CHECK(same.entries().size() == 1u);
    CHECK(same.last() == day(2027, 1, 1));
    ontrack::PlannedDates history(
        {entry(day(2027, 1, 1), std::nullopt), ontrack::PlannedEntry{day(2027, 6, 1), day(2026, 5, 1), "n"}});
    ontrack::PlannedDates copy = history;
    history = plain;  // the copy keeps its own entries
    CHECK(copy.size() == 2u);
    CHECK(copy.note(1) == "n");
    CHECK(history.last() == day(1969, 12, 31));
    ontrack::PlannedDates moved = std::move(copy);
    CHECK(moved.set(1) == day(2026, 5, 1));
    CHECK(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
}
