// The validated plan: plain structs, no behaviour.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
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

// The decision behind an event ("1234/QĐ-UBND") and a note: each may be empty.
struct EventText {
    std::string decision;  // one line
    std::string note;      // may hold line breaks
};

struct Event {
    Date date;
    EventKind kind = EventKind::certified;
    // Its decision and note, when it has either. Most events have neither:
    // behind one pointer, an event stays small in a plan of a million
    // localities.
    std::shared_ptr<const EventText> text = nullptr;

    const std::string& decision() const;  // empty when none
    const std::string& note() const;      // empty when none
};

// One planned date of a locality, as it was set.
struct PlannedEntry {
    Date date;
    std::optional<Date> set;  // the day the plan was made; without it the entry always counts
    std::string note;         // may be empty; may hold line breaks
};

// A locality's planned dates in the order they were set: the last is the
// current plan, the ones before it slips (history.hpp says which one counts
// on a day). Most localities have no planned date or one plain date, which
// this holds in 8 bytes without an allocation; a history lives on the heap.
class PlannedDates {
   public:
    PlannedDates() = default;
    PlannedDates(std::optional<Date> plain);  // NOLINT(google-explicit-constructor): one plain date or none
    PlannedDates(Date plain) : PlannedDates(std::optional<Date>(plain)) {}  // NOLINT(google-explicit-constructor)
    explicit PlannedDates(std::vector<PlannedEntry> entries);
    PlannedDates(const PlannedDates& other);
    PlannedDates(PlannedDates&& other) noexcept;
    PlannedDates& operator=(const PlannedDates& other);
    PlannedDates& operator=(PlannedDates&& other) noexcept;
    ~PlannedDates();

    bool empty() const { return bits_ == 0; }
    std::size_t size() const;
    Date date(std::size_t k) const;
    std::optional<Date> set(std::size_t k) const;
    const std::string& note(std::size_t k) const;
    Date last() const { return date(size() - 1); }  // the latest plan set; not empty
    std::vector<PlannedEntry> entries() const;

   private:
    // 0: none; low bit 1: one plain date, its days in the upper 32 bits;
    // otherwise a std::vector<PlannedEntry>* of at least one entry.
    std::uint64_t bits_ = 0;
    const std::vector<PlannedEntry>* many() const;
};

struct Locality {
    std::string id;             // may be empty
    std::string name;           // unique, never empty
    std::string kind;           // may be empty
    std::vector<Event> events;  // sorted by date, alternating, starting with certified
    PlannedDates planned;       // in the order they were set
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

// A part of a roll-up: one plan file, itself a plan of localities
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
// plan file behind a roll-up, nested ones flattened (for diagnostics, and
// for naming the part that lists a unit).
struct LocalitySource {
    std::string file;
    std::size_t first = 0;
    std::size_t count = 0;
    std::string name;  // that plan's [plan] name
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
    // A roll-up: its patterns, its parts in order (localities are
    // their union, total their sum), and the files behind them. All three
    // empty for a plan of [[locality]] entries.
    std::vector<PartPattern> part_patterns;
    std::vector<PlanPart> parts;
    std::vector<LocalitySource> sources;
    // A roll-up: every file read to make it, its own first, then its parts'
    // (nested roll-ups and their parts too). Empty for a plan of localities.
    std::vector<std::string> files_read;
};

}  // namespace ontrack
