// The markdown format: a summary and a table to paste into meeting notes.
#include <fmt/format.h>

#include "../utf8.hpp"
#include "render.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

// Inert text with Markdown's special characters escaped, safe in a table cell.
std::string md(std::string_view s) {
    std::string out;
    for (char c : make_inert(s)) {
        if (std::string_view("\\`*_[]<>|~#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string render_markdown(const Report& r) {
    std::string out = fmt::format("# {}\n\n", md(r.plan));
    if (r.illustrative) out += fmt::format("> **Note:** {}\n\n", illustrative_warning);
    if (!r.source.empty()) out += fmt::format("Source: {}\n\n", md(r.source));
    if (!r.note.empty()) out += fmt::format("Note: {}\n\n", md(r.note));
    out += fmt::format("As of **{}**: **{} of {}** units drug-free ({}).\n\n", to_iso(r.as_of), r.covered, r.total,
                       share_text(r.covered, r.total));
    out += "| Milestone | Deadline | Target | Required | Covered | Planned | Shortfall | Verdict |\n";
    out += "|---|---|---:|---:|---:|---:|---:|---|\n";
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        const std::string verdict =
            is_good(m.verdict) ? to_string(m.verdict) : fmt::format("**{}**", to_string(m.verdict));
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", md(milestone_label(m, k)), to_iso(m.deadline),
                           to_string(m.target), m.required, m.covered, m.upcoming ? fmt::format("{}", m.planned) : "-",
                           m.shortfall, verdict);
    }
    out += fmt::format("\n{}\n\n", upcoming_rule);
    out += fmt::format("- Overdue (planned date passed, not drug-free): {}\n", r.overdue.size());
    for (const LocalityRef& ref : r.overdue)
        out += fmt::format("  - {}, planned {}\n", md(locality_label(ref)), to_iso(*ref.planned));
    out += fmt::format("- Planned after {}: {}\n", to_iso(r.as_of), r.planned_ahead);
    out += fmt::format("- Uncovered with no plan: {}\n", static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted);
    return out;
}

}  // namespace ontrack

namespace ontrack {

std::string render_markdown_many(const std::vector<Report>& reports, const Rollup& rollup) {
    std::string out;
    for (const Report& report : reports) {
        std::string one = render_markdown(report);
        out += "#" + one + "\n";  // each plan's heading one level down
    }
    return fmt::format("# Roll-up\n\n{}\n\n", rollup_sentence(rollup)) + out;
}

}  // namespace ontrack
