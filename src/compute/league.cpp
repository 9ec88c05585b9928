#include "league.hpp"

#include <algorithm>
#include <cstdint>

#include "compute.hpp"
#include "name_table.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

// The first milestone not yet due, else the last; none when there is none.
std::optional<std::size_t> next_of(const std::vector<MilestoneResult>& milestones) {
    for (std::size_t k = 0; k < milestones.size(); ++k)
        if (milestones[k].upcoming) return k;
    if (milestones.empty()) return std::nullopt;
    return milestones.size() - 1;
}

// a's coverage is below b's: a.covered / a.total < b.covered / b.total, exactly.
bool less_covered(const LeagueRow& a, const LeagueRow& b) {
    return static_cast<int128>(a.covered) * std::max<std::int64_t>(b.total, 1) <
           static_cast<int128>(b.covered) * std::max<std::int64_t>(a.total, 1);
}

void sort_rows(League& out, LeagueSort sort) {
    out.sort = sort;
    auto share = [](const LeagueRow& r) { return r.shortfall_at_share.value_or(0); };
    std::stable_sort(out.rows.begin(), out.rows.end(), [&](const LeagueRow& a, const LeagueRow& b) {
        switch (sort) {
            case LeagueSort::order: return a.part < b.part;
            case LeagueSort::shortfall:
                if (share(a) != share(b)) return share(a) > share(b);
                if (less_covered(a, b) || less_covered(b, a)) return less_covered(a, b);
                return a.part < b.part;
            case LeagueSort::coverage:
                if (less_covered(a, b) || less_covered(b, a)) return less_covered(a, b);
                if (share(a) != share(b)) return share(a) > share(b);
                return a.part < b.part;
        }
        return a.part < b.part;
    });
}

LeagueRow row_of(std::size_t k, const Report& own) {
    LeagueRow row;
    row.part = k;
    row.file = own.file;
    row.name = own.plan;
    row.total = own.total;
    row.covered = own.covered;
    row.own = own.milestones;
    if (const auto n = next_of(own.milestones)) row.own_next = own.milestones[*n];
    return row;
}

}  // namespace

std::int64_t required_at_share(const Target& target, std::int64_t part_total, std::int64_t rollup_total) {
    if (target.kind == Target::Kind::percent) return required_count(target, part_total);
    if (rollup_total <= 0 || part_total <= 0 || target.count <= 0) return 0;
    // count and part total are int64, so their product fits 128 bits; the
    // quotient is at most the count when part total ≤ roll-up total.
    const int128 num = static_cast<int128>(target.count) * part_total;
    const int128 q = (num + rollup_total - 1) / rollup_total;
    return static_cast<std::int64_t>(std::min<int128>(q, INT64_MAX));
}

std::int64_t shortfall_at_share(const Target& target, std::int64_t part_total, std::int64_t rollup_total,
                                std::int64_t expected) {
    const std::int64_t required = required_at_share(target, part_total, rollup_total);
    return required > expected ? required - expected : 0;
}

std::optional<LeagueSort> parse_league_sort(std::string_view name) {
    return parse_name<LeagueSort>(league_sort_names, name);
}

League league(const Plan& plan, const Report& report, LeagueSort sort) {
    League out;
    out.next = next_of(report.milestones);
    const Breakdown by_part = breakdown(plan, report, ByField::part);
    std::vector<PlanPart> parts = plan.parts;
    if (parts.empty()) parts.push_back({plan.file, plan.name, plan.total, plan.milestones, 0, plan.localities.size()});
    for (std::size_t k = 0; k < parts.size(); ++k) {
        // The part's own report: its localities, its total, its milestones.
        Plan own;
        own.file = parts[k].file;
        own.name = parts[k].name;
        own.total = parts[k].total;
        own.milestones = parts[k].milestones;
        const auto first = plan.localities.begin() + static_cast<std::ptrdiff_t>(parts[k].first);
        own.localities.assign(first, first + static_cast<std::ptrdiff_t>(parts[k].count));
        LeagueRow row = row_of(k, compute_report(own, report.as_of));
        const Group& g = by_part.groups[k];
        for (const GroupMilestone& gm : g.milestones) row.shares.push_back(gm.share);
        if (out.next && report.milestones[*out.next].upcoming) row.by_next = g.milestones[*out.next].covered;
        if (out.next) {
            const MilestoneResult& next = report.milestones[*out.next];
            const std::int64_t expected = g.milestones[*out.next].covered;
            row.expected_at_next = expected;
            row.required_at_share = required_at_share(next.target, parts[k].total, plan.total);
            row.shortfall_at_share = shortfall_at_share(next.target, parts[k].total, plan.total, expected);
        }
        out.rows.push_back(std::move(row));
    }
    sort_rows(out, sort);
    return out;
}

League league(const std::vector<const Report*>& reports, LeagueSort sort) {
    League out;
    for (std::size_t k = 0; k < reports.size(); ++k) out.rows.push_back(row_of(k, *reports[k]));
    sort_rows(out, sort);
    return out;
}

int parts_exit_status(const League& league, bool upcoming_only) {
    for (const LeagueRow& row : league.rows)
        for (const MilestoneResult& m : row.own)
            if ((!upcoming_only || m.upcoming) && !is_good(m.verdict)) return 1;
    return 0;
}

}  // namespace ontrack
