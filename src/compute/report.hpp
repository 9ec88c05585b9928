// The computed report: plain data that every renderer reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "target.hpp"

namespace ontrack {

enum class Verdict { met, missed, on_track, behind };

// "met", "missed", "on-track", "behind".
const char* to_string(Verdict v);
bool is_good(Verdict v);

struct MilestoneResult {
    std::string name;
    Date deadline;
    Target target;
    bool upcoming = false;  // deadline on or after as-of
    std::int64_t required = 0;
    std::int64_t covered = 0;  // drug-free on the deadline (past) or projected (upcoming)
    std::int64_t planned = 0;  // of covered, those counted by their planned date
    std::int64_t shortfall = 0;
    Verdict verdict = Verdict::met;
};

// The plan file that lists a unit of a roll-up (the leaf, in nested
// roll-ups): what a unit row names as its part.
struct UnitPart {
    std::string name;
    std::string file;
};

// A unit row's part: its index in Report::unit_parts, or no_part (a plan that
// is no roll-up).
inline constexpr std::uint32_t no_part = UINT32_MAX;

struct LocalityRef {
    std::string name;
    std::string id;
    std::string kind;
    std::optional<Date> planned;
    std::uint32_t part = no_part;
};

struct Report {
    std::string file;
    std::string plan;
    std::string source;
    std::string note;
    std::string issuer;  // the plan's, for the html page's official header
    std::string place;
    bool illustrative = false;
    Date as_of;
    std::int64_t total = 0;
    std::int64_t listed = 0;   // [[locality]] entries
    std::int64_t covered = 0;  // drug-free on as-of
    std::vector<MilestoneResult> milestones;
    std::vector<LocalityRef> overdue;    // planned on or before as-of, not drug-free on as-of
    std::int64_t planned_ahead = 0;      // not drug-free, planned after as-of
    std::vector<Date> planned_dates;     // their planned dates (the plan in force), sorted
    std::vector<LocalityRef> unplanned;  // listed, not drug-free, no planned date
    std::int64_t unlisted = 0;           // total - listed: counted as uncovered with no plan
    std::int64_t no_plan = 0;            // uncovered with no plan: unplanned.size() + unlisted
    std::vector<UnitPart> unit_parts;    // a roll-up's plan files of units; empty for a plan of units
};

// Several plans at once (one per province, say): their sum.
struct Rollup {
    std::int64_t plans = 0;
    std::int64_t total = 0;
    std::int64_t covered = 0;
    std::int64_t milestones = 0;
    std::int64_t milestones_bad = 0;  // missed or behind
    std::int64_t plans_bad = 0;       // with any milestone missed or behind
};

}  // namespace ontrack
