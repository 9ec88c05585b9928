// The rule of a locality's history, in one place for the loader, import and
// record: its certified and revoked events, in date order, start with a
// certification, alternate, and are never two on one day.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model.hpp"

namespace ontrack {

enum class HistoryFault {
    same_day,        // events[at] falls on the day of events[at - 1]
    starts_revoked,  // events[0] is a revocation
    repeated,        // events[at] is of the same kind as events[at - 1]
};

struct HistoryProblem {
    HistoryFault fault;
    std::size_t at = 0;  // the index of the offending event; the one before it is at - 1
};

// The first problem of `events`, which must be sorted by date (events of one
// day in the order the caller wants them judged), or nullopt. Same-day pairs
// are reported before the other faults.
std::optional<HistoryProblem> check_history(const std::vector<Event>& events);

// The locality's plan as it stands on `as_of`: its planned date, when that is
// later than its latest certified or revoked event on or before as_of (or it
// has none). A planned date on or before that event was fulfilled or
// overtaken by it: the locality then has no plan.
std::optional<Date> pending_plan(const Locality& loc, Date as_of);

// True when the locality has a planned date that pending_plan drops on every
// day from its latest event on (the stale dates `check` notes): the date is
// on or before the locality's latest event of all.
bool has_stale_plan(const Locality& loc);

}  // namespace ontrack
