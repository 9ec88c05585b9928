// TOML text to a validated Plan, with every problem located in the file.
#pragma once

#include <string>
#include <string_view>

#include "model.hpp"

namespace ontrack {

// Parses and validates a plan. Throws InputError listing every problem found,
// in file order. `file` is the name used in diagnostics.
Plan parse_plan(std::string_view text, const std::string& file);

// read_plan_file() then parse_plan().
Plan load_plan(const std::string& path);

}  // namespace ontrack
