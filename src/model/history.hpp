// The rule of a locality's history, in one place for the loader, import and
// record: its certified and revoked events, in date order, start with a
// certification, alternate, and are never two on one day.
#pragma once

#include <cstddef>
#include <cstdint>
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
std::optional<HistoryProblem> first_history_problem(const std::vector<Event>& events);

// The index into loc.planned of the plan in force on `as_of`: the last entry
// whose `set` day is on or before as_of (an entry without `set` always
// counts), or nullopt when there is none yet.
std::optional<std::size_t> current_plan(const Locality& loc, Date as_of);

// The locality's plan as it stands on `as_of`: the date of its current plan
// (current_plan), when that is later than its latest certified or revoked
// event on or before as_of (or it has none). A planned date on or before that
// event was fulfilled or overtaken by it: the locality then has no plan.
std::optional<Date> pending_plan(const Locality& loc, Date as_of);

// How many times the locality's plan moved by `as_of`: the entries that
// count on that day (current_plan) minus one, or 0.
std::int64_t plan_moves(const Locality& loc, Date as_of);

// True when the locality's last planned date (the plan as it will stand once
// every entry is set) is one that pending_plan drops on every day from its
// latest event on (the stale dates `check` notes): the date is on or before
// the locality's latest event of all.
bool has_stale_plan(const Locality& loc);

}  // namespace ontrack
