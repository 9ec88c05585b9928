#include "document_tables.hpp"

#include <algorithm>

#include "explain.hpp"
#include "feasibility_words.hpp"
#include "unicode.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

// |n|, for choosing a plural form: "-1 net unit".
std::uint64_t magnitude_of(std::int64_t n) {
    return n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

Table forecast_table(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const Forecast& f = *a.forecast;
    const Trend& tr = f.trend;
    Table t;
    t.id = "forecast";
    t.sheet = w.tr("Forecast");
    t.title = w.tr("Pace and forecast");
    t.columns = {{w.tr("Milestone"), ColumnKind::name},
                 {w.tr("Deadline"), ColumnKind::date},
                 {w.tr("Needed/month"), ColumnKind::decimal},
                 {w.tr("Achieved/month"), ColumnKind::decimal},
                 {w.tr("Projected"), ColumnKind::count},
                 {w.tr("Reached on"), ColumnKind::date},
                 {"R", ColumnKind::decimal},
                 {w.tr("Progress"), ColumnKind::verdict}};
    for (const MilestoneForecast& m : f.milestones) {
        Cell reached = date_cell(m.reached, lang);
        if (!m.reached) reached.text = m.reached_after_calendar ? w.tr("after 9999") : w.tr("never");
        t.add({text_cell(milestone_label(w, a.report.milestones[m.index], m.index)), date_cell(m.deadline, lang),
               m.due_today ? text_cell(w.tr("due today")) : decimal_cell(per_month_text(m.required_pace), lang),
               decimal_cell(per_month_text(f.pace), lang), count_cell(m.projected, lang), std::move(reached),
               m.nothing_needed ? text_cell("-") : decimal_cell(ratio_text(m.ratio), lang),
               verdict_cell(progress_word(w, m.progress), m.progress == Progress::on_track)});
    }
    if (f.milestones.empty()) t.notes.push_back(w.tr("No milestone is still ahead."));
    if (f.assumed) t.notes.push_back(assumed_pace_sentence(f));
    t.notes.push_back(
        w.trf("Achieved pace: {} in the {} from {} to {} ({} to {} drug-free).",
              w.trn("{} net unit", "{} net units", magnitude_of(tr.pace.units), w.count(tr.pace.units)),
              w.trn("{} month", "{} months", static_cast<std::uint64_t>(tr.window_months), tr.window_months),
              w.date(tr.window_start), w.date(tr.as_of), w.count(tr.baseline), w.count(tr.covered)));
    t.notes.push_back(w.tr(progress_rule));
    t.notes.push_back(w.tr("The forecast extrapolates the recent pace; the verdicts above follow the plan's dates."));
    for (const MilestoneForecast& m : f.milestones) {
        const MilestoneResult& r = a.report.milestones[m.index];
        const std::string label = milestone_label(w, r, m.index);
        const bool forecast_good = m.progress == Progress::on_track;
        if (r.verdict == Verdict::on_track && !forecast_good)
            t.notes.push_back(w.trf(
                "{}: {} by the plan's dates, but at the recent pace {} of the {} required by the deadline ({}).", label,
                w.tr(to_string(r.verdict)), w.count(m.projected), w.count(m.required), progress_word(w, m.progress)));
        else if (r.verdict == Verdict::behind && forecast_good)
            t.notes.push_back(
                w.trf("{}: {} by the plan's dates, but the recent pace would reach {} of the {} required by the "
                      "deadline ({}).",
                      label, w.tr(to_string(r.verdict)), w.count(m.projected), w.count(m.required),
                      progress_word(w, m.progress)));
    }
    if (f.buffer && f.buffer->start_from_events)
        t.notes.push_back(
            w.trf("Safety buffer against the straight path from {} (the first recorded event; the plan gives no "
                  "start): {}.",
                  w.date(f.buffer->start), w.tr(buffer_text(*f.buffer).c_str())));
    else if (f.buffer)
        t.notes.push_back(w.trf("Safety buffer against the straight path from {}: {}.", w.date(f.buffer->start),
                                w.tr(buffer_text(*f.buffer).c_str())));
    return t;
}

Table breakdown_table(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const Breakdown& b = *a.breakdown;
    Table t;
    t.id = "breakdown";
    t.sheet = w.tr("Breakdown");
    t.title = w.trf("By {}", w.tr(to_string(b.field)));
    t.columns = {{capitalise_first(w.tr(to_string(b.field))), ColumnKind::name},
                 {w.tr("Units"), ColumnKind::count},
                 {w.tr("Drug-free"), ColumnKind::count}};
    for (const MilestoneResult& m : a.report.milestones) {
        const std::string deadline = w.date(m.deadline);
        t.columns.push_back({w.tr("covered or expected"), ColumnKind::count, deadline});
        t.columns.push_back({w.tr("shortfall share"), ColumnKind::count, deadline});
    }
    for (const Group& g : b.groups) {
        // Only the groups ontrack names ("(no kind)", "(not listed)") are words to translate.
        const bool named = g.unlisted || g.value.empty();
        std::vector<Cell> row = {text_cell(named ? w.tr(g.label.c_str()) : g.label), count_cell(g.count, lang),
                                 count_cell(g.drug_free, lang)};
        for (const GroupMilestone& gm : g.milestones) {
            row.push_back(count_cell(gm.covered, lang));
            row.push_back(count_cell(gm.share, lang));
        }
        t.add(std::move(row));
    }
    t.notes.push_back(
        w.tr("Each milestone's shortfall is shared in proportion to the units each group has not "
             "covered by the deadline (largest remainders); the shares add up to the shortfall."));
    return t;
}

// "certified 05/01/2026 (decision 12/QĐ)" for each event of a change.
std::string events_text(const std::vector<Event>& events, const Words& w) {
    std::string out;
    for (const Event& e : events)
        out += (out.empty() ? "" : ", ") +
               w.trf(e.kind == EventKind::certified ? "certified {}" : N_("revoked {}"), w.date(e.date)) +
               decision_suffix(w, e.decision());
    return out;
}

std::vector<Table> changes_tables(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const Changes& c = *a.changes;
    Table loc;
    loc.sheet = w.tr("Changes");
    loc.id = "changes";
    loc.title = w.trf("Changes from {} to {}", w.date(c.since), w.date(c.as_of));
    loc.columns = {
        {w.tr("Locality"), ColumnKind::name}, {w.tr("Change"), ColumnKind::text}, {w.tr("Events"), ColumnKind::text}};
    for (const LocalityChange& ch : c.localities) {
        const std::string kind = ch.kind != ChangeKind::changed_and_back ? w.tr(to_string(ch.kind))
                                 : ch.was_drug_free                      ? w.tr("revoked, then re-certified")
                                                                         : w.tr("certified, then revoked");
        loc.add({text_cell(locality_label(ch.locality)), text_cell(kind), text_cell(events_text(ch.events, w))});
    }
    loc.empty = w.tr("No locality was certified or revoked.");
    Table slipped;
    slipped.sheet = w.tr("Changes");
    slipped.id = "slipped";
    slipped.title = w.tr("Planned dates that slipped into overdue");
    slipped.columns = {{w.tr("Locality"), ColumnKind::name}, {w.tr("Planned"), ColumnKind::date}};
    for (const LocalityRef& ref : c.slipped)
        slipped.add({text_cell(locality_label(ref)), date_cell(ref.planned, lang)});
    slipped.empty = w.tr("None.");
    Table moved;
    moved.sheet = w.tr("Changes");
    moved.id = "moved";
    moved.title = w.tr("Planned dates moved");
    moved.columns = {{w.tr("Locality"), ColumnKind::name},
                     {w.tr("Planned before"), ColumnKind::date},
                     {w.tr("Planned now"), ColumnKind::date},
                     {w.tr("Moved on"), ColumnKind::date}};
    for (const PlanMove& m : c.moved_plans)
        moved.add({text_cell(locality_label(m.locality)), date_cell(m.from, lang), date_cell(m.to, lang),
                   date_cell(m.set, lang)});
    moved.empty = w.tr("None.");
    Table verdicts;
    verdicts.sheet = w.tr("Changes");
    verdicts.id = "verdicts";
    verdicts.title = w.tr("Milestones whose verdict changed");
    verdicts.columns = {{w.tr("Milestone"), ColumnKind::name},       {w.tr("Deadline"), ColumnKind::date},
                        {w.tr("Before"), ColumnKind::verdict},       {w.tr("After"), ColumnKind::verdict},
                        {w.tr("Covered before"), ColumnKind::count}, {w.tr("Covered after"), ColumnKind::count}};
    for (const MilestoneChange& m : c.milestones)
        verdicts.add({text_cell(milestone_label(w, a.report.milestones[m.index], m.index)), date_cell(m.deadline, lang),
                      verdict_cell(w.tr(to_string(m.before)), is_good(m.before)),
                      verdict_cell(w.tr(to_string(m.after)), is_good(m.after)), count_cell(m.covered_before, lang),
                      count_cell(m.covered_after, lang)});
    verdicts.empty = w.tr("None.");
    return {loc, slipped, moved, verdicts};
}

// "12/QĐ-UBND (revocation of 05/01/2026)": a decision says which event it is.
std::string decision_text(const ListRow& r, const Words& w) {
    if (r.decision.empty()) return {};
    return r.event_kind == EventKind::revoked ? w.trf("{} (revocation of {})", r.decision, w.date(r.event_date))
                                              : w.trf("{} (certification of {})", r.decision, w.date(r.event_date));
}

Table listing_table(const Analysis& a, const Words& w) {
    const Lang lang = w.lang();
    const Listing& l = *a.listing;
    Table t;
    t.id = "list";
    t.sheet = capitalise_first(w.tr(to_string(l.kind)));
    t.title = w.trf("Localities: {} ({})", w.tr(to_string(l.kind)), w.count(static_cast<std::int64_t>(l.rows.size())));
    t.columns = {
        {w.tr("Locality"), ColumnKind::name}, {w.tr("Id"), ColumnKind::text}, {w.tr("Kind"), ColumnKind::text}};
    const bool planned = l.kind == ListKind::uncovered || l.kind == ListKind::overdue || l.kind == ListKind::revoked;
    const bool certified = l.kind == ListKind::covered || l.kind == ListKind::revoked;
    const bool revoked = l.kind == ListKind::revoked;
    // Decisions and plan moves only when some row has one: most plans record neither.
    const bool decision =
        std::any_of(l.rows.begin(), l.rows.end(), [](const ListRow& r) { return !r.decision.empty(); });
    const bool moves = std::any_of(l.rows.begin(), l.rows.end(), [](const ListRow& r) { return r.plan_moves > 0; });
    if (planned) t.columns.push_back({w.tr("Planned"), ColumnKind::date});
    if (certified) t.columns.push_back({w.tr("Certified"), ColumnKind::date});
    if (revoked) t.columns.push_back({w.tr("Revoked"), ColumnKind::date});
    if (decision) t.columns.push_back({w.tr("Decision"), ColumnKind::text});
    if (moves) t.columns.push_back({w.tr("Plan moves"), ColumnKind::count});
    for (const ListRow& r : l.rows) {
        std::vector<Cell> row = {text_cell(r.name), text_cell(r.id), text_cell(r.kind)};
        if (planned) row.push_back(date_cell(r.planned, lang));
        if (certified) row.push_back(date_cell(r.certified, lang));
        if (revoked) row.push_back(date_cell(r.revoked, lang));
        if (decision) row.push_back(text_cell(decision_text(r, w)));
        if (moves) row.push_back(count_cell(r.plan_moves, lang));
        t.add(std::move(row));
    }
    if (l.unlisted > 0)
        t.notes.push_back(w.trn("And {} unit counted in the total but not listed in the plan.",
                                "And {} units counted in the total but not listed in the plan.",
                                static_cast<std::uint64_t>(l.unlisted), w.count(l.unlisted)));
    return t;
}

Table explain_table(const Analysis& a, const Words& w) {
    Table t;
    t.id = "explain";
    t.sheet = w.tr("Explanation");
    t.title = w.tr("How each figure is computed");
    t.columns = {
        {w.tr("Figure"), ColumnKind::text}, {w.tr("Value"), ColumnKind::decimal}, {w.tr("Formula"), ColumnKind::text}};
    for (const ExplainLine& line : explain_lines(a.report, *a.explanation))
        t.add({text_cell(line.label), text_cell(line.value), text_cell(line.formula)});
    return t;
}

}  // namespace

Table league_table(const League& league, const std::vector<MilestoneResult>& rollup, const Words& w) {
    const Lang lang = w.lang();
    const Cell none = text_cell("—");
    Table t;
    t.id = "league";
    t.sheet = w.tr("Parts");
    t.title = w.tr("Parts");
    t.columns = {{w.tr("Part"), ColumnKind::name},
                 {w.tr("Units"), ColumnKind::count},
                 {w.tr("Drug-free"), ColumnKind::count},
                 {w.tr("Share"), ColumnKind::percent}};
    const bool by_next = league.next && rollup[*league.next].upcoming;
    if (by_next)
        t.columns.push_back({w.trf("Expected by {}", w.date(rollup[*league.next].deadline)), ColumnKind::count});
    if (league.next)
        t.columns.push_back(
            {w.trf("Shortfall at the {} share", w.date(rollup[*league.next].deadline)), ColumnKind::count});
    t.columns.push_back({w.tr("Own next milestone"), ColumnKind::text});
    t.columns.push_back({w.tr("Verdict"), ColumnKind::verdict});
    t.columns.push_back({w.tr("Shortfall"), ColumnKind::count});
    for (const MilestoneResult& m : rollup)
        t.columns.push_back({w.trf("Share of the {} shortfall", w.date(m.deadline)), ColumnKind::count});
    for (const LeagueRow& r : league.rows) {
        std::vector<Cell> row = {text_cell(r.name.empty() ? r.file : r.name), count_cell(r.total, lang),
                                 count_cell(r.covered, lang), percent_cell(r.covered, r.total, lang)};
        if (by_next) row.push_back(r.by_next ? count_cell(*r.by_next, lang) : none);
        if (league.next) row.push_back(r.shortfall_at_share ? count_cell(*r.shortfall_at_share, lang) : none);
        if (r.own_next) {
            const MilestoneResult& m = *r.own_next;
            row.push_back(text_cell(w.trf("{} ({})", w.date(m.deadline), w.count(m.required))));
            row.push_back(verdict_cell(w.tr(to_string(m.verdict)), is_good(m.verdict)));
            row.push_back(count_cell(m.shortfall, lang));
        } else {
            row.insert(row.end(), {none, none, none});
        }
        for (std::int64_t share : r.shares) row.push_back(count_cell(share, lang));
        t.add(std::move(row));
    }
    if (!rollup.empty())
        t.notes.push_back(
            w.tr("Each roll-up milestone's shortfall is shared among the parts in proportion to the units each has "
                 "not covered by the deadline (largest remainders); the shares add up to the shortfall."));
    if (league.next)
        t.notes.push_back(
            w.trf("Shortfall at the {} share: the roll-up's target of that date applied to the part's units, minus "
                  "the units the part expects by then; 0 when the part is already at or above its share.",
                  w.date(rollup[*league.next].deadline)));
    if (league.sort == LeagueSort::order)
        t.notes.push_back(w.tr("In the order of the roll-up's parts."));
    else if (league.sort == LeagueSort::coverage || !league.next)
        t.notes.push_back(w.tr("Sorted by share drug-free, lowest first."));
    else
        t.notes.push_back(
            w.trf("Sorted by the shortfall at the {} share, largest first, then by share drug-free, lowest first.",
                  w.date(rollup[*league.next].deadline)));
    t.notes.push_back(
        w.tr("Own next milestone: the part's first milestone not yet due (else its last), with the units it "
             "requires; — when the part has none."));
    return t;
}

std::vector<Table> analysis_tables(const Analysis& a, const Words& w) {
    std::vector<Table> out;
    if (a.league) out.push_back(league_table(*a.league, a.report.milestones, w));
    if (a.forecast) out.push_back(forecast_table(a, w));
    for (Table& t : feasibility_tables(a, w)) out.push_back(std::move(t));
    if (a.breakdown) out.push_back(breakdown_table(a, w));
    if (a.changes)
        for (Table& t : changes_tables(a, w)) out.push_back(std::move(t));
    if (a.listing) out.push_back(listing_table(a, w));
    if (a.explanation) out.push_back(explain_table(a, w));
    return out;
}

}  // namespace ontrack
