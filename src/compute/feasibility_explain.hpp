// --explain for feasibility: the figures of feasibility.hpp, schedule.hpp and
// part_forecast.hpp as Explained data (forecast.hpp says each figure's terms).
#pragma once

#include <optional>
#include <vector>

#include "feasibility.hpp"
#include "forecast.hpp"
#include "league.hpp"
#include "report.hpp"
#include "schedule.hpp"

namespace ontrack {

// Appends the figures to `out`. `league` is a roll-up's, with its parts'
// forecasts when there are any.
void explain_feasibility(const Report& report, const Forecast& forecast, const Feasibility& feasibility,
                         const std::optional<Schedule>& schedule, const League* league, std::vector<Explained>& out);

}  // namespace ontrack
