// The command line: the report (the default action) and the subcommands.
// Each command adds its options to the CLI11 app and, once the line is
// parsed, runs and returns the exit status.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "../options.hpp"

namespace ontrack {

inline constexpr int exit_usage = 2;

// ontrack FILE... [report options]
class ReportCommand {
   public:
    explicit ReportCommand(CLI::App& app);
    int run() const;

   private:
    std::vector<std::string> files_;
    std::string as_of_, format_ = "table", color_ = "auto", output_;
    bool upcoming_only_ = false, no_color_ = false;
};

// ontrack check FILE...: validation only, every problem listed; exit 0 or 2.
class CheckCommand {
   public:
    explicit CheckCommand(CLI::App& app);
    bool chosen() const { return command_->parsed(); }
    int run() const;

   private:
    CLI::App* command_;
    std::vector<std::string> files_;
};

// A validator for YYYY-MM-DD options, naming what is wrong.
CLI::Validator iso_date_validator();

// Runs `action`, turning every error into a message on stderr and exit 2.
template <typename Action>
int run_guarded(Action&& action);
int report_exception();  // within a catch block: prints the error, returns 2

template <typename Action>
int run_guarded(Action&& action) {
    try {
        return action();
    } catch (...) {
        return report_exception();
    }
}

}  // namespace ontrack
