// The one place where errors become a message and an exit status.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic.hpp"
#include "failure.hpp"
#include "i18n.hpp"
#include "library_messages.hpp"
#include "utf8.hpp"

namespace ontrack {

Date today() {
    const char* text = std::getenv("ONTRACK_TODAY");
    if (!text || !*text) return today_local();
    std::string why;
    if (const auto day = parse_iso_date(text, &why)) return *day;
    throw CLI::ValidationError("ONTRACK_TODAY", trf("'{}' is not a date: {}", text, tr(why.c_str())));
}

void refuse_future(Date date, Date today, bool allowed, const std::string& text) {
    if (allowed || date <= today) return;
    throw CLI::ValidationError(
        trf("{} is after today ({}): an event is recorded once it has happened; a date still "
            "to come is --planned, and --allow-future records it anyway",
            text, human_date(today)));
}

CLI::Validator iso_date_validator() {
    return CLI::Validator(
        [](std::string& text) {
            std::string why;
            return parse_date(text, &why) ? std::string() : trf("'{}' is not a date: {}", text, tr(why.c_str()));
        },
        tr("DATE"));
}

void add_sheet_option(CLI::App& command, std::string& sheet) {
    command.add_option("--sheet", sheet, tr("Of a workbook (.xlsx, .ods), the sheet to read (default: the first)"))
        ->option_text(tr("NAME"));
}

CLI::Validator finite_number_validator() {
    return CLI::Validator(
        [](std::string& text) {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (end != text.c_str() && std::isfinite(value)) return std::string();
            return trf("'{}' is not a number of seconds", quoted_value(make_inert(text)));
        },
        tr("NUMBER"));
}

void add_lock_timeout_option(CLI::App& command, double& seconds) {
    command
        .add_option("--lock-timeout", seconds,
                    tr("Seconds to wait while another ontrack is editing the same file (default 5)"))
        ->check(finite_number_validator())
        ->check(CLI::Range(0.0, 3600.0))
        ->option_text(tr("SECONDS"));
}

std::chrono::milliseconds lock_wait(double seconds) {
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

void require_file_name(const std::string& path, const std::string& option) {
    if (path == "-")
        throw CLI::ValidationError(option, tr("an edit in place needs a file: '-' (standard input) cannot be edited"));
}

void finish_stdout() {
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
        throw std::runtime_error(trf("cannot write to standard output: {}", system_error_text(errno ? errno : EIO)));
}

void hold_standard_streams() {
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (opened >= 0 && opened != fd) {
            ::dup2(opened, fd);
            ::close(opened);
        }
    }
}

void ignore_broken_pipe() {
    std::signal(SIGPIPE, SIG_IGN);
}

void print_message(std::FILE* to, std::string_view line) {
    const std::string text = make_inert_lines(line) + "\n";
    if (to == stderr)
        write_stderr(text);
    else
        std::fwrite(text.data(), 1, text.size(), to);  // a failure is seen by finish_stdout()
}

namespace {

bool quiet = false;

}  // namespace

void add_quiet_flag(CLI::App& command) {
    command.add_flag("--quiet,-q", quiet, tr("Print no notes or warnings, only errors (for cron and hooks)"));
}

void print_notice(std::string_view line) {
    static std::unordered_set<std::string> printed;
    if (quiet || !printed.emplace(line).second) return;
    print_message(stderr, line);
}

void print_notes(const std::string& file, const std::vector<CsvNote>& notes) {
    for (const CsvNote& note : notes)
        print_notice(note.place.empty() ? trf("{}:{}: note: {}", file, note.line, note.message)
                                        : trf("{}:{}: note: {}", file, note.place, note.message));
}

void print_stale_plan_warning(const std::string& file, std::uint32_t line, const std::string& name, Date planned,
                              const Event& latest) {
    print_notice(
        trf("{}:{}: warning: {}: planned {} is not after its latest event ({} {}); it was "
            "fulfilled or overtaken and counts as no plan: give a new planned date or remove it",
            file, line, make_inert(name), human_date(planned),
            tr(latest.kind == EventKind::certified ? "certified" : "revoked"), human_date(latest.date)));
}

int report_exception() {
    try {
        throw;
    } catch (const CLI::Error& e) {
        print_message(stderr, trf("ontrack: error: {}", translate_cli_message(e.what())));
        print_message(stderr, tr("Run 'ontrack --help' for usage."));
        return exit_error;
    } catch (...) {
        const Failure failure = current_failure(ONTRACK_VERSION);
        write_stderr(failure.text);
        return failure.status;
    }
}

}  // namespace ontrack
