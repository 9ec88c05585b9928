// A forecast for each part of a roll-up against the roll-up's next milestone
// (its first milestone not yet due, else its last), applied to the part as
// shortfall_at_share does (league.hpp): the part's required count, what it
// expects by the deadline, its shortfall, and the probability and likely
// dates of reaching that required count from the part's own monthly net
// counts (feasibility.hpp), with the forecast's --pace assumption.
#pragma once

#include <cstdint>
#include <optional>

#include "date.hpp"
#include "feasibility.hpp"
#include "forecast.hpp"
#include "model.hpp"

namespace ontrack {

struct League;

struct PartForecast {
    Date deadline;
    std::int64_t required = 0;
    std::int64_t expected = 0;
    std::int64_t shortfall = 0;
    std::int64_t covered = 0;  // drug-free on as-of
    std::int64_t months = 0;   // from as-of to the deadline (0 when it is past)
    Missing missing = Missing::none;
    Likelihood likelihood;
};

// Fills every row's forecast of a roll-up's league (none without roll-up
// milestones). `league` must be league(plan, report, …) of this plan.
void add_part_forecasts(League& league, const Plan& plan, const Report& report, int window_months,
                        const std::optional<AssumedPace>& assumed);

}  // namespace ontrack
