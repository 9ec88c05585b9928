// The json format: one object with stable English keys, for scripts.
#include <fmt/format.h>

#include "../utf8.hpp"
#include "explain.hpp"
#include "render.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

// A JSON string literal appended to `out`. The text is valid UTF-8 (the
// loader checked); control characters and the JavaScript line separators are
// escaped. Bytes are copied in runs without decoding code points.
void append_quoted(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto byte = static_cast<unsigned char>(s[i]);
        const char* escape = nullptr;
        std::size_t length = 1;
        if (byte >= 0x80) {
            // Valid UTF-8: only U+2028 and U+2029 (E2 80 A8/A9) need escaping.
            if (byte != 0xE2 || i + 2 >= s.size() || static_cast<unsigned char>(s[i + 1]) != 0x80) continue;
            const auto last = static_cast<unsigned char>(s[i + 2]);
            if (last != 0xA8 && last != 0xA9) continue;
            escape = last == 0xA8 ? "\\u2028" : "\\u2029";
            length = 3;
        } else if (byte >= 0x20 && byte != '"' && byte != '\\' && byte != 0x7F) {
            continue;
        }
        out.append(s.substr(run, i - run));
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out += escape ? std::string(escape) : fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
        }
        i += length - 1;
        run = i + 1;
    }
    out.append(s.substr(run));
    out += '"';
}

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_quoted(out, s);
    return out;
}

// Appended piece by piece into one buffer: a plan may list a million of these.
void append_locality(std::string& out, const LocalityRef& ref) {
    out += "{\"name\": ";
    append_quoted(out, ref.name);
    out += ", \"id\": ";
    append_quoted(out, ref.id);
    out += ", \"kind\": ";
    append_quoted(out, ref.kind);
    out += ", \"planned\": ";
    if (ref.planned) {
        out += '"';
        out += to_iso(*ref.planned);
        out += '"';
    } else {
        out += "null";
    }
    out += '}';
}

std::string locality_json(const LocalityRef& ref) {
    std::string out;
    append_locality(out, ref);
    return out;
}

// A list of localities appended to `out`: a million lines are written once,
// not built apart and copied in.
void append_locality_list(std::string& out, const std::vector<LocalityRef>& refs) {
    if (refs.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    for (std::size_t k = 0; k < refs.size(); ++k) {
        out += "    ";
        append_locality(out, refs[k]);
        out += k + 1 < refs.size() ? ",\n" : "\n";
    }
    out += "  ]";
}

// Bytes of one locality line, about: for reserving the output once.
std::size_t line_bytes(const LocalityRef& ref) {
    return 64 + ref.name.size() + ref.id.size() + ref.kind.size();
}

}  // namespace

std::string render_json(const Report& r) {
    std::string out = "{\n";
    std::size_t estimate = 4096;
    for (const auto* list : {&r.overdue, &r.unplanned})
        for (const LocalityRef& ref : *list) estimate += line_bytes(ref);
    out.reserve(estimate);
    auto field = [&](std::string_view key, const std::string& value) {
        out += fmt::format("  \"{}\": {},\n", key, value);
    };
    field("plan", quote(r.plan));
    field("file", quote(r.file));
    field("source", quote(r.source));
    field("note", quote(r.note));
    field("illustrative", r.illustrative ? "true" : "false");
    field("as_of", quote(to_iso(r.as_of)));
    field("total", fmt::format("{}", r.total));
    field("listed", fmt::format("{}", r.listed));
    field("covered", fmt::format("{}", r.covered));
    std::string milestones = "[";
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        milestones += fmt::format(
            "{}\n    {{\"name\": {}, \"deadline\": {}, \"target\": {}, \"status\": {}, \"required\": {}, "
            "\"covered\": {}, \"planned\": {}, \"shortfall\": {}, \"verdict\": {}}}",
            k ? "," : "", quote(m.name), quote(to_iso(m.deadline)), quote(to_string(m.target)),
            m.upcoming ? "\"upcoming\"" : "\"past\"", m.required, m.covered, m.planned, m.shortfall,
            quote(to_string(m.verdict)));
    }
    milestones += r.milestones.empty() ? "]" : "\n  ]";
    field("milestones", milestones);
    out += "  \"overdue\": ";
    append_locality_list(out, r.overdue);
    out += ",\n";
    field("planned_ahead", fmt::format("{}", r.planned_ahead));
    field("uncovered_without_plan", fmt::format("{}", static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted));
    field("unlisted", fmt::format("{}", r.unlisted));
    out += "  \"unplanned\": ";
    append_locality_list(out, r.unplanned);
    out += "\n}\n";
    return out;
}

namespace {

std::string date_or_null(const std::optional<Date>& d) {
    return d ? quote(to_iso(*d)) : "null";
}

template <typename T, typename F>
std::string array_of(const std::vector<T>& items, F&& one, const char* indent = "    ") {
    if (items.empty()) return "[]";
    std::string out = "[";
    for (std::size_t k = 0; k < items.size(); ++k) out += fmt::format("{}\n{}{}", k ? "," : "", indent, one(items[k]));
    return out + "\n  ]";
}

std::string forecast_json(const Forecast& f) {
    const Trend& t = f.trend;
    std::string out = fmt::format(
        "{{\"window_months\": {}, \"window_start\": {}, \"baseline\": {}, \"covered\": {}, \"pace_units\": {}, "
        "\"pace_days\": {}, \"pace_per_month\": {}, \"progress_rule\": {},\n    \"milestones\": ",
        t.window_months, quote(to_iso(t.window_start)), t.baseline, t.covered, t.pace.units, t.pace.days,
        quote(per_month_text(t.pace)), quote(progress_rule));
    out += array_of(
        f.milestones,
        [](const MilestoneForecast& m) {
            return fmt::format(
                "{{\"name\": {}, \"deadline\": {}, \"required\": {}, \"days_left\": {}, \"required_units\": {}, "
                "\"required_per_month\": {}, \"projected\": {}, \"reached\": {}, \"ratio\": {}, \"progress\": {}}}",
                quote(m.name), quote(to_iso(m.deadline)), m.required, m.days_left, m.required_pace.units,
                m.due_today ? "null" : quote(per_month_text(m.required_pace)), m.projected, date_or_null(m.reached),
                m.nothing_needed ? "null" : quote(ratio_text(m.ratio)), quote(to_string(m.progress)));
        },
        "      ");
    out += ",\n    \"buffer\": ";
    if (!f.buffer) return out + "null}";
    const SafetyBuffer& b = *f.buffer;
    const char* state = b.state == SafetyBuffer::State::safe    ? "safe"
                        : b.state == SafetyBuffer::State::below ? "below"
                                                                : "clear";
    return out + fmt::format(
                     "{{\"start\": {}, \"state\": \"{}\", \"days\": {}, \"until\": {}, \"units\": {}, \"text\": {}}}}}",
                     quote(to_iso(b.start)), state, b.days,
                     b.state == SafetyBuffer::State::safe ? quote(to_iso(b.until)) : "null", b.units,
                     quote(buffer_text(b)));
}

std::string breakdown_json(const Breakdown& b) {
    return fmt::format(
        "{{\"field\": {}, \"groups\": {}}}", quote(to_string(b.field)), array_of(b.groups, [](const Group& g) {
            std::string ms = "[";
            for (std::size_t k = 0; k < g.milestones.size(); ++k)
                ms += fmt::format("{}{{\"covered\": {}, \"uncovered\": {}, \"shortfall_share\": {}}}", k ? ", " : "",
                                  g.milestones[k].covered, g.milestones[k].uncovered, g.milestones[k].share);
            return fmt::format(
                "{{\"value\": {}, \"label\": {}, \"unlisted\": {}, \"count\": {}, \"drug_free\": {}, "
                "\"milestones\": {}]}}",
                quote(g.value), quote(g.label), g.unlisted ? "true" : "false", g.count, g.drug_free, ms);
        }));
}

std::string changes_json(const Changes& c) {
    std::string out = fmt::format("{{\"since\": {}, \"as_of\": {},\n    \"localities\": ", quote(to_iso(c.since)),
                                  quote(to_iso(c.as_of)));
    out += array_of(
        c.localities,
        [](const LocalityChange& ch) {
            std::string events = "[";
            for (std::size_t k = 0; k < ch.events.size(); ++k)
                events += fmt::format("{}{{\"event\": \"{}\", \"date\": {}}}", k ? ", " : "",
                                      ch.events[k].kind == EventKind::certified ? "certified" : "revoked",
                                      quote(to_iso(ch.events[k].date)));
            return fmt::format("{{\"name\": {}, \"id\": {}, \"change\": {}, \"events\": {}]}}", quote(ch.locality.name),
                               quote(ch.locality.id), quote(to_string(ch.kind)), events);
        },
        "      ");
    out += ",\n    \"slipped\": " + array_of(c.slipped, locality_json, "      ");
    out += ",\n    \"milestones\": " +
           array_of(
               c.milestones,
               [](const MilestoneChange& m) {
                   return fmt::format(
                       "{{\"name\": {}, \"deadline\": {}, \"before\": {}, \"after\": {}, \"covered_before\": {}, "
                       "\"covered_after\": {}}}",
                       quote(m.name), quote(to_iso(m.deadline)), quote(to_string(m.before)), quote(to_string(m.after)),
                       m.covered_before, m.covered_after);
               },
               "      ");
    return out + "}";
}

std::string listing_json(const Listing& l) {
    return fmt::format("{{\"kind\": {}, \"unlisted\": {}, \"rows\": {}}}", quote(to_string(l.kind)), l.unlisted,
                       array_of(l.rows, [](const ListRow& r) {
                           return fmt::format(
                               "{{\"name\": {}, \"id\": {}, \"kind\": {}, \"planned\": {}, "
                               "\"certified\": {}, \"revoked\": {}}}",
                               quote(r.name), quote(r.id), quote(r.kind), date_or_null(r.planned),
                               date_or_null(r.certified), date_or_null(r.revoked));
                       }));
}

}  // namespace

std::string render_json(const Analysis& a) {
    std::string out = render_json(a.report);
    out.resize(out.size() - 3);  // "\n}\n"
    // Each part only when asked for, so that the plain report keeps its shape.
    if (a.forecast) out += ",\n  \"forecast\": " + forecast_json(*a.forecast);
    if (a.breakdown) out += ",\n  \"breakdown\": " + breakdown_json(*a.breakdown);
    if (a.changes) out += ",\n  \"changes\": " + changes_json(*a.changes);
    if (a.listing) out += ",\n  \"list\": " + listing_json(*a.listing);
    if (a.explanation)
        out += ",\n  \"explain\": " + array_of(explain_lines(a.report, *a.explanation), [](const ExplainLine& e) {
                   return fmt::format("{{\"label\": {}, \"value\": {}, \"formula\": {}}}", quote(e.label),
                                      quote(e.value), quote(e.formula));
               });
    return out + "\n}\n";
}

std::string render_json_many(const std::vector<Analysis>& analyses, const Rollup& rollup) {
    std::string out = "{\n\"plans\": [\n";
    for (std::size_t k = 0; k < analyses.size(); ++k) {
        std::string one = render_json(analyses[k]);
        one.pop_back();  // the newline
        out += one + (k + 1 < analyses.size() ? ",\n" : "\n");
    }
    out += fmt::format(
        "],\n\"rollup\": {{\"plans\": {}, \"total\": {}, \"covered\": {}, \"milestones\": {}, "
        "\"milestones_missed_or_behind\": {}, \"plans_missed_or_behind\": {}}}\n}}\n",
        rollup.plans, rollup.total, rollup.covered, rollup.milestones, rollup.milestones_bad, rollup.plans_bad);
    return out;
}

}  // namespace ontrack
