// One [[locality]] table to a Locality: keys, types, and an event history
// that alternates. Uniqueness across localities is checked by the caller.
#pragma once

#include <optional>

#include "model.hpp"
#include "toml_access.hpp"

namespace ontrack {

struct LocalityDraft {
    Locality locality;
    SourcePos name_pos;
    SourcePos id_pos;  // meaningful when locality.id is not empty
};

// nullopt when the table has errors (reported to `context`).
std::optional<LocalityDraft> read_locality(TomlContext& context, const toml::table& table);

}  // namespace ontrack
