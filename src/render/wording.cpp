#include "wording.hpp"

#include <fmt/format.h>

namespace ontrack {

std::string share_text(std::int64_t covered, std::int64_t total) {
    if (total <= 0) return "0.0%";
    __extension__ typedef __int128 int128;
    const int128 tenths = (static_cast<int128>(covered) * 2000 + total) / (static_cast<int128>(total) * 2);
    return fmt::format("{}.{}%", static_cast<std::int64_t>(tenths / 10), static_cast<int>(tenths % 10));
}

std::string rollup_sentence(const Rollup& r) {
    return fmt::format(
        "{} plans: {} of {} units drug-free ({}); {} of {} plans have a milestone missed or behind "
        "({} of {} milestones).",
        r.plans, r.covered, r.total, share_text(r.covered, r.total), r.plans_bad, r.plans, r.milestones_bad,
        r.milestones);
}

std::string milestone_label(const MilestoneResult& m, std::size_t index) {
    return m.name.empty() ? fmt::format("Milestone {}", index + 1) : m.name;
}

std::string locality_label(const LocalityRef& ref) {
    return ref.id.empty() ? ref.name : fmt::format("{} ({})", ref.name, ref.id);
}

}  // namespace ontrack
