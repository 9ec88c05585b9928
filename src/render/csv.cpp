// The csv format: one row per milestone, RFC 4180 quoting, safe to open in a
// spreadsheet.
#include <fmt/format.h>

#include "explain.hpp"
#include "render.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// A text cell: control characters shown as visible escapes (as in the
// table), prefixed with ' when a spreadsheet would read it as a formula
// (looks_like_formula()), quoted when it holds a comma or quote (RFC 4180).
std::string cell(std::string_view s) {
    std::string text = make_inert(s);
    if (looks_like_formula(text)) text.insert(0, "'");
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// A cell repeated on every row (the plan's name; a milestone's name and a
// group's label in a breakdown): at most this many code points, then "…",
// so that a long name cannot multiply the output by the number of rows.
constexpr std::size_t max_repeated_code_points = 200;

std::string repeated_cell(std::string_view s) {
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < max_repeated_code_points) {
        const std::size_t length = utf8_sequence_length(s, i);
        i += length ? length : 1;
        ++n;
    }
    if (i >= s.size()) return cell(s);
    return cell(std::string(s.substr(0, i)) + "\u2026");
}

constexpr const char* csv_header =
    "plan,as_of,total,covered_now,milestone,deadline,target,status,required,covered,planned,shortfall,verdict\n";

std::string csv_rows(const Report& r) {
    std::string out;
    for (const MilestoneResult& m : r.milestones)
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", repeated_cell(r.plan), to_iso(r.as_of), r.total,
                           r.covered, cell(m.name), to_iso(m.deadline), cell(to_string(m.target)),
                           m.upcoming ? "upcoming" : "past", m.required, m.covered, m.planned, m.shortfall,
                           to_string(m.verdict));
    return out;
}

}  // namespace

std::string render_csv(const Report& r) {
    return csv_header + csv_rows(r);
}

namespace {

std::string date_cell(const std::optional<Date>& d) {
    return d ? to_iso(*d) : std::string();
}

// months,probability,likely_50,likely_85,likely_95,pace_ratio,plan_probability
// (each after a comma); empty where not computed.
std::string outlook_cells(const MilestoneOutlook& m) {
    auto p = [](const std::optional<double>& v) { return v ? probability_decimal(*v) : std::string(); };
    const Likelihood& l = m.likelihood;
    return fmt::format(",{},{},{},{},{},{},{}", m.months, p(l.probability), date_cell(l.likely_by[0]),
                       date_cell(l.likely_by[1]), date_cell(l.likely_by[2]),
                       m.pace_ratio_tenths ? tenths_text(*m.pace_ratio_tenths) : "", p(m.plan_probability));
}

std::string schedule_rows(const Schedule& s) {
    std::string out;
    for (const ScheduleRow& r : s.rows)
        out += fmt::format("{},{},{},{},{}\n", to_iso(r.end), r.needed, r.planned, r.at_pace, r.planned - r.needed);
    return out;
}

// The milestone rows with the forecast of the upcoming ones.
std::string forecast_rows(const Analysis& a) {
    const Report& r = a.report;
    std::string out;
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        std::string extra = ",,,,,,,,,,,,";
        for (std::size_t j = 0; j < a.forecast->milestones.size(); ++j) {
            const MilestoneForecast& f = a.forecast->milestones[j];
            if (f.index != k) continue;
            extra = fmt::format("{},{},{},{},{},{}", f.due_today ? "" : per_month_text(f.required_pace),
                                per_month_text(a.forecast->pace), f.projected, date_cell(f.reached),
                                f.nothing_needed ? "" : ratio_text(f.ratio), to_string(f.progress));
            extra += a.feasibility ? outlook_cells(a.feasibility->milestones[j]) : ",,,,,,";
        }
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", repeated_cell(r.plan), to_iso(r.as_of),
                           r.total, r.covered, cell(m.name), to_iso(m.deadline), cell(to_string(m.target)),
                           m.upcoming ? "upcoming" : "past", m.required, m.covered, m.planned, m.shortfall,
                           to_string(m.verdict), extra);
    }
    return out;
}

constexpr const char* forecast_header =
    "plan,as_of,total,covered_now,milestone,deadline,target,status,required,covered,planned,shortfall,verdict,"
    "required_per_month,pace_per_month,projected,reached,ratio,progress,months,probability,likely_50,likely_85,"
    "likely_95,pace_ratio,plan_probability\n";
constexpr const char* schedule_header = "end,needed,planned,at_pace,planned_minus_needed\n";
constexpr const char* listing_header = "plan,list,name,id,kind,planned,certified,revoked,decision,plan_moves\n";
constexpr const char* breakdown_header =
    "plan,field,value,count,drug_free,milestone,deadline,covered,uncovered,shortfall_share\n";
constexpr const char* changes_header = "plan,since,as_of,name,id,change,event,date,decision\n";
constexpr const char* explain_header = "plan,figure,value,formula\n";

// A roll-up's league table: one row per part, in its order; the
// share is of the roll-up's next milestone (next_deadline); --by part gives
// the shares of every milestone.
constexpr const char* league_header =
    "plan,as_of,part,file,total,covered,expected_by_next_deadline,own_milestone,own_deadline,own_required,"
    "own_shortfall,own_verdict,next_deadline,next_shortfall_share,shortfall_at_share\n";

const char* header_of(const Analysis& a) {
    return a.listing       ? listing_header
           : a.breakdown   ? breakdown_header
           : a.changes     ? changes_header
           : a.explanation ? explain_header
           : a.schedule    ? schedule_header
           : a.forecast    ? forecast_header
           : a.league      ? league_header
                           : csv_header;
}

std::string league_rows(const Analysis& a, const std::string& plan) {
    const League& l = *a.league;
    std::string out;
    for (const LeagueRow& r : l.rows) {
        const MilestoneResult* own = r.own_next ? &*r.own_next : nullptr;
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", plan, to_iso(a.report.as_of),
                           repeated_cell(r.name), cell(r.file), r.total, r.covered,
                           r.by_next ? std::to_string(*r.by_next) : "", own ? repeated_cell(own->name) : "",
                           own ? to_iso(own->deadline) : "", own ? std::to_string(own->required) : "",
                           own ? std::to_string(own->shortfall) : "", own ? to_string(own->verdict) : "",
                           l.next ? to_iso(a.report.milestones[*l.next].deadline) : "",
                           l.next ? std::to_string(r.shares[*l.next]) : "",
                           r.shortfall_at_share ? std::to_string(*r.shortfall_at_share) : "");
    }
    return out;
}

std::string rows_of(const Analysis& a) {
    const std::string plan = repeated_cell(a.report.plan);
    std::string out;
    if (a.listing) {
        for (const ListRow& r : a.listing->rows)
            out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", plan, to_string(a.listing->kind), cell(r.name),
                               cell(r.id), cell(r.kind), date_cell(r.planned), date_cell(r.certified),
                               date_cell(r.revoked), cell(r.decision), r.plan_moves);
    } else if (a.breakdown) {
        for (const Group& g : a.breakdown->groups)
            for (std::size_t k = 0; k < g.milestones.size(); ++k)
                out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", plan, to_string(a.breakdown->field),
                                   repeated_cell(g.label), g.count, g.drug_free,
                                   repeated_cell(a.report.milestones[k].name), to_iso(a.report.milestones[k].deadline),
                                   g.milestones[k].covered, g.milestones[k].uncovered, g.milestones[k].share);
    } else if (a.changes) {
        for (const LocalityChange& ch : a.changes->localities)
            for (const Event& e : ch.events)
                out += fmt::format("{},{},{},{},{},{},{},{},{}\n", plan, to_iso(a.changes->since),
                                   to_iso(a.changes->as_of), cell(ch.locality.name), cell(ch.locality.id),
                                   to_string(ch.kind), e.kind == EventKind::certified ? "certified" : "revoked",
                                   to_iso(e.date), cell(e.decision()));
        // A moved plan: change "plan moved", its new date; the day it was set is in the json.
        for (const PlanMove& m : a.changes->moved_plans)
            out += fmt::format("{},{},{},{},{},plan moved,planned,{},\n", plan, to_iso(a.changes->since),
                               to_iso(a.changes->as_of), cell(m.locality.name), cell(m.locality.id), to_iso(m.to));
    } else if (a.explanation) {
        for (const ExplainLine& line : explain_lines(a.report, *a.explanation))
            out += fmt::format("{},{},{},{}\n", plan, cell(line.label), cell(line.value), cell(line.formula));
    } else if (a.schedule) {
        out += schedule_rows(*a.schedule);
    } else if (a.forecast) {
        out += forecast_rows(a);
    } else if (a.league) {
        out += league_rows(a, plan);
    } else {
        out += csv_rows(a.report);
    }
    return out;
}

}  // namespace

std::string render_csv(const Analysis& a) {
    return header_of(a) + rows_of(a);
}

std::string render_csv_many(const std::vector<Analysis>& analyses) {
    std::string out = header_of(analyses.front());
    for (const Analysis& a : analyses) out += rows_of(a);
    return out;
}

}  // namespace ontrack
