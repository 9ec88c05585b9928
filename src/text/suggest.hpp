// "Did you mean" for misspelt keys and names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ontrack {

// The candidate closest to `word` by edit distance, if it is close enough to
// be a typo (at most a third of the word's length, and at least 1); else "".
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace ontrack
