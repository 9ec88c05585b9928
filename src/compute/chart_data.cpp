#include "chart_data.hpp"

#include <algorithm>

#include "compute.hpp"
#include "history.hpp"

namespace ontrack {

ChartData chart_data(const Plan& plan, Date as_of) {
    ChartData out;
    out.as_of = as_of;
    out.total = plan.total;

    // Dates of the events that have happened, sorted and distinct.
    std::vector<Date> happened;
    for (const Locality& loc : plan.localities)
        for (const Event& e : loc.events)
            if (e.date <= as_of) happened.push_back(e.date);
    std::sort(happened.begin(), happened.end());
    happened.erase(std::unique(happened.begin(), happened.end()), happened.end());

    if (plan.start)
        out.from = *plan.start;
    else if (!happened.empty())
        out.from = happened.front();
    else
        out.from = add_months(as_of, -12);
    out.from = std::min(out.from, as_of);
    out.to = plan.milestones.empty() ? as_of : std::max(plan.milestones.back().deadline, as_of);

    const CoverageTimeline timeline(plan.localities, as_of);
    out.actual.push_back({out.from, timeline.on(out.from)});
    for (Date d : happened) {
        if (d <= out.from) continue;
        const std::int64_t v = timeline.on(d);
        if (v != out.actual.back().value) out.actual.push_back({d, v});
    }
    if (out.actual.back().date != as_of) out.actual.push_back({as_of, out.actual.back().value});

    // The projection: planned dates after as-of of the units not drug-free on as-of.
    std::vector<Date> ahead;
    for (const Locality& loc : plan.localities) {
        const std::optional<Date> planned = pending_plan(loc, as_of);
        if (planned && *planned > as_of && *planned <= out.to && !is_drug_free_on(loc, as_of))
            ahead.push_back(*planned);
    }
    std::sort(ahead.begin(), ahead.end());
    const std::int64_t now = out.actual.back().value;
    out.plan.push_back({as_of, now});
    for (std::size_t k = 0; k < ahead.size(); ++k) {
        const std::int64_t v = now + static_cast<std::int64_t>(k) + 1;
        if (out.plan.back().date == ahead[k])
            out.plan.back().value = v;
        else
            out.plan.push_back({ahead[k], v});
    }
    if (out.plan.back().date != out.to) out.plan.push_back({out.to, out.plan.back().value});

    for (const Milestone& m : plan.milestones) out.targets.push_back({m.deadline, m.required});
    return out;
}

}  // namespace ontrack
