// How many units a month the office has achieved, month by month, and how
// many whole months lie between two days: the inputs of the probability of a
// milestone (draws.hpp).
//
// The window's months, oldest first: month k (k = W down to 1) runs from
// as-of − k months (exclusive) to as-of − (k − 1) months (inclusive), months
// subtracted as add_months does (calendar months, the day clamped to the
// month's end). Its net count is the coverage at its end minus the coverage
// at its start: revocations count against it. A month whose start would fall
// before 0001-01-01 does not fit the calendar and is left out.
#pragma once

#include <cstdint>
#include <vector>

#include "compute.hpp"
#include "date.hpp"

namespace ontrack {

// The net count of each whole month of the window, oldest first.
// `timeline` must hold the events up to as-of; window_months ≥ 1.
std::vector<std::int64_t> monthly_net(const CoverageTimeline& timeline, Date as_of, int window_months);

// The smallest m ≥ 0 such that add_months(from, m) is on or after `to` (a
// final part-month counts as a whole month; 0 when `to` is on or before
// `from`).
std::int64_t months_until(Date from, Date to);

// The largest of the counts; 0 when there is none.
std::int64_t best_month(const std::vector<std::int64_t>& monthly);

}  // namespace ontrack
