#include "schedule.hpp"
#include "wide_division.hpp"

#include <algorithm>

namespace ontrack {
namespace {

struct Point {
    Date date;
    std::int64_t value = 0;
};

// The needed path on `day` (after the first point, at most the last), rounded up.
std::int64_t needed_on(const std::vector<Point>& path, Date day) {
    for (std::size_t k = 1; k < path.size(); ++k) {
        if (day > path[k].date) continue;
        const Point& p0 = path[k - 1];
        const Point& p1 = path[k];
        const std::int64_t len = days_between(p0.date, p1.date);
        if (len <= 0) return p1.value;
        const int128 num =
            static_cast<int128>(p0.value) * len + static_cast<int128>(p1.value - p0.value) * days_between(p0.date, day);
        return static_cast<std::int64_t>(ceil_div(num, len));
    }
    return path.back().value;
}

}  // namespace

std::optional<Period> parse_period(std::string_view name) {
    for (std::size_t k = 0; k < std::size(period_names); ++k)
        if (name == period_names[k]) return static_cast<Period>(k);
    return std::nullopt;
}

Date period_end(Date day, Period period) {
    const unsigned months_in = period == Period::month ? 1 : period == Period::quarter ? 3 : 12;
    const unsigned last_month = (day.month() - 1) / months_in * months_in + months_in;
    if (last_month == 12) return Date::from_ymd(day.year(), 12, 31);
    return Date{Date::from_ymd(day.year(), last_month + 1, 1).days - 1};
}

Schedule schedule(const Report& report, const Forecast& forecast, Period period) {
    Schedule out;
    out.period = period;
    const Date as_of = report.as_of;
    std::vector<Point> path{{as_of, report.covered}};
    for (const MilestoneResult& m : report.milestones)
        if (m.upcoming) path.push_back({m.deadline, std::max(m.required, path.back().value)});
    if (path.size() < 2) return out;
    const Date last = path.back().date;

    // The rows' days: period ends after as-of up to the last deadline, and the deadlines.
    std::vector<Date> days;
    const Date calendar_end = Date::from_ymd(9999, 12, 31);
    for (Date d = period_end(as_of, period); d <= last;) {
        if (d > as_of) days.push_back(d);
        if (d >= calendar_end) break;
        d = period_end(Date{d.days + 1}, period);
    }
    for (std::size_t k = 1; k < path.size(); ++k) days.push_back(path[k].date);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());

    for (Date d : days) {
        ScheduleRow row;
        row.end = d;
        row.needed = needed_on(path, d);
        row.planned = report.covered + (std::upper_bound(report.planned_dates.begin(), report.planned_dates.end(), d) -
                                        report.planned_dates.begin());
        row.at_pace = projected_after(forecast, days_between(as_of, d));
        out.rows.push_back(row);
    }
    return out;
}

}  // namespace ontrack
