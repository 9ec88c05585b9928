#include "run.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "load.hpp"
#include "output_file.hpp"

namespace ontrack {
namespace {

void write_stdout(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw std::runtime_error(fmt::format("cannot write the report: {}", std::strerror(errno)));
}

}  // namespace

bool use_color(ColorMode mode) {
    if (mode != ColorMode::automatic) return mode == ColorMode::always;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) && (!no_color || !*no_color) && !(term && std::string_view(term) == "dumb");
}

int run_report(const Options& options) {
    const Plan plan = load_plan(options.file);
    const Report report = compute_report(plan, options.as_of);
    if (options.output.empty())
        write_stdout(render(report, options.format, RenderOptions{use_color(options.color)}));
    else
        write_file_atomically(options.output, render(report, options.format, RenderOptions{false}), options.file);
    return exit_status(report, options.judge);
}

}  // namespace ontrack
