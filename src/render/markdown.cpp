// The markdown format: a summary and a table to paste into meeting notes.
#include <fmt/format.h>

#include "i18n.hpp"
#include "render.hpp"
#include "sections.hpp"
#include "utf8.hpp"
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

// A pipe table: header, alignment row, rows (cells escaped).
std::string pipe_table(const std::vector<std::string>& header, const std::vector<bool>& right,
                       const std::vector<std::vector<std::string>>& rows) {
    std::string out = "|";
    for (const std::string& h : header) out += " " + md(h) + " |";
    out += "\n|";
    for (bool r : right) out += r ? "---:|" : "---|";
    out += "\n";
    for (const auto& row : rows) {
        out += "|";
        for (const std::string& cell : row) out += " " + cell + " |";
        out += "\n";
    }
    return out;
}

std::string render_markdown(const Report& r) {
    std::string out = fmt::format("# {}\n\n", md(r.plan));
    if (r.illustrative) out += trf("> **Note:** {}", tr(illustrative_warning)) + "\n\n";
    if (!r.source.empty()) out += trf("Source: {}", md(r.source)) + "\n\n";
    if (!r.note.empty()) out += trf("Note: {}", md(r.note)) + "\n\n";
    out += trn("As of **{}**: **{} of {}** unit drug-free ({}).", "As of **{}**: **{} of {}** units drug-free ({}).",
               static_cast<std::uint64_t>(r.total), human_date(r.as_of), human_count(r.covered), human_count(r.total),
               share_text(r.covered, r.total)) +
           "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        std::vector<std::string> row = milestone_row(m, k);
        row[0] = md(row[0]);
        if (!is_good(m.verdict)) row.back() = fmt::format("**{}**", row.back());
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        out += fmt::format("{}\n\n", tr(no_milestones_note));
    else
        out += pipe_table(milestone_header(), milestone_right, rows) + fmt::format("\n{}\n\n", tr(upcoming_rule));
    out += "- " +
           trf("Overdue (planned date passed, not drug-free): {}",
               human_count(static_cast<std::int64_t>(r.overdue.size()))) +
           "\n";
    for (const LocalityRef& ref : r.overdue)
        out += "  - " + trf("{}, planned {}", md(locality_label(ref)), human_date(*ref.planned)) + "\n";
    out += "- " + trf("Planned after {}: {}", human_date(r.as_of), human_count(r.planned_ahead)) + "\n";
    out += "- " +
           trf("Uncovered with no plan: {}", human_count(static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted)) +
           "\n";
    return out;
}

namespace {

// A section under a heading of `level` ("##").
std::string section_markdown(const Section& s, std::string_view level) {
    std::string out = fmt::format("\n{} {}\n\n", level, md(s.title));
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : s.rows) {
        std::vector<std::string> cells;
        for (const std::string& cell : row) cells.push_back(md(cell));
        rows.push_back(std::move(cells));
    }
    if (!rows.empty()) out += pipe_table(s.header, s.right, rows) + "\n";
    for (const std::string& note : s.notes) out += md(note) + "\n\n";
    return out;
}

}  // namespace

std::string render_markdown(const Analysis& a) {
    std::string out = render_markdown(a.report);
    for (const Section& s : analysis_sections(a)) out += section_markdown(s, "##");
    return out;
}

std::string render_markdown_many(const std::vector<Analysis>& analyses, const Rollup& rollup, const League& league) {
    std::string out;
    for (const Analysis& a : analyses) {
        // Each plan's headings one level down (names have their '#' escaped,
        // so only headings start a line with '#').
        const std::string one = render_markdown(a);
        for (std::size_t start = 0; start < one.size();) {
            std::size_t end = one.find('\n', start);
            end = end == std::string::npos ? one.size() : end + 1;
            if (one[start] == '#') out += '#';
            out.append(one, start, end - start);
            start = end;
        }
        out += "\n";
    }
    return fmt::format("# {}\n\n{}\n\n", tr("Roll-up"), rollup_sentence(rollup)) +
           section_markdown(league_section(league, {}), "##") + "\n" + out;
}

}  // namespace ontrack
