// libFuzzer target: arbitrary bytes through the loader, the calculation and
// every output format. Crashes, sanitizer reports and broken invariants
// (output that is not UTF-8, impossible counts) are findings.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compute.hpp"
#include "diagnostic.hpp"
#include "load.hpp"
#include "plan_file.hpp"
#include "render.hpp"
#include "utf8.hpp"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = "fuzz.toml";
    try {
        ontrack::check_plan_text(file, text);
        const ontrack::Plan plan = ontrack::parse_plan(text, file);
        for (const char* day : {"2025-06-30", "2027-12-31", "9999-12-31"}) {
            const ontrack::Report report = ontrack::compute_report(plan, *ontrack::parse_iso_date(day));
            require(report.covered >= 0 && report.covered <= report.total);
            for (const auto& m : report.milestones) require(m.shortfall >= 0 && m.covered <= report.total);
            for (ontrack::Format f :
                 {ontrack::Format::table, ontrack::Format::json, ontrack::Format::csv, ontrack::Format::markdown}) {
                const std::string out = ontrack::render(report, f, ontrack::RenderOptions{true});
                require(!ontrack::find_invalid_utf8(out));
            }
        }
    } catch (const ontrack::InputError& e) {
        require(!e.diagnostics().empty());
        for (const auto& d : e.diagnostics()) {
            require(d.line >= 1 && d.column >= 1);
            require(!ontrack::find_invalid_utf8(ontrack::format_diagnostic(d)));
        }
    }
    return 0;
}
