// --since DATE: what changed between DATE and as-of.
//
// DATE must be before as-of (std::invalid_argument otherwise; the caller
// reports it as a usage error). For each listed locality, its drug-free state
// on DATE and on as-of and its events in (DATE, as-of]:
// - certified: not drug-free on DATE, drug-free on as-of, and no revocation
//   on or before as-of (the certification in force is its first ever);
// - re-certified: not drug-free on DATE, drug-free on as-of, after an earlier
//   revocation (before DATE or within the period);
// - revoked: drug-free on DATE, not on as-of;
// - changed and back: the same state on both days, with events in between.
// Localities with the same state and no event in between are left out.
// Localities come in plan order.
//
// Slipped: planned dates in (DATE, as-of] of localities not drug-free on
// as-of, i.e. planned dates that became overdue during the period; sorted by
// planned date, plan order among equal dates (as Report::overdue).
//
// Moved plans: the planned entries set in (DATE, as-of] that replace an
// earlier one (entries after the first), by their set day, then plan order;
// each with the date it replaced.
//
// Milestones: compute_report at DATE and at as-of, compared per milestone;
// every milestone whose verdict differs is listed (on-track → met included:
// judgement_changed tells whether good turned bad or bad turned good).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model.hpp"
#include "report.hpp"

namespace ontrack {

enum class ChangeKind { certified, recertified, revoked, changed_and_back };

// "certified", "re-certified", "revoked", "changed and back".
const char* to_string(ChangeKind kind);

struct LocalityChange {
    LocalityRef locality;
    ChangeKind kind = ChangeKind::certified;
    bool was_drug_free = false;  // on DATE
    bool is_drug_free = false;   // on as-of
    std::vector<Event> events;   // in (DATE, as-of], in date order
};

struct PlanMove {
    LocalityRef locality;
    Date from;  // the plan it replaced
    Date to;    // the new planned date
    Date set;   // the day it was set
    std::string note;
};

struct MilestoneChange {
    std::size_t index = 0;  // into Plan::milestones and Report::milestones
    std::string name;
    Date deadline;
    Verdict before = Verdict::met;  // at DATE
    Verdict after = Verdict::met;   // at as-of
    std::int64_t covered_before = 0;
    std::int64_t covered_after = 0;
    bool judgement_changed = false;  // is_good(before) != is_good(after)
};

struct Changes {
    Date since;
    Date as_of;
    std::vector<LocalityChange> localities;  // by the date of their first event after since, then file order
    std::vector<LocalityRef> slipped;
    std::vector<PlanMove> moved_plans;
    std::vector<MilestoneChange> milestones;
};

Changes changes_since(const Plan& plan, Date since, Date as_of);

}  // namespace ontrack
