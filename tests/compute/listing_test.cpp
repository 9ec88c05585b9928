#include "listing.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "plan_builders.hpp"

using namespace ontrack;
using ontrack::test::day;

namespace {

// The shared builder, with the id and kind every locality here has.
Locality locality(std::string name, std::vector<Date> event_dates, std::optional<Date> planned = std::nullopt) {
    Locality loc = ontrack::test::locality(std::move(name), std::move(event_dates), planned);
    loc.id = "id-" + loc.name;
    loc.kind = "commune";
    return loc;
}

const Date as_of = day(2025, 6, 30);

// As of 2025-06-30; total 11, 9 listed.
Plan listing_plan() {
    Plan plan;
    plan.name = "Lists";
    plan.localities = {
        locality("W1", {day(2024, 6, 1)}),                                     // covered since 2024-06-01
        locality("C1", {day(2024, 6, 1), day(2025, 1, 15)}, day(2025, 9, 1)),  // revoked, re-planned
        locality("W2", {day(2023, 1, 1), day(2023, 6, 1), day(2025, 2, 1)}),   // covered since 2025-02-01
        locality("C2", {}, day(2025, 9, 1)),                                   // uncovered, planned ahead
        locality("C3", {}, day(2025, 3, 1)),                                   // overdue
        locality("C4", {}),                                                    // uncovered, unplanned
        locality("R2", {day(2024, 1, 1), day(2025, 7, 15)}),                   // revocation after as-of: covered
        locality("X", {}, day(2025, 6, 30)),                                   // overdue on as-of itself
        locality("Y", {day(2025, 8, 1)}, day(2025, 5, 1)),                     // certified after as-of: overdue
    };
    plan.total = 11;
    return plan;
}

std::vector<std::string> names(const Listing& l) {
    std::vector<std::string> out;
    for (const auto& r : l.rows) out.push_back(r.name);
    return out;
}

}  // namespace

TEST_CASE("List kinds by name", "[listing]") {
    CHECK(parse_list_kind("uncovered") == ListKind::uncovered);
    CHECK(parse_list_kind("overdue") == ListKind::overdue);
    CHECK(parse_list_kind("revoked") == ListKind::revoked);
    CHECK(parse_list_kind("covered") == ListKind::covered);
    CHECK_FALSE(parse_list_kind("late").has_value());
    CHECK(std::string(to_string(ListKind::revoked)) == "revoked");
}

TEST_CASE("List the uncovered localities with their planned dates", "[listing]") {
    const Listing l = list_localities(listing_plan(), as_of, ListKind::uncovered);
    CHECK(l.kind == ListKind::uncovered);
    CHECK(l.as_of == as_of);
    CHECK(names(l) == std::vector<std::string>{"C1", "C2", "C3", "C4", "X", "Y"});
    CHECK(l.unlisted == 2);  // 11 - 9
    CHECK(*l.rows[0].planned == day(2025, 9, 1));
    CHECK_FALSE(l.rows[3].planned.has_value());  // C4
    CHECK(*l.rows[5].planned == day(2025, 5, 1));
    CHECK(l.rows[0].id == "id-C1");
    CHECK(l.rows[0].kind == "commune");
    CHECK_FALSE(l.rows[0].certified.has_value());
}

TEST_CASE("List the overdue localities by planned date, as the report does", "[listing]") {
    const Listing l = list_localities(listing_plan(), as_of, ListKind::overdue);
    // Planned on or before 2025-06-30 and not drug-free: C3 (03-01), X (06-30), Y (05-01),
    // in plan order; by date C3, Y, X.
    CHECK(names(l) == std::vector<std::string>{"C3", "Y", "X"});
    CHECK(*l.rows[2].planned == day(2025, 6, 30));
    CHECK(l.unlisted == 0);
}

TEST_CASE("List the revoked localities with their dates", "[listing]") {
    const Listing l = list_localities(listing_plan(), as_of, ListKind::revoked);
    // Only C1: W2 was revoked in 2023 but is certified again; R2's revocation is after as-of.
    REQUIRE(names(l) == std::vector<std::string>{"C1"});
    CHECK(*l.rows[0].certified == day(2024, 6, 1));
    CHECK(*l.rows[0].revoked == day(2025, 1, 15));
    CHECK(*l.rows[0].planned == day(2025, 9, 1));
}

TEST_CASE("List the covered localities with the certification in force", "[listing]") {
    const Listing l = list_localities(listing_plan(), as_of, ListKind::covered);
    CHECK(names(l) == std::vector<std::string>{"W1", "W2", "R2"});
    CHECK(*l.rows[0].certified == day(2024, 6, 1));
    CHECK(*l.rows[1].certified == day(2025, 2, 1));  // the re-certification, not 2023-01-01
    CHECK(*l.rows[2].certified == day(2024, 1, 1));
    CHECK_FALSE(l.rows[2].revoked.has_value());
}

TEST_CASE("A later as-of changes the lists", "[listing]") {
    // As of 2025-07-15, R2 is revoked (certified 2024-01-01, revoked 2025-07-15).
    const Listing l = list_localities(listing_plan(), day(2025, 7, 15), ListKind::revoked);
    REQUIRE(names(l) == std::vector<std::string>{"C1", "R2"});
    CHECK(*l.rows[1].certified == day(2024, 1, 1));
    CHECK(*l.rows[1].revoked == day(2025, 7, 15));
    CHECK_FALSE(l.rows[1].planned.has_value());
}

TEST_CASE("Each row carries the decision of the event it is about and the plan's moves", "[listing][decision]") {
    // K: certified 2024-06-01 (decision 1/QĐ), revoked 2025-01-15 (decision
    // 2/QĐ, a note), planned first 2025-03-01 then, set 2025-02-01, 2025-09-01,
    // then, set 2025-07-10 (after as-of), 2025-12-01.
    Locality k = locality("K", {day(2024, 6, 1), day(2025, 1, 15)});
    k.events[0].text = std::make_shared<EventText>(EventText{"1/QĐ", ""});
    k.events[1].text = std::make_shared<EventText>(EventText{"2/QĐ", "review"});
    k.planned = PlannedDates({PlannedEntry{day(2025, 3, 1), std::nullopt, ""},
                              PlannedEntry{day(2025, 9, 1), day(2025, 2, 1), "slipped"},
                              PlannedEntry{day(2025, 12, 1), day(2025, 7, 10), ""}});
    // W: certified 2025-02-01 with a decision, no plan.
    Locality w = locality("W", {day(2025, 2, 1)});
    w.events[0].text = std::make_shared<EventText>(EventText{"3/QĐ", ""});
    Plan plan;
    plan.localities = {k, w, locality("U", {})};

    const Listing revoked = list_localities(plan, as_of, ListKind::revoked);
    REQUIRE(revoked.rows.size() == 1);
    CHECK(revoked.rows[0].decision == "2/QĐ");  // the revocation, not the certification it ended
    CHECK(revoked.rows[0].note == "review");
    CHECK(revoked.rows[0].planned == day(2025, 9, 1));    // the 2025-07-10 entry is not set yet
    CHECK(revoked.rows[0].plan_moves == 1);               // two entries in force on 2025-06-30, minus one
    CHECK(revoked.rows[0].planned_history.size() == 3u);  // every entry, set or not yet
    CHECK(revoked.rows[0].planned_history[1].note == "slipped");

    const Listing uncovered = list_localities(plan, as_of, ListKind::uncovered);
    REQUIRE(uncovered.rows.size() == 2);
    CHECK(uncovered.rows[0].decision == "2/QĐ");  // its latest event
    CHECK(uncovered.rows[1].name == "U");
    CHECK_FALSE(uncovered.rows[1].has_event);
    CHECK(uncovered.rows[1].decision.empty());
    CHECK(uncovered.rows[1].plan_moves == 0);

    const Listing covered = list_localities(plan, as_of, ListKind::covered);
    REQUIRE(covered.rows.size() == 1);
    CHECK(covered.rows[0].decision == "3/QĐ");
    CHECK(covered.rows[0].planned_history.empty());

    const std::vector<UnitStatus> units = unit_statuses(plan, as_of);
    CHECK(units[0].plan_moves == 1);
    CHECK(units[0].latest->decision() == "2/QĐ");
    CHECK(units[1].plan_moves == 0);
}
