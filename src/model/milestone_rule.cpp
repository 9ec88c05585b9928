#include "milestone_rule.hpp"

namespace ontrack {

std::vector<MilestoneFault> resolve_milestones(std::vector<Milestone>& milestones, std::int64_t total) {
    std::vector<MilestoneFault> faults;
    for (std::size_t k = 0; k < milestones.size(); ++k) {
        Milestone& m = milestones[k];
        m.required = required_count(m.target, total);
        if (m.target.kind == Target::Kind::count && m.target.count > total)
            faults.push_back({MilestoneFault::Kind::count_above_total, k});
        if (k == 0) continue;
        const Milestone& previous = milestones[k - 1];
        if (m.deadline <= previous.deadline)
            faults.push_back({MilestoneFault::Kind::deadline_not_after, k});
        else if (m.required < previous.required)
            faults.push_back({MilestoneFault::Kind::fewer_than_before, k});
    }
    return faults;
}

}  // namespace ontrack
