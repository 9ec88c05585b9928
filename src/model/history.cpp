#include "history.hpp"

#include <algorithm>
#include <iterator>

namespace ontrack {

std::optional<HistoryProblem> check_history(const std::vector<Event>& events) {
    for (std::size_t k = 1; k < events.size(); ++k)
        if (events[k].date == events[k - 1].date) return HistoryProblem{HistoryFault::same_day, k};
    if (!events.empty() && events.front().kind == EventKind::revoked)
        return HistoryProblem{HistoryFault::starts_revoked, 0};
    for (std::size_t k = 1; k < events.size(); ++k)
        if (events[k].kind == events[k - 1].kind) return HistoryProblem{HistoryFault::repeated, k};
    return std::nullopt;
}

std::optional<Date> pending_plan(const Locality& loc, Date as_of) {
    if (!loc.planned) return std::nullopt;
    const auto after = std::upper_bound(loc.events.begin(), loc.events.end(), as_of,
                                        [](Date day, const Event& e) { return day < e.date; });
    if (after != loc.events.begin() && *loc.planned <= std::prev(after)->date) return std::nullopt;
    return loc.planned;
}

bool has_stale_plan(const Locality& loc) {
    return loc.planned && !loc.events.empty() && *loc.planned <= loc.events.back().date;
}

}  // namespace ontrack
