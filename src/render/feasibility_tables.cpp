// The tables of feasibility in the document: how likely each upcoming
// milestone is, the schedule, and each part of a roll-up against the
// roll-up's next milestone.
#include <algorithm>

#include <fmt/format.h>

#include "feasibility_words.hpp"
#include "document_tables.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

Table likelihood_table(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const Forecast& f = *a.forecast;
    const Feasibility& x = *a.feasibility;
    Table s;
    s.id = "likelihood";
    s.sheet = w.tr("How likely");
    s.title = w.tr("How likely");
    s.columns = {{w.tr("Milestone"), ColumnKind::name},       {w.tr("Deadline"), ColumnKind::date},
                 {w.tr("Months"), ColumnKind::count},         {w.tr("Probability"), ColumnKind::percent},
                 {w.tr("Likely by 50%"), ColumnKind::date},   {w.tr("Likely by 85%"), ColumnKind::date},
                 {w.tr("Likely by 95%"), ColumnKind::date},   {w.tr("Needed / recent pace"), ColumnKind::decimal},
                 {w.tr("Plan's dates"), ColumnKind::percent}};
    for (std::size_t k = 0; k < f.milestones.size(); ++k) {
        const MilestoneForecast& m = f.milestones[k];
        const MilestoneOutlook& o = x.milestones[k];
        s.add({text_cell(milestone_label(w, a.report.milestones[m.index], m.index)), date_cell(m.deadline, lang),
               count_cell(o.months, lang), text_cell(probability_text(o.likelihood.probability)),
               text_cell(likely_text(o.likelihood, 0)), text_cell(likely_text(o.likelihood, 1)),
               text_cell(likely_text(o.likelihood, 2)), text_cell(pace_ratio_text(o.pace_ratio_tenths)),
               text_cell(probability_text(o.plan_probability))});
    }
    std::string months;
    for (std::int64_t n : x.monthly_net) months += (months.empty() ? "" : ", ") + w.count(n);
    s.notes.push_back(
        w.trf("Net units gained each month of the window, oldest first: {}.", months.empty() ? "-" : months));
    if (x.missing != Missing::none) {
        s.notes.push_back(missing_text(x.missing));
    } else {
        s.notes.push_back(
            w.tr("Probability: the chance of reaching the required count by the deadline if each month ahead gains "
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
            w.tr("Needed / recent pace: \"-\" where more is needed and the pace shows no net progress "
               "(or the deadline is today)."));
    return s;
}

Table schedule_table(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const Schedule& sc = *a.schedule;
    Table s;
    s.id = "schedule";
    s.sheet = w.tr("Schedule");
    s.title = schedule_title(sc.period);
    s.columns = {{w.tr("Period end"), ColumnKind::date},
                 {w.tr("Needed"), ColumnKind::count},
                 {w.tr("Planned"), ColumnKind::count},
                 {w.tr("At pace"), ColumnKind::count},
                 {w.tr("Planned - needed"), ColumnKind::count}};
    for (const ScheduleRow& r : sc.rows)
        s.add({date_cell(r.end, lang), count_cell(r.needed, lang), count_cell(r.planned, lang),
               count_cell(r.at_pace, lang), count_cell(r.planned - r.needed, lang)});
    s.empty = w.tr("No milestone is still ahead.");
    s.notes.push_back(
        w.tr("Needed: a straight road from today's coverage through each upcoming milestone's required count, "
           "rounded up (not the safety buffer's path, which starts at the plan's start). Planned: drug-free today "
           "plus the units planned by that day. At pace: the forecast's projection on that day."));
    return s;
}

Table parts_table(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const League& l = *a.league;
    const MilestoneResult& next = a.report.milestones[*l.next];
    Table s;
    s.id = "parts-outlook";
    s.sheet = w.tr("How likely");
    s.title = w.trf("Parts against {} ({})", milestone_label(w, next, *l.next), w.date(next.deadline));
    s.columns = {{w.tr("Part"), ColumnKind::name},
                 {w.tr("Required"), ColumnKind::count},
                 {w.tr("Expected"), ColumnKind::count},
                 {w.tr("Shortfall"), ColumnKind::count},
                 {w.tr("Probability"), ColumnKind::percent},
                 {w.tr("Likely by 50%"), ColumnKind::date},
                 {w.tr("Likely by 85%"), ColumnKind::date},
                 {w.tr("Likely by 95%"), ColumnKind::date}};
    bool missing = false;
    for (const LeagueRow& r : l.rows) {
        if (!r.forecast) continue;
        const PartForecast& p = *r.forecast;
        missing = missing || p.missing != Missing::none;
        s.add({text_cell(r.name), count_cell(p.required, lang), count_cell(p.expected, lang),
               count_cell(p.shortfall, lang), text_cell(probability_text(p.likelihood.probability)),
               text_cell(likely_text(p.likelihood, 0)), text_cell(likely_text(p.likelihood, 1)),
               text_cell(likely_text(p.likelihood, 2))});
    }
    s.notes.push_back(
        w.tr("Each part's share of the roll-up's next milestone: a percent target applied to the part's total, a "
           "count in proportion to it; expected: drug-free today plus planned by the deadline; the probability "
           "from the part's own monthly net counts."));
    if (missing) s.notes.push_back(w.tr("\"-\": fewer than 3 whole months in the window, or counts too spread out."));
    return s;
}

}  // namespace

std::vector<Table> feasibility_tables(const Analysis& a, const Words& w) {
    std::vector<Table> out;
    if (!a.forecast || !a.feasibility) return out;
    out.push_back(likelihood_table(a, w));
    if (a.schedule) out.push_back(schedule_table(a, w));
    if (a.league && a.league->next &&
        std::any_of(a.league->rows.begin(), a.league->rows.end(), [](const LeagueRow& r) { return r.forecast; }))
        out.push_back(parts_table(a, w));
    return out;
}

}  // namespace ontrack
