// The sections of feasibility: how likely each upcoming milestone is, the
// schedule, and each part of a roll-up against the roll-up's next milestone.
#include <algorithm>

#include <fmt/format.h>

#include "feasibility_words.hpp"
#include "i18n.hpp"
#include "sections.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

std::string count(std::int64_t n) {
    return human_count(n);
}

Section likelihood_section(const Analysis& a) {
    const Forecast& f = *a.forecast;
    const Feasibility& x = *a.feasibility;
    Section s;
    s.title = tr("How likely");
    s.header = {tr("Milestone"),     tr("Deadline"),      tr("Months"),        tr("Probability"),
                tr("Likely by 50%"), tr("Likely by 85%"), tr("Likely by 95%"), tr("Needed / recent pace"),
                tr("Plan's dates")};
    s.right = {false, false, true, true, false, false, false, true, true};
    for (std::size_t k = 0; k < f.milestones.size(); ++k) {
        const MilestoneForecast& m = f.milestones[k];
        const MilestoneOutlook& o = x.milestones[k];
        s.rows.push_back({milestone_label(a.report.milestones[m.index], m.index), human_date(m.deadline),
                          count(o.months), probability_text(o.likelihood.probability), likely_text(o.likelihood, 0),
                          likely_text(o.likelihood, 1), likely_text(o.likelihood, 2),
                          pace_ratio_text(o.pace_ratio_tenths), probability_text(o.plan_probability)});
    }
    std::string months;
    for (std::int64_t n : x.monthly_net) months += (months.empty() ? "" : ", ") + count(n);
    s.notes.push_back(
        trf("Net units gained each month of the window, oldest first: {}.", months.empty() ? "-" : months));
    if (x.missing != Missing::none) {
        s.notes.push_back(missing_text(x.missing));
    } else {
        s.notes.push_back(
            tr("Probability: the chance of reaching the required count by the deadline if each month ahead gains "
               "as much as a month of the window drawn at random (every month equally likely), computed exactly. "
               "Likely by: the first of the days a whole number of months from today (today, +1 month, +2 months …) at "
               "which that chance reaches 50%, 85% or 95%. Plan's "
               "dates: the same chance of gaining the units the plan's dates expect by the deadline."));
        for (const BunchedMonth& b : x.bunched)
            s.notes.push_back(bunching_text(b, x.best_month_net, static_cast<int>(x.monthly_net.size())) + ".");
    }
    const bool no_pace = std::any_of(x.milestones.begin(), x.milestones.end(),
                                     [](const MilestoneOutlook& o) { return !o.pace_ratio_tenths; });
    if (no_pace)
        s.notes.push_back(
            tr("Needed / recent pace: \"-\" where more is needed and the pace shows no net progress "
               "(or the deadline is today)."));
    return s;
}

Section schedule_section(const Analysis& a) {
    const Schedule& sc = *a.schedule;
    Section s;
    s.title = schedule_title(sc.period);
    s.header = {tr("Period end"), tr("Needed"), tr("Planned"), tr("At pace"), tr("Planned - needed")};
    s.right = {false, true, true, true, true};
    s.name_column = std::string::npos;
    for (const ScheduleRow& r : sc.rows)
        s.rows.push_back(
            {human_date(r.end), count(r.needed), count(r.planned), count(r.at_pace), count(r.planned - r.needed)});
    if (sc.rows.empty()) s.notes.push_back(tr("No milestone is still ahead."));
    s.notes.push_back(
        tr("Needed: a straight road from today's coverage through each upcoming milestone's required count, "
           "rounded up (not the safety buffer's path, which starts at the plan's start). Planned: drug-free today "
           "plus the units planned by that day. At pace: the forecast's projection on that day."));
    return s;
}

Section parts_section(const Analysis& a) {
    const League& l = *a.league;
    const MilestoneResult& next = a.report.milestones[*l.next];
    Section s;
    s.title = trf("Parts against {} ({})", milestone_label(next, *l.next), human_date(next.deadline));
    s.header = {tr("Part"),        tr("Required"),      tr("Expected"),      tr("Shortfall"),
                tr("Probability"), tr("Likely by 50%"), tr("Likely by 85%"), tr("Likely by 95%")};
    s.right = {false, true, true, true, true, false, false, false};
    bool missing = false;
    for (const LeagueRow& r : l.rows) {
        if (!r.forecast) continue;
        const PartForecast& p = *r.forecast;
        missing = missing || p.missing != Missing::none;
        s.rows.push_back({r.name, count(p.required), count(p.expected), count(p.shortfall),
                          probability_text(p.likelihood.probability), likely_text(p.likelihood, 0),
                          likely_text(p.likelihood, 1), likely_text(p.likelihood, 2)});
    }
    s.notes.push_back(
        tr("Each part's share of the roll-up's next milestone: a percent target applied to the part's total, a "
           "count in proportion to it; expected: drug-free today plus planned by the deadline; the probability "
           "from the part's own monthly net counts."));
    if (missing) s.notes.push_back(tr("\"-\": fewer than 3 whole months in the window, or counts too spread out."));
    return s;
}

}  // namespace

std::vector<Section> feasibility_sections(const Analysis& a) {
    std::vector<Section> out;
    if (!a.forecast || !a.feasibility) return out;
    out.push_back(likelihood_section(a));
    if (a.schedule) out.push_back(schedule_section(a));
    if (a.league && a.league->next &&
        std::any_of(a.league->rows.begin(), a.league->rows.end(), [](const LeagueRow& r) { return r.forecast; }))
        out.push_back(parts_section(a));
    return out;
}

}  // namespace ontrack
