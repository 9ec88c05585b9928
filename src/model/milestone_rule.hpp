// The rule a plan's milestones follow, in one place: the loader reports its
// faults at their lines, `init` before it writes a plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model.hpp"

namespace ontrack {

struct MilestoneFault {
    enum class Kind {
        count_above_total,   // a count target larger than the plan's total
        deadline_not_after,  // a deadline on or before the previous milestone's
        fewer_than_before,   // fewer units required than by the previous milestone
    } kind;
    std::size_t index;  // the milestone at fault; "previous" is index - 1
};

// Resolves each milestone's `required` against `total`, then lists every
// fault of the milestones taken in the order given, milestone by milestone
// (for one milestone, a count above the total first; a deadline out of
// order hides a smaller requirement).
std::vector<MilestoneFault> resolve_milestones(std::vector<Milestone>& milestones, std::int64_t total);

}  // namespace ontrack
