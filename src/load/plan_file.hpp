// Reading input files safely (regular files or standard input, bounded size)
// and checking a plan's text (not empty, UTF-8).
#pragma once

#include <cstdint>
#include <string>

namespace ontrack {

// The largest input file: 96 MiB. The worst plan costs about 40 bytes of
// memory per byte (an array of 50 million one-digit numbers: a toml++ node
// each) and the worst CSV file 16, so any file admitted fits in 4 GiB. A
// plan of a million localities is about 92 MB.
inline constexpr std::uint64_t max_plan_bytes = std::uint64_t{96} << 20;

// The memory budget those limits keep to, in MiB (README, man page).
inline constexpr std::uint64_t memory_budget_mib = 4096;

// What is being read: the words of the messages differ, the checks do not.
enum class InputKind { plan, csv };

// The bytes of `path` ("-" reads standard input). Throws InputError located
// at 1:1 when the file is missing, unreadable, not a regular file or larger
// than max_plan_bytes.
std::string read_input_file(const std::string& path, InputKind kind);

// The whole text of `path` ("-" reads standard input). Throws InputError,
// located at 1:1 or at the first bad byte, when the file is missing,
// unreadable, not a regular file, empty, too large or not UTF-8.
std::string read_plan_file(const std::string& path);

// The checks read_plan_file() makes of the text itself: not empty, UTF-8.
void check_plan_text(const std::string& path, const std::string& text);

// Throws the InputError for a file whose loading ran out of memory
// (std::bad_alloc): "FILE:1:1: error: too large to load: its N MiB need more
// than the M MiB of memory available", M the address-space limit (ulimit -v)
// or else the machine's memory. `bytes` is the file's size, 0 if unknown.
[[noreturn]] void fail_out_of_memory(const std::string& path, std::uint64_t bytes);

// The size of `path` in bytes, 0 when unknown (standard input, an error).
std::uint64_t file_size_or_zero(const std::string& path);

}  // namespace ontrack
