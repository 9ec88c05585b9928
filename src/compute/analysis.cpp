#include "analysis.hpp"

#include "compute.hpp"
#include "feasibility_explain.hpp"

namespace ontrack {

Analysis analyse(const Plan& plan, const AnalysisRequest& request) {
    Analysis a;
    a.report = compute_report(plan, request.as_of);
    if (request.forecast || request.explain) {
        a.forecast = forecast(plan, request.as_of, request.window_months, request.pace);
        a.feasibility = feasibility(plan, a.report, *a.forecast);
    }
    if (request.schedule && a.forecast) a.schedule = schedule(a.report, *a.forecast, *request.schedule);
    if (request.by) a.breakdown = breakdown(plan, a.report, *request.by);
    if (request.since) a.changes = changes_since(plan, *request.since, request.as_of);
    if (request.list) a.listing = list_localities(plan, request.as_of, *request.list);
    if (request.units) a.units = unit_statuses(plan, request.as_of);
    if (!plan.parts.empty()) {
        a.league = league(plan, a.report, request.league_sort);
        if (a.forecast) add_part_forecasts(*a.league, plan, a.report, request.window_months, request.pace);
    }
    if (request.explain) {
        a.explanation = explain(a.report, a.forecast ? &*a.forecast : nullptr);
        if (a.forecast && a.feasibility)
            explain_feasibility(a.report, *a.forecast, *a.feasibility, a.schedule, a.league ? &*a.league : nullptr,
                                *a.explanation);
    }
    if (request.chart) a.chart = chart_data(plan, request.as_of);
    return a;
}

}  // namespace ontrack
