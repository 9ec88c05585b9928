#include "forecast.hpp"

#include "msgid.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "compute.hpp"
#include "wide_division.hpp"

namespace ontrack {
namespace {

// a / b rounded half away from zero, b > 0.
int128 round_div(int128 a, int128 b) {
    return a >= 0 ? (2 * a + b) / (2 * b) : -((-2 * a + b) / (2 * b));
}

std::string int128_text(int128 v) {
    if (v == 0) return "0";
    const bool negative = v < 0;
    std::string digits;
    while (v != 0) {
        const int d = static_cast<int>(v % 10);
        digits.push_back(static_cast<char>('0' + (d < 0 ? -d : d)));
        v /= 10;
    }
    if (negative) digits.push_back('-');
    return std::string(digits.rbegin(), digits.rend());
}

std::string decimal_text128(int128 num, int128 den, int digits) {
    const bool negative = num < 0;
    const int128 a = negative ? -num : num;
    std::string out = (negative ? "-" : "") + int128_text(a / den);
    int128 rem = a % den;
    std::string frac;
    for (int k = 0; k < digits && rem != 0; ++k) {
        rem *= 10;
        frac.push_back(static_cast<char>('0' + static_cast<int>(rem / den)));
        rem %= den;
    }
    if (!frac.empty()) out += "." + frac;
    if (rem != 0) out += "...";
    return out;
}

std::int64_t per_month_scaled(Pace pace, std::int64_t divisor) {
    if (pace.units == 0) return 0;
    if (pace.days <= 0) throw std::invalid_argument("a pace needs a positive number of days");
    return static_cast<std::int64_t>(
        round_div(static_cast<int128>(pace.units) * month_millionths_of_day, static_cast<int128>(pace.days) * divisor));
}

const Date last_calendar_day = Date::from_ymd(9999, 12, 31);

// The units a trend adds in `days` days: floor(units × days / window days).
// A window of no days (the as-of day is the calendar's first) has seen no
// unit either, so it adds none.
int128 trend_step(const Pace& pace, std::int64_t days) {
    if (pace.days <= 0) return 0;
    return floor_div(static_cast<int128>(pace.units) * days, pace.days);
}

}  // namespace

std::string decimal_text(std::int64_t num, std::int64_t den, int digits) {
    if (den <= 0) throw std::invalid_argument("decimal_text needs a positive denominator");
    return decimal_text128(num, den, digits);
}

std::int64_t per_month_milli(Pace pace) {
    return per_month_scaled(pace, 1000);
}
std::int64_t per_month_tenths(Pace pace) {
    return per_month_scaled(pace, 100000);
}
std::string per_month_text(Pace pace) {
    const std::int64_t t = per_month_tenths(pace);
    const std::int64_t a = t < 0 ? -t : t;
    return fmt::format("{}{}.{}", t < 0 ? "-" : "", a / 10, a % 10);
}

const char* to_string(Progress p) {
    switch (p) {
        case Progress::on_track: return N_("on track");
        case Progress::needs_acceleration: return N_("needs acceleration");
        case Progress::stagnant: return N_("stagnant or regressing");
    }
    return "?";
}

Progress grade(Ratio r) {
    const int128 scaled = static_cast<int128>(r.num) * 100;
    if (scaled >= static_cast<int128>(r.den) * 95) return Progress::on_track;
    if (scaled >= static_cast<int128>(r.den) * 10) return Progress::needs_acceleration;
    return Progress::stagnant;
}

std::int64_t ratio_hundredths(Ratio r) {
    return static_cast<std::int64_t>(static_cast<int128>(r.num) * 100 / r.den);
}

std::string ratio_text(Ratio r) {
    const std::int64_t h = ratio_hundredths(r);
    const std::int64_t a = h < 0 ? -h : h;
    return fmt::format("{}{}.{:02}", h < 0 ? "-" : "", a / 100, a % 100);
}

Trend trend_of(const Plan& plan, Date as_of, int window_months) {
    if (window_months < 1 || window_months > max_window_months)
        throw std::invalid_argument(fmt::format("the window must be 1 to {} months", max_window_months));
    Trend t;
    t.window_months = window_months;
    t.as_of = as_of;
    t.window_start = add_months(as_of, -window_months);
    // Clamped to the first day of the calendar (a window cannot start before year 1).
    const Date first_day = Date::from_ymd(1, 1, 1);
    t.window_start = std::max(t.window_start, first_day);
    const CoverageTimeline timeline(plan.localities, as_of);
    t.baseline = timeline.on(t.window_start);
    t.covered = timeline.on(as_of);
    t.total = plan.total;
    t.pace = {t.covered - t.baseline, days_between(t.window_start, as_of)};
    return t;
}

std::optional<AssumedPace> parse_assumed_pace(std::string_view text) {
    AssumedPace out;
    if (!text.empty() && text.front() == '+') {
        out.mode = AssumedPace::Mode::add;
        text.remove_prefix(1);
    }
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 7 || (dot != std::string_view::npos && (frac.empty() || frac.size() > 2)))
        return std::nullopt;
    std::int64_t h = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        h = h * 10 + (c - '0');
    }
    h *= 100;
    std::int64_t scale = 10;
    for (char c : frac) {
        if (c < '0' || c > '9') return std::nullopt;
        h += (c - '0') * scale;
        scale /= 10;
    }
    if (h > max_assumed_pace_hundredths) return std::nullopt;
    out.hundredths = h;
    return out;
}

const char* to_string(AssumedPace::Mode mode) {
    return mode == AssumedPace::Mode::replace ? "replace" : "add";
}

std::string assumed_pace_text(const AssumedPace& pace) {
    return decimal_text(pace.hundredths, 100, 2);
}

Pace pace_used(Pace achieved, const std::optional<AssumedPace>& assumed) {
    if (!assumed) return achieved;
    // N a month is N × 10^4 / 30,436,875 units a day (N in hundredths):
    // per_month of {N × 10^4, 30,436,875} is N / 100.
    const Pace wanted{assumed->hundredths * 10000, month_millionths_of_day};
    if (assumed->mode == AssumedPace::Mode::replace || achieved.days <= 0) return wanted;
    // a / b + c / d = (a d + c b) / (b d), checked.
    Pace sum;
    std::int64_t ad = 0, cb = 0;
    if (__builtin_mul_overflow(achieved.units, wanted.days, &ad) ||
        __builtin_mul_overflow(wanted.units, achieved.days, &cb) || __builtin_add_overflow(ad, cb, &sum.units) ||
        __builtin_mul_overflow(achieved.days, wanted.days, &sum.days))
        throw std::overflow_error("the assumed pace added to the achieved one does not fit 64 bits");
    return sum;
}

std::int64_t projected_after(const Forecast& f, std::int64_t days) {
    const int128 projected = f.trend.covered + trend_step(f.pace, days);
    return static_cast<std::int64_t>(std::clamp<int128>(projected, 0, f.trend.total));
}

Forecast forecast(const Plan& plan, Date as_of, int window_months, const std::optional<AssumedPace>& assumed) {
    Forecast f;
    f.trend = trend_of(plan, as_of, window_months);
    f.assumed = assumed;
    f.pace = pace_used(f.trend.pace, assumed);
    const Trend& t = f.trend;
    const Pace& pace = f.pace;
    for (std::size_t k = 0; k < plan.milestones.size(); ++k) {
        const Milestone& m = plan.milestones[k];
        if (m.deadline < as_of) continue;
        MilestoneForecast mf;
        mf.index = k;
        mf.name = m.name;
        mf.deadline = m.deadline;
        mf.required = m.required;
        mf.days_left = days_between(as_of, m.deadline);
        const std::int64_t gap = m.required - t.covered;
        mf.met_now = gap <= 0;
        mf.due_today = !mf.met_now && mf.days_left == 0;
        mf.required_pace = {std::max<std::int64_t>(0, gap), mf.days_left};

        mf.projected = projected_after(f, mf.days_left);

        if (mf.met_now) {
            mf.reached = as_of;
        } else if (pace.units > 0) {
            const int128 days = ceil_div(static_cast<int128>(gap) * pace.days, pace.units);
            if (days <= days_between(as_of, last_calendar_day))
                mf.reached = Date{static_cast<std::int32_t>(as_of.days + days)};
            else
                mf.reached_after_calendar = true;
        }

        if (m.required <= t.baseline) {
            // R's denominator would be zero or negative: R is not computed;
            // the projection alone decides.
            mf.nothing_needed = true;
            mf.progress = mf.projected >= m.required ? Progress::on_track : Progress::stagnant;
        } else {
            mf.ratio = {mf.projected - t.baseline, m.required - t.baseline};
            mf.progress = grade(mf.ratio);
        }
        f.milestones.push_back(std::move(mf));
    }
    f.buffer = safety_buffer(plan, as_of);
    return f;
}

std::optional<Date> buffer_start(const Plan& plan) {
    if (plan.start) return plan.start;
    std::optional<Date> first;
    for (const Locality& loc : plan.localities)
        if (!loc.events.empty() && (!first || loc.events.front().date < *first)) first = loc.events.front().date;
    return first;
}

std::optional<SafetyBuffer> safety_buffer(const Plan& plan, Date as_of) {
    const std::optional<Date> start = buffer_start(plan);
    if (!start || *start > as_of) return std::nullopt;
    const CoverageTimeline timeline(plan.localities, as_of);
    SafetyBuffer b;
    b.start = *start;
    b.start_from_events = !plan.start;
    b.covered = timeline.on(as_of);
    b.path.push_back({b.start, timeline.on(b.start)});
    for (const Milestone& m : plan.milestones)
        if (m.deadline > b.start) b.path.push_back({m.deadline, m.required});
    if (b.path.size() < 2) return std::nullopt;

    // The path on as-of, exactly.
    const std::size_t last = b.path.size() - 1;
    if (as_of >= b.path[last].date) {
        b.segment = last;
        b.path_whole = b.path[last].value;
    } else {
        std::size_t k = 0;
        while (b.path[k + 1].date <= as_of) ++k;
        const auto& p0 = b.path[k];
        const auto& p1 = b.path[k + 1];
        const std::int64_t len = days_between(p0.date, p1.date);
        const int128 num = static_cast<int128>(p0.value) * len +
                           static_cast<int128>(p1.value - p0.value) * days_between(p0.date, as_of);
        const int128 whole = floor_div(num, len);
        b.segment = k;
        b.path_whole = static_cast<std::int64_t>(whole);
        b.path_rem = static_cast<std::int64_t>(num - whole * len);
        b.path_den = len;
    }
    const std::int64_t ceil_now = b.path_whole + (b.path_rem > 0 ? 1 : 0);
    if (ceil_now > b.covered) {
        b.state = SafetyBuffer::State::below;
        b.units = ceil_now - b.covered;
        return b;
    }

    // path(D) ≤ covered on as-of; the first D where it rises above lies on a
    // rising segment: v0 + (v1 − v0)(D − d0)/len > c  ⇔  D − d0 > (c − v0) len / (v1 − v0)
    // ⇔  D − d0 ≥ floor((c − v0) len / (v1 − v0)) + 1.
    for (std::size_t k = b.segment; k < last; ++k) {
        const auto& p0 = b.path[k];
        const auto& p1 = b.path[k + 1];
        if (p1.value <= p0.value) continue;  // not rising: its highest point is its start, already not above
        const std::int64_t len = days_between(p0.date, p1.date);
        const int128 offset = floor_div(static_cast<int128>(b.covered - p0.value) * len, p1.value - p0.value) + 1;
        const int128 day = p0.date.days + std::max<int128>(offset, 0);
        if (day <= p1.date.days) {
            b.state = SafetyBuffer::State::safe;
            b.until = Date{static_cast<std::int32_t>(day)};
            b.days = days_between(as_of, b.until);
            return b;
        }
    }
    b.state = SafetyBuffer::State::clear;
    return b;
}

namespace {

// num / den as a decimal; 0 over a window of no days (see trend_step()).
Term dec(int128 num, int128 den, int digits) {
    return Decimal{den == 0 ? std::string("0") : decimal_text128(num, den, digits)};
}
Term wide(int128 v) {
    return Decimal{int128_text(v)};
}
Term num(std::int64_t v) {
    return v;
}

void explain_report(const Report& r, std::vector<Explained>& out) {
    auto add = [&](Figure figure, Form form, std::optional<std::size_t> milestone, Term value,
                   std::vector<Term> terms) {
        out.push_back({figure, form, milestone, std::move(value), std::move(terms)});
    };
    if (r.unlisted == 0)
        add(Figure::total, Form::plain, {}, r.total, {num(r.listed)});
    else
        add(Figure::total, Form::with_unlisted, {}, r.total, {num(r.listed), num(r.unlisted), num(r.total)});
    add(Figure::drug_free, Form::plain, {}, r.covered, {r.as_of});
    if (r.total <= 0)
        add(Figure::share, Form::no_units, {}, {}, {num(r.covered), num(r.total)});
    else
        add(Figure::share, Form::plain, {}, {},
            {num(r.covered), num(r.total), dec(static_cast<int128>(r.covered) * 100, r.total, 3)});
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        if (m.target.kind == Target::Kind::count) {
            add(Figure::required, Form::count_target, k, m.required, {num(m.target.count)});
        } else {
            int128 den = 100;
            for (int s = 0; s < m.target.percent.scale; ++s) den *= 10;
            const int128 n = static_cast<int128>(m.target.percent.units) * r.total;
            add(Figure::required, Form::percent_target, k, m.required,
                {m.target.percent, num(r.total), dec(n, den, 2 + m.target.percent.scale), num(m.required)});
        }
        if (m.upcoming)
            add(Figure::covered, Form::plain, k, m.covered,
                {r.as_of, num(m.covered - m.planned), r.as_of, m.deadline, num(m.planned), num(m.covered)});
        else
            add(Figure::covered, Form::past, k, m.covered, {m.deadline});
        add(Figure::shortfall, Form::plain, k, m.shortfall, {num(m.required), num(m.covered), num(m.shortfall)});
        add(Figure::verdict, m.upcoming ? Form::plain : Form::past, k, m.verdict,
            {m.deadline, r.as_of, num(m.shortfall), m.verdict});
    }
    add(Figure::overdue, Form::plain, {}, static_cast<std::int64_t>(r.overdue.size()), {r.as_of});
    add(Figure::planned_ahead, Form::plain, {}, r.planned_ahead, {r.as_of});
    add(Figure::unplanned, Form::plain, {}, static_cast<std::int64_t>(r.unplanned.size()), {r.as_of});
    add(Figure::not_listed, Form::plain, {}, r.unlisted, {num(r.total), num(r.listed), num(r.unlisted)});
}

void explain_forecast(const Forecast& f, std::vector<Explained>& out) {
    auto add = [&](Figure figure, Form form, std::optional<std::size_t> milestone, Term value,
                   std::vector<Term> terms) {
        out.push_back({figure, form, milestone, std::move(value), std::move(terms)});
    };
    const Trend& t = f.trend;
    add(Figure::trend_window, t.window_months == 1 ? Form::one_month : Form::plain, {}, {},
        {t.as_of, num(t.window_months), t.window_start, num(t.pace.days)});
    add(Figure::baseline, Form::plain, {}, t.baseline, {t.window_start});
    add(Figure::pace, Form::plain, {}, Decimal{per_month_text(t.pace)},
        {num(t.covered), num(t.baseline), num(t.pace.days), num(t.pace.units), num(t.pace.days),
         dec(static_cast<int128>(t.pace.units) * month_millionths_of_day, static_cast<int128>(t.pace.days) * 1000000,
             4)});
    for (const MilestoneForecast& m : f.milestones) {
        const std::size_t k = m.index;
        if (m.met_now)
            add(Figure::required_pace, Form::met_now, k, num(0), {num(t.covered), num(m.required)});
        else if (m.due_today)
            add(Figure::required_pace, Form::due_today, k, {},
                {num(m.required), num(t.covered), num(m.required_pace.units), m.deadline});
        else
            add(Figure::required_pace, Form::plain, k, Decimal{per_month_text(m.required_pace)},
                {num(m.required), num(t.covered), num(m.days_left),
                 dec(static_cast<int128>(m.required_pace.units) * month_millionths_of_day,
                     static_cast<int128>(m.days_left) * 1000000, 4)});
        const int128 raw = static_cast<int128>(f.pace.units) * m.days_left;
        const int128 step = trend_step(f.pace, m.days_left);
        const int128 unclamped = t.covered + step;
        std::vector<Term> projected = {num(t.covered),   num(f.pace.units), num(m.days_left),
                                       num(f.pace.days), num(t.covered),    wide(raw),
                                       num(f.pace.days), num(t.covered),    num(static_cast<std::int64_t>(step)),
                                       wide(unclamped)};
        const bool clamped = unclamped != m.projected;
        if (clamped) {
            projected.push_back(num(t.total));
            projected.push_back(num(m.projected));
        }
        add(Figure::projected, clamped ? Form::clamped : Form::plain, k, m.projected, std::move(projected));
        if (m.met_now) {
            add(Figure::reached, Form::met_now, k, *m.reached, {num(t.covered), num(m.required)});
        } else if (f.pace.units <= 0) {
            add(Figure::reached, Form::never, k, {}, {num(f.pace.units), num(t.covered), num(m.required)});
        } else {
            const int128 days = ceil_div(static_cast<int128>(m.required - t.covered) * f.pace.days, f.pace.units);
            add(Figure::reached, m.reached ? Form::plain : Form::after_calendar, k,
                m.reached ? Term{*m.reached} : Term{},
                {t.as_of, num(m.required), num(t.covered), num(f.pace.days), num(f.pace.units), t.as_of, wide(days)});
        }
        if (m.nothing_needed)
            add(Figure::ratio, Form::nothing_needed, k, {}, {num(m.required), num(t.baseline)});
        else
            add(Figure::ratio, Form::plain, k, Decimal{ratio_text(m.ratio)},
                {num(m.projected), num(t.baseline), num(m.required), num(t.baseline), num(m.ratio.num),
                 num(m.ratio.den), Decimal{decimal_text(m.ratio.num, m.ratio.den, 4)}});
        if (m.nothing_needed)
            add(Figure::progress, Form::nothing_needed, k, m.progress, {num(m.projected), num(m.required)});
        else
            add(Figure::progress, Form::plain, k, m.progress, {});
    }
    if (!f.buffer) return;
    const SafetyBuffer& b = *f.buffer;
    const Term path = dec(static_cast<int128>(b.path_whole) * b.path_den + b.path_rem, b.path_den, 3);
    if (b.segment + 1 < b.path.size()) {
        const auto& p0 = b.path[b.segment];
        const auto& p1 = b.path[b.segment + 1];
        add(Figure::required_path, Form::plain, {}, path,
            {t.as_of, num(p0.value), num(p1.value), num(p0.value), num(days_between(p0.date, t.as_of)),
             num(days_between(p0.date, p1.date)), path, num(p0.value), p0.date, num(p1.value), p1.date});
    } else {
        add(Figure::required_path, Form::after_last_deadline, {}, path, {t.as_of, num(b.path.back().value)});
    }
    switch (b.state) {
        case SafetyBuffer::State::below:
            add(Figure::safety_buffer, Form::plain, {}, b.state, {path, num(b.covered), num(b.units)});
            break;
        case SafetyBuffer::State::safe:
            add(Figure::safety_buffer, Form::plain, {}, b.state,
                {num(b.covered), b.until, b.until, t.as_of, num(b.days)});
            break;
        case SafetyBuffer::State::clear:
            add(Figure::safety_buffer, Form::plain, {}, b.state, {num(b.covered), num(b.path.back().value)});
            break;
    }
}

}  // namespace

std::vector<Explained> explain(const Report& report, const Forecast* forecast) {
    std::vector<Explained> out;
    explain_report(report, out);
    if (forecast) explain_forecast(*forecast, out);
    return out;
}

}  // namespace ontrack
