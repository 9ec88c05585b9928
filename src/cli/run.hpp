// The report action: load, compute, render, write; returns the exit status.
#pragma once

#include "options.hpp"

namespace ontrack {

// Throws InputError for bad input and std::runtime_error when the report
// cannot be written.
int run_report(const Options& options);

// Whether the table may use colour: always/never as asked; automatic means
// standard output is a terminal, NO_COLOR is unset or empty, TERM is not dumb.
bool use_color(ColorMode mode);

}  // namespace ontrack
