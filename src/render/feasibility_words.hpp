// The words of feasibility (probabilities, likely dates, the pace ratio,
// bunching, the schedule, a what-if), shared by every human format and by
// check's warnings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "feasibility.hpp"
#include "forecast.hpp"
#include "schedule.hpp"

namespace ontrack {

// "62%", "<1%" above 0 and below 1%, "100%" only when exactly 1, "-" when
// not computed.
std::string probability_text(const std::optional<double>& p);

// The day, "never", or "-" when not computed.
std::string likely_text(const Likelihood& l, std::size_t level);

// "137.0×", "0.0×", or "-" with no net progress.
std::string pace_ratio_text(const std::optional<std::int64_t>& tenths);

// "06/2030" (vi) or "2030-06" (en).
std::string human_month(int year, unsigned month);

// "06/2030: 60 units planned; the best month of the last 12 months gained 3 net"
std::string bunching_text(const BunchedMonth& b, std::int64_t best, int window_months);

// Why the probabilities are not computed, as a sentence.
std::string missing_text(Missing m);

// "Assumed pace: 3 a month instead of the achieved pace (0.8 a month)." or
// "… 3 a month added to every month of the window …".
std::string assumed_pace_sentence(const Forecast& f);

// "Quarter", "Month", "Year" ending: the schedule's title.
std::string schedule_title(Period p);

}  // namespace ontrack
