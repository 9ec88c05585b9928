// Words and numbers shared by the human formats (table and markdown).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "breakdown.hpp"
#include "forecast.hpp"
#include "i18n.hpp"
#include "report.hpp"

namespace ontrack {

// covered / total in tenths of a percent, rounded half up, in integers.
std::int64_t share_tenths(std::int64_t covered, std::int64_t total);
// The same as text in the current language: "36.0%" (vi "36,0%").
std::string share_text(std::int64_t covered, std::int64_t total);
std::string share_text(const Words& w, std::int64_t covered, std::int64_t total);

// The milestone's name, or "Milestone N" (1-based) when it has none.
std::string milestone_label(const MilestoneResult& m, std::size_t index);
std::string milestone_label(const Words& w, const MilestoneResult& m, std::size_t index);
std::string milestone_label(const std::string& name, std::size_t index);

// "An Lão (11530)" or just the name when there is no id.
std::string locality_label(const LocalityRef& ref);

// "1 locality", "114 localities"; "1 milestone", "4 milestones" (ngettext).
std::string count_of_localities(std::uint64_t n);
std::string count_of_milestones(std::uint64_t n);

// " (decision 1234/QĐ-UBND)" after an event, or nothing when it has none.
std::string decision_suffix(const std::string& decision);
std::string decision_suffix(const Words& w, const std::string& decision);

// "34 plans: 1234 of 3321 units drug-free (37.2%); 5 of 34 plans have a
// milestone missed or behind (9 of 136 milestones)."
std::string rollup_sentence(const Rollup& rollup);
std::string rollup_sentence(const Words& w, const Rollup& rollup);

// "Uncovered with no plan: 5 (1 listed, 4 not listed in the plan)", or
// "Uncovered with no plan: 5" when every unit is listed.
std::string no_plan_sentence(const Report& report, const Words& w);

inline constexpr const char* illustrative_warning =
    N_("The dates in this plan are illustrative, not official records.");
// For a usage error: "unknown field \"knd\" for --by; valid fields: kind, id,
// name (did you mean \"kind\"?)".
std::string unknown_by_field_message(const UnknownByField& field);

// The forecast's grade in the verdict's words where they mean the same
// ("on-track"), so that a reader never sees two spellings of one grade.
std::string progress_word(Progress p);
std::string progress_word(const Words& w, Progress p);

// The grading rule of the forecast's R, to state in the output.
inline constexpr const char* progress_rule =
    N_("R = (projected - baseline) / (required - baseline), baseline = coverage at the start of the trend window; "
       "graded with the thresholds of the UN Statistics Division's SDG progress chart: R >= 0.95 on track, "
       "0.10 <= R < 0.95 needs acceleration, R < 0.10 stagnant or regressing. When required <= baseline, R is "
       "not computed: on track if the projection reaches the required count, otherwise stagnant or regressing.");
// A plan without milestones: its report judges nothing.
inline constexpr const char* no_milestones_note = N_("The plan has no milestones: nothing is judged.");
inline constexpr const char* upcoming_rule =
    N_("For milestones not yet due, the figures are the units certified up to today and those planned to be "
       "certified by the deadline; for past milestones, the units certified on the deadline.");

}  // namespace ontrack
