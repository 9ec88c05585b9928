// An enumeration's values by name. Each enumeration a user names (--format,
// --by, --list, --sort) keeps one table of names, indexed by the enum's
// value, beside the enum; parsing, --help, messages and the tests of the
// completions and the man page are all made from that table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ontrack {

// The value whose name is `name`, or nullopt.
template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const char* const (&names)[N], std::string_view name) {
    for (std::size_t k = 0; k < N; ++k)
        if (name == names[k]) return static_cast<Enum>(k);
    return std::nullopt;
}

// The names of the table, in its order.
template <std::size_t N>
std::vector<std::string_view> names_of(const char* const (&names)[N]) {
    return std::vector<std::string_view>(names, names + N);
}

// "a, b, c" (separator ", ") or "{a,b,c}" (separator ",", in braces).
inline std::string joined(const std::vector<std::string_view>& names, std::string_view separator = ", ") {
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty()) out += separator;
        out += name;
    }
    return out;
}

}  // namespace ontrack
