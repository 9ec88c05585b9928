// Reading input files safely (regular files or standard input, bounded size)
// and checking a plan's text (not empty, UTF-8).
#pragma once

#include <cstdint>
#include <string>

namespace ontrack {

inline constexpr std::uint64_t max_plan_bytes = std::uint64_t{1} << 30;  // 1 GiB

// What is being read: the words of the messages differ, the checks do not.
enum class InputKind { plan, csv };

// The bytes of `path` ("-" reads standard input). Throws InputError located
// at 1:1 when the file is missing, unreadable, not a regular file or larger
// than 1 GiB.
std::string read_input_file(const std::string& path, InputKind kind);

// The whole text of `path` ("-" reads standard input). Throws InputError,
// located at 1:1 or at the first bad byte, when the file is missing,
// unreadable, not a regular file, empty, too large or not UTF-8.
std::string read_plan_file(const std::string& path);

// The checks read_plan_file() makes of the text itself: not empty, UTF-8.
void check_plan_text(const std::string& path, const std::string& text);

}  // namespace ontrack
