#include "forecast.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "compute.hpp"
#include "i18n.hpp"
#include "render/wording.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

// Floor and ceiling of a / b for b > 0, toward −infinity and +infinity.
// |n| (at most 2^64 - 1), which chooses a message's plural form.
std::uint64_t plural_count(int128 n) {
    if (n < 0) n = -n;
    return n > static_cast<int128>(UINT64_MAX) ? UINT64_MAX : static_cast<std::uint64_t>(n);
}

int128 floor_div(int128 a, int128 b) {
    const int128 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}
int128 ceil_div(int128 a, int128 b) {
    const int128 q = a / b;
    return (a % b != 0 && a > 0) ? q + 1 : q;
}
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
    const CoverageTimeline timeline(plan.localities, as_of);
    t.baseline = timeline.on(t.window_start);
    t.covered = timeline.on(as_of);
    t.total = plan.total;
    t.pace = {t.covered - t.baseline, days_between(t.window_start, as_of)};
    return t;
}

Forecast forecast(const Plan& plan, Date as_of, int window_months) {
    Forecast f;
    f.trend = trend_of(plan, as_of, window_months);
    const Trend& t = f.trend;
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

        const int128 projected = t.covered + floor_div(static_cast<int128>(t.pace.units) * mf.days_left, t.pace.days);
        mf.projected = static_cast<std::int64_t>(std::clamp<int128>(projected, 0, t.total));

        if (mf.met_now) {
            mf.reached = as_of;
        } else if (t.pace.units > 0) {
            const int128 days = ceil_div(static_cast<int128>(gap) * t.pace.days, t.pace.units);
            if (days <= days_between(as_of, last_calendar_day))
                mf.reached = Date{static_cast<std::int32_t>(as_of.days + days)};
            else
                mf.reached_after_calendar = true;
        }

        if (m.required <= t.baseline) {
            mf.nothing_needed = true;
            mf.progress = Progress::on_track;
        } else {
            mf.ratio = {mf.projected - t.baseline, m.required - t.baseline};
            mf.progress = grade(mf.ratio);
        }
        f.milestones.push_back(std::move(mf));
    }
    f.buffer = safety_buffer(plan, as_of);
    return f;
}

std::optional<SafetyBuffer> safety_buffer(const Plan& plan, Date as_of) {
    if (!plan.start || *plan.start > as_of) return std::nullopt;
    const CoverageTimeline timeline(plan.localities, as_of);
    SafetyBuffer b;
    b.start = *plan.start;
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

std::string buffer_text(const SafetyBuffer& b) {
    switch (b.state) {
        case SafetyBuffer::State::safe:
            return trn("safe for {} day", "safe for {} days", static_cast<std::uint64_t>(b.days), b.days);
        case SafetyBuffer::State::below:
            return trn("below the path by {} unit", "below the path by {} units", static_cast<std::uint64_t>(b.units),
                       b.units);
        case SafetyBuffer::State::clear: return tr("at or above the path to the last milestone");
    }
    return "?";
}

namespace {

std::string signed_text(std::int64_t v) {
    return v < 0 ? fmt::format("({})", v) : fmt::format("{}", v);
}

// A line whose value and formula have their decimal points localised (the
// numbers in them are never grouped by thousands).
void add(std::vector<ExplainLine>& out, std::string label, std::string value, std::string formula) {
    out.push_back({std::move(label), human_decimal(std::move(value)), human_decimal(std::move(formula))});
}

void explain_report(const Report& r, std::vector<ExplainLine>& out) {
    const std::string as_of = human_date(r.as_of);
    add(out, tr("Total"), fmt::format("{}", r.total),
        r.unlisted == 0 ? trf("{} listed localities", r.listed)
                        : trf("{} listed + {} not listed = {}", r.listed, r.unlisted, r.total));
    add(out, trf("Drug-free on {}", as_of), fmt::format("{}", r.covered),
        trf("listed localities whose latest event on or before {} is a certification", as_of));
    add(out, tr("Share drug-free"), share_text(r.covered, r.total),
        r.total <= 0 ? std::string(tr("no units"))
                     : trf("{} × 100 / {} = {} (rounded half up to 0.1)", r.covered, r.total,
                           decimal_text128(static_cast<int128>(r.covered) * 100, r.total, 3)));
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        const std::string label = milestone_label(m, k);
        const std::string deadline = human_date(m.deadline);
        if (m.target.kind == Target::Kind::count) {
            add(out, trf("{} required", label), fmt::format("{}", m.required),
                trf("count target = {}", m.target.count));
        } else {
            int128 den = 100;
            for (int s = 0; s < m.target.percent.scale; ++s) den *= 10;
            const int128 num = static_cast<int128>(m.target.percent.units) * r.total;
            add(out, trf("{} required", label), fmt::format("{}", m.required),
                fmt::format("ceil({} × {} / 100) = ceil({}) = {}", to_string(m.target.percent), r.total,
                            decimal_text128(num, den, 2 + m.target.percent.scale), m.required));
        }
        if (m.upcoming) {
            add(out, trf("{} covered", label), fmt::format("{}", m.covered),
                trf("drug-free on {} ({}) + not drug-free with a planned date in ({}, {}] ({}) = {}", as_of,
                    m.covered - m.planned, as_of, deadline, m.planned, m.covered));
        } else {
            add(out, trf("{} covered", label), fmt::format("{}", m.covered),
                trf("drug-free on the deadline {}", deadline));
        }
        add(out, trf("{} shortfall", label), fmt::format("{}", m.shortfall),
            fmt::format("max(0, {} − {}) = {}", m.required, m.covered, m.shortfall));
        const char* verdict = tr(to_string(m.verdict));
        add(out, trf("{} verdict", label), verdict,
            m.upcoming
                ? trf("deadline {} on or after as-of {}, shortfall {} → {}", deadline, as_of, m.shortfall, verdict)
                : trf("deadline {} before as-of {}, shortfall {} → {}", deadline, as_of, m.shortfall, verdict));
    }
    add(out, tr("Overdue"), fmt::format("{}", r.overdue.size()),
        trf("not drug-free on {} with a planned date on or before it", as_of));
    add(out, tr("Planned ahead"), fmt::format("{}", r.planned_ahead),
        trf("not drug-free on {} with a planned date after it", as_of));
    add(out, tr("Unplanned"), fmt::format("{}", r.unplanned.size()),
        trf("listed, not drug-free on {}, no planned date", as_of));
    add(out, tr("Not listed"), fmt::format("{}", r.unlisted),
        trf("total {} − listed {} = {}", r.total, r.listed, r.unlisted));
}

void explain_forecast(const Report& r, const Forecast& f, std::vector<ExplainLine>& out) {
    const Trend& t = f.trend;
    const std::string as_of = human_date(t.as_of);
    const std::string start = human_date(t.window_start);
    add(out, tr("Trend window"), trf("{} to {}", start, as_of),
        trn("{} minus {} month = {}; {} days", "{} minus {} months = {}; {} days",
            static_cast<std::uint64_t>(t.window_months), as_of, t.window_months, start, t.pace.days));
    add(out, tr("Baseline"), fmt::format("{}", t.baseline), trf("drug-free on {}", start));
    add(out, tr("Pace achieved"), trf("{} per month", per_month_text(t.pace)),
        trf("({} − {}) × 30.436875 / {} = {} × 30.436875 / {} = {} (a month is 365.2425 / 12 days)", t.covered,
            t.baseline, t.pace.days, t.pace.units, t.pace.days,
            decimal_text128(static_cast<int128>(t.pace.units) * month_millionths_of_day,
                            static_cast<int128>(t.pace.days) * 1000000, 4)));
    for (const MilestoneForecast& m : f.milestones) {
        const std::string label = m.index < r.milestones.size()
                                      ? milestone_label(r.milestones[m.index], m.index)
                                      : (m.name.empty() ? trf("Milestone {}", m.index + 1) : m.name);
        const std::string deadline = human_date(m.deadline);
        if (m.met_now)
            add(out, trf("{} required pace", label), trf("{} per month", 0),
                trf("drug-free now {} ≥ required {}", t.covered, m.required));
        else if (m.due_today)
            add(out, trf("{} required pace", label), tr("due today"),
                trn("{} − {} = {} unit due on {}", "{} − {} = {} units due on {}", plural_count(m.required_pace.units),
                    m.required, t.covered, m.required_pace.units, deadline));
        else
            add(out, trf("{} required pace", label), trf("{} per month", per_month_text(m.required_pace)),
                fmt::format("({} − {}) × 30.436875 / {} = {}", m.required, t.covered, m.days_left,
                            decimal_text128(static_cast<int128>(m.required_pace.units) * month_millionths_of_day,
                                            static_cast<int128>(m.days_left) * 1000000, 4)));
        const int128 raw = static_cast<int128>(t.pace.units) * m.days_left;
        const int128 step = floor_div(raw, t.pace.days);
        const int128 unclamped = t.covered + step;
        std::string projected =
            fmt::format("{} + floor({} × {} / {}) = {} + floor({}/{}) = {} + {} = {}", t.covered,
                        signed_text(t.pace.units), m.days_left, t.pace.days, t.covered, int128_text(raw), t.pace.days,
                        t.covered, signed_text(static_cast<std::int64_t>(step)), int128_text(unclamped));
        if (unclamped != m.projected) projected += trf(", clamped to [0, {}] = {}", t.total, m.projected);
        add(out, trf("{} projected", label), fmt::format("{}", m.projected), projected);
        if (m.met_now) {
            add(out, trf("{} reached", label), human_date(*m.reached),
                trf("drug-free now {} ≥ required {}", t.covered, m.required));
        } else if (t.pace.units <= 0) {
            add(out, trf("{} reached", label), tr("never"),
                trf("pace {} ≤ 0 and drug-free now {} < required {}", t.pace.units, t.covered, m.required));
        } else {
            const int128 days = ceil_div(static_cast<int128>(m.required - t.covered) * t.pace.days, t.pace.units);
            add(out, trf("{} reached", label), m.reached ? human_date(*m.reached) : std::string(tr("after 9999-12-31")),
                trn("{} + ceil(({} − {}) × {} / {}) days = {} + {} day",
                    "{} + ceil(({} − {}) × {} / {}) days = {} + {} days", plural_count(days), as_of, m.required,
                    t.covered, t.pace.days, t.pace.units, as_of, int128_text(days)));
        }
        if (m.nothing_needed) {
            add(out, trf("{} R", label), tr("reached"),
                trf("required {} ≤ baseline {}: nothing more was needed", m.required, t.baseline));
        } else {
            add(out, trf("{} R", label), ratio_text(m.ratio),
                trf("({} − {}) / ({} − {}) = {}/{} = {} (truncated to 0.01)", m.projected, t.baseline, m.required,
                    t.baseline, m.ratio.num, m.ratio.den, decimal_text(m.ratio.num, m.ratio.den, 4)));
        }
        const char* band = m.nothing_needed                             ? tr("nothing more needed")
                           : m.progress == Progress::on_track           ? "R ≥ 0.95"
                           : m.progress == Progress::needs_acceleration ? "0.10 ≤ R < 0.95"
                                                                        : "R < 0.10";
        add(out, trf("{} progress", label), tr(to_string(m.progress)), trf("{} (UNSD SDG progress chart)", band));
    }
    if (f.buffer) {
        const SafetyBuffer& b = *f.buffer;
        const std::string path_value =
            decimal_text128(static_cast<int128>(b.path_whole) * b.path_den + b.path_rem, b.path_den, 3);
        std::string formula;
        if (b.segment + 1 < b.path.size()) {
            const auto& p0 = b.path[b.segment];
            const auto& p1 = b.path[b.segment + 1];
            formula = fmt::format("{} + ({} − {}) × {} / {} = {}", p0.value, p1.value, p0.value,
                                  days_between(p0.date, t.as_of), days_between(p0.date, p1.date), path_value);
            formula += trf(" (straight from {} on {} to {} on {})", p0.value, human_date(p0.date), p1.value,
                           human_date(p1.date));
        } else {
            formula = trf("after the last deadline the path stays at {}", b.path.back().value);
        }
        add(out, trf("Required path on {}", as_of), path_value, formula);
        std::string why;
        switch (b.state) {
            case SafetyBuffer::State::below:
                why = fmt::format("ceil({}) − {} = {}", path_value, b.covered, b.units);
                break;
            case SafetyBuffer::State::safe:
                why = trn("the path first rises above {} on {}, {} − {} = {} day",
                          "the path first rises above {} on {}, {} − {} = {} days", plural_count(b.days), b.covered,
                          human_date(b.until), human_date(b.until), as_of, b.days);
                break;
            case SafetyBuffer::State::clear:
                why = trf("drug-free now {} ≥ every later point of the path (last required {})", b.covered,
                          b.path.back().value);
                break;
        }
        add(out, tr("Safety buffer"), buffer_text(b), why);
    }
}

}  // namespace

std::vector<ExplainLine> explain(const Report& report, const Forecast* forecast) {
    std::vector<ExplainLine> out;
    explain_report(report, out);
    if (forecast) explain_forecast(report, *forecast, out);
    return out;
}

}  // namespace ontrack
