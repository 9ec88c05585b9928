#include "roster.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "csv_header.hpp"
#include "csv_reader.hpp"
#include "i18n.hpp"
#include "milestone_rule.hpp"
#include "record_columns.hpp"
#include "toml_access.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// The columns of a roster and every header that names each; the code and
// the name are headed as in a records file (record_columns.cpp).
enum class RosterField { type, province_code, province };

constexpr HeaderSynonym<RosterField> roster_headers[] = {
    {"type", RosterField::type},
    {"loại", RosterField::type},
    {"loại đơn vị", RosterField::type},
    {"province_code", RosterField::province_code},
    {"mã tỉnh", RosterField::province_code},
    {"mã tỉnh thành phố", RosterField::province_code},
    {"province", RosterField::province},
    {"tỉnh", RosterField::province},
    {"tỉnh thành phố", RosterField::province},
    {"tỉnh/thành phố", RosterField::province},
};

std::vector<ColumnSpec> roster_specs() {
    using F = RosterField;
    return {{headers_of(RecordField::code), true, {}},
            {headers_of(RecordField::name), true, {}},
            {headers_naming(roster_headers, {F::type}), true, {}},
            {headers_naming(roster_headers, {F::province_code}), false, {}},
            {headers_naming(roster_headers, {F::province}), false, {}}};
}

// The indexes of code, name and type in the header; reports what is wrong with it.
bool find_roster_columns(const CsvDocument& doc, const std::vector<ColumnSpec>& specs, std::size_t (&index)[5],
                         std::optional<CsvNote>& unread, std::vector<Diagnostic>& out) {
    std::vector<HeaderColumn> columns;
    const bool ok = match_header(
        doc, specs,
        [](const std::string& names) {
            return trf(
                "the first row must name the columns code, name and type, in any order, in English or Vietnamese "
                "(mã, tên, loại); it names: {}",
                names);
        },
        columns, out);
    for (int c = 0; c < 5; ++c) index[c] = columns[c].index.value_or(static_cast<std::size_t>(-1));
    unread = unread_columns_note(doc, columns);
    return ok;
}

bool parse_count(std::string_view text, std::int64_t& count) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    count = 0;
    for (char c : text) count = count * 10 + (c - '0');
    return true;
}

}  // namespace

std::vector<RosterUnit> read_roster(std::string_view csv_text, const std::string& file, std::vector<CsvNote>* notes,
                                    const std::string& sheet) {
    const std::vector<ColumnSpec> specs = roster_specs();
    std::size_t col[5] = {0, 0, 0, 0, 0};
    std::optional<CsvNote> unread;
    CsvOptions options;
    options.sheet = sheet;
    options.separator = detect_separator(csv_text, specs);
    options.on_header = [&](const CsvDocument& header) {
        std::vector<Diagnostic> out;
        if (!find_roster_columns(header, specs, col, unread, out)) throw_if_any(std::move(out));
    };
    const CsvDocument doc = read_csv(csv_text, file, options);
    std::vector<Diagnostic> problems;
    std::vector<RosterUnit> units;
    std::unordered_map<std::string, std::uint32_t> codes, names;  // value -> line of first use
    std::size_t rows = 0, trimmed = 0;
    std::uint32_t first_trimmed = 0;
    for (const CsvRow& row : doc.rows) {
        if (too_many_problems(doc, row.line, problems)) break;
        if (is_blank_row(doc, row)) continue;
        ++rows;
        if (!check_field_count(doc, row, problems)) continue;
        const CsvField code = row.fields[col[0]];
        const CsvField name = row.fields[col[1]];
        bool blanks = false;
        for (const CsvField& f : row.fields)
            if (trim_blanks(f.text).size() != f.text.size()) blanks = true;
        if (blanks && trimmed++ == 0) first_trimmed = row.line;
        RosterUnit unit;
        unit.code = to_nfc(trim_blanks(code.text));
        unit.name = to_nfc(trim_blanks(name.text));
        unit.type = to_nfc(trim_blanks(row.fields.text(col[2])));
        if (col[3] < row.fields.size()) unit.province_code = to_nfc(trim_blanks(row.fields.text(col[3])));
        if (col[4] < row.fields.size()) unit.province = to_nfc(trim_blanks(row.fields.text(col[4])));
        unit.line = row.line;
        bool ok = true;
        if (unit.name.empty()) {
            problems.push_back(doc.error(name, tr("the unit's name is empty"), tr("every unit needs a name")));
            ok = false;
        } else if (auto [it, fresh] = names.emplace(unit.province_code + '\n' + identity_key(unit.name), row.line);
                   !fresh) {
            problems.push_back(doc.error(name, trf("duplicate name '{}'", quoted_value(unit.name)),
                                         trf("it is already used at line {}; names must be unique "
                                             "(add the province or the type to tell them apart)",
                                             it->second)));
            ok = false;
        }
        // The plan's text rule, checked here so that a bad cell is named in
        // the roster, not at a line of the plan made from it.
        const std::pair<const char*, const std::string*> cells[] = {
            {"code", &unit.code}, {"name", &unit.name}, {"type", &unit.type}};
        for (std::size_t k = 0; k < 3 && ok; ++k) {
            if (cells[k].second->empty()) continue;
            if (const auto problem = text_problem(cells[k].first, *cells[k].second, TextRule::label)) {
                const CsvField& at = row.fields[col[k]];
                problems.push_back(doc.error(at.line,
                                             at.column + (at.quoted ? 1u : 0u) +
                                                 static_cast<std::uint32_t>(problem->code_points_before.value_or(0)),
                                             problem->message, problem->hint));
                ok = false;
            }
        }
        if (!unit.code.empty())
            if (auto [it, fresh] = codes.emplace(unit.code, row.line); !fresh) {
                problems.push_back(doc.error(code, trf("duplicate code '{}'", quoted_value(unit.code)),
                                             trf("it is already used at line {}; codes must be unique", it->second)));
                ok = false;
            }
        if (ok) units.push_back(std::move(unit));
    }
    if (rows == 0)
        throw InputError(doc.error(doc.header.line, 1, tr("the roster lists no units"),
                                   tr("add one row per unit under the header: code,name,type")));
    throw_if_any(std::move(problems));
    if (notes) {
        notes->insert(notes->end(), doc.notes.begin(), doc.notes.end());
        if (unread) notes->push_back(*unread);
        if (trimmed)
            notes->push_back(doc.note(
                first_trimmed,
                trn("{} row had spaces or no-break spaces around a cell; they were removed",
                    "{} rows had spaces or no-break spaces around a cell; they were removed", trimmed, trimmed)));
    }
    return units;
}

std::optional<MilestoneSpec> parse_milestone_spec(std::string_view text, std::string& why) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) {
        why = trf("'{}' is not DEADLINE=TARGET, e.g. 2025-12-31=30% or 2027-12-31=52", quoted_value(text));
        return std::nullopt;
    }
    const std::string_view date_text = trim_blanks(text.substr(0, eq));
    const std::string_view target_text = trim_blanks(text.substr(eq + 1));
    MilestoneSpec spec;
    std::string reason;
    if (const auto d = parse_date(date_text, &reason)) {
        spec.deadline = *d;
    } else {
        why = trf("the deadline '{}' is not a date: {}", quoted_value(date_text), tr(reason.c_str()));
        return std::nullopt;
    }
    if (!target_text.empty() && target_text.back() == '%') {
        const auto p = parse_percent(target_text, reason);
        if (!p) {
            why = trf("the target '{}': {}", quoted_value(target_text), tr(reason.c_str()));
            return std::nullopt;
        }
        spec.target.kind = Target::Kind::percent;
        spec.target.percent = *p;
        return spec;
    }
    std::int64_t count = 0;
    if (!parse_count(target_text, count)) {
        why = trf("the target '{}' is neither a percentage (30%) nor a count of units (52)", quoted_value(target_text));
        return std::nullopt;
    }
    if (count < 1) {
        why = tr("a count target must be at least 1 unit");
        return std::nullopt;
    }
    spec.target.kind = Target::Kind::count;
    spec.target.count = count;
    return spec;
}

MilestoneSpec percent_milestone(int year, unsigned month, unsigned day, std::int64_t percent, std::string name) {
    MilestoneSpec m;
    m.deadline = Date::from_ymd(year, month, day);
    m.target.kind = Target::Kind::percent;
    m.target.percent.units = percent;
    m.target.percent.scale = 0;
    m.name = std::move(name);
    return m;
}

std::vector<MilestoneSpec> haiphong_default_milestones() {
    return {percent_milestone(2025, 12, 31, 30, tr("Phase 1: 30% by end of 2025")),
            percent_milestone(2027, 12, 31, 45, tr("Phase 2: 45% by end of 2027")),
            percent_milestone(2030, 12, 31, 60, tr("Phase 3: 60% by end of 2030")),
            percent_milestone(2035, 12, 31, 100, tr("Phase 4: all units by end of 2035"))};
}

std::vector<MilestoneSpec> sorted_by_deadline(std::vector<MilestoneSpec> specs) {
    std::stable_sort(specs.begin(), specs.end(),
                     [](const MilestoneSpec& a, const MilestoneSpec& b) { return a.deadline < b.deadline; });
    return specs;
}

std::string check_milestone_specs(const std::vector<MilestoneSpec>& specs, std::int64_t total) {
    if (specs.empty()) return tr("there are no milestones");
    std::vector<Milestone> sorted;
    for (const MilestoneSpec& spec : sorted_by_deadline(specs)) {
        Milestone m;
        m.deadline = spec.deadline;
        m.target = spec.target;
        sorted.push_back(std::move(m));
    }
    const std::vector<MilestoneFault> faults = resolve_milestones(sorted, total);
    if (faults.empty()) return {};
    const Milestone& m = sorted[faults.front().index];
    switch (faults.front().kind) {
        case MilestoneFault::Kind::count_above_total:
            return trn("the milestone of {} asks for {} unit, more than the {} units of the plan",
                       "the milestone of {} asks for {} units, more than the {} units of the plan",
                       static_cast<std::uint64_t>(m.target.count), human_date(m.deadline), m.target.count, total);
        case MilestoneFault::Kind::deadline_not_after:  // the same deadline: they are sorted
            return trf("two milestones on {}", human_date(m.deadline));
        case MilestoneFault::Kind::fewer_than_before: {
            const Milestone& before = sorted[faults.front().index - 1];
            return trn(
                "the milestone of {} requires {} unit, fewer than the {} of the milestone of {}; targets are "
                "cumulative",
                "the milestone of {} requires {} units, fewer than the {} of the milestone of {}; targets are "
                "cumulative",
                static_cast<std::uint64_t>(m.required), human_date(m.deadline), m.required, before.required,
                human_date(before.deadline));
        }
    }
    return {};
}

std::string toml_quoted(std::string_view text) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    while (!text.empty()) {
        const auto bad = find_invalid_utf8(text);
        const std::string_view good = text.substr(0, bad ? *bad : text.size());
        for (std::size_t i = 0; i < good.size(); ++i) {
            const char ch = good[i];
            const auto c = static_cast<unsigned char>(ch);
            if (c >= 0x80) {
                // C1 controls and bidi controls as \uXXXX too: the plan is
                // printed to a terminal and opened in editors.
                std::size_t next = i;
                const char32_t cp = next_code_point(good, next);
                if (is_unsafe_code_point(cp))
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
                else
                    out.append(good.substr(i, next - i));
                i = next - 1;
                continue;
            }
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\t': out += "\\t"; break;
                case '\n': out += "\\n"; break;
                case '\f': out += "\\f"; break;
                case '\r': out += "\\r"; break;
                default:
                    if (c < 0x20 || c == 0x7F)
                        out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
                    else
                        out += ch;
            }
        }
        if (!bad) break;
        out += "\xEF\xBF\xBD";  // U+FFFD for the one bad byte
        text.remove_prefix(*bad + 1);
    }
    out += '"';
    return out;
}

std::string milestones_toml(const std::vector<MilestoneSpec>& milestones) {
    std::string out;
    for (const MilestoneSpec& m : sorted_by_deadline(milestones)) {
        out += "\n[[milestone]]\n";
        if (!m.name.empty()) out += fmt::format("name = {}\n", toml_quoted(m.name));
        out += fmt::format("deadline = {}\n", to_iso(m.deadline));
        out += m.target.kind == Target::Kind::count ? fmt::format("target = {}\n", m.target.count)
                                                    : fmt::format("target = \"{}\"\n", to_string(m.target.percent));
    }
    return out;
}

std::string plan_toml_from_roster(const std::string& plan_name, const std::vector<RosterUnit>& units,
                                  const std::vector<MilestoneSpec>& milestones, const std::string& source_note,
                                  std::optional<Date> start) {
    std::string out;
    // Comments and default names in the language of the office; keys stay as the format spells them.
    out +=
        tr("# Written by ontrack init. Each locality has no dates yet: add certified = YYYY-MM-DD,\n"
           "# revoked = YYYY-MM-DD (a date or an array of dates) and planned = YYYY-MM-DD as they are known.\n\n");
    out += "[plan]\n";
    out += fmt::format("name = {}\n", toml_quoted(plan_name));
    out += fmt::format("total = {}\n", units.size());
    if (start) out += fmt::format("start = {}\n", to_iso(*start));
    if (!source_note.empty()) out += fmt::format("source = {}\n", toml_quoted(source_note));
    // The kinds of the roster's types, in order of first use.
    std::vector<std::string> kinds;
    for (const RosterUnit& u : units)
        if (!u.type.empty() && std::find(kinds.begin(), kinds.end(), u.type) == kinds.end()) kinds.push_back(u.type);
    if (!kinds.empty()) {
        std::string list;
        for (const std::string& k : kinds) list += (list.empty() ? "" : ", ") + toml_quoted(k);
        out += fmt::format("kinds = [{}]\n", list);
    }
    out += milestones_toml(milestones);
    for (const RosterUnit& u : units) {
        out += "\n[[locality]]\n";
        if (!u.code.empty()) out += fmt::format("id = {}\n", toml_quoted(u.code));
        out += fmt::format("name = {}\n", toml_quoted(u.name));
        if (!u.type.empty()) out += fmt::format("kind = {}\n", toml_quoted(u.type));
    }
    return out;
}

}  // namespace ontrack
