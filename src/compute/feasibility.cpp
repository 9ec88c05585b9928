#include "feasibility.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "compute.hpp"
#include "throughput.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

// units × scale, held to the int64 range: a threshold beyond it is beyond any
// sum of draws too.
std::int64_t scaled(std::int64_t units, std::int64_t scale) {
    const int128 v = static_cast<int128>(units) * scale;
    return static_cast<std::int64_t>(
        std::clamp<int128>(v, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()));
}

// The most months m for which as-of + m months is still in the calendar.
std::int64_t horizon_from(Date as_of) {
    const std::int64_t left = (9999 * 12 + 11) - (static_cast<std::int64_t>(as_of.year()) * 12 + as_of.month() - 1);
    return std::clamp<std::int64_t>(left, 0, likely_horizon_months);
}

Likelihood likelihood_of(const DrawAnswer& a, Date as_of) {
    Likelihood out;
    if (!a.computed) return out;
    out.probability = a.probability;
    for (std::size_t q = 0; q < likely_level_count; ++q)
        if (a.first[q] >= 0) out.likely_by[q] = add_months(as_of, static_cast<int>(a.first[q]));
    return out;
}

}  // namespace

std::int64_t probability_ten_thousandths(double p) {
    if (p >= 1.0) return 10000;
    if (p <= 0.0) return 0;
    return std::min<std::int64_t>(static_cast<std::int64_t>(p * 10000.0), 9999);
}

std::int64_t probability_percent(double p) {
    if (p >= 1.0) return 100;
    if (p <= 0.0) return 0;
    return std::min<std::int64_t>(static_cast<std::int64_t>(p * 100.0), 99);
}

std::string probability_decimal(double p) {
    if (p >= 1.0) return "1";
    if (p <= 0.0) return "0";
    return fmt::format("0.{:04}", probability_ten_thousandths(p));
}

std::string tenths_text(std::int64_t tenths) {
    return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

DrawSource draw_source(const std::vector<std::int64_t>& monthly_net, const std::optional<AssumedPace>& assumed) {
    DrawSource s;
    if (!assumed) {
        s.values = monthly_net;
        return s;
    }
    s.scale = 100;
    if (assumed->mode == AssumedPace::Mode::replace) {
        s.values = {assumed->hundredths};
        return s;
    }
    for (std::int64_t v : monthly_net) s.values.push_back(scaled(v, 100) + assumed->hundredths);
    return s;
}

Likelihood likelihood(const DrawSource& source, std::int64_t gap, std::int64_t months, Date as_of) {
    const auto a = answer(source.values, {{scaled(gap, source.scale), months, true}}, horizon_from(as_of));
    return likelihood_of(a.front(), as_of);
}

std::optional<std::int64_t> pace_ratio_tenths(const MilestoneForecast& m, Pace used) {
    if (m.met_now) return 0;
    if (m.days_left <= 0 || used.units <= 0 || used.days <= 0) return std::nullopt;
    // (gap / days left) / (units / days) = gap × days / (days left × units).
    const int128 num = static_cast<int128>(m.required_pace.units) * used.days * 10;
    const int128 den = static_cast<int128>(m.days_left) * used.units;
    return static_cast<std::int64_t>(std::min<int128>(num / den, std::numeric_limits<std::int64_t>::max()));
}

std::vector<BunchedMonth> bunching(const std::vector<Date>& planned_dates, Date as_of, std::int64_t best) {
    const std::int64_t limit = std::max<std::int64_t>(1, best);
    std::vector<BunchedMonth> out;
    for (auto it = std::upper_bound(planned_dates.begin(), planned_dates.end(), as_of); it != planned_dates.end();) {
        const int year = it->year();
        const unsigned month = it->month();
        const auto next =
            std::find_if(it, planned_dates.end(), [&](Date d) { return d.year() != year || d.month() != month; });
        const std::int64_t n = next - it;
        if (n > limit) out.push_back({year, month, n});
        it = next;
    }
    return out;
}

std::vector<BunchedMonth> bunched_months(const Plan& plan, Date as_of, std::int64_t& best, int& whole_months) {
    const CoverageTimeline timeline(plan.localities, as_of);
    const std::vector<std::int64_t> months = monthly_net(timeline, as_of, default_window_months);
    best = best_month(months);
    whole_months = static_cast<int>(months.size());
    if (months.size() < min_whole_months) return {};
    return bunching(compute_report(plan, as_of).planned_dates, as_of, best);
}

Feasibility feasibility(const Plan& plan, const Report& report, const Forecast& forecast) {
    Feasibility out;
    const Trend& t = forecast.trend;
    const CoverageTimeline timeline(plan.localities, t.as_of);
    out.monthly_net = monthly_net(timeline, t.as_of, t.window_months);
    out.best_month_net = best_month(out.monthly_net);
    if (out.monthly_net.size() < min_whole_months) out.missing = Missing::few_months;

    const DrawSource source = draw_source(out.monthly_net, forecast.assumed);
    std::vector<DrawGoal> goals;
    for (const MilestoneForecast& f : forecast.milestones) {
        MilestoneOutlook m;
        m.index = f.index;
        m.months = months_until(t.as_of, f.deadline);
        m.gap = f.required - t.covered;
        m.planned_more = report.milestones[f.index].planned;
        m.pace_ratio_tenths = pace_ratio_tenths(f, forecast.pace);
        out.milestones.push_back(m);
        goals.push_back({scaled(m.gap, source.scale), m.months, true});
        goals.push_back({scaled(m.planned_more, source.scale), m.months, false});
    }
    if (out.missing != Missing::none) return out;
    const std::vector<DrawAnswer> answers = answer(source.values, goals, horizon_from(t.as_of));
    for (std::size_t k = 0; k < out.milestones.size(); ++k) {
        if (!answers[2 * k].computed || !answers[2 * k + 1].computed) out.missing = Missing::too_spread;
    }
    if (out.missing != Missing::none) return out;
    for (std::size_t k = 0; k < out.milestones.size(); ++k) {
        out.milestones[k].likelihood = likelihood_of(answers[2 * k], t.as_of);
        out.milestones[k].plan_probability = answers[2 * k + 1].probability;
    }
    out.bunched = bunching(report.planned_dates, t.as_of, out.best_month_net);
    return out;
}

}  // namespace ontrack
