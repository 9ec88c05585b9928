// An enumerated option's check and its "{a,b,c}=default" in --help, both
// made from the table of names its layer keeps (name_table.hpp), so that a
// new value is one entry of that table.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "name_table.hpp"

namespace ontrack {

template <std::size_t N>
CLI::IsMember one_of(const char* const (&names)[N]) {
    return CLI::IsMember(std::vector<std::string>(names, names + N));
}

template <std::size_t N>
std::string braced(const char* const (&names)[N], const std::string& default_value = {}) {
    return "{" + joined(names_of(names), ",") + "}" + (default_value.empty() ? "" : "=" + default_value);
}

}  // namespace ontrack
