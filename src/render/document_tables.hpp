// The analysis' tables of the document (forecast, breakdown, changes, a
// list, the explanation, a roll-up's league), each composed once in the
// report's language.
#pragma once

#include <vector>

#include "document.hpp"

namespace ontrack {

// In the order a meeting reads them.
std::vector<Table> analysis_tables(const Analysis& analysis, const Words& w);

// How likely, the schedule, and the parts against the roll-up's next
// milestone (feasibility_tables.cpp); none without the forecast.
std::vector<Table> feasibility_tables(const Analysis& analysis, const Words& w);

// A roll-up's league table; `rollup` are the roll-up's own milestones (none
// for plans given at once).
Table league_table(const League& league, const std::vector<MilestoneResult>& rollup, const Words& w);

}  // namespace ontrack
