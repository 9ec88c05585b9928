// The analysis beyond the verdicts (forecast, safety buffer, breakdown,
// changes, a list, the explanation) as titled tables of words, built once
// and printed by each human format (table, markdown, html) in its own way.
#pragma once

#include <string>
#include <vector>

#include "analysis.hpp"

namespace ontrack {

struct Section {
    std::string title;
    std::vector<std::string> header;
    std::vector<bool> right;  // per column: right-aligned (numbers)
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> notes;  // sentences after the table
    // The column of names, cut with "…" in the table format when too long
    // (other text cells are wrapped); none when npos.
    std::size_t name_column = 0;
    // The verdict or grade column, which html shows right after the name; none when npos.
    std::size_t verdict_column = std::string::npos;
};

// In the order a meeting reads them. Labels in the current language.
std::vector<Section> analysis_sections(const Analysis& analysis);

// How likely, the schedule, and the parts against the roll-up's next
// milestone (feasibility_sections.cpp); none without the forecast.
std::vector<Section> feasibility_sections(const Analysis& analysis);

// A roll-up's league table (league_section.cpp); `rollup` are the roll-up's
// own milestones (none for plans given at once).
Section league_section(const League& league, const std::vector<MilestoneResult>& rollup);

}  // namespace ontrack
