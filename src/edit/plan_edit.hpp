// Adding one event to a plan's text in place: every byte but the edited
// value (or the one new line) is kept, and the result is validated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.hpp"
#include "diagnostic.hpp"
#include "model.hpp"

namespace ontrack {

enum class EditKind { certified, revoked, planned };

// What is done with the dated value `date` of `kind`: added, removed with
// its decision and note, or moved to `new_date` (decision and note kept).
enum class EditAction { add, remove, move };

// Exactly one of id and name is set: the locality is found by its id, or by
// its name (exact, byte for byte).
struct EditRequest {
    std::string id;
    std::string name;
    EditKind kind = EditKind::certified;
    Date date;
    EditAction action = EditAction::add;
    Date new_date;            // move: where the date goes
    std::string decision;     // add, certified or revoked: the decision behind it; may be empty
    std::string note;         // add: the event's or the planned entry's note; may be empty
    std::optional<Date> set;  // add, planned: the day the plan was made (today)
};

struct EditResult {
    std::string text;     // the whole new plan text
    std::string summary;  // one line, e.g. "Hồng Bàng (11311): certified 2026-03-01 added (line 57)"
};

// The plan text with the event added; every other byte unchanged.
//
// certified / revoked: a missing key becomes a new line `KEY = DATE` after
// the locality's last key-value line (indented like it, with the file's line
// ending); a single date becomes `[EARLIER, LATER]`; in an array the date is
// inserted in date order with the array's own separator style. With a
// decision or a note the value is an inline table
// `{ date = DATE, decision = "...", note = "..." }` instead of the date.
// planned: the entry is appended: a new line `planned = VALUE`, a single
// value becomes `[OLD, VALUE]`, an array gets VALUE last; VALUE is
// `{ date = DATE, set = SET, note = "..." }` (the keys given) or the date.
// When a certified or revoked event of that day is already recorded, the
// request's decision and note are given to it instead (a record office gets
// the decision number after the event is typed in): a plain date becomes
// `{ date = DATE, decision = "...", note = "..." }` in place, an inline table
// gains the keys it lacks; the summary says "decision ... added to ...".
// remove: the element is taken out of its array with the separator before
// or after it; the only value goes with its `KEY = ...` line.
// move: the date's bytes are replaced (the loader sorts events by date).
//
// Throws InputError (diagnostics located in `file`) when the plan is not
// valid as it is (parse_plan()'s own diagnostics), when the locality is not
// found (with "did you mean"), when it is written as an inline table, when
// the event is already recorded with nothing to add (for planned: the
// current plan is that date, a note or not), when the event has another
// decision or note than the one given, when the date to remove or move is not there (the hint lists the
// locality's dates), or when the new history is invalid: then
// the loader's diagnostic is moved to the line as it would have been
// written (its line number in the new text, its excerpt showing the edit;
// line numbers in the hint refer to the file as it is).
// Throws std::invalid_argument unless exactly one of id and name is set.
EditResult add_event(std::string_view text, const std::string& file, const EditRequest& request);

// Several events added at once, in the order given: the plan is parsed once,
// each edited locality's block is edited and validated on its own, and the
// new text is assembled once. `summary` has one line per request, whose line
// number counts the lines added before it to the same locality (not those
// added to localities above it). Throws as
// add_event() does, for the first request that fails.
EditResult add_events(std::string_view text, const std::string& file, const std::vector<EditRequest>& requests);

// A locality of a validated plan as an edit needs it: its name, id and the
// line of its [[locality]] header, so that the model can be dropped before
// the text is edited.
struct EditTarget {
    std::string name;
    std::string id;
    std::uint32_t line = 0;
    std::optional<Event> latest;  // the locality's latest certified or revoked event, if any
};

// The locality each request names. Throws InputError (excerpts left empty:
// see with_excerpts()) for a request that names no locality, with "did you
// mean"; std::runtime_error when `plan` is a roll-up (refuse_rollup_edit()).
std::vector<EditTarget> find_localities(const Plan& plan, const std::vector<EditRequest>& requests);

// Throws std::runtime_error when `plan` is a roll-up: its localities are its
// parts', recorded in the part that lists them.
void refuse_rollup_edit(const Plan& plan);

// How add_events() makes sure the new text is valid: each edited block read
// again with the loader's reader, so that a bad edit is refused at the line
// it would have (record), or not at all, for a caller that has checked every
// request against the plan's model with the same history rule already
// (import's plan_import()); no summary is made then either.
enum class Recheck { edited_blocks, done_by_caller };

// add_events() for a caller that has found the localities already, in the
// plan parsed from this very text (import, or record after load_plan()).
EditResult add_events(std::string_view text, const std::string& file, const std::vector<EditTarget>& targets,
                      const std::vector<EditRequest>& requests, Recheck recheck = Recheck::edited_blocks);

// The error with each diagnostic that has none given the line of `text` it names.
InputError with_excerpts(const InputError& error, std::string_view text);

}  // namespace ontrack
