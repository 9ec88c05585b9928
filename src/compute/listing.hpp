// --list uncovered|overdue|revoked|covered: the localities themselves, in
// plan order (overdue: by planned date, then plan order, as
// Report::overdue), with the dates that matter for each list.
//
// - uncovered: not drug-free on as-of; planned = its planned date, if any.
//   Units in the total but not listed cannot be named: Listing::unlisted
//   counts them (uncovered only).
// - overdue: not drug-free on as-of with a planned date on or before as-of;
//   planned = that date.
// - revoked: currently revoked, i.e. the latest event on or before as-of is a
//   revocation; revoked = its date, certified = the certification it ended,
//   planned = its planned date, if any.
// - covered: drug-free on as-of; certified = the date of the certification
//   in force.
// Dates not relevant to the list are left empty. Every row has the decision
// and note of the event it is about (the certification in force for covered,
// the revocation for revoked, the latest event on or before as-of for
// uncovered and overdue; empty when none), the locality's planned dates as
// set (all of them) and how many times its plan moved by as-of
// (plan_moves(), history.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "msgid.hpp"
#include "report.hpp"

namespace ontrack {

enum class ListKind { uncovered, overdue, revoked, covered };

inline constexpr const char* list_kind_names[] = {N_("uncovered"), N_("overdue"), N_("revoked"), N_("covered")};

std::optional<ListKind> parse_list_kind(std::string_view name);
const char* to_string(ListKind kind);

struct ListRow {
    std::string name;
    std::string id;    // may be empty
    std::string kind;  // may be empty
    std::optional<Date> planned;
    std::optional<Date> certified;
    std::optional<Date> revoked;
    std::string decision;                         // of the event the row is about; may be empty
    std::string note;                             // of that event; may be empty
    bool has_event = false;                       // the row is about an event (decision and note belong to it)
    EventKind event_kind = EventKind::certified;  // that event's kind and day, when has_event
    Date event_date;
    std::int64_t plan_moves = 0;
    std::vector<PlannedEntry> planned_history;
    std::uint32_t part = no_part;  // in a roll-up, the plan that lists it (Report::unit_parts)
};

struct Listing {
    ListKind kind = ListKind::uncovered;
    Date as_of;
    std::vector<ListRow> rows;
    std::int64_t unlisted = 0;  // uncovered only: total − listed
};

Listing list_localities(const Plan& plan, Date as_of, ListKind kind);

// One listed locality as it stands on the as-of day: the rows of a sheet of
// units (xlsx), in plan order.
struct UnitStatus {
    std::string id;  // may be empty
    std::string name;
    std::string kind;  // may be empty
    bool drug_free = false;
    std::optional<Event> latest;   // the latest certified or revoked event on or before as-of
    std::optional<Date> planned;   // its pending plan (pending_plan(), history.hpp)
    bool overdue = false;          // not drug-free, planned on or before as-of (as the report counts it)
    std::int64_t plan_moves = 0;   // plan_moves(), history.hpp
    std::uint32_t part = no_part;  // in a roll-up, the plan that lists it (Report::unit_parts)
};

std::vector<UnitStatus> unit_statuses(const Plan& plan, Date as_of);

}  // namespace ontrack
