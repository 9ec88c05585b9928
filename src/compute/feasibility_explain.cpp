#include "feasibility_explain.hpp"

#include <algorithm>
#include <string>

#include "throughput.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

Term probability_term(const std::optional<double>& p) {
    if (!p) return std::monostate{};
    return Decimal{probability_decimal(*p)};
}

std::string list_text(const std::vector<std::int64_t>& values) {
    std::string out;
    for (std::int64_t v : values) out += (out.empty() ? "" : ", ") + std::to_string(v);
    return out;
}

struct Adder {
    std::vector<Explained>& out;
    void operator()(Figure figure, Form form, std::optional<std::size_t> milestone, const Term& value,
                    std::vector<Term> terms, const std::string& part = std::string()) const {
        Explained& e = out.emplace_back();
        e.figure = figure;
        e.form = form;
        e.milestone = milestone;
        e.value = value;
        e.terms = std::move(terms);
        e.part = part;
    }
};

void explain_milestone(const Forecast& f, const Feasibility& x, std::size_t k, const Report& r, const Adder& add) {
    const Trend& t = f.trend;
    const MilestoneForecast& m = f.milestones[k];
    const MilestoneOutlook& o = x.milestones[k];
    const auto whole = static_cast<std::int64_t>(x.monthly_net.size());
    add(Figure::months_left, Form::plain, m.index, o.months,
        {t.as_of, m.deadline, add_months(t.as_of, static_cast<int>(std::min<std::int64_t>(o.months, 1000000)))});
    const std::optional<double>& p = o.likelihood.probability;
    const DrawSource source = draw_source(x.monthly_net, f.assumed);
    if (!p) {
        add(Figure::probability, Form::not_computed, m.index, std::monostate{}, {Term{whole}});
    } else if (*p >= 1.0 || *p <= 0.0) {
        const auto& v = source.values;
        const std::int64_t edge =
            *p >= 1.0 ? *std::min_element(v.begin(), v.end()) : *std::max_element(v.begin(), v.end());
        add(Figure::probability, Form::exactly, m.index, probability_term(p),
            {t.covered, o.months, m.required, whole, Decimal{decimal_text(edge, source.scale, 2)}});
    } else {
        add(Figure::probability, Form::plain, m.index, probability_term(p), {t.covered, o.months, m.required, whole});
    }
    std::vector<Term> likely = {t.covered, m.required};
    for (const auto& d : o.likelihood.likely_by) {
        if (d)
            likely.emplace_back(*d);
        else
            likely.emplace_back(std::monostate{});
    }
    add(Figure::likely_by, p ? Form::plain : Form::not_computed, m.index, std::monostate{}, std::move(likely));
    const Pace& pace = f.pace;
    if (m.met_now) {
        add(Figure::pace_ratio, Form::met_now, m.index, Decimal{"0.0"}, {t.covered, m.required});
    } else if (!o.pace_ratio_tenths) {
        add(Figure::pace_ratio, Form::never, m.index, std::monostate{}, {pace.units});
    } else {
        const int128 num = static_cast<int128>(m.required_pace.units) * pace.days;
        const int128 den = static_cast<int128>(m.days_left) * pace.units;
        // The quotient's text from 64-bit terms when they fit; the tenths decide.
        const bool fits = num <= INT64_MAX && den <= INT64_MAX;
        add(Figure::pace_ratio, Form::plain, m.index, Decimal{tenths_text(*o.pace_ratio_tenths)},
            {m.required_pace.units, pace.days, m.days_left, pace.units,
             fits ? Term{Decimal{decimal_text(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den), 3)}}
                  : Term{}});
    }
    const std::int64_t planned = r.milestones[m.index].planned;
    add(Figure::plan_probability, o.plan_probability ? Form::plain : Form::not_computed, m.index,
        probability_term(o.plan_probability), {planned, o.months, whole});
}

}  // namespace

void explain_feasibility(const Report& r, const Forecast& f, const Feasibility& x, const std::optional<Schedule>& s,
                         const League* league, std::vector<Explained>& out) {
    const Adder add{out};
    const Trend& t = f.trend;
    if (f.assumed) {
        const std::string used = decimal_text(static_cast<std::int64_t>(per_month_milli(f.pace)), 1000, 3);
        add(Figure::assumed_pace, f.assumed->mode == AssumedPace::Mode::add ? Form::add : Form::plain, {},
            Decimal{assumed_pace_text(*f.assumed)}, {Decimal{per_month_text(t.pace)}, Decimal{used}});
    }
    add(Figure::monthly_net, Form::plain, {}, std::monostate{},
        {t.as_of, static_cast<std::int64_t>(x.monthly_net.size()), Decimal{list_text(x.monthly_net)}});
    add(Figure::best_month, Form::plain, {}, x.best_month_net, {Decimal{list_text(x.monthly_net)}});
    for (std::size_t k = 0; k < f.milestones.size(); ++k) explain_milestone(f, x, k, r, add);
    for (const BunchedMonth& b : x.bunched)
        add(Figure::bunched_month, Form::plain, {}, b.planned, {Date::from_ymd(b.year, b.month, 1), x.best_month_net});
    if (s && !s->rows.empty()) {
        const ScheduleRow& row = s->rows.front();
        // The road's points around the row's day: (as-of, covered), then each upcoming deadline.
        Date d0 = r.as_of, d1 = r.as_of;
        std::int64_t v0 = r.covered, v1 = r.covered;
        for (const MilestoneResult& m : r.milestones) {
            if (!m.upcoming) continue;
            d1 = m.deadline;
            v1 = std::max(m.required, v0);
            if (d1 >= row.end) break;
            d0 = d1;
            v0 = v1;
        }
        add(Figure::schedule_needed, Form::plain, {}, row.needed, {row.end, d0, v0, d1, v1});
        add(Figure::schedule_planned, Form::plain, {}, row.planned, {row.end, r.covered, row.planned - r.covered});
        add(Figure::schedule_at_pace, Form::plain, {}, row.at_pace,
            {row.end, r.covered, f.pace.units, days_between(r.as_of, row.end), f.pace.days});
    }
    if (!league || !league->next) return;
    const MilestoneResult& next = r.milestones[*league->next];
    for (const LeagueRow& row : league->rows) {
        if (!row.shortfall_at_share || !row.required_at_share || !row.expected_at_next) continue;
        if (next.target.kind == Target::Kind::percent)
            add(Figure::part_share, Form::percent_target, league->next, *row.shortfall_at_share,
                {next.target.percent, row.total, *row.required_at_share, *row.expected_at_next}, row.name);
        else
            add(Figure::part_share, Form::count_target, league->next, *row.shortfall_at_share,
                {next.target.count, row.total, r.total, *row.required_at_share, *row.expected_at_next}, row.name);
        if (!row.forecast) continue;
        const PartForecast& pf = *row.forecast;
        add(Figure::part_probability, pf.likelihood.probability ? Form::plain : Form::not_computed, league->next,
            probability_term(pf.likelihood.probability), {pf.covered, pf.months, pf.required}, row.name);
    }
}

}  // namespace ontrack
