#include "part_forecast.hpp"

#include "compute.hpp"
#include "league.hpp"
#include "throughput.hpp"

namespace ontrack {

void add_part_forecasts(League& league, const Plan& plan, const Report& report, int window_months,
                        const std::optional<AssumedPace>& assumed) {
    if (!league.next || plan.parts.empty()) return;
    const MilestoneResult& next = report.milestones[*league.next];
    const Date as_of = report.as_of;
    for (LeagueRow& row : league.rows) {
        if (row.part >= plan.parts.size() || !row.required_at_share || !row.expected_at_next) continue;
        const PlanPart& part = plan.parts[row.part];
        const Locality* first = plan.localities.data() + part.first;
        const CoverageTimeline timeline(first, first + part.count, as_of);
        PartForecast f;
        f.deadline = next.deadline;
        f.required = *row.required_at_share;
        f.expected = *row.expected_at_next;
        f.shortfall = *row.shortfall_at_share;
        f.covered = timeline.on(as_of);
        f.months = months_until(as_of, next.deadline);
        const std::vector<std::int64_t> months = monthly_net(timeline, as_of, window_months);
        if (months.size() < min_whole_months) {
            f.missing = Missing::few_months;
        } else {
            f.likelihood = likelihood(draw_source(months, assumed), f.required - f.covered, f.months, as_of);
            if (!f.likelihood.probability) f.missing = Missing::too_spread;
        }
        row.forecast = std::move(f);
    }
}

}  // namespace ontrack
