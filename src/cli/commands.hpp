// The command line: the report (the default action) and the subcommands.
// Each command adds its options to the CLI11 app and, once the line is
// parsed, runs and returns the exit status.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "csv_header.hpp"
#include "i18n.hpp"
#include "model.hpp"
#include "options.hpp"
#include "plan_file.hpp"
#include "provinces.hpp"

namespace ontrack {

// ontrack FILE... [report options]
class ReportCommand {
   public:
    explicit ReportCommand(CLI::App& app);
    int run() const;
    // The report's files: with a subcommand, arguments that command did not take.
    const std::vector<std::string>& files() const { return files_; }

   private:
    std::vector<std::string> files_;
    std::string as_of_, format_ = "table", color_ = "auto", output_, by_, since_, list_, sort_ = "shortfall";
    int window_ = 12;
    std::string pace_, schedule_;
    bool upcoming_only_ = false, no_color_ = false, forecast_ = false, explain_ = false, chart_ = false, bom_ = false,
         wide_ = false, judge_parts_ = false;
    CLI::Option* format_option_ = nullptr;
};

// ontrack check FILE...: validation only, every problem listed; exit 0 or 2.
class CheckCommand {
   public:
    explicit CheckCommand(CLI::App& app);
    bool chosen() const { return command_->parsed(); }
    int run() const;

   private:
    void add_options();
    CLI::App* command_;
    std::vector<std::string> files_;
};

// ontrack record FILE (--id CODE | --name NAME) (--certified | --revoked | --planned) DATE
//                [--decision REF] [--note TEXT] [--remove | --move-to DATE]
class RecordCommand {
   public:
    explicit RecordCommand(CLI::App& app);
    bool chosen() const { return command_->parsed(); }
    int run() const;

   private:
    void add_options();
    CLI::App* command_;
    std::string file_, id_, name_, certified_, revoked_, planned_, decision_, note_, move_to_;
    bool allow_future_ = false;
    bool remove_ = false;
    double lock_timeout_ = 5;
};

// ontrack init --units ROSTER.csv [--milestone DATE=TARGET]... [--name N] [--source S] [-o FILE]
class InitCommand {
   public:
    explicit InitCommand(CLI::App& app);
    bool chosen() const { return command_->parsed(); }
    int run() const;

   private:
    void add_options();
    CLI::App* command_;
    std::string units_, name_, source_, output_, province_, sheet_;
    std::vector<std::string> milestones_;
    bool force_ = false, all_provinces_ = false;
    double lock_timeout_ = 5;
    int write_all_provinces(const std::vector<Province>& provinces, const std::vector<MilestoneSpec>& specs) const;
};

// ontrack import RECORDS.csv --plan PLAN [--apply]
class ImportCommand {
   public:
    explicit ImportCommand(CLI::App& app);
    bool chosen() const { return command_->parsed(); }
    int run() const;

   private:
    void add_options();
    CLI::App* command_;
    std::string records_, plan_, date_order_, sheet_;
    bool apply_ = false, allow_future_ = false;
    double lock_timeout_ = 5;
};

// Builds the command line, parses it, runs the chosen command; returns the
// exit status (every exception turned into a message).
int run_command_line(int argc, char** argv);

// The language of the help and messages: --lang VALUE or --lang=VALUE on the
// command line (the first valid one), else LC_ALL, LC_MESSAGES, LANG.
// Decided before the app is built, because CLI11 keeps help texts as given.
Lang requested_language(int argc, const char* const* argv);

// Puts CLI11's own help words (Usage, Options, ...) and the help flag's text
// in the current language; call before adding options and subcommands.
void translate_help(CLI::App& app);
// The same for a subcommand, once added: its group and its help flag's group.
void translate_subcommand_help(CLI::App& command);

// --sheet NAME: the sheet of a workbook to read (the first by default).
void add_sheet_option(CLI::App& command, std::string& sheet);

// A validator for numeric options: NaN and the infinities, which pass a range
// check (every comparison with NaN is false), are refused.
CLI::Validator finite_number_validator();

// --lock-timeout SECONDS: how long a writer waits for another to finish.
void add_lock_timeout_option(CLI::App& command, double& seconds);
std::chrono::milliseconds lock_wait(double seconds);

// Refuses "-" where a command edits a file in place.
void require_file_name(const std::string& path, const std::string& option);

// Refuses a certified or revoked date after `today` (as written: `text`)
// unless `allowed` (--allow-future): a usage error, exit 2.
void refuse_future(Date date, Date today, bool allowed, const std::string& text);

// Flushes standard output; throws when what was printed could not be written.
void finish_stdout();

// Standard input, output and error that were closed when ontrack started are
// opened on /dev/null the wrong way round (output for reading, input for
// writing): every use fails as it would have, and no file ontrack opens (a
// lock, a temporary plan) can take their numbers and receive a summary.
void hold_standard_streams();

// For a command that edits a file: a reader of standard output that has gone
// makes a write fail (EPIPE, exit 2 before anything is replaced) instead of
// killing the process between its summary and the replace.
void ignore_broken_pipe();

// Today: ONTRACK_TODAY (YYYY-MM-DD, for tests and for re-running a day's
// job) when set and not empty, else the local date in the time zone TZ.
// The one place the variable is read; a malformed value is a usage error.
Date today();

// Prints one message line (and a line feed) to `to`: every control character
// and bidi control in it, from names, ids, file paths or option values, shown
// as a visible escape (make_inert_lines()), bytes that are not UTF-8 too.
void print_message(std::FILE* to, std::string_view line);

// -q/--quiet, given to any command: notes and warnings are not printed
// (errors are; standard output is unchanged).
void add_quiet_flag(CLI::App& command);

// Prints a note or a warning (one line) to stderr as print_message() does,
// unless --quiet was given; a line already printed in this run is not
// printed again (a roll-up checked beside its parts meets each part twice).
void print_notice(std::string_view line);

// Prints each note about a CSV file to stderr: "FILE:LINE: note: MESSAGE".
void print_notes(const std::string& file, const std::vector<CsvNote>& notes);

// Prints the stale-plan warning (history.hpp's rule) to stderr: the locality
// `name` at FILE:LINE has a planned date on or before its latest event, so
// that date counts as no plan. `check` and `record --planned` say it alike.
void print_stale_plan_warning(const std::string& file, std::uint32_t line, const std::string& name, Date planned,
                              const Event& latest);

// Runs `read` (reading a CSV file `path`); running out of memory becomes
// the file's located error ("too large to load"), not an unlocated one.
template <typename Read>
auto csv_within_memory(const std::string& path, Read&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const std::bad_alloc&) {
        fail_out_of_memory(path == "-" ? "<stdin>" : path, file_size_or_zero(path));
    }
}

// A validator for YYYY-MM-DD options, naming what is wrong.
CLI::Validator iso_date_validator();

// Runs `action`, turning every exception into a message on stderr and its exit status.
template <typename Action>
int run_guarded(Action&& action);
// Within a catch block: prints the error and returns the exit status: 2 for
// the user's errors, 70 for a bug (failure.hpp).
int report_exception();

template <typename Action>
int run_guarded(Action&& action) {
    try {
        return action();
    } catch (...) {
        return report_exception();
    }
}

}  // namespace ontrack
