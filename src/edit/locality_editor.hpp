// One locality's table edited in a plan's text: the replacements that add,
// remove or move one dated value, every other byte kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "plan_edit.hpp"
#include "text_map.hpp"

namespace ontrack {

// The locality's table in the parsed text, and how the locality is named.
struct LocalityTable {
    const toml::table* table = nullptr;
    std::string name;
    std::string id;
};

struct LocalityEdit {
    std::vector<Edit> edits;
    std::string replaced;         // the old planned date a new one replaces, if any
    bool added_decision = false;  // a decision given to an event already recorded
    bool added_note = false;      // a note given to it
};

// The edits that carry out `request` on the locality's table of `text` (see
// add_event() for what is written). Throws InputError, located in `file`
// with lines of `text`, when the request cannot be carried out.
LocalityEdit edit_locality(std::string_view text, const std::string& file, const LocalityTable& locality,
                           const EditRequest& request);

// "Name (id)", inert, as summaries and messages name a locality.
std::string located_label(const std::string& name, const std::string& id);

// The event in words of the current language: "certified", vi "được công nhận".
std::string event_word(EditKind kind);

}  // namespace ontrack
