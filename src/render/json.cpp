// The json format: one object with stable English keys, for scripts.
#include <fmt/format.h>

#include "../utf8.hpp"
#include "render.hpp"

namespace ontrack {
namespace {

// A JSON string literal. The text is valid UTF-8 (the loader checked);
// control characters and the JavaScript line separators are escaped.
std::string quote(std::string_view s) {
    std::string out = "\"";
    out.reserve(s.size() + 2);
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t c = next_code_point(s, i);
        const bool plain = c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0x2028 && c != 0x2029;
        if (plain) continue;
        out.append(s.substr(run, start - run));
        run = i;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        }
    }
    out.append(s.substr(run));
    return out + "\"";
}

std::string locality_json(const LocalityRef& ref) {
    return fmt::format("{{\"name\": {}, \"id\": {}, \"kind\": {}, \"planned\": {}}}", quote(ref.name), quote(ref.id),
                       quote(ref.kind), ref.planned ? quote(to_iso(*ref.planned)) : "null");
}

std::string locality_list(const std::vector<LocalityRef>& refs) {
    if (refs.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t k = 0; k < refs.size(); ++k)
        out += fmt::format("    {}{}\n", locality_json(refs[k]), k + 1 < refs.size() ? "," : "");
    return out + "  ]";
}

}  // namespace

std::string render_json_many(const std::vector<Report>& reports, const Rollup& rollup) {
    std::string out = "{\n\"plans\": [\n";
    for (std::size_t k = 0; k < reports.size(); ++k) {
        std::string one = render_json(reports[k]);
        one.pop_back();  // the newline
        out += one + (k + 1 < reports.size() ? ",\n" : "\n");
    }
    out += fmt::format(
        "],\n\"rollup\": {{\"plans\": {}, \"total\": {}, \"covered\": {}, \"milestones\": {}, "
        "\"milestones_missed_or_behind\": {}, \"plans_missed_or_behind\": {}}}\n}}\n",
        rollup.plans, rollup.total, rollup.covered, rollup.milestones, rollup.milestones_bad, rollup.plans_bad);
    return out;
}

std::string render_json(const Report& r) {
    std::string out = "{\n";
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
    field("overdue", locality_list(r.overdue));
    field("planned_ahead", fmt::format("{}", r.planned_ahead));
    field("uncovered_without_plan", fmt::format("{}", static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted));
    field("unlisted", fmt::format("{}", r.unlisted));
    out += fmt::format("  \"unplanned\": {}\n}}\n", locality_list(r.unplanned));
    return out;
}

}  // namespace ontrack
