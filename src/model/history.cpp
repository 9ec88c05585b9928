#include "history.hpp"

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

}  // namespace ontrack
