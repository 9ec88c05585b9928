// What the command line asked for, as plain data.
#pragma once

#include <string>
#include <vector>

#include "analysis.hpp"
#include "compute.hpp"
#include "date.hpp"
#include "render.hpp"

namespace ontrack {

enum class ColorMode { automatic, always, never };
inline constexpr const char* color_mode_names[] = {"auto", "always", "never"};

struct Options {
    std::vector<std::string> files;  // one plan, or several for a roll-up
    std::string output;              // empty: standard output
    AnalysisRequest analysis;        // as_of, window, by, since, list, explain, chart
    Format format = Format::table;
    Judge judge = Judge::all;
    bool judge_parts = false;  // the exit status judges a roll-up's parts' own milestones too
    ColorMode color = ColorMode::automatic;
    bool bom = false;             // csv: a UTF-8 byte order mark first
    bool as_of_is_today = false;  // no --as-of: events after it are warned about
    bool wide = false;            // no fitting to the terminal's width
    Date today;                   // ONTRACK_TODAY or the local date: the day the report is made
};

}  // namespace ontrack
