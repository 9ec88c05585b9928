// Milestone targets: an exact percentage of the total or a plain count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ontrack {

// A percentage held exactly as units / 10^scale percent ("12.5%" is 125 / 10^1).
struct Percent {
    std::int64_t units = 0;
    int scale = 0;
};

struct Target {
    enum class Kind { count, percent } kind = Kind::count;
    std::int64_t count = 0;  // when kind == count
    Percent percent;         // when kind == percent
};

inline constexpr int max_percent_decimals = 12;

// Parses "30%", "12.5%", "100%". The value must lie in (0, 100].
// On failure returns nullopt and stores the reason in `why`.
std::optional<Percent> parse_percent(std::string_view text, std::string& why);

// The number of units a target requires out of `total`:
// a count as it is, a percentage as ceil(p * total / 100), exactly.
std::int64_t required_count(const Target& target, std::int64_t total);

// "30%", "12.5%" or "40".
std::string to_string(const Target& target);
std::string to_string(const Percent& percent);

}  // namespace ontrack
