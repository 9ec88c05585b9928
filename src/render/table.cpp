// The table format: aligned columns for people at a terminal.
#include <fmt/format.h>

#include "charts.hpp"
#include "i18n.hpp"
#include "render.hpp"
#include "sections.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

std::string pad(std::string_view text, std::size_t width, bool right) {
    const std::size_t w = display_width(text);
    const std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + std::string(text) : std::string(text) + fill;
}

class Style {
   public:
    explicit Style(bool color) : color_(color) {}
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string good_or_bad(bool good, std::string_view s) const { return wrap(good ? "32" : "1;31", s); }
    std::string warn(std::string_view s) const { return wrap("33", s); }

   private:
    bool color_;
    std::string wrap(const char* code, std::string_view s) const {
        return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
    }
};

// Columns padded by display width, two spaces apart; cells are made inert.
// `paint` may colour a row's last cell (given the row index).
template <typename Paint>
std::string aligned(const std::vector<std::string>& header, const std::vector<bool>& right,
                    const std::vector<std::vector<std::string>>& rows, const Style& style, Paint paint) {
    const std::size_t n = header.size();
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows) {
        std::vector<std::string> inert;
        for (const std::string& cell : row) inert.push_back(make_inert(cell));
        cells.push_back(std::move(inert));
    }
    std::vector<std::size_t> widths(n);
    for (std::size_t c = 0; c < n; ++c) {
        widths[c] = display_width(header[c]);
        for (const auto& row : cells) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    auto line_of = [&](const std::vector<std::string>& row, auto&& last) {
        std::string text;
        for (std::size_t c = 0; c + 1 < n; ++c) text += pad(row[c], widths[c], right[c]) + "  ";
        return text + last(right[n - 1] ? pad(row[n - 1], widths[n - 1], true) : row[n - 1]);
    };
    std::string out = style.bold(line_of(header, [](std::string s) { return s; })) + "\n";
    for (std::size_t k = 0; k < cells.size(); ++k)
        out += line_of(cells[k], [&](const std::string& s) { return paint(k, s); }) + "\n";
    return out;
}

std::string section_text(const Section& s, const Style& style) {
    std::string out = style.bold(make_inert(s.title)) + "\n";
    if (!s.rows.empty())
        out += aligned(s.header, s.right, s.rows, style, [](std::size_t, const std::string& c) { return c; });
    for (const std::string& note : s.notes) out += make_inert(note) + "\n";
    return out;
}

}  // namespace

std::string render_table(const Report& r, const RenderOptions& options) {
    const Style style(options.color);
    std::string out;
    auto line = [&](std::string_view s) { out.append(s).push_back('\n'); };

    line(style.bold(make_inert(r.plan)));
    if (!r.source.empty()) line(trf("Source: {}", make_inert(r.source)));
    line(trn("As of {}: {} of {} unit drug-free ({})", "As of {}: {} of {} units drug-free ({})",
             static_cast<std::uint64_t>(r.total), human_date(r.as_of), human_count(r.covered), human_count(r.total),
             share_text(r.covered, r.total)));
    if (r.illustrative) line(style.warn(trf("NOTE: {}", tr(illustrative_warning))));
    if (!r.note.empty()) line(trf("Note: {}", make_inert(r.note)));
    line("");

    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        rows.push_back({milestone_label(m, k), human_date(m.deadline), human_decimal(to_string(m.target)),
                        human_count(m.required), human_count(m.covered), m.upcoming ? human_count(m.planned) : "-",
                        human_count(m.shortfall), tr(to_string(m.verdict))});
    }
    out += aligned({tr("Milestone"), tr("Deadline"), tr("Target"), tr("Required"), tr("Covered"), tr("Planned"),
                    tr("Shortfall"), tr("Verdict")},
                   {false, false, true, true, true, true, true, false}, rows, style,
                   [&](std::size_t k, const std::string& cell) {
                       return style.good_or_bad(is_good(r.milestones[k].verdict), cell);
                   });
    line("");
    line(tr(upcoming_rule));

    line(trf("Overdue (planned date passed, not drug-free): {}",
             human_count(static_cast<std::int64_t>(r.overdue.size()))));
    std::size_t label_width = 0;
    for (const LocalityRef& ref : r.overdue)
        label_width = std::max(label_width, display_width(make_inert(locality_label(ref))));
    for (const LocalityRef& ref : r.overdue)
        line(trf("  {}  planned {}", pad(make_inert(locality_label(ref)), label_width, false),
                 human_date(*ref.planned)));
    line(trf("Planned after {}: {}", human_date(r.as_of), human_count(r.planned_ahead)));
    const auto no_plan = static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted;
    if (r.unlisted > 0)
        line(trf("Uncovered with no plan: {} ({} listed, {} not listed in the plan)", human_count(no_plan),
                 human_count(static_cast<std::int64_t>(r.unplanned.size())), human_count(r.unlisted)));
    else
        line(trf("Uncovered with no plan: {}", human_count(no_plan)));
    return out;
}

std::string render_table(const Analysis& a, const RenderOptions& options) {
    const Style style(options.color);
    std::string out = render_table(a.report, options);
    if (a.chart) out += "\n" + render_chart_text(*a.chart, 72, 12, options.color);
    for (const Section& s : analysis_sections(a)) out += "\n" + section_text(s, style);
    return out;
}

std::string render_table_many(const std::vector<Analysis>& analyses, const Rollup& rollup,
                              const RenderOptions& options) {
    std::string out;
    for (const Analysis& a : analyses) out += render_table(a, options) + "\n";
    return out + trf("Roll-up: {}", rollup_sentence(rollup)) + "\n";
}

}  // namespace ontrack
