#include "throughput.hpp"

#include <algorithm>
#include <stdexcept>

namespace ontrack {

std::vector<std::int64_t> monthly_net(const CoverageTimeline& timeline, Date as_of, int window_months) {
    if (window_months < 1) throw std::invalid_argument("a window has at least one month");
    const Date first_day = Date::from_ymd(1, 1, 1);
    std::vector<std::int64_t> out;
    out.reserve(static_cast<std::size_t>(window_months));
    for (int k = window_months; k >= 1; --k) {
        const Date start = add_months(as_of, -k);
        if (start < first_day) continue;  // before the calendar: the month does not fit
        const Date end = add_months(as_of, -(k - 1));
        out.push_back(timeline.on(end) - timeline.on(start));
    }
    return out;
}

std::int64_t months_until(Date from, Date to) {
    if (to <= from) return 0;
    // The months between the two calendar months; the day decides one more.
    const std::int64_t months = (static_cast<std::int64_t>(to.year()) - from.year()) * 12 +
                                (static_cast<std::int64_t>(to.month()) - static_cast<std::int64_t>(from.month()));
    const std::int64_t span = std::min<std::int64_t>(months, 1000000);
    return add_months(from, static_cast<int>(span)) >= to ? span : span + 1;
}

std::int64_t best_month(const std::vector<std::int64_t>& monthly) {
    return monthly.empty() ? 0 : *std::max_element(monthly.begin(), monthly.end());
}

}  // namespace ontrack
