// Feasibility before the meeting: how likely each upcoming milestone is, when
// it is likely to be reached, how far the pace needed is from the pace
// achieved, how likely the plan's own dates are, and the months in which the
// plan expects more than the office has ever achieved in a month.
//
// Every figure draws on the window's monthly net counts (throughput.hpp) and
// the exact distribution of their sum (draws.hpp): with X₁ … Xₙ drawn from
// the months of the window and n the months to the deadline
// (months_until),
//   probability      = P(covered now + X₁ + … + Xₙ ≥ required)
//   likely by q      = as-of + m months for the first m in 0 … 1200 with
//                      P(covered now + X₁ + … + Xₘ ≥ required) ≥ q − 1e-9,
//                      q = 50%, 85%, 95%; none when no such m (or the day
//                      would be after 9999-12-31)
//   plan_probability = P(X₁ + … + Xₙ ≥ planned more), planned more the
//                      milestone table's "of those, planned"
//   pace_ratio       = required pace / the pace used, truncated to tenths; 0
//                      when nothing more is needed; none when something is
//                      needed and the pace used is ≤ 0 or the deadline is
//                      today
// With --pace N (replace) every draw is N; with --pace +N (add) every month
// of the window gains N. Draws are then in hundredths of a unit, so the
// thresholds are multiplied by 100.
//
// Bunching: for each calendar month from the as-of day's month on, the units
// not drug-free on as-of whose plan in force falls after as-of and in that
// month (Report::planned_dates); flagged when more than max(1, the best
// monthly net count of the window's real months).
//
// None of it is computed (Missing) when the window has fewer than
// min_whole_months whole months, or when the counts are too spread out for
// the exact distribution (DrawSum::max_support).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "draws.hpp"
#include "forecast.hpp"
#include "model.hpp"
#include "report.hpp"

namespace ontrack {

inline constexpr std::size_t min_whole_months = 3;

// Why the probabilities are not computed.
enum class Missing { none, few_months, too_spread };

struct Likelihood {
    std::optional<double> probability;                  // none: not computed
    std::optional<Date> likely_by[likely_level_count];  // 50%, 85%, 95%; none: never (or not computed)
};

struct MilestoneOutlook {
    std::size_t index = 0;  // into Plan::milestones and Report::milestones
    std::int64_t months = 0;
    std::int64_t gap = 0;           // required − covered now (may be ≤ 0)
    std::int64_t planned_more = 0;  // planned after as-of by the deadline
    Likelihood likelihood;
    std::optional<double> plan_probability;
    std::optional<std::int64_t> pace_ratio_tenths;
};

struct BunchedMonth {
    int year = 0;
    unsigned month = 0;  // 1 … 12
    std::int64_t planned = 0;
};

struct Feasibility {
    std::vector<std::int64_t> monthly_net;  // the window's whole months, oldest first
    std::int64_t best_month_net = 0;
    Missing missing = Missing::none;
    std::vector<MilestoneOutlook> milestones;  // one per Forecast::milestones
    std::vector<BunchedMonth> bunched;         // empty when not computed
};

// A probability truncated to ten-thousandths (0.62139 is 6213) and to whole
// percent (62); 10000 and 100 only when it is exactly 1.
std::int64_t probability_ten_thousandths(double p);
std::int64_t probability_percent(double p);
// The probability as a number's text, for csv and json: "0.6213"
// (truncated), "1" or "0" only when exactly so.
std::string probability_decimal(double p);
// pace_ratio tenths as a number's text: "137.0".
std::string tenths_text(std::int64_t tenths);

// The draws a forecast makes: the window's months (with --pace +N added in
// hundredths), or the assumed pace alone (--pace N); `scale` is 100 with an
// assumed pace, else 1.
struct DrawSource {
    std::vector<std::int64_t> values;
    std::int64_t scale = 1;
};

DrawSource draw_source(const std::vector<std::int64_t>& monthly_net, const std::optional<AssumedPace>& assumed);

// The probability and likely dates of gaining `gap` more units in `months`
// months (the likely dates from as-of), from `source`.
Likelihood likelihood(const DrawSource& source, std::int64_t gap, std::int64_t months, Date as_of);

// The pace needed over the pace used, in tenths, truncated.
std::optional<std::int64_t> pace_ratio_tenths(const MilestoneForecast& m, Pace used);

// The months from as-of's on whose planned units exceed max(1, best).
std::vector<BunchedMonth> bunching(const std::vector<Date>& planned_dates, Date as_of, std::int64_t best);

// The bunched months of a plan on as-of with the default window, as check
// warns of them: none when the window has fewer than min_whole_months whole
// months. `best` receives the best monthly net count.
std::vector<BunchedMonth> bunched_months(const Plan& plan, Date as_of, std::int64_t& best, int& whole_months);

// `report` and `forecast` of the same plan and as-of day.
Feasibility feasibility(const Plan& plan, const Report& report, const Forecast& forecast);

}  // namespace ontrack
