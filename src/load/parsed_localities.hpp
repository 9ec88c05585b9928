// The [[locality]] entries of a plan as parsed, in file order, each in its
// final place, with where their name, id and kind stand: what the whole-file
// parse and the batch parse both produce, for the uniqueness check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <toml++/toml.h>

#include "diagnostic.hpp"
#include "model.hpp"
#include "toml_access.hpp"

namespace ontrack {

// Where a locality's name, id and kind stand, for duplicate reports. A
// locality without a usable name has name_pos.line == 0; one with errors
// (ok false) is checked for uniqueness, then left out.
struct Placed {
    SourcePos name_pos;
    SourcePos id_pos;    // meaningful when the locality's id is not empty
    SourcePos kind_pos;  // meaningful when the locality's kind is not empty
    std::uint32_t name_hash = 0;
    bool ok = false;
};

// The entries with errors are left default-constructed, and dropped once
// uniqueness is checked.
struct ParsedLocalities {
    std::vector<Locality> localities;
    std::vector<Placed> places;
    std::vector<std::vector<Diagnostic>> diagnostics;  // per batch, in file order
};

// Reads one element of the locality array into slot k, or reports why it is
// not a table.
void read_locality_element(TomlContext& cx, const toml::node& element, ParsedLocalities& out, std::size_t k);

// The whole-file path: every element of the locality node, or why it is not
// an array of tables.
void read_locality_array(TomlContext& cx, const toml::node& node, ParsedLocalities& out);

}  // namespace ontrack
