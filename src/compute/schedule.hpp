// --schedule: how many units each period must have to keep every upcoming
// milestone on a straight road, against what the plan's dates and the pace
// deliver.
//
// Rows: each calendar period's end after as-of (months: the month's last day;
// quarters: 31/03, 30/06, 30/09, 31/12; years: 31/12) up to the last upcoming
// deadline, and each upcoming deadline (one row where they coincide).
//   needed   the path through (as-of, covered now), then (deadline k,
//            max(required k, the previous point's value)) in deadline order,
//            straight between points by days, rounded up: it never goes down
//   planned  covered now + the units not drug-free on as-of whose plan in
//            force falls after as-of and on or before the row's day
//   at_pace  covered now + floor(pace units × days since as-of / pace days),
//            clamped to [0, total], with the forecast's pace (--pace included)
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "date.hpp"
#include "forecast.hpp"
#include "report.hpp"

namespace ontrack {

enum class Period { month, quarter, year };

inline constexpr const char* period_names[] = {"month", "quarter", "year"};

std::optional<Period> parse_period(std::string_view name);

struct ScheduleRow {
    Date end;
    std::int64_t needed = 0;
    std::int64_t planned = 0;
    std::int64_t at_pace = 0;
};

struct Schedule {
    Period period = Period::quarter;
    std::vector<ScheduleRow> rows;
};

// The last day of the period that holds `day`.
Date period_end(Date day, Period period);

// `report` and `forecast` of the same plan and as-of day.
Schedule schedule(const Report& report, const Forecast& forecast, Period period);

}  // namespace ontrack
