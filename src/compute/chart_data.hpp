// What a burn-up chart shows: pure data, no drawing.
#pragma once

#include <cstdint>
#include <vector>

#include "date.hpp"
#include "model.hpp"

namespace ontrack {

// From `date` on (until the next point) the series has `value`.
struct ChartPoint {
    Date date;
    std::int64_t value = 0;
};

struct ChartData {
    Date from;  // left edge of the time axis
    Date to;    // right edge (never before as_of)
    Date as_of;
    std::int64_t total = 0;
    // Drug-free units over time from the events on or before as-of: a step
    // function, one point at `from`, one at each later date where the count
    // changes, and a last one at as_of. Never empty (`from` <= as_of).
    std::vector<ChartPoint> actual;
    // The projection after as-of: (as_of, drug-free on as-of), then at each
    // planned date after as-of and on or before `to` the running count of
    // the localities not drug-free on as-of planned by then, and a last
    // point at `to`. Planned dates after `to` are not shown.
    std::vector<ChartPoint> plan;
    // One per milestone, in order: (deadline, required).
    std::vector<ChartPoint> targets;
};

// from = plan.start if set, else the earliest event on or before as-of, else
// as_of minus one year; never after as_of. to = the last deadline, at least
// as_of.
ChartData chart_data(const Plan& plan, Date as_of);

}  // namespace ontrack
