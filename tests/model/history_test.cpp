// The history rule (history.hpp), case by case, with the expected fault and
// index worked out by hand.
#include "history.hpp"

#include <catch2/catch.hpp>

using ontrack::check_history;
using ontrack::Date;
using ontrack::Event;
using ontrack::EventKind;
using ontrack::HistoryFault;

namespace {
constexpr EventKind C = EventKind::certified;
constexpr EventKind R = EventKind::revoked;
Event ev(int y, unsigned m, unsigned d, EventKind k) {
    return Event{Date::from_ymd(y, m, d), k};
}
}  // namespace

TEST_CASE("A history that starts with a certification and alternates is valid", "[history]") {
    CHECK_FALSE(check_history({}));
    CHECK_FALSE(check_history({ev(2025, 1, 1, C)}));
    CHECK_FALSE(check_history({ev(2025, 1, 1, C), ev(2025, 6, 1, R), ev(2025, 9, 1, C)}));
}

TEST_CASE("Each fault of a history is found at the event that causes it", "[history]") {
    SECTION("a revocation first") {
        const auto p = check_history({ev(2025, 1, 1, R), ev(2025, 6, 1, C)});
        REQUIRE(p);
        CHECK(p->fault == HistoryFault::starts_revoked);
        CHECK(p->at == 0);
    }
    SECTION("two certifications in a row: the second") {
        const auto p = check_history({ev(2025, 1, 1, C), ev(2025, 6, 1, R), ev(2025, 7, 1, C), ev(2025, 8, 1, C)});
        REQUIRE(p);
        CHECK(p->fault == HistoryFault::repeated);
        CHECK(p->at == 3);
    }
    SECTION("two events on one day, reported before an earlier repetition") {
        // C C at 1 is a repetition, but the same day at 3 is found first.
        const auto p = check_history({ev(2025, 1, 1, C), ev(2025, 2, 1, C), ev(2025, 3, 1, R), ev(2025, 3, 1, C)});
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
