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
