#include "sections.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compute.hpp"
#include "explain.hpp"
#include "feasibility_words.hpp"
#include "i18n.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

// |n|, for choosing a plural form: "-1 net unit".
std::uint64_t magnitude_of(std::int64_t n) {
    return n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

std::string count(std::int64_t n) {
    return human_count(n);
}
std::string day(const std::optional<Date>& d) {
    return d ? human_date(*d) : std::string("-");
}

Section forecast_section(const Analysis& a) {
    const Forecast& f = *a.forecast;
    const Trend& t = f.trend;
    Section s;
    s.title = tr("Pace and forecast");
    if (f.assumed) s.notes.push_back(assumed_pace_sentence(f));
    s.header = {tr("Milestone"),
                tr("Deadline"),
                tr("Needed/month"),
                tr("Achieved/month"),
                tr("Projected"),
                tr("Reached on"),
                "R",
                tr("Progress")};
    s.right = {false, false, true, true, true, false, true, false};
    s.verdict_column = 7;
    for (const MilestoneForecast& m : f.milestones) {
        std::string reached = m.reached                  ? human_date(*m.reached)
                              : m.reached_after_calendar ? tr("after 9999")
                                                         : tr("never");
        s.rows.push_back({milestone_label(a.report.milestones[m.index], m.index), human_date(m.deadline),
                          m.due_today ? tr("due today") : human_decimal(per_month_text(m.required_pace)),
                          human_decimal(per_month_text(f.pace)), count(m.projected), reached,
                          m.nothing_needed ? std::string("-") : human_decimal(ratio_text(m.ratio)),
                          progress_word(m.progress)});
    }
    s.notes.push_back(trf("Achieved pace: {} in the {} from {} to {} ({} to {} drug-free).",
                          trn("{} net unit", "{} net units", magnitude_of(t.pace.units), count(t.pace.units)),
                          trn("{} month", "{} months", static_cast<std::uint64_t>(t.window_months), t.window_months),
                          human_date(t.window_start), human_date(t.as_of), count(t.baseline), count(t.covered)));
    s.notes.push_back(tr(progress_rule));
    s.notes.push_back(tr("The forecast extrapolates the recent pace; the verdicts above follow the plan's dates."));
    for (const MilestoneForecast& m : f.milestones) {
        const MilestoneResult& r = a.report.milestones[m.index];
        const std::string label = milestone_label(r, m.index);
        const bool forecast_good = m.progress == Progress::on_track;
        if (r.verdict == Verdict::on_track && !forecast_good)
            s.notes.push_back(
                trf("{}: {} by the plan's dates, but at the recent pace {} of the {} required by the "
                    "deadline ({}).",
                    label, tr(to_string(r.verdict)), count(m.projected), count(m.required), progress_word(m.progress)));
        else if (r.verdict == Verdict::behind && forecast_good)
            s.notes.push_back(
                trf("{}: {} by the plan's dates, but the recent pace would reach {} of the {} "
                    "required by the deadline ({}).",
                    label, tr(to_string(r.verdict)), count(m.projected), count(m.required), progress_word(m.progress)));
    }
    if (f.milestones.empty()) s.notes.insert(s.notes.begin(), tr("No milestone is still ahead."));
    if (f.buffer && f.buffer->start_from_events)
        s.notes.push_back(
            trf("Safety buffer against the straight path from {} (the first recorded event; the plan "
                "gives no start): {}.",
                human_date(f.buffer->start), tr(buffer_text(*f.buffer).c_str())));
    else if (f.buffer)
        s.notes.push_back(trf("Safety buffer against the straight path from {}: {}.", human_date(f.buffer->start),
                              tr(buffer_text(*f.buffer).c_str())));
    return s;
}

Section breakdown_section(const Analysis& a) {
    const Breakdown& b = *a.breakdown;
    Section s;
    s.title = trf("By {}", tr(to_string(b.field)));
    std::string field = tr(to_string(b.field));
    if (!field.empty() && field[0] >= 'a' && field[0] <= 'z') field[0] = static_cast<char>(field[0] - 'a' + 'A');
    s.header = {field, tr("Units"), tr("Drug-free")};
    s.right = {false, true, true};
    for (std::size_t k = 0; k < a.report.milestones.size(); ++k) {
        const std::string deadline = human_date(a.report.milestones[k].deadline);
        s.header.push_back(trf("{}: covered", deadline));
        s.header.push_back(trf("{}: shortfall share", deadline));
        s.right.push_back(true);
        s.right.push_back(true);
    }
    for (const Group& g : b.groups) {
        // Only the groups ontrack names ("(no kind)", "(not listed)") are words to translate.
        const bool named = g.unlisted || g.value.empty();
        std::vector<std::string> row = {named ? tr(g.label.c_str()) : g.label, count(g.count), count(g.drug_free)};
        for (const GroupMilestone& gm : g.milestones) {
            row.push_back(count(gm.covered));
            row.push_back(count(gm.share));
        }
        s.rows.push_back(std::move(row));
    }
    s.notes.push_back(
        tr("Each milestone's shortfall is shared in proportion to the units each group has not "
           "covered by the deadline (largest remainders); the shares add up to the shortfall."));
    return s;
}

std::vector<Section> changes_sections(const Analysis& a) {
    const Changes& c = *a.changes;
    Section loc;
    loc.title = trf("Changes from {} to {}", human_date(c.since), human_date(c.as_of));
    loc.header = {tr("Locality"), tr("Change"), tr("Events")};
    loc.right = {false, false, false};
    for (const LocalityChange& ch : c.localities) {
        std::string events;
        for (const Event& e : ch.events)
            events += (events.empty() ? "" : ", ") +
                      trf(e.kind == EventKind::certified ? "certified {}" : N_("revoked {}"), human_date(e.date)) +
                      decision_suffix(e.decision());
        const std::string kind = ch.kind != ChangeKind::changed_and_back ? tr(to_string(ch.kind))
                                 : ch.was_drug_free                      ? tr("revoked, then re-certified")
                                                                         : tr("certified, then revoked");
        loc.rows.push_back({locality_label(ch.locality), kind, events});
    }
    if (c.localities.empty()) loc.notes.push_back(tr("No locality was certified or revoked."));
    Section slipped;
    slipped.title = tr("Planned dates that slipped into overdue");
    slipped.header = {tr("Locality"), tr("Planned")};
    slipped.right = {false, false};
    for (const LocalityRef& ref : c.slipped) slipped.rows.push_back({locality_label(ref), day(ref.planned)});
    if (c.slipped.empty()) slipped.notes.push_back(tr("None."));
    Section moved;
    moved.title = tr("Planned dates moved");
    moved.header = {tr("Locality"), tr("Planned before"), tr("Planned now"), tr("Moved on")};
    moved.right = {false, false, false, false};
    for (const PlanMove& m : c.moved_plans)
        moved.rows.push_back({locality_label(m.locality), human_date(m.from), human_date(m.to), human_date(m.set)});
    if (c.moved_plans.empty()) moved.notes.push_back(tr("None."));
    Section verdicts;
    verdicts.title = tr("Milestones whose verdict changed");
    verdicts.header = {tr("Milestone"), tr("Deadline"),       tr("Before"),
                       tr("After"),     tr("Covered before"), tr("Covered after")};
    verdicts.right = {false, false, false, false, true, true};
    for (const MilestoneChange& m : c.milestones)
        verdicts.rows.push_back({milestone_label(a.report.milestones[m.index], m.index), human_date(m.deadline),
                                 tr(to_string(m.before)), tr(to_string(m.after)), count(m.covered_before),
                                 count(m.covered_after)});
    if (c.milestones.empty()) verdicts.notes.push_back(tr("None."));
    return {loc, slipped, moved, verdicts};
}

Section listing_section(const Analysis& a) {
    const Listing& l = *a.listing;
    Section s;
    s.title = trf("Localities: {} ({})", tr(to_string(l.kind)), count(static_cast<std::int64_t>(l.rows.size())));
    s.header = {tr("Locality"), tr("Id"), tr("Kind")};
    s.right = {false, false, false};
    const bool planned = l.kind == ListKind::uncovered || l.kind == ListKind::overdue || l.kind == ListKind::revoked;
    const bool certified = l.kind == ListKind::covered || l.kind == ListKind::revoked;
    const bool revoked = l.kind == ListKind::revoked;
    // Decisions and plan moves only when some row has one: most plans record neither.
    const bool decision =
        std::any_of(l.rows.begin(), l.rows.end(), [](const ListRow& r) { return !r.decision.empty(); });
    const bool moves = std::any_of(l.rows.begin(), l.rows.end(), [](const ListRow& r) { return r.plan_moves > 0; });
    if (planned) s.header.push_back(tr("Planned"));
    if (certified) s.header.push_back(tr("Certified"));
    if (revoked) s.header.push_back(tr("Revoked"));
    if (decision) s.header.push_back(tr("Decision"));
    s.right.resize(s.header.size(), false);
    if (moves) {
        s.header.push_back(tr("Plan moves"));
        s.right.push_back(true);
    }
    for (const ListRow& r : l.rows) {
        std::vector<std::string> row = {r.name, r.id, r.kind};
        if (planned) row.push_back(day(r.planned));
        if (certified) row.push_back(day(r.certified));
        if (revoked) row.push_back(day(r.revoked));
        if (decision) row.push_back(r.decision);
        if (moves) row.push_back(count(r.plan_moves));
        s.rows.push_back(std::move(row));
    }
    if (l.unlisted > 0)
        s.notes.push_back(trn("And {} unit counted in the total but not listed in the plan.",
                              "And {} units counted in the total but not listed in the plan.",
                              static_cast<std::uint64_t>(l.unlisted), count(l.unlisted)));
    return s;
}

Section explain_section(const Analysis& a) {
    Section s;
    s.title = tr("How each figure is computed");
    s.header = {tr("Figure"), tr("Value"), tr("Formula")};
    s.name_column = std::string::npos;
    s.right = {false, true, false};
    for (const ExplainLine& line : explain_lines(a.report, *a.explanation))
        s.rows.push_back({line.label, line.value, line.formula});
    return s;
}

}  // namespace

std::vector<Section> analysis_sections(const Analysis& a) {
    std::vector<Section> out;
    if (a.league) out.push_back(league_section(*a.league, a.report.milestones));
    if (a.forecast) out.push_back(forecast_section(a));
    for (Section& s : feasibility_sections(a)) out.push_back(std::move(s));
    if (a.breakdown) out.push_back(breakdown_section(a));
    if (a.changes)
        for (Section& s : changes_sections(a)) out.push_back(std::move(s));
    if (a.listing) out.push_back(listing_section(a));
    if (a.explanation) out.push_back(explain_section(a));
    return out;
}

}  // namespace ontrack
