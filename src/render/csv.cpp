// The csv format: one row per milestone, RFC 4180 quoting, safe to open in a
// spreadsheet.
#include <fmt/format.h>

#include "render.hpp"

namespace ontrack {
namespace {

// A text cell: quoted when it holds a comma, quote, CR or LF (RFC 4180), and
// prefixed with ' when a spreadsheet would read it as a formula.
std::string cell(std::string_view s) {
    std::string text;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        text = "'";
    text.append(s);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

constexpr const char* csv_header =
    "plan,as_of,total,covered_now,milestone,deadline,target,status,required,covered,planned,shortfall,verdict\n";

std::string csv_rows(const Report& r) {
    std::string out;
    for (const MilestoneResult& m : r.milestones)
        out +=
            fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", cell(r.plan), to_iso(r.as_of), r.total, r.covered,
                        cell(m.name), to_iso(m.deadline), cell(to_string(m.target)), m.upcoming ? "upcoming" : "past",
                        m.required, m.covered, m.planned, m.shortfall, to_string(m.verdict));
    return out;
}

}  // namespace

std::string render_csv(const Report& r) {
    return csv_header + csv_rows(r);
}

std::string render_csv_many(const std::vector<Report>& reports) {
    std::string out = csv_header;
    for (const Report& r : reports) out += csv_rows(r);
    return out;
}

}  // namespace ontrack
