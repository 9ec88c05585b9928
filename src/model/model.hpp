// The validated plan: plain structs, no behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "target.hpp"

namespace ontrack {

// Where something stands in the plan file (1-based).
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

enum class EventKind { certified, revoked };

struct Event {
    Date date;
    EventKind kind = EventKind::certified;
};

struct Locality {
    std::string id;             // may be empty
    std::string name;           // unique, never empty
    std::string kind;           // may be empty
    std::vector<Event> events;  // sorted by date, alternating, starting with certified
    std::optional<Date> planned;
    SourcePos pos;
};

struct Milestone {
    std::string name;  // may be empty
    Date deadline;
    Target target;
    std::int64_t required = 0;  // resolved against the plan's total
    SourcePos pos;
};

// A roll-up plan's [plan] parts entry as written: a path or glob(3) pattern,
// relative to the roll-up's folder.
struct PartPattern {
    std::string text;
    SourcePos pos;
};

// A part of a roll-up (issue 17): one plan file, itself a plan of localities
// or a roll-up. Its localities are plan.localities[first, first + count).
struct PlanPart {
    std::string file;
    std::string name;
    std::int64_t total = 0;
    std::vector<Milestone> milestones;  // its own, resolved against its total
    std::size_t first = 0;
    std::size_t count = 0;
};

// Which file the localities [first, first + count) were read from: every
// plan file behind a roll-up, nested ones flattened (for diagnostics).
struct LocalitySource {
    std::string file;
    std::size_t first = 0;
    std::size_t count = 0;
};

struct Plan {
    std::string file;
    std::string name;
    std::string source;
    std::string note;
    std::string issuer;  // the office issuing the report ("CÔNG AN THÀNH PHỐ HẢI PHÒNG"); may be empty
    std::string place;   // where it is issued ("Hải Phòng"), for the dated line; may be empty
    bool illustrative = false;
    std::optional<Date> start;
    std::vector<std::string> kinds;  // declared kinds, in the file's order; empty when not declared
    std::int64_t total = 0;
    std::vector<Milestone> milestones;  // deadlines strictly increasing
    std::vector<Locality> localities;
    // A roll-up (issue 17): its patterns, its parts in order (localities are
    // their union, total their sum), and the files behind them. All three
    // empty for a plan of [[locality]] entries.
    std::vector<PartPattern> part_patterns;
    std::vector<PlanPart> parts;
    std::vector<LocalitySource> sources;
};

}  // namespace ontrack
