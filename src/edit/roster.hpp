// A roster of units (CSV: code,name,type) to a new plan: the units become
// [[locality]] entries and the milestones come from the command line
// ("2025-12-31=30%") or the Hai Phong defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_header.hpp"
#include "date.hpp"
#include "target.hpp"

namespace ontrack {

struct RosterUnit {
    std::string code;           // may be empty: the locality then has no id
    std::string name;           // never empty
    std::string type;           // may be empty: the locality then has no kind
    std::string province_code;  // optional columns province_code, province (the national roster)
    std::string province;
    std::uint32_t line = 0;
};

// Reads a roster. The separator (',', ';' or tab) is the one that splits the
// header into the most known names; the header must name the columns code
// (mã, mã số, mã đơn vị), name (tên, tên đơn vị) and type (loại, loại đơn
// vị), in any order, and optionally province_code (mã tỉnh) and province
// (tỉnh) (names are then unique within a province), compared by fold_key() (case, diacritics and spaces
// ignored); other columns are not read (a note names them). A workbook
// (.xlsx, .ods) is read from its sheet `sheet`, the first when empty. Rows that are
// entirely empty are skipped. Values are taken without surrounding spaces,
// tabs and no-break spaces (a note counts the rows). Notes go to `notes`
// when given. Throws
// InputError (see csv_reader.hpp for malformed CSV) listing every bad row:
// a row with more or fewer fields than the header, an empty name, a code or
// name used before; also a header without one of the three columns or with
// one of them twice, and a roster with no rows. `file` names it in diagnostics.
std::vector<RosterUnit> read_roster(std::string_view csv_text, const std::string& file,
                                    std::vector<CsvNote>* notes = nullptr, const std::string& sheet = {});

struct MilestoneSpec {
    Date deadline;
    Target target;
    std::string name;  // may be empty
};

// "2025-12-31=30%" (a share of the total, as in a plan) or "2027-12-31=52" (a
// count, at least 1). On failure returns nullopt and stores the reason in
// `why`. The name is left empty.
std::optional<MilestoneSpec> parse_milestone_spec(std::string_view text, std::string& why);

// A milestone of `percent`% of the plan's total by the given day, named `name`.
MilestoneSpec percent_milestone(int year, unsigned month, unsigned day, std::int64_t percent, std::string name);

// The four phases of the Hai Phong plan: 30% by 2025-12-31, 45% by
// 2027-12-31, 60% by 2030-12-31, 100% by 2035-12-31, named as in data/haiphong.toml.
std::vector<MilestoneSpec> haiphong_default_milestones();

// The specs sorted by deadline (stable), as plan_toml_from_roster() writes them.
std::vector<MilestoneSpec> sorted_by_deadline(std::vector<MilestoneSpec> specs);

// Whether the specs, taken in order of their deadlines, make a valid plan of
// `total` units: at least one, no two on one deadline, each count at most
// `total`, and required counts non-decreasing. "" when they do, else the
// first problem in words.
std::string check_milestone_specs(const std::vector<MilestoneSpec>& specs, std::int64_t total);

// `text` as a TOML basic string, quotes included: quotes, backslashes and
// control characters escaped; bytes that are not UTF-8 replaced by U+FFFD.
std::string toml_quoted(std::string_view text);

// The [[milestone]] tables of the specs in order of their deadlines, each
// after an empty line.
std::string milestones_toml(const std::vector<MilestoneSpec>& milestones);

// A plan in the documented format: [plan] with name = `plan_name`, total =
// units.size() and, when not empty, source = `source_note`; the milestones in
// order of their deadlines; one [[locality]] per unit, in roster order, with
// id = code and kind = type when those are not empty, and no dates.
// Loads with parse_plan() when plan_name is not empty, units is not empty
// and check_milestone_specs(milestones, units.size()) is "".
// With `start`, [plan] has start = that day (the safety buffer's start).
std::string plan_toml_from_roster(const std::string& plan_name, const std::vector<RosterUnit>& units,
                                  const std::vector<MilestoneSpec>& milestones, const std::string& source_note,
                                  std::optional<Date> start = std::nullopt);

}  // namespace ontrack
