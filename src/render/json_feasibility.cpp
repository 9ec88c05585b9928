#include "json_feasibility.hpp"

#include <fmt/format.h>

namespace ontrack {
namespace {

const char* missing_name(Missing m) {
    switch (m) {
        case Missing::none: return nullptr;
        case Missing::few_months: return "fewer than 3 whole months in the window";
        case Missing::too_spread: return "monthly counts too spread out to compute exactly";
    }
    return nullptr;
}

void write_missing(JsonWriter& w, Missing m) {
    w.key("probability_not_computed");
    if (const char* why = missing_name(m))
        w.value(why);
    else
        w.value(nullptr);
}

}  // namespace

void write_probability(JsonWriter& w, const std::optional<double>& p) {
    if (!p) return w.value(nullptr);
    w.raw(probability_decimal(*p));
}

void write_likely_by(JsonWriter& w, const Likelihood& l) {
    static const char* const keys[likely_level_count] = {"50", "85", "95"};
    w.begin_object();
    for (std::size_t q = 0; q < likely_level_count; ++q) w.member(keys[q], l.likely_by[q]);
    w.end_object();
}

void write_milestone_outlook(JsonWriter& w, const MilestoneOutlook& m) {
    w.member("months", m.months);
    w.key("probability");
    write_probability(w, m.likelihood.probability);
    w.key("likely_by");
    write_likely_by(w, m.likelihood);
    w.key("pace_ratio");
    if (m.pace_ratio_tenths)
        w.raw(tenths_text(*m.pace_ratio_tenths));
    else
        w.value(nullptr);
    w.key("plan_probability");
    write_probability(w, m.plan_probability);
}

void write_feasibility(JsonWriter& w, const Forecast& f, const Feasibility& x, const std::optional<Schedule>& s) {
    w.key("assumed_pace");
    if (f.assumed) {
        w.begin_object();
        w.member("mode", to_string(f.assumed->mode));
        w.key("value");
        w.raw(assumed_pace_text(*f.assumed));
        w.end_object();
    } else {
        w.value(nullptr);
    }
    w.key("monthly_net");
    w.begin_array();
    for (std::int64_t n : x.monthly_net) w.value(n);
    w.end_array();
    w.member("best_month_net", x.best_month_net);
    write_missing(w, x.missing);
    w.key("bunched");
    if (x.missing != Missing::none) {
        w.value(nullptr);
    } else {
        w.begin_array();
        for (const BunchedMonth& b : x.bunched) {
            w.begin_object();
            w.member("month", fmt::format("{:04}-{:02}", b.year, b.month));
            w.member("planned", b.planned);
            w.end_object();
        }
        w.end_array();
    }
    w.key("schedule");
    if (!s) return w.value(nullptr);
    w.begin_object();
    w.member("period", period_names[static_cast<int>(s->period)]);
    w.key("rows");
    w.begin_array();
    for (const ScheduleRow& r : s->rows) {
        w.begin_object();
        w.member("end", r.end);
        w.member("needed", r.needed);
        w.member("planned", r.planned);
        w.member("at_pace", r.at_pace);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_part_forecast(JsonWriter& w, const std::optional<PartForecast>& f) {
    if (!f) return w.value(nullptr);
    w.begin_object();
    w.member("deadline", f->deadline);
    w.member("required", f->required);
    w.member("expected", f->expected);
    w.member("shortfall", f->shortfall);
    w.member("months", f->months);
    w.key("probability");
    write_probability(w, f->likelihood.probability);
    w.key("likely_by");
    write_likely_by(w, f->likelihood);
    write_missing(w, f->missing);
    w.end_object();
}

}  // namespace ontrack
