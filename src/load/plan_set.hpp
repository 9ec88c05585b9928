// Plans given at once make one report, so each unit must be counted once:
// the rule a roll-up applies to its parts, applied to the files named on the
// command line.
#pragma once

#include <vector>

#include "model.hpp"

namespace ontrack {

// Throws InputError naming both places when two of `plans` are the same file
// (whatever the paths), one includes the other or both include a third (a
// roll-up given with one of its parts), or a unit code is in two of them.
// `check`, which validates each file on its own, does not call it.
void refuse_overlapping_plans(const std::vector<Plan>& plans);

}  // namespace ontrack
