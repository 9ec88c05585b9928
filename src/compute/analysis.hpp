// Everything a report can show, computed in one place: the verdicts, the
// forecast, and what the options asked for (breakdown, changes, a list, the
// explanation, the chart). Pure: a function of the plan and the request.
#pragma once

#include <optional>
#include <vector>

#include "breakdown.hpp"
#include "changes.hpp"
#include "chart_data.hpp"
#include "feasibility.hpp"
#include "forecast.hpp"
#include "league.hpp"
#include "listing.hpp"
#include "model.hpp"
#include "report.hpp"
#include "schedule.hpp"

namespace ontrack {

struct AnalysisRequest {
    Date as_of;
    int window_months = default_window_months;
    std::optional<ByField> by;
    std::optional<Date> since;  // must be before as_of
    std::optional<ListKind> list;
    bool forecast = false;            // pace, projection, progress ratio, safety buffer, probabilities
    std::optional<AssumedPace> pace;  // --pace: a what-if of the forecast
    std::optional<Period> schedule;   // --schedule
    bool explain = false;
    bool chart = false;
    bool units = false;                              // every locality's status (the xlsx sheet of units)
    LeagueSort league_sort = LeagueSort::shortfall;  // a roll-up's league table
};

struct Analysis {
    Report report;
    std::optional<Forecast> forecast;
    std::optional<Feasibility> feasibility;  // with the forecast
    std::optional<Schedule> schedule;
    std::optional<Breakdown> breakdown;
    std::optional<Changes> changes;
    std::optional<Listing> listing;
    std::optional<std::vector<Explained>> explanation;  // --explain: worded by the renderer, in its language
    std::optional<ChartData> chart;
    std::optional<std::vector<UnitStatus>> units;
    std::optional<League> league;  // a roll-up's parts
};

Analysis analyse(const Plan& plan, const AnalysisRequest& request);

}  // namespace ontrack
