// One [[locality]] table to a Locality: keys, types, and an event history
// that alternates. Uniqueness across localities is checked by the caller.
#pragma once

#include <optional>

#include "model.hpp"
#include "toml_access.hpp"

namespace ontrack {

struct LocalityDraft {
    Locality locality;
    bool ok = false;     // false when the table has errors (reported to the context)
    SourcePos name_pos;  // line 0 when there is no usable name
    SourcePos id_pos;    // meaningful when locality.id is not empty
    SourcePos kind_pos;  // meaningful when locality.kind is not empty
    // identity_key(name) hashed, for the uniqueness of names (unicode.hpp).
    std::uint32_t name_hash = 0;
};

// The locality of `table`, its name, id and kind in NFC. Its name and id are
// kept even when something else is wrong (ok false), so that uniqueness is
// judged for every locality.
LocalityDraft read_locality(TomlContext& context, const toml::table& table);

}  // namespace ontrack
