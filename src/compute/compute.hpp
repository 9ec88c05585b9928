// The calculation: pure functions of a plan and an as-of date.
#pragma once

#include <optional>
#include <vector>

#include "model.hpp"
#include "report.hpp"

namespace ontrack {

bool is_drug_free_on(const Locality& locality, Date day);

// Whether a locality not drug-free on `as_of` is overdue: the date of its
// pending plan (pending_plan(), history.hpp) has come.
bool is_overdue(const Locality& locality, Date as_of);

// Net coverage over time from the events that have happened by as-of: a
// sorted list of (date, change); coverage on a day is the sum up to it.
class CoverageTimeline {
   public:
    CoverageTimeline(const std::vector<Locality>& localities, Date as_of);
    // The localities [first, last) only: a part of a roll-up.
    CoverageTimeline(const Locality* first, const Locality* last, Date as_of);
    // Localities drug-free on `day`; `day` must not be after as-of.
    std::int64_t on(Date day) const;

   private:
    std::vector<Date> dates_;             // sorted, distinct
    std::vector<std::int64_t> coverage_;  // coverage from dates_[k] on
};

// The index in plan.sources (and Report::unit_parts) of the plan file that
// lists plan.localities[i]; no_part for a plan that is no roll-up.
std::uint32_t part_of(const Plan& plan, std::size_t i);

// The unit parts of a roll-up, in the order of plan.sources.
std::vector<UnitPart> unit_parts(const Plan& plan);

Report compute_report(const Plan& plan, Date as_of);

// Adds one plan's report to the sum of several.
void add_to_rollup(Rollup& rollup, const Report& report);

enum class Judge { all, upcoming };

// 0 when every judged milestone is met or on-track, else 1.
int exit_status(const Report& report, Judge judge);

}  // namespace ontrack
