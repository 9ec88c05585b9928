// A guard run before the TOML parser: toml++ recurses once per level of a
// dotted key, so a key of 100,000 parts overflows the stack. This rejects
// keys with too many parts, located, before toml++ sees them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ontrack {

inline constexpr std::uint32_t max_key_parts = 32;

struct TooDeep {
    std::uint32_t line = 1;
    std::uint32_t column = 1;  // in code points, 1-based, of the first excess dot
};

// Scans the text, skipping strings and comments, for a dotted key (bare or
// quoted parts, or a [table] header) of more than max_key_parts parts.
std::optional<TooDeep> find_too_deep_key(std::string_view text);

}  // namespace ontrack
