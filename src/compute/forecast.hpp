// Before the meeting: the pace of certification, a forecast per
// upcoming milestone, the safety buffer against a straight required path, and
// --explain. Pure functions of a plan (or a report) and an as-of date; they
// sit beside the plan-based verdict of the core report and never replace it.
//
// Exactness. Counts are integers and every ratio is an exact rational; a
// double never decides anything. A pace is {units, days}: net units over a
// span of days. "Per month" uses the mean Gregorian month, 365.2425 / 12 =
// 30.436875 days, so a pace per month is units × 30.436875 / days, computed in
// 128-bit integers as thousandths (units × 30436875 / (days × 1000)) or tenths
// (units × 30436875 / (days × 100000)), rounded half away from zero. The text
// with one decimal is rounded once from the exact rational, not from the
// thousandths (no double rounding).
//
// The trend. The window is the `window_months` calendar months ending on as-of
// (its start clamped to 0001-01-01):
// window start = as-of minus N months, the day clamped to the month's end
// (2026-03-31 minus 1 month is 2026-02-28). The pace achieved is the net change
// of coverage over the window, coverage(as-of) − coverage(window start), over
// (as-of − window start) days: revocations count negative.
//
// Per upcoming milestone (deadline on or after as-of):
// - required pace = (required − covered now) over (deadline − as-of) days; 0
//   when already met; "due today" when the deadline is as-of and not met.
// - projected = covered now + floor(net × days to deadline / window days),
//   clamped to [0, total]. floor: a projection never counts a unit that the
//   trend has not fully produced; a negative pace floors toward −infinity.
// - reached = the first day D ≥ as-of with covered now + floor(net × (D −
//   as-of) / window days) ≥ required: as-of when already reached, else as-of +
//   ceil((required − covered now) × window days / net) when net > 0, else
//   never (nullopt). A day after 9999-12-31 is also nullopt, with
//   reached_after_calendar set.
// - R = (projected − baseline) / (required − baseline), baseline = coverage on
//   the window start, so R compares the progress the trend will make with the
//   progress needed. Graded with the thresholds of the UN Statistics
//   Division's SDG progress chart: R ≥ 0.95 on track, 0.10 ≤ R < 0.95 needs
//   acceleration, R < 0.10 stagnant or regressing, by exact comparison with
//   95/100 and 10/100. When required ≤ baseline R's denominator is zero or
//   negative: R is not computed, and the grade is on track when the
//   projection reaches the required count, otherwise stagnant or regressing.
//
// Safety buffer. With [plan] start on or before as-of, the required path runs
// straight from (start, coverage on start) to (deadline, required) of each
// milestone after start in turn, and stays at the last required after the
// last deadline. If the path on as-of is above today's coverage, the plan is
// "below the path by ceil(path) − covered units"; otherwise it is "safe for N
// days", N = days from as-of to the first day the path rises strictly above
// today's coverage, found per segment by integer division (no loop over days);
// when the path never rises above it, "clear".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "date.hpp"
#include "model.hpp"
#include "report.hpp"

namespace ontrack {

// 365.2425 / 12 = 30.436875 days, in millionths of a day.
inline constexpr std::int64_t month_millionths_of_day = 30436875;

inline constexpr int default_window_months = 12;
inline constexpr int max_window_months = 12 * 9999;

// Net units over a span of days.
struct Pace {
    std::int64_t units = 0;
    std::int64_t days = 0;
};

// units × 30.436875 / days in thousandths, rounded half away from zero:
// {1, 30} is 1015 (1.0145625 per month). 0 when units is 0; otherwise days
// must be positive (std::invalid_argument).
std::int64_t per_month_milli(Pace pace);
// The same in tenths: {1, 30} is 10.
std::int64_t per_month_tenths(Pace pace);
// The pace per month with one decimal, rounded once from the exact value:
// "1.0", "-2.5", "0.0".
std::string per_month_text(Pace pace);

// An exact ratio, den > 0.
struct Ratio {
    std::int64_t num = 0;
    std::int64_t den = 1;
};

// The grade of R (UNSD SDG progress chart thresholds).
enum class Progress { on_track, needs_acceleration, stagnant };

// "on track", "needs acceleration", "stagnant or regressing".
const char* to_string(Progress p);

// Exact grading: R ≥ 95/100, R ≥ 10/100, else stagnant.
Progress grade(Ratio r);

// R in hundredths for display, truncated toward zero (18/24 is 75, -1/3 is
// -33): the hundredths shown never cross a threshold the exact R does not.
std::int64_t ratio_hundredths(Ratio r);
// "0.75", "-0.33", "1.00".
std::string ratio_text(Ratio r);

struct Trend {
    int window_months = default_window_months;
    Date window_start;  // as-of minus window_months months
    Date as_of;
    std::int64_t baseline = 0;  // drug-free on window_start
    std::int64_t covered = 0;   // drug-free on as-of
    std::int64_t total = 0;     // the plan's total
    Pace pace;                  // {covered − baseline, as-of − window_start}
};

struct MilestoneForecast {
    std::size_t index = 0;  // into Plan::milestones and Report::milestones
    std::string name;       // may be empty
    Date deadline;
    std::int64_t required = 0;
    std::int64_t days_left = 0;  // deadline − as-of, ≥ 0

    bool met_now = false;    // covered now ≥ required
    bool due_today = false;  // days_left == 0 and not met
    Pace required_pace;      // {max(0, required − covered now), days_left}

    std::int64_t projected = 0;
    std::optional<Date> reached;          // nullopt: never at this pace
    bool reached_after_calendar = false;  // the day would be after 9999-12-31

    bool nothing_needed = false;  // required ≤ baseline: R is not computed
    Ratio ratio;                  // R, when !nothing_needed
    Progress progress = Progress::on_track;
};

struct SafetyBuffer {
    enum class State { safe, below, clear };

    struct Point {
        Date date;
        std::int64_t value = 0;
    };

    Date start;
    bool start_from_events = false;  // no [plan] start: the earliest event's day
    std::vector<Point> path;   // (start, coverage on start), then (deadline, required) of each milestone after start
    std::int64_t covered = 0;  // drug-free on as-of

    // The path on as-of, exactly: whole + rem / den with 0 ≤ rem < den.
    std::int64_t path_whole = 0;
    std::int64_t path_rem = 0;
    std::int64_t path_den = 1;
    std::size_t segment = 0;  // path[segment] → path[segment + 1] holds as-of; path.size() − 1 after the last deadline

    State state = State::clear;
    std::int64_t days = 0;   // safe: days from as-of to the first day above the path
    Date until;              // safe: that day
    std::int64_t units = 0;  // below: ceil(path on as-of) − covered
};

// --pace: the pace a what-if assumes, in hundredths of a unit a month.
// replace: every month gains exactly this; add: every month of the window
// gains this on top of its own count.
struct AssumedPace {
    enum class Mode { replace, add } mode = Mode::replace;
    std::int64_t hundredths = 0;  // 0 … 100,000,000
};

inline constexpr std::int64_t max_assumed_pace_hundredths = 100000000;

// "3", "2.5", "+3", "+0.25": at most two decimals, 0 to 1,000,000; nullopt
// when the text is none of these.
std::optional<AssumedPace> parse_assumed_pace(std::string_view text);

// "replace" or "add".
const char* to_string(AssumedPace::Mode mode);

// The assumed value with its decimals ("3", "2.5", "0.25").
std::string assumed_pace_text(const AssumedPace& pace);

// The pace the forecast uses: the achieved one, the assumed one instead, or
// the two added (std::overflow_error if the sum does not fit).
Pace pace_used(Pace achieved, const std::optional<AssumedPace>& assumed);

struct Forecast {
    Trend trend;
    Pace pace;                                  // used by the projections: trend.pace unless --pace
    std::optional<AssumedPace> assumed;         // --pace
    std::vector<MilestoneForecast> milestones;  // the upcoming ones, in plan order
    std::optional<SafetyBuffer> buffer;
};

// The coverage the forecast's pace projects `days` days after as-of:
// covered + floor(pace units × days / pace days), clamped to [0, total]
// (the projection of each milestone, the schedule's "at pace").
std::int64_t projected_after(const Forecast& forecast, std::int64_t days);

// window_months must be in [1, max_window_months] (std::invalid_argument).
Trend trend_of(const Plan& plan, Date as_of, int window_months = default_window_months);

Forecast forecast(const Plan& plan, Date as_of, int window_months = default_window_months,
                  const std::optional<AssumedPace>& assumed = std::nullopt);

// The safety buffer's start: [plan] start, else the day of the plan's earliest
// certified or revoked event; nullopt when there is neither.
std::optional<Date> buffer_start(const Plan& plan);

// nullopt without a start (buffer_start), with a start after as-of, or with
// no milestone after start.
std::optional<SafetyBuffer> safety_buffer(const Plan& plan, Date as_of);

// --explain as data: every figure of the report, its value and the terms of
// its formula, as numbers, days and enums. render/explain.* words them in the
// current language.
enum class Figure {
    total,          // Total
    drug_free,      // Drug-free on as-of
    share,          // Share drug-free
    required,       // per milestone, as every figure up to not_listed
    covered,        //
    shortfall,      //
    verdict,        //
    overdue,        //
    planned_ahead,  //
    unplanned,      //
    not_listed,     //
    trend_window,   // the forecast's, from here on
    baseline,       //
    pace,           //
    required_pace,  // per upcoming milestone, up to progress
    projected,      //
    reached,        //
    ratio,          // R
    progress,       //
    required_path,  // the safety buffer's, when there is one
    safety_buffer,  //
    // Feasibility (feasibility_explain.hpp):
    assumed_pace,      // --pace
    monthly_net,       // the window's months
    best_month,        //
    months_left,       // per upcoming milestone, up to plan_probability
    probability,       //
    likely_by,         //
    pace_ratio,        //
    plan_probability,  //
    bunched_month,     // per flagged month
    schedule_needed,   // the schedule's first row, per column
    schedule_planned,  //
    schedule_at_pace,  //
    part_share,        // per part of a roll-up (Explained::part)
    part_probability,  //
};

// Which shape of its formula a figure takes (plain: its only or usual one).
enum class Form {
    plain,
    with_unlisted,        // total: listed + not listed
    no_units,             // share: a total of 0
    count_target,         // required
    percent_target,       // required
    past,                 // covered, verdict: the deadline is before as-of
    one_month,            // trend window of 1 month
    met_now,              // required pace, reached
    due_today,            // required pace
    clamped,              // projected: the projection left [0, total]
    never,                // reached: pace ≤ 0
    after_calendar,       // reached: after 9999-12-31
    nothing_needed,       // R, progress
    after_last_deadline,  // required path
    add,                  // assumed pace: +N
    exactly,              // probability: decided in integers (value 0 or 1)
    not_computed,         // probability, likely dates, plan's dates, part probability
};

// A number too wide or too fine for an int64, in unlocalised decimal text
// ("-12", "51.3", "0.333..." when truncated); never grouped by thousands.
struct Decimal {
    std::string text;
};

inline bool operator==(const Decimal& a, const Decimal& b) {
    return a.text == b.text;
}

// A term of a formula, or a figure's value (monostate: the value is worded
// from the terms alone).
using Term = std::variant<std::monostate, std::int64_t, Date, Decimal, Percent, Verdict, Progress, SafetyBuffer::State>;

struct Explained {
    Figure figure = Figure::total;
    Form form = Form::plain;
    std::optional<std::size_t> milestone;  // into Report::milestones, for the figures of one milestone
    Term value;
    // In the order the formula states them:
    // total         plain: listed; with_unlisted: listed, not listed, total
    // drug_free     as-of
    // share         covered, total, covered × 100 / total (Decimal, 3 decimals; not with no_units); value monostate
    // required      count_target: count; percent_target: percent, total, percent × total / 100 (Decimal), required
    // covered       plain: as-of, drug-free, as-of, deadline, planned, covered; past: deadline
    // shortfall     required, covered, shortfall
    // verdict       deadline, as-of, shortfall, verdict
    // overdue, planned_ahead, unplanned    as-of
    // not_listed    total, listed, not listed
    // trend_window  as-of, months, window start, days; value monostate (window start to as-of)
    // baseline      window start
    // pace          covered, baseline, days, units, days, units × 30.436875 / days (Decimal, 4 decimals);
    //               value the pace per month (Decimal)
    // required_pace met_now: covered, required (value 0); due_today: required, covered, units, deadline
    //               (value monostate); plain: required, covered, days left, the exact pace (Decimal)
    // projected     covered, pace units, days left, pace days, covered, units × days left (Decimal), pace days,
    //               covered, the floored step, covered + step (Decimal); clamped adds total, projected
    // reached       met_now: covered, required; never: pace units, covered, required (value monostate);
    //               plain, after_calendar: as-of, required, covered, pace days, pace units, as-of, days (Decimal)
    // ratio         nothing_needed: required, baseline (value monostate); plain: projected, baseline, required,
    //               baseline, num, den, num / den (Decimal, 4 decimals); value R (Decimal, truncated to 0.01)
    // progress      plain: none; nothing_needed: projected, required; value the grade (Progress)
    // required_path as-of, then plain: v0, v1, v0, days from d0 to as-of, days from d0 to d1, the path (Decimal),
    //               v0, d0, v1, d1; after_last_deadline: the last required; value the path (Decimal, 3 decimals)
    // safety_buffer value the state; below: the path (Decimal), covered, units; safe: covered, the day, the day,
    //               as-of, days; clear: covered, the last required
    // assumed_pace  value N (Decimal); terms: the achieved pace, the pace used (Decimal, a month)
    // monthly_net   as-of, whole months, the counts oldest first (Decimal "8, 0, -1"); value monostate
    // best_month    the counts (Decimal); value the largest
    // months_left   as-of, the deadline, as-of + n months
    // probability   covered, n, required, whole months; exactly adds the smallest (value 1) or largest (value
    //               0) monthly count; not_computed: none (value monostate); value the probability (Decimal, 4
    //               decimals truncated, or "0"/"1")
    // likely_by     covered, required, then per level 50, 85, 95 the day (monostate: never); value monostate
    // pace_ratio    plain: required − covered, pace days, days left, pace units, the exact quotient (Decimal, 3
    //               decimals); met_now: covered, required; never: pace units; value tenths (Decimal) or monostate
    // plan_probability  planned more, n, whole months; value as probability
    // bunched_month the month's first day, the best month; value the units planned in it
    // schedule_*    the row's day, then needed: d0, v0, d1, v1 (the road's points around it); planned:
    //               covered, planned by the day; at_pace: covered, pace units, days since as-of, pace days;
    //               value the cell
    // part_share    count_target: count, part total, roll-up total, required, expected; percent_target:
    //               percent, part total, required, expected; value the shortfall at share
    // part_probability  covered, months, required; value as probability
    std::vector<Term> terms;
    std::string part = {};  // the part of a roll-up, for part_share and part_probability
};

std::vector<Explained> explain(const Report& report, const Forecast* forecast = nullptr);

// num / den (den > 0) in decimal with up to `digits` decimals, exact when the
// decimal ends within them ("51.3", "57"), else truncated and followed by
// "..." ("0.333..."). Integer arithmetic only.
std::string decimal_text(std::int64_t num, std::int64_t den, int digits);

}  // namespace ontrack
