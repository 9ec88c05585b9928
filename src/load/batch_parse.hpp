// A large plan's [[locality]] batches (plan_split.hpp) parsed in parallel,
// each tree dropped as soon as it is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsed_localities.hpp"
#include "plan_split.hpp"
#include "plan_text.hpp"

namespace ontrack {

// Thrown when a batch does not parse on its own, or not as a whole-file
// parse would see it: the file is then parsed whole, to get toml++'s own
// error.
struct BatchFailed {};

// Parses pieces[1..] (pieces[0] is the head, parsed by the caller) on up to
// `threads` threads (0: as many as the budget gives), each writing its
// localities straight into their places. When `giveback` owns the text, the
// text of the pieces read is given back to the system as they are done.
// Anything else a batch throws (std::bad_alloc above all) is thrown here.
ParsedLocalities parse_batches(std::string_view text, const std::string& file, const std::vector<TextPiece>& pieces,
                               unsigned threads, PlanText* giveback);

}  // namespace ontrack
