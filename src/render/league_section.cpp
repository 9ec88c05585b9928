// The league table of a roll-up's parts (issue 17), in words: one Section,
// shown by table, markdown and html as the other sections are.
#include <fmt/format.h>

#include "i18n.hpp"
#include "sections.hpp"
#include "wording.hpp"

namespace ontrack {

Section league_section(const League& league, const std::vector<MilestoneResult>& rollup) {
    static const std::string none = "—";
    Section s;
    s.title = tr("Parts");
    s.header = {tr("Part"), tr("Units"), tr("Drug-free"), tr("Share")};
    s.right = {false, true, true, true};
    const bool by_next = league.next && rollup[*league.next].upcoming;
    if (by_next) {
        s.header.push_back(trf("Expected by {}", human_date(rollup[*league.next].deadline)));
        s.right.push_back(true);
    }
    if (league.next) {
        s.header.push_back(trf("Shortfall at the {} share", human_date(rollup[*league.next].deadline)));
        s.right.push_back(true);
    }
    for (const char* h : {N_("Own next milestone"), N_("Verdict"), N_("Shortfall")}) {
        s.header.push_back(tr(h));
        s.right.push_back(h != std::string_view("Verdict") && h != std::string_view("Own next milestone"));
    }
    for (const MilestoneResult& m : rollup) {
        s.header.push_back(trf("Share of the {} shortfall", human_date(m.deadline)));
        s.right.push_back(true);
    }
    for (const LeagueRow& r : league.rows) {
        std::vector<std::string> row = {r.name.empty() ? r.file : r.name, human_count(r.total), human_count(r.covered),
                                        share_text(r.covered, r.total)};
        if (by_next) row.push_back(r.by_next ? human_count(*r.by_next) : none);
        if (league.next) row.push_back(r.shortfall_at_share ? human_count(*r.shortfall_at_share) : none);
        if (r.own_next) {
            const MilestoneResult& m = *r.own_next;
            row.push_back(trf("{} ({})", human_date(m.deadline), human_count(m.required)));
            row.push_back(tr(to_string(m.verdict)));
            row.push_back(human_count(m.shortfall));
        } else {
            row.insert(row.end(), {none, none, none});
        }
        for (std::int64_t share : r.shares) row.push_back(human_count(share));
        s.rows.push_back(std::move(row));
    }
    if (!rollup.empty())
        s.notes.push_back(
            tr("Each roll-up milestone's shortfall is shared among the parts in proportion to the units each has "
               "not covered by the deadline (largest remainders); the shares add up to the shortfall."));
    if (league.next)
        s.notes.push_back(
            trf("Shortfall at the {} share: the roll-up's target of that date applied to the part's units, minus "
                "the units the part expects by then; 0 when the part is already at or above its share.",
                human_date(rollup[*league.next].deadline)));
    if (league.sort == LeagueSort::order)
        s.notes.push_back(tr("In the order of the roll-up's parts."));
    else if (league.sort == LeagueSort::coverage || !league.next)
        s.notes.push_back(tr("Sorted by share drug-free, lowest first."));
    else
        s.notes.push_back(
            trf("Sorted by the shortfall at the {} share, largest first, then by share drug-free, lowest first.",
                human_date(rollup[*league.next].deadline)));
    s.notes.push_back(
        tr("Own next milestone: the part's first milestone not yet due (else its last), with the units "
           "it requires; — when the part has none."));
    return s;
}

}  // namespace ontrack
