// The json of feasibility (forecast members beyond the trend, the schedule,
// a part's forecast): numbers as JSON numbers, days ISO, null where not
// computed.
#pragma once

#include <optional>

#include "feasibility.hpp"
#include "json_writer.hpp"
#include "part_forecast.hpp"
#include "schedule.hpp"

namespace ontrack {

// 0.6213 truncated, exactly 0 or 1 as 0 or 1, or null.
void write_probability(JsonWriter& w, const std::optional<double>& p);

// {"50": date|null, "85": …, "95": …}
void write_likely_by(JsonWriter& w, const Likelihood& l);

// Members of forecast.milestones[i]: months, probability, likely_by, pace_ratio, plan_probability.
void write_milestone_outlook(JsonWriter& w, const MilestoneOutlook& m);

// Members of forecast: assumed_pace, monthly_net, best_month_net,
// probability_not_computed, bunched, schedule.
void write_feasibility(JsonWriter& w, const Forecast& f, const Feasibility& x, const std::optional<Schedule>& s);

// parts[i].forecast: an object, or null.
void write_part_forecast(JsonWriter& w, const std::optional<PartForecast>& f);

}  // namespace ontrack
