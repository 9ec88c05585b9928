#include "run.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "console.hpp"
#include "i18n.hpp"
#include "load.hpp"
#include "output_file.hpp"
#include "plan_set.hpp"
#include "rollup.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// The most rows (groups × milestones) a --by breakdown may have.
constexpr std::uint64_t max_breakdown_cells = 1000000;

void write_stdout(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw std::runtime_error(trf("cannot write the report: {}", system_error_text(errno)));
}

}  // namespace

bool use_color(ColorMode mode) {
    if (mode != ColorMode::automatic) return mode == ColorMode::always;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) && (!no_color || !*no_color) && !(term && std::string_view(term) == "dumb");
}

namespace {

std::size_t terminal_width() {
    if (!::isatty(STDOUT_FILENO)) return 0;
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        const long n = std::strtol(columns, &end, 10);
        if (end != columns && *end == '\0' && n >= 20 && n <= 10000) return static_cast<std::size_t>(n);
    }
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
    return 0;
}

}  // namespace

int run_report(const Options& options) {
    std::vector<Plan> plans = load_plans(options.files);
    refuse_overlapping_plans(plans);
    // Every file read, to be sure the report is not written over one of them.
    std::vector<std::string> read = options.files;
    for (const Plan& plan : plans) {
        const std::vector<std::string> files = files_read(plan);
        read.insert(read.end(), files.begin(), files.end());
    }
    const bool to_stdout = options.output.empty() || options.output == "-";
    if (!to_stdout && is_one_of(options.output, read))
        throw std::runtime_error(
            trf("{}: refusing to write the report over a plan it reads", make_inert(options.output)));
    std::vector<Analysis> analyses;
    int status = 0;
    for (Plan& plan : plans) {
        if (options.as_of_is_today) {
            // Events dated after today are typed ahead of time, or typos: say so.
            std::size_t later = 0;
            for (const Locality& loc : plan.localities)
                for (auto e = loc.events.rbegin(); e != loc.events.rend() && e->date > options.analysis.as_of; ++e)
                    ++later;
            if (later)
                print_notice(
                    trn("{}: warning: {} certified or revoked event is dated after today ({}) and is not "
                        "counted yet",
                        "{}: warning: {} certified or revoked events are dated after today ({}) and are not "
                        "counted yet",
                        later, plan.file, later, human_date(options.analysis.as_of)));
        }
        analyses.push_back(analyse(plan, options.analysis));
        // A breakdown is a row per group per milestone: bounded, so that the
        // output stays in proportion to the plan (README, "Sizes and memory").
        if (const auto& b = analyses.back().breakdown) {
            const std::uint64_t cells = static_cast<std::uint64_t>(b->groups.size()) * plan.milestones.size();
            if (cells > max_breakdown_cells)
                throw CLI::ValidationError(
                    "--by", trf("{}: {} groups × {} milestones make {} rows, more than {}; break down by a field "
                                "with fewer values, or split the plan",
                                plan.file, b->groups.size(), plan.milestones.size(), cells, max_breakdown_cells));
        }
        status = std::max(status, exit_status(analyses.back().report, options.judge));
        if (options.judge_parts && analyses.back().league)
            status = std::max(status, parts_exit_status(*analyses.back().league, options.judge == Judge::upcoming));
        plan = Plan{};  // the analysis holds copies of what it shows: not kept while rendering
    }
    RenderOptions render_options;
    render_options.color = to_stdout && use_color(options.color);
    render_options.bom = options.bom;
    render_options.league_sort = options.analysis.league_sort;
    render_options.today = options.today;
    render_options.lang = language();
    render_options.terminal_width = to_stdout && !options.wide ? terminal_width() : 0;
    const std::string text = render(analyses, options.format, render_options);
    if (to_stdout)
        write_stdout(text);
    else
        write_file_atomically(options.output, text, read);
    return status;
}

}  // namespace ontrack
