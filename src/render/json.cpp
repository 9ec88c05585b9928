// The json format: one object with stable English keys, for scripts.
#include <variant>

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

// The version of the document's shape (doc/report.schema.json): raised when
// a member changes meaning or is removed, not when one is added.
constexpr int schema_version = 1;

// A text member, null when empty (no id, no kind, no decision, no note).
void write_text_or_null(JsonWriter& w, std::string_view name, const std::string& text) {
    w.key(name);
    if (text.empty())
        w.value(nullptr);
    else
        w.value(text);
}

// The number a decimal worded by compute starts with, as a JSON number
// literal: "3.2", "-0.05"; "36.666..." (a repeating decimal cut short) gives
// "36.666". Empty when the text does not start with one.
std::string_view number_literal(std::string_view text) {
    std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
    const std::size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits) return {};
    if (i + 1 < text.size() && text[i] == '.' && text[i + 1] >= '0' && text[i + 1] <= '9')
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9';) ++i;
    return text.substr(0, i);
}

// A decimal as a JSON number, null when it is none.
void write_decimal_value(JsonWriter& w, std::string_view text) {
    if (const std::string_view number = number_literal(text); !number.empty())
        w.raw(number);
    else
        w.value(nullptr);
}

void write_decimal(JsonWriter& w, std::string_view name, const std::string& text) {
    w.key(name);
    write_decimal_value(w, text);
}

// In a roll-up, the plan that lists a unit: its name and file (as
// parts[i].file is written); nothing for a plan that is no roll-up.
void write_part_of(JsonWriter& w, std::uint32_t part, const std::vector<UnitPart>& parts) {
    if (part == no_part || part >= parts.size()) return;
    w.member("part", parts[part].name);
    w.member("part_file", parts[part].file);
}

// Written piece by piece into one buffer: a plan may list a million of these.
void write_locality(JsonWriter& w, const LocalityRef& ref, const std::vector<UnitPart>& parts) {
    w.begin_object();
    w.member("name", ref.name);
    write_text_or_null(w, "id", ref.id);
    write_text_or_null(w, "kind", ref.kind);
    w.member("planned", ref.planned);
    write_part_of(w, ref.part, parts);
    w.end_object();
}

void write_locality_list(JsonWriter& w, const std::vector<LocalityRef>& refs, const std::vector<UnitPart>& parts,
                         Layout layout = list) {
    w.begin_array(layout);
    for (const LocalityRef& ref : refs) write_locality(w, ref, parts);
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
    if (!r.unit_parts.empty()) bytes += (r.overdue.size() + r.unplanned.size()) * 64;
    return bytes;
}

// A milestone's name (null when it has none) and the label the human
// formats show for it ("Milestone 2" when it has none).
void write_milestone_name(JsonWriter& w, const std::string& name, std::size_t k) {
    write_text_or_null(w, "name", name);
    w.member("label", milestone_label(name, k));  // json is written in English (render())
}

// Judged milestones, as an array.
void write_milestones(JsonWriter& w, const std::vector<MilestoneResult>& milestones, Layout layout = list) {
    w.begin_array(layout);
    for (std::size_t k = 0; k < milestones.size(); ++k) {
        const MilestoneResult& m = milestones[k];
        w.begin_object();
        write_milestone_name(w, m.name, k);
        w.member("deadline", m.deadline);
        w.member("target", to_string(m.target));
        w.member("status", m.upcoming ? "upcoming" : "past");
        w.member("required", m.required);
        w.member("covered", m.covered);
        // Counted by their planned dates: upcoming milestones only.
        w.key("planned");
        if (m.upcoming)
            w.value(m.planned);
        else
            w.value(nullptr);
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
    write_text_or_null(w, "source", r.source);
    write_text_or_null(w, "note", r.note);
    w.member("illustrative", r.illustrative);
    w.member("as_of", r.as_of);
    w.member("total", r.total);
    w.member("listed", r.listed);
    w.member("covered", r.covered);
    w.key("milestones");
    write_milestones(w, r.milestones);
    w.key("overdue");
    write_locality_list(w, r.overdue, r.unit_parts);
    w.member("planned_ahead", r.planned_ahead);
    w.member("uncovered_without_plan", r.no_plan);
    w.member("unlisted", r.unlisted);
    w.key("unplanned");
    write_locality_list(w, r.unplanned, r.unit_parts);
}

// A roll-up's parts, in the league table's order.
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
    write_decimal(w, "pace_per_month", per_month_text(t.pace));
    w.member("progress_rule", progress_rule);
    w.next_starts_with(part_line);
    w.key("milestones");
    w.begin_array(inner_list);
    for (std::size_t k = 0; k < f.milestones.size(); ++k) {
        const MilestoneForecast& m = f.milestones[k];
        w.begin_object();
        write_milestone_name(w, m.name, m.index);
        w.member("deadline", m.deadline);
        w.member("required", m.required);
        w.member("days_left", m.days_left);
        w.member("required_units", m.required_pace.units);
        w.key("required_per_month");
        if (m.due_today)
            w.value(nullptr);
        else
            write_decimal_value(w, per_month_text(m.required_pace));
        w.member("projected", m.projected);
        w.member("reached", m.reached);
        w.key("ratio");
        if (m.nothing_needed)
            w.value(nullptr);
        else
            write_decimal_value(w, ratio_text(m.ratio));
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

void write_breakdown(JsonWriter& w, const Breakdown& b, const Report& r) {
    w.begin_object();
    w.member("field", to_string(b.field));
    w.key("groups");
    w.begin_array(list);
    for (const Group& g : b.groups) {
        w.begin_object();
        write_text_or_null(w, "value", g.value);
        w.member("label", g.label);
        w.member("unlisted", g.unlisted);
        write_part_of(w, g.part, r.unit_parts);
        w.member("count", g.count);
        w.member("drug_free", g.drug_free);
        w.key("milestones");
        w.begin_array();
        for (std::size_t k = 0; k < g.milestones.size(); ++k) {
            const GroupMilestone& m = g.milestones[k];
            w.begin_object();
            w.member("deadline", r.milestones[k].deadline);
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

void write_changes(JsonWriter& w, const Changes& c, const std::vector<UnitPart>& parts) {
    w.begin_object();
    w.member("since", c.since);
    w.member("as_of", c.as_of);
    w.next_starts_with(part_line);
    w.key("localities");
    w.begin_array(inner_list);
    for (const LocalityChange& ch : c.localities) {
        w.begin_object();
        w.member("name", ch.locality.name);
        write_text_or_null(w, "id", ch.locality.id);
        write_part_of(w, ch.locality.part, parts);
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
    write_locality_list(w, c.slipped, parts, inner_list);
    w.next_starts_with(part_line);
    w.key("moved_plans");
    w.begin_array(inner_list);
    for (const PlanMove& m : c.moved_plans) {
        w.begin_object();
        w.member("name", m.locality.name);
        write_text_or_null(w, "id", m.locality.id);
        write_part_of(w, m.locality.part, parts);
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
        write_milestone_name(w, m.name, m.index);
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

void write_listing(JsonWriter& w, const Listing& l, const std::vector<UnitPart>& parts) {
    w.begin_object();
    w.member("kind", to_string(l.kind));
    w.member("unlisted", l.unlisted);
    w.key("rows");
    w.begin_array(list);
    for (const ListRow& r : l.rows) {
        w.begin_object();
        w.member("name", r.name);
        write_text_or_null(w, "id", r.id);
        write_text_or_null(w, "kind", r.kind);
        write_part_of(w, r.part, parts);
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

// The number behind an explained figure's text: its value when that is a
// count, a decimal or a percentage (a share's percentage is its third term);
// null for a day, a verdict or a grade.
void write_number_of(JsonWriter& w, const Explained& e) {
    const Term* t = &e.value;
    if (std::holds_alternative<std::monostate>(*t) && e.figure == Figure::share && e.terms.size() > 2) t = &e.terms[2];
    w.key("number");
    if (const auto* n = std::get_if<std::int64_t>(t))
        w.value(*n);
    else if (const auto* x = std::get_if<Decimal>(t))
        write_decimal_value(w, x->text);
    else if (const auto* p = std::get_if<Percent>(t))
        write_decimal_value(w, to_string(*p));
    else
        w.value(nullptr);
    w.key("date");
    if (const auto* d = std::get_if<Date>(&e.value))
        w.value(*d);
    else
        w.value(nullptr);
}

void write_explanation(JsonWriter& w, const Report& r, const std::vector<Explained>& figures) {
    w.begin_array(list);
    const std::vector<ExplainLine> lines = explain_lines(r, figures);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const ExplainLine& e = lines[k];
        w.begin_object();
        w.member("label", e.label);
        w.key("milestone");
        if (figures[k].milestone)
            w.value(*figures[k].milestone);
        else
            w.value(nullptr);
        w.member("value", e.value);
        write_number_of(w, figures[k]);
        w.member("formula", e.formula);
        w.end_object();
    }
    w.end_array();
}

// One analysis as the document object; each part only when asked for, so
// that the plain report keeps its shape. The version heads a document, not
// each plan of several.
void write_analysis(JsonWriter& w, const Analysis& a, bool versioned) {
    w.begin_object(document);
    if (versioned) w.member("schema_version", schema_version);
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
        write_breakdown(w, *a.breakdown, a.report);
    }
    if (a.changes) {
        w.key("changes");
        write_changes(w, *a.changes, a.report.unit_parts);
    }
    if (a.listing) {
        w.key("list");
        write_listing(w, *a.listing, a.report.unit_parts);
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
    w.member("schema_version", schema_version);
    write_report(w, r);
    w.end_object();
    out += '\n';
    return out;
}

std::string render_json(const Analysis& a) {
    std::string out;
    out.reserve(estimate(a.report));
    JsonWriter w(out);
    write_analysis(w, a, true);
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
    w.member("schema_version", schema_version);
    w.key("plans");
    w.begin_array(lines);
    for (const Analysis& a : analyses) write_analysis(w, a, false);
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
