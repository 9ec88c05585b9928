// The national roster: units grouped by province, a province found
// as people type it, the file names of the province plans, and the roll-up
// plan over them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster.hpp"

namespace ontrack {

struct Province {
    std::string code;  // may be empty: a roster without the province columns
    std::string name;
    std::vector<RosterUnit> units;  // in roster order
};

// The units grouped by province_code, the provinces in order of first
// appearance, each named as its first unit has it.
std::vector<Province> provinces_of(std::vector<RosterUnit> units);

// A province name as it is matched: folded (fold_for_search) and without its
// type word: "Thành phố Hải Phòng", "TP. Hải Phòng" and "hai phong" all give
// "hai phong"; "Tỉnh Thanh Hóa" gives "thanh hoa".
std::string province_key(std::string_view name);

// The province whose code is `text`, or whose name has the province_key of
// `text`; nullptr when none.
const Province* find_province(const std::vector<Province>& provinces, std::string_view text);

// "01 Thành phố Hà Nội, 04 Cao Bằng, …": for messages.
std::string province_list(const std::vector<Province>& provinces);

// The file name of a province's plan: CODE-slug.toml, the slug the ASCII
// province_key with spaces as hyphens and any other character dropped
// ("31-hai-phong.toml"; "hai-phong.toml" without a code).
std::string province_file_name(const Province& province);

// A roll-up plan in the documented format: [plan] with name, source (when not
// empty) and parts = the file names given (relative to the roll-up), then
// the milestones in order of their deadlines.
// With `start`, [plan] has start = that day.
std::string rollup_plan_toml(const std::string& plan_name, const std::vector<std::string>& parts,
                             const std::vector<MilestoneSpec>& milestones, const std::string& source_note,
                             std::optional<Date> start = std::nullopt);

// The national targets (Conclusion 132-KL/TW, Resolution 163/2024/QH15): 20%
// of the units by 2025-12-31, 50% by 2030-12-31.
std::vector<MilestoneSpec> national_milestones();

}  // namespace ontrack
