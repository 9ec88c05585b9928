// The words of --explain and of the safety buffer, in the current language:
// compute gives the figures and the terms of their formulas (explain() in
// forecast.hpp), and every format that shows them words them here.
#pragma once

#include <string>
#include <vector>

#include "forecast.hpp"
#include "report.hpp"

namespace ontrack {

// "safe for 47 days", "below the path by 6 units", "at or above the path to the last milestone".
std::string buffer_text(const SafetyBuffer& buffer);

// One figure in words. The strings are raw (names are not made inert).
struct ExplainLine {
    std::string label;
    std::string value;
    std::string formula;
};

// Feasibility's figures (explain_feasibility.cpp): which they are, and one in words.
bool is_feasibility_figure(Figure figure);
ExplainLine word_feasibility(const Report& report, const Explained& e);

// `report` is the one the figures were computed from: it names the milestones
// (milestone_label).
std::vector<ExplainLine> explain_lines(const Report& report, const std::vector<Explained>& figures);

}  // namespace ontrack
