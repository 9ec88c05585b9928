// The table format: aligned columns for people at a terminal.
#include <array>

#include <fmt/format.h>

#include "../utf8.hpp"
#include "render.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

enum class Align { left, right };

struct Column {
    const char* title;
    Align align;
};

std::string pad(std::string_view text, std::size_t width, Align align) {
    const std::size_t w = display_width(text);
    const std::string fill(width > w ? width - w : 0, ' ');
    return align == Align::left ? std::string(text) + fill : fill + std::string(text);
}

class Style {
   public:
    explicit Style(bool color) : color_(color) {}
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string verdict(Verdict v, std::string_view s) const { return wrap(is_good(v) ? "32" : "1;31", s); }
    std::string warn(std::string_view s) const { return wrap("33", s); }

   private:
    bool color_;
    std::string wrap(const char* code, std::string_view s) const {
        return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
    }
};

}  // namespace

std::string render_table(const Report& r, const RenderOptions& options) {
    const Style style(options.color);
    std::string out;
    auto line = [&](std::string_view s) { out.append(s).push_back('\n'); };

    line(style.bold(make_inert(r.plan)));
    if (!r.source.empty()) line(fmt::format("Source: {}", make_inert(r.source)));
    line(fmt::format("As of {}: {} of {} units drug-free ({})", to_iso(r.as_of), r.covered, r.total,
                     share_text(r.covered, r.total)));
    if (r.illustrative) line(style.warn(fmt::format("NOTE: {}", illustrative_warning)));
    if (!r.note.empty()) line(fmt::format("Note: {}", make_inert(r.note)));
    line("");

    const Column columns[] = {{"Milestone", Align::left},  {"Deadline", Align::left}, {"Target", Align::right},
                              {"Required", Align::right},  {"Covered", Align::right}, {"Planned", Align::right},
                              {"Shortfall", Align::right}, {"Verdict", Align::left}};
    constexpr std::size_t n = std::size(columns);
    std::vector<std::array<std::string, n>> rows;
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        rows.push_back({make_inert(milestone_label(m, k)), to_iso(m.deadline), to_string(m.target),
                        fmt::format("{}", m.required), fmt::format("{}", m.covered),
                        m.upcoming ? fmt::format("{}", m.planned) : "-", fmt::format("{}", m.shortfall),
                        to_string(m.verdict)});
    }
    std::array<std::size_t, n> widths{};
    for (std::size_t c = 0; c < n; ++c) {
        widths[c] = display_width(columns[c].title);
        for (const auto& row : rows) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    std::string header;
    for (std::size_t c = 0; c < n; ++c)
        header += (c ? "  " : "") + pad(columns[c].title, c + 1 < n ? widths[c] : 0, columns[c].align);
    line(style.bold(header));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        std::string text;
        for (std::size_t c = 0; c + 1 < n; ++c) text += pad(rows[k][c], widths[c], columns[c].align) + "  ";
        text += style.verdict(r.milestones[k].verdict, rows[k][n - 1]);
        line(text);
    }
    line("");
    line(upcoming_rule);

    line(fmt::format("Overdue (planned date passed, not drug-free): {}", r.overdue.size()));
    std::size_t label_width = 0;
    for (const LocalityRef& ref : r.overdue)
        label_width = std::max(label_width, display_width(make_inert(locality_label(ref))));
    for (const LocalityRef& ref : r.overdue)
        line(fmt::format("  {}  planned {}", pad(make_inert(locality_label(ref)), label_width, Align::left),
                         to_iso(*ref.planned)));
    line(fmt::format("Planned after {}: {}", to_iso(r.as_of), r.planned_ahead));
    const auto no_plan = static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted;
    if (r.unlisted > 0)
        line(fmt::format("Uncovered with no plan: {} ({} listed, {} not listed in the plan)", no_plan,
                         r.unplanned.size(), r.unlisted));
    else
        line(fmt::format("Uncovered with no plan: {}", no_plan));
    return out;
}

}  // namespace ontrack

namespace ontrack {

std::string render_table_many(const std::vector<Report>& reports, const Rollup& rollup, const RenderOptions& options) {
    std::string out;
    for (const Report& report : reports) out += render_table(report, options) + "\n";
    return out + fmt::format("Roll-up: {}\n", rollup_sentence(rollup));
}

}  // namespace ontrack
