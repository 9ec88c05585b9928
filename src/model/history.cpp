#include "history.hpp"

#include <algorithm>
#include <iterator>

namespace ontrack {

std::optional<HistoryProblem> first_history_problem(const std::vector<Event>& events) {
    for (std::size_t k = 1; k < events.size(); ++k)
        if (events[k].date == events[k - 1].date) return HistoryProblem{HistoryFault::same_day, k};
    if (!events.empty() && events.front().kind == EventKind::revoked)
        return HistoryProblem{HistoryFault::starts_revoked, 0};
    for (std::size_t k = 1; k < events.size(); ++k)
        if (events[k].kind == events[k - 1].kind) return HistoryProblem{HistoryFault::repeated, k};
    return std::nullopt;
}

std::optional<std::size_t> current_plan(const Locality& loc, Date as_of) {
    for (std::size_t k = loc.planned.size(); k-- > 0;) {
        const std::optional<Date> set = loc.planned.set(k);
        if (!set || *set <= as_of) return k;
    }
    return std::nullopt;
}

std::optional<Date> pending_plan(const Locality& loc, Date as_of) {
    const std::optional<std::size_t> k = current_plan(loc, as_of);
    if (!k) return std::nullopt;
    const Date planned = loc.planned.date(*k);
    const auto after = std::upper_bound(loc.events.begin(), loc.events.end(), as_of,
                                        [](Date day, const Event& e) { return day < e.date; });
    if (after != loc.events.begin() && planned <= std::prev(after)->date) return std::nullopt;
    return planned;
}

std::int64_t plan_moves(const Locality& loc, Date as_of) {
    std::int64_t counted = 0;
    for (std::size_t k = 0; k < loc.planned.size(); ++k) {
        const std::optional<Date> set = loc.planned.set(k);
        if (!set || *set <= as_of) ++counted;
    }
    return counted > 0 ? counted - 1 : 0;
}

bool has_stale_plan(const Locality& loc) {
    return !loc.planned.empty() && !loc.events.empty() && loc.planned.last() <= loc.events.back().date;
}

}  // namespace ontrack
