// The json format: one object with stable English keys, for scripts.
#include "explain.hpp"
#include "json_feasibility.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

using Layout = JsonWriter::Layout;

// The document: one member a line, indented by two.
constexpr Layout document{"\n  ", "\n  ", "\n"};
// A list in the document: one item a line, indented by four.
constexpr Layout list{"\n    ", "\n    ", "\n  "};
// A list inside a part (forecast, changes): one item a line, indented by six.
constexpr Layout inner_list{"\n      ", "\n      ", "\n  "};
// Before a member of a part that starts a line of its own.
constexpr std::string_view part_line = "\n    ";

// A text member, null when empty (no decision, no note).
void write_text_or_null(JsonWriter& w, std::string_view name, const std::string& text) {
    w.key(name);
    if (text.empty())
        w.value(nullptr);
    else
        w.value(text);
}

// Written piece by piece into one buffer: a plan may list a million of these.
void write_locality(JsonWriter& w, const LocalityRef& ref) {
    w.begin_object();
    w.member("name", ref.name);
    w.member("id", ref.id);
    w.member("kind", ref.kind);
    w.member("planned", ref.planned);
    w.end_object();
}

void write_locality_list(JsonWriter& w, const std::vector<LocalityRef>& refs, Layout layout = list) {
    w.begin_array(layout);
    for (const LocalityRef& ref : refs) write_locality(w, ref);
    w.end_array();
}

// Bytes of one locality line, about: for reserving the output once.
std::size_t line_bytes(const LocalityRef& ref) {
    return 64 + ref.name.size() + ref.id.size() + ref.kind.size();
}

// Bytes of a report's document, about: the locality lists make the most.
std::size_t estimate(const Report& r) {
    std::size_t bytes = 4096;
    for (const auto* refs : {&r.overdue, &r.unplanned})
        for (const LocalityRef& ref : *refs) bytes += line_bytes(ref);
    return bytes;
}

// Judged milestones, as an array.
void write_milestones(JsonWriter& w, const std::vector<MilestoneResult>& milestones, Layout layout = list) {
    w.begin_array(layout);
    for (const MilestoneResult& m : milestones) {
        w.begin_object();
        w.member("name", m.name);
        w.member("deadline", m.deadline);
        w.member("target", to_string(m.target));
        w.member("status", m.upcoming ? "upcoming" : "past");
        w.member("required", m.required);
        w.member("covered", m.covered);
        w.member("planned", m.planned);
        w.member("shortfall", m.shortfall);
        w.member("verdict", to_string(m.verdict));
        w.end_object();
    }
    w.end_array();
}

// The report's members, in the document object.
void write_report(JsonWriter& w, const Report& r) {
    w.member("plan", r.plan);
    w.member("file", r.file);
    w.member("source", r.source);
    w.member("note", r.note);
    w.member("illustrative", r.illustrative);
    w.member("as_of", r.as_of);
    w.member("total", r.total);
    w.member("listed", r.listed);
    w.member("covered", r.covered);
    w.key("milestones");
    write_milestones(w, r.milestones);
    w.key("overdue");
    write_locality_list(w, r.overdue);
    w.member("planned_ahead", r.planned_ahead);
    w.member("uncovered_without_plan", static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted);
    w.member("unlisted", r.unlisted);
    w.key("unplanned");
    write_locality_list(w, r.unplanned);
}

// A roll-up's parts (issue 17), in the league table's order.
void write_parts(JsonWriter& w, const League& league, bool forecast = false) {
    w.begin_array(list);
    for (const LeagueRow& row : league.rows) {
        w.begin_object();
        w.member("plan", row.name);
        w.member("file", row.file);
        w.member("total", row.total);
        w.member("covered", row.covered);
        if (row.by_next) w.member("expected_by_next_deadline", *row.by_next);
        w.key("shortfall_at_share");
        if (row.shortfall_at_share)
            w.value(*row.shortfall_at_share);
        else
            w.value(nullptr);
        w.next_starts_with(part_line);
        w.key("milestones");
        write_milestones(w, row.own, inner_list);
        w.next_starts_with(part_line);
        w.key("shortfall_shares");
        w.begin_array();
        for (std::int64_t s : row.shares) w.value(s);
        w.end_array();
        if (forecast) {
            w.next_starts_with(part_line);
            w.key("forecast");
            write_part_forecast(w, row.forecast);
        }
        w.end_object();
    }
    w.end_array();
}

void write_forecast(JsonWriter& w, const Analysis& a) {
    const Forecast& f = *a.forecast;
    const Trend& t = f.trend;
    w.begin_object();
    w.member("window_months", t.window_months);
    w.member("window_start", t.window_start);
    w.member("baseline", t.baseline);
    w.member("covered", t.covered);
    w.member("pace_units", t.pace.units);
    w.member("pace_days", t.pace.days);
    w.member("pace_per_month", per_month_text(t.pace));
    w.member("progress_rule", progress_rule);
    w.next_starts_with(part_line);
    w.key("milestones");
    w.begin_array(inner_list);
    for (std::size_t k = 0; k < f.milestones.size(); ++k) {
        const MilestoneForecast& m = f.milestones[k];
        w.begin_object();
        w.member("name", m.name);
        w.member("deadline", m.deadline);
        w.member("required", m.required);
        w.member("days_left", m.days_left);
        w.member("required_units", m.required_pace.units);
        w.key("required_per_month");
        if (m.due_today)
            w.value(nullptr);
        else
            w.value(per_month_text(m.required_pace));
        w.member("projected", m.projected);
        w.member("reached", m.reached);
        w.key("ratio");
        if (m.nothing_needed)
            w.value(nullptr);
        else
            w.value(ratio_text(m.ratio));
        w.member("progress", to_string(m.progress));
        if (a.feasibility) write_milestone_outlook(w, a.feasibility->milestones[k]);
        w.end_object();
    }
    w.end_array();
    w.next_starts_with(part_line);
    w.key("buffer");
    if (!f.buffer) {
        w.value(nullptr);
    } else {
        const SafetyBuffer& b = *f.buffer;
        const bool safe = b.state == SafetyBuffer::State::safe;
        w.begin_object();
        w.member("start", b.start);
        w.member("start_source", b.start_from_events ? "earliest_event" : "plan");
        w.member("state", safe ? "safe" : b.state == SafetyBuffer::State::below ? "below" : "clear");
        w.member("days", b.days);
        w.member("until", safe ? std::optional<Date>(b.until) : std::nullopt);
        w.member("units", b.units);
        w.member("text", buffer_text(b));
        w.end_object();
    }
    if (a.feasibility) {
        w.next_starts_with(part_line);
        write_feasibility(w, f, *a.feasibility, a.schedule);
    }
    w.end_object();
}

void write_breakdown(JsonWriter& w, const Breakdown& b) {
    w.begin_object();
    w.member("field", to_string(b.field));
    w.key("groups");
    w.begin_array(list);
    for (const Group& g : b.groups) {
        w.begin_object();
        w.member("value", g.value);
        w.member("label", g.label);
        w.member("unlisted", g.unlisted);
        w.member("count", g.count);
        w.member("drug_free", g.drug_free);
        w.key("milestones");
        w.begin_array();
        for (const GroupMilestone& m : g.milestones) {
            w.begin_object();
            w.member("covered", m.covered);
            w.member("uncovered", m.uncovered);
            w.member("shortfall_share", m.share);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_changes(JsonWriter& w, const Changes& c) {
    w.begin_object();
    w.member("since", c.since);
    w.member("as_of", c.as_of);
    w.next_starts_with(part_line);
    w.key("localities");
    w.begin_array(inner_list);
    for (const LocalityChange& ch : c.localities) {
        w.begin_object();
        w.member("name", ch.locality.name);
        w.member("id", ch.locality.id);
        w.member("change", to_string(ch.kind));
        w.key("events");
        w.begin_array();
        for (const auto& e : ch.events) {
            w.begin_object();
            w.member("event", e.kind == EventKind::certified ? "certified" : "revoked");
            w.member("date", e.date);
            write_text_or_null(w, "decision", e.decision());
            write_text_or_null(w, "note", e.note());
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.next_starts_with(part_line);
    w.key("slipped");
    write_locality_list(w, c.slipped, inner_list);
    w.next_starts_with(part_line);
    w.key("moved_plans");
    w.begin_array(inner_list);
    for (const PlanMove& m : c.moved_plans) {
        w.begin_object();
        w.member("name", m.locality.name);
        w.member("id", m.locality.id);
        w.member("from", m.from);
        w.member("to", m.to);
        w.member("set", m.set);
        write_text_or_null(w, "note", m.note);
        w.end_object();
    }
    w.end_array();
    w.next_starts_with(part_line);
    w.key("milestones");
    w.begin_array(inner_list);
    for (const MilestoneChange& m : c.milestones) {
        w.begin_object();
        w.member("name", m.name);
        w.member("deadline", m.deadline);
        w.member("before", to_string(m.before));
        w.member("after", to_string(m.after));
        w.member("covered_before", m.covered_before);
        w.member("covered_after", m.covered_after);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_listing(JsonWriter& w, const Listing& l) {
    w.begin_object();
    w.member("kind", to_string(l.kind));
    w.member("unlisted", l.unlisted);
    w.key("rows");
    w.begin_array(list);
    for (const ListRow& r : l.rows) {
        w.begin_object();
        w.member("name", r.name);
        w.member("id", r.id);
        w.member("kind", r.kind);
        w.member("planned", r.planned);
        w.member("certified", r.certified);
        w.member("revoked", r.revoked);
        write_text_or_null(w, "decision", r.decision);
        write_text_or_null(w, "note", r.note);
        w.member("plan_moves", r.plan_moves);
        w.key("planned_history");
        w.begin_array();
        for (const PlannedEntry& p : r.planned_history) {
            w.begin_object();
            w.member("date", p.date);
            w.member("set", p.set);
            write_text_or_null(w, "note", p.note);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_explanation(JsonWriter& w, const Report& r, const std::vector<Explained>& figures) {
    w.begin_array(list);
    for (const ExplainLine& e : explain_lines(r, figures)) {
        w.begin_object();
        w.member("label", e.label);
        w.member("value", e.value);
        w.member("formula", e.formula);
        w.end_object();
    }
    w.end_array();
}

// One analysis as the document object; each part only when asked for, so
// that the plain report keeps its shape.
void write_analysis(JsonWriter& w, const Analysis& a) {
    w.begin_object(document);
    write_report(w, a.report);
    if (a.league) {
        w.member("parts_sort", league_sort_names[static_cast<int>(a.league->sort)]);
        w.key("parts");
        write_parts(w, *a.league, a.forecast.has_value());
    }
    if (a.forecast) {
        w.key("forecast");
        write_forecast(w, a);
    }
    if (a.breakdown) {
        w.key("breakdown");
        write_breakdown(w, *a.breakdown);
    }
    if (a.changes) {
        w.key("changes");
        write_changes(w, *a.changes);
    }
    if (a.listing) {
        w.key("list");
        write_listing(w, *a.listing);
    }
    if (a.explanation) {
        w.key("explain");
        write_explanation(w, a.report, *a.explanation);
    }
    w.end_object();
}

}  // namespace

std::string render_json(const Report& r) {
    std::string out;
    out.reserve(estimate(r));
    JsonWriter w(out);
    w.begin_object(document);
    write_report(w, r);
    w.end_object();
    out += '\n';
    return out;
}

std::string render_json(const Analysis& a) {
    std::string out;
    out.reserve(estimate(a.report));
    JsonWriter w(out);
    write_analysis(w, a);
    out += '\n';
    return out;
}

std::string render_json_many(const std::vector<Analysis>& analyses, const Rollup& rollup, const League& league) {
    std::size_t bytes = 1024;
    for (const Analysis& a : analyses) bytes += estimate(a.report);
    std::string out;
    out.reserve(bytes);
    JsonWriter w(out);
    constexpr Layout lines{"\n", "\n", "\n"};
    w.begin_object(lines);
    w.key("plans");
    w.begin_array(lines);
    for (const Analysis& a : analyses) write_analysis(w, a);
    w.end_array();
    w.key("rollup");
    w.begin_object();
    w.member("plans", rollup.plans);
    w.member("total", rollup.total);
    w.member("covered", rollup.covered);
    w.member("milestones", rollup.milestones);
    w.member("milestones_missed_or_behind", rollup.milestones_bad);
    w.member("plans_missed_or_behind", rollup.plans_bad);
    w.member("parts_sort", league_sort_names[static_cast<int>(league.sort)]);
    w.key("parts");
    write_parts(w, league);
    w.end_object();
    w.end_object();
    out += '\n';
    return out;
}

}  // namespace ontrack
