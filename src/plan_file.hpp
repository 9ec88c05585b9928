// Reading a plan file's bytes safely: regular files only, bounded size, UTF-8.
#pragma once

#include <cstdint>
#include <string>

namespace ontrack {

inline constexpr std::uint64_t max_plan_bytes = std::uint64_t{1} << 30;  // 1 GiB

// The whole text of `path` ("-" reads standard input). Throws InputError,
// located at 1:1 or at the first bad byte, when the file is missing,
// unreadable, not a regular file, empty, too large or not UTF-8.
std::string read_plan_file(const std::string& path);

// The checks read_plan_file() makes of the text itself: not empty, UTF-8.
void check_plan_text(const std::string& path, const std::string& text);

}  // namespace ontrack
