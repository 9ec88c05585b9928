// --by FIELD: the report split by a locality field.
//
// Groups come in the order of first appearance in the plan (by kind: the
// declared kinds first, in their order, each even with no unit; kinds that
// differ only in letter case are one group, labelled as first written);
// in a roll-up, by id and by name group within each part (Group::part);
// localities with
// no value for the field form one group (one per part in a roll-up) (label "(no kind)", "(no id)"), and
// the units counted in the plan's total but not listed form a last group
// "(not listed)". Each group has its count, its localities drug-free on
// as-of, and per milestone its covered (by the report's rule: drug-free on
// the deadline for a past milestone; drug-free on as-of plus planned in
// (as-of, deadline] for an upcoming one), its uncovered (count − covered) and
// its share of the milestone's shortfall. The groups add up to the whole.
//
// Sharing the shortfall: per milestone, the shortfall S is apportioned in
// proportion to the groups' uncovered counts by the largest-remainder method:
// each group gets floor(S × u / U) (U = the sum of the uncovered counts ≥ S),
// then the units left go one each to the groups with the largest remainders
// (S × u mod U), ties to the group first in plan order. The shares are
// integers, add up exactly to S, and never exceed the group's uncovered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "msgid.hpp"
#include "report.hpp"

namespace ontrack {

// part: the parts of a roll-up, each with its whole total (its
// units not listed included); a plan that is no roll-up is one part.
enum class ByField { kind, id, name, part };

inline constexpr const char* by_field_names[] = {N_("kind"), N_("id"), N_("name"), N_("part")};

std::optional<ByField> parse_by_field(std::string_view name);
const char* to_string(ByField field);

// A --by field that is none of by_field_names: what was given, and the valid
// name closest to it ("kind" for "knd"; empty when none is close). Worded by
// unknown_by_field_message (render/wording.hpp).
struct UnknownByField {
    std::string given;
    std::string near;
};

UnknownByField unknown_by_field(std::string_view name);

struct GroupMilestone {
    std::int64_t covered = 0;
    std::int64_t uncovered = 0;  // count − covered
    std::int64_t share = 0;      // of the milestone's shortfall
};

struct Group {
    // In a roll-up by id or by name, the plan that lists the group's units
    // (Report::unit_parts): names repeat across provinces, so a group is a
    // value within one part. no_part otherwise.
    std::uint32_t part = no_part;
    std::string value;      // the field's value; empty for "(no kind)" and "(not listed)"
    std::string label;      // value, "(no kind)"/"(no id)"/"(no name)", or "(not listed)"
    bool unlisted = false;  // the "(not listed)" group
    std::int64_t count = 0;
    std::int64_t drug_free = 0;              // on as-of
    std::vector<GroupMilestone> milestones;  // one per Report::milestones
};

struct Breakdown {
    ByField field = ByField::kind;
    std::vector<Group> groups;
};

// `report` must be compute_report(plan, report.as_of).
Breakdown breakdown(const Plan& plan, const Report& report, ByField field);

// The largest-remainder apportionment of `total` in proportion to `weights`
// (non-negative, sum ≥ total when total > 0); ties to the lower index.
std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<std::int64_t>& weights);

}  // namespace ontrack
