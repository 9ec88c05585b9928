// No two localities of a plan share a name (as people tell names apart:
// letter case and the place of a tone mark do not count) or an id.
#pragma once

#include <functional>

#include "parsed_localities.hpp"
#include "toml_access.hpp"

namespace ontrack {

// Reports each locality whose name or id an earlier one already has, at
// its second use, and calls `named(k)` for every locality k that had no
// errors and whose name is its own. Leaves in `parsed.localities` only the
// localities with no errors and no duplicate, in file order.
void keep_unique(ParsedLocalities& parsed, TomlContext& cx, const std::function<void(std::size_t)>& named);

}  // namespace ontrack
