#include "forecast.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "forecast_plans.hpp"
#include "plan_builders.hpp"

#include "compute.hpp"

using namespace ontrack;
using namespace ontrack::test;

TEST_CASE("add_months clamps the day to the end of the month", "[forecast][date]") {
    CHECK(add_months(day(2026, 3, 31), -1) == day(2026, 2, 28));
    CHECK(add_months(day(2024, 3, 31), -1) == day(2024, 2, 29));  // 2024 is a leap year
    CHECK(add_months(day(2025, 6, 30), -12) == day(2024, 6, 30));
    CHECK(add_months(day(2025, 1, 15), -1) == day(2024, 12, 15));  // across the year
    CHECK(add_months(day(2025, 12, 31), 2) == day(2026, 2, 28));
    CHECK(add_months(day(2025, 5, 31), 1) == day(2025, 6, 30));
    CHECK(add_months(day(2024, 2, 29), -24) == day(2022, 2, 28));
    CHECK(add_months(day(2024, 2, 29), 48) == day(2028, 2, 29));
    CHECK(add_months(day(2025, 6, 30), 0) == day(2025, 6, 30));
}

TEST_CASE("days_between counts whole days either way", "[forecast][date]") {
    CHECK(days_between(day(2024, 6, 30), day(2025, 6, 30)) == 365);
    CHECK(days_between(day(2023, 6, 30), day(2024, 6, 30)) == 366);  // 2024-02-29 lies between
    CHECK(days_between(day(2025, 6, 30), day(2025, 6, 30)) == 0);
    CHECK(days_between(day(2025, 7, 1), day(2025, 6, 30)) == -1);
}

TEST_CASE("A pace per month is units times 30.436875 over days in integers", "[forecast]") {
    // {1, 30}: 30436875 / 30000 = 1014.5625 thousandths -> 1015; tenths 10.145625 -> 10.
    CHECK(per_month_milli({1, 30}) == 1015);
    CHECK(per_month_tenths({1, 30}) == 10);
    CHECK(per_month_text({1, 30}) == "1.0");
    // {12, 365}: 12 x 30436875 = 365242500; / 365000 = 1000.664... -> 1001.
    CHECK(per_month_milli({12, 365}) == 1001);
    CHECK(per_month_text({12, 365}) == "1.0");
    // {40, 365}: 1217475000 / 365000 = 3335.547... -> 3336; tenths 33.355... -> 33.
    CHECK(per_month_milli({40, 365}) == 3336);
    CHECK(per_month_text({40, 365}) == "3.3");
    // Negative paces round symmetrically: -1015, "-1.0".
    CHECK(per_month_milli({-1, 30}) == -1015);
    CHECK(per_month_text({-1, 30}) == "-1.0");
    // {1, 365}: 30436875 / 36500000 = 0.83 tenths -> 1: "0.1".
    CHECK(per_month_text({1, 365}) == "0.1");
    CHECK(per_month_text({0, 365}) == "0.0");
    CHECK(per_month_milli({0, 0}) == 0);
    CHECK_THROWS_AS(per_month_milli({1, 0}), std::invalid_argument);
}

TEST_CASE("A pace rounds an exact half away from zero", "[forecast]") {
    // {4, 1}: 4 x 30436875 / 1000 = 121747.5 exactly -> 121748, and -121748.
    CHECK(per_month_milli({4, 1}) == 121748);
    CHECK(per_month_milli({-4, 1}) == -121748);
}

TEST_CASE("R is graded exactly against 95/100 and 10/100", "[forecast]") {
    CHECK(grade({95, 100}) == Progress::on_track);
    CHECK(grade({19, 20}) == Progress::on_track);              // 0.95 exactly
    CHECK(grade({189, 200}) == Progress::needs_acceleration);  // 0.945
    CHECK(grade({949, 1000}) == Progress::needs_acceleration);
    CHECK(grade({1, 10}) == Progress::needs_acceleration);  // 0.10 exactly
    CHECK(grade({99, 1000}) == Progress::stagnant);         // 0.099
    CHECK(grade({0, 5}) == Progress::stagnant);
    CHECK(grade({-5, 10}) == Progress::stagnant);
    CHECK(grade({3, 2}) == Progress::on_track);
    CHECK(std::string(to_string(Progress::on_track)) == "on track");
    CHECK(std::string(to_string(Progress::needs_acceleration)) == "needs acceleration");
    CHECK(std::string(to_string(Progress::stagnant)) == "stagnant or regressing");
}

TEST_CASE("R is shown in hundredths truncated toward zero", "[forecast]") {
    CHECK(ratio_hundredths({18, 24}) == 75);
    CHECK(ratio_text({18, 24}) == "0.75");
    // 0.949 shows 0.94, not 0.95: the display agrees with "needs acceleration".
    CHECK(ratio_hundredths({949, 1000}) == 94);
    CHECK(ratio_text({949, 1000}) == "0.94");
    CHECK(ratio_text({-1, 3}) == "-0.33");
    CHECK(ratio_text({2, 1}) == "2.00");
    CHECK(ratio_text({18, 17}) == "1.05");  // 1.0588...
}

TEST_CASE("The trend window is N calendar months back from as-of", "[forecast]") {
    const Plan plan = trend_plan();
    const Trend t = trend_of(plan, as_of);
    CHECK(t.window_months == 12);
    CHECK(t.window_start == day(2024, 6, 30));
    CHECK(t.baseline == 28);
    CHECK(t.covered == 40);
    CHECK(t.total == 100);
    CHECK(t.pace.units == 12);  // 13 certified, 1 revoked: net
    CHECK(t.pace.days == 365);

    // 2026-03-31 minus 1 month = 2026-02-28: a window of 31 days.
    const Trend one = trend_of(plan, day(2026, 3, 31), 1);
    CHECK(one.window_start == day(2026, 2, 28));
    CHECK(one.pace.days == 31);
    CHECK(one.pace.units == 0);  // nothing happened in March 2026

    // 6 months: 2025-06-30 minus 6 months = 2024-12-30 (December has a 30th);
    // to 2025-06-30: 1 + 181 = 182 days; coverage on 2024-12-30 =
    // 26 + 1 ("gone") + 1 ("edge") + 1 ("july") = 29; net 40 - 29 = 11.
    const Trend six = trend_of(plan, as_of, 6);
    CHECK(six.window_start == day(2024, 12, 30));
    CHECK(six.pace.days == 182);
    CHECK(six.baseline == 29);
    CHECK(six.pace.units == 11);
}

TEST_CASE("The window must be 1 month or more", "[forecast]") {
    const Plan plan = trend_plan();
    CHECK_THROWS_AS(trend_of(plan, as_of, 0), std::invalid_argument);
    CHECK_THROWS_AS(trend_of(plan, as_of, -3), std::invalid_argument);
    CHECK_THROWS_AS(forecast(plan, as_of, max_window_months + 1), std::invalid_argument);
}

TEST_CASE("Forecast per upcoming milestone at the trend pace", "[forecast]") {
    const Plan plan = trend_plan();
    const Forecast f = forecast(plan, as_of);
    // No [plan] start: the buffer starts on the earliest event, 2024-01-01.
    REQUIRE(f.buffer.has_value());
    CHECK(f.buffer->start == day(2024, 1, 1));
    CHECK(f.buffer->start_from_events);
    // Phase 1 (2024-12-31) is past: only Phase 2 and Phase 3.
    REQUIRE(f.milestones.size() == 2);

    const MilestoneForecast& p2 = f.milestones[0];
    CHECK(p2.index == 1);
    CHECK(p2.name == "Phase 2");
    CHECK(p2.required == 45);    // ceil(45% x 100 / 100)
    CHECK(p2.days_left == 184);  // Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
    CHECK_FALSE(p2.met_now);
    CHECK_FALSE(p2.due_today);
    CHECK(p2.required_pace.units == 5);  // 45 - 40
    CHECK(p2.required_pace.days == 184);
    // 5 x 30436875 / 184000 = 827.08... thousandths; tenths 8.27 -> "0.8".
    CHECK(per_month_milli(p2.required_pace) == 827);
    CHECK(per_month_text(p2.required_pace) == "0.8");
    // 40 + floor(12 x 184 / 365) = 40 + floor(2208 / 365) = 40 + 6 = 46.
    CHECK(p2.projected == 46);
    // ceil(5 x 365 / 12) = ceil(152.08) = 153 days: 2025-06-30 + 153 = 2025-11-30.
    // Check: day 152 gives floor(1824/365) = 4 (< 5); day 153 gives floor(1836/365) = 5.
    REQUIRE(p2.reached.has_value());
    CHECK(*p2.reached == day(2025, 11, 30));
    // R = (46 - 28) / (45 - 28) = 18/17 = 1.058... >= 0.95.
    CHECK_FALSE(p2.nothing_needed);
    CHECK(p2.ratio.num == 18);
    CHECK(p2.ratio.den == 17);
    CHECK(p2.progress == Progress::on_track);

    const MilestoneForecast& p3 = f.milestones[1];
    CHECK(p3.index == 2);
    CHECK(p3.required == 80);
    CHECK(p3.days_left == 365);
    CHECK(p3.required_pace.units == 40);
    CHECK(per_month_text(p3.required_pace) == "3.3");
    // 40 + floor(12 x 365 / 365) = 52.
    CHECK(p3.projected == 52);
    // ceil(40 x 365 / 12) = ceil(1216.67) = 1217 days: 2026-06-30 is day 365,
    // 2027-06-30 day 730, 2028-06-30 day 1096 (2028-02-29), + 121 = 2028-10-29.
    REQUIRE(p3.reached.has_value());
    CHECK(*p3.reached == day(2028, 10, 29));
    // R = (52 - 28) / (80 - 28) = 24/52 = 0.46.
    CHECK(p3.ratio.num == 24);
    CHECK(p3.ratio.den == 52);
    CHECK(ratio_text(p3.ratio) == "0.46");
    CHECK(p3.progress == Progress::needs_acceleration);
}

TEST_CASE("The forecast sits beside the plan-based verdict", "[forecast]") {
    // Phase 3 is behind by the plan (40 covered, no planned dates, 80 needed)
    // and the forecast says so in its own terms; the report is unchanged.
    const Plan plan = trend_plan();
    const Report r = compute_report(plan, as_of);
    const Forecast f = forecast(plan, as_of);
    CHECK(r.milestones[2].verdict == Verdict::behind);
    CHECK(r.milestones[2].covered == 40);
    CHECK(f.milestones[1].projected == 52);
}

TEST_CASE("A negative pace floors toward minus infinity and never reaches", "[forecast]") {
    // Baseline on 2024-06-30: 10; two revoked in the window: covered 8, pace {-2, 365}.
    std::vector<Locality> locs;
    add_many(locs, 8, "kept", {day(2024, 1, 1)});
    add_many(locs, 2, "lost", {day(2024, 1, 1), day(2025, 2, 1)});
    Plan plan = plan_with(std::move(locs), 20);
    add_milestone(plan, day(2025, 12, 31), count_target(12));
    const Forecast f = forecast(plan, as_of);
    REQUIRE(f.milestones.size() == 1);
    const MilestoneForecast& m = f.milestones[0];
    CHECK(f.trend.pace.units == -2);
    // 8 + floor(-2 x 184 / 365) = 8 + floor(-1.008) = 8 - 2 = 6 (truncation would say 7).
    CHECK(m.projected == 6);
    CHECK_FALSE(m.reached.has_value());
    CHECK_FALSE(m.reached_after_calendar);
    // R = (6 - 10) / (12 - 10) = -4/2.
    CHECK(m.ratio.num == -4);
    CHECK(m.ratio.den == 2);
    CHECK(ratio_text(m.ratio) == "-2.00");
    CHECK(m.progress == Progress::stagnant);
}

TEST_CASE("A zero pace never reaches an unmet target", "[forecast]") {
    std::vector<Locality> locs;
    add_many(locs, 5, "old", {day(2020, 1, 1)});
    Plan plan = plan_with(std::move(locs), 10);
    add_milestone(plan, day(2026, 1, 1), count_target(6));
    const Forecast f = forecast(plan, as_of);
    REQUIRE(f.milestones.size() == 1);
    CHECK(f.trend.pace.units == 0);
    CHECK(f.milestones[0].projected == 5);
    CHECK_FALSE(f.milestones[0].reached.has_value());
    // R = (5 - 5) / (6 - 5) = 0 -> stagnant.
    CHECK(f.milestones[0].ratio.num == 0);
    CHECK(f.milestones[0].progress == Progress::stagnant);
}

TEST_CASE("The projection is clamped to zero and to the total", "[forecast]") {
    SECTION("down to 0") {
        // Baseline 10, 8 revoked in the window: covered 2, pace {-8, 365}.
        // Two years ahead (2027-06-30, 730 days): 2 + floor(-8 x 730 / 365) = 2 - 16 = -14 -> 0.
        std::vector<Locality> locs;
        add_many(locs, 2, "kept", {day(2024, 1, 1)});
        add_many(locs, 8, "lost", {day(2024, 1, 1), day(2025, 2, 1)});
        Plan plan = plan_with(std::move(locs), 10);
        add_milestone(plan, day(2027, 6, 30), count_target(10));
        const Forecast f = forecast(plan, as_of);
        CHECK(f.milestones[0].days_left == 730);
        CHECK(f.milestones[0].projected == 0);
    }
    SECTION("up to the total") {
        // 15 certified in the window, total 20: 15 + floor(15 x 365 / 365) = 30 -> 20.
        std::vector<Locality> locs;
        add_many(locs, 15, "new", {day(2025, 1, 1)});
        Plan plan = plan_with(std::move(locs), 20);
        add_milestone(plan, day(2026, 6, 30), count_target(20));
        const Forecast f = forecast(plan, as_of);
        CHECK(f.milestones[0].projected == 20);
        // ceil((20 - 15) x 365 / 15) = ceil(121.67) = 122 days: 2025-10-30.
        REQUIRE(f.milestones[0].reached.has_value());
        CHECK(*f.milestones[0].reached == day(2025, 10, 30));
    }
}

TEST_CASE("A target met now is reached on as-of with a required pace of 0", "[forecast]") {
    std::vector<Locality> locs;
    add_many(locs, 10, "old", {day(2024, 1, 1)});
    add_many(locs, 2, "new", {day(2025, 1, 1)});
    Plan plan = plan_with(std::move(locs), 20);
    add_milestone(plan, day(2025, 12, 31), count_target(11));
    const Forecast f = forecast(plan, as_of);
    const MilestoneForecast& m = f.milestones[0];
    CHECK(m.met_now);
    CHECK_FALSE(m.due_today);
    CHECK(m.required_pace.units == 0);
    CHECK(per_month_text(m.required_pace) == "0.0");
    REQUIRE(m.reached.has_value());
    CHECK(*m.reached == as_of);
    // Baseline 10 < 11: R = (12 + floor(2 x 184 / 365) - 10) / (11 - 10) = (12 + 1 - 10) / 1 = 3.
    CHECK(m.projected == 13);
    CHECK(m.ratio.num == 3);
    CHECK(m.ratio.den == 1);
    CHECK(m.progress == Progress::on_track);
}

TEST_CASE("Required below the baseline, projection short: R not computed, stagnant", "[forecast]") {
    // Baseline 10; since then 3 revoked: covered 7; the milestone needs 9 < 10.
    // Pace -3 over 365 days; 184 days left: projected 7 + floor(-3 x 184 / 365) = 7 + floor(-1.51) = 5 < 9.
    std::vector<Locality> locs;
    add_many(locs, 7, "kept", {day(2024, 1, 1)});
    add_many(locs, 3, "lost", {day(2024, 1, 1), day(2025, 2, 1)});
    Plan plan = plan_with(std::move(locs), 20);
    add_milestone(plan, day(2025, 12, 31), count_target(9));
    const Forecast f = forecast(plan, as_of);
    const MilestoneForecast& m = f.milestones[0];
    CHECK(f.trend.baseline == 10);
    CHECK(m.nothing_needed);  // R is not computed
    CHECK(m.projected == 5);
    CHECK(m.progress == Progress::stagnant);
    CHECK_FALSE(m.met_now);              // 7 < 9 today
    CHECK_FALSE(m.reached.has_value());  // and the pace is negative
}

TEST_CASE("Required below the baseline, projection reaches it: R not computed, on track", "[forecast]") {
    // Baseline 10, 1 revoked since: covered 9, pace -1/365; required 8 < 10.
    // Projected 9 + floor(-1 x 184 / 365) = 9 - 1 = 8 >= 8: on track.
    std::vector<Locality> locs;
    add_many(locs, 9, "kept", {day(2024, 1, 1)});
    add_many(locs, 1, "lost", {day(2024, 1, 1), day(2025, 2, 1)});
    Plan plan = plan_with(std::move(locs), 20);
    add_milestone(plan, day(2025, 12, 31), count_target(8));
    const Forecast f = forecast(plan, as_of);
    const MilestoneForecast& m = f.milestones[0];
    CHECK(m.nothing_needed);
    CHECK(m.projected == 8);
    CHECK(m.progress == Progress::on_track);
}

TEST_CASE("Required equal to the baseline: R not computed, graded by the projection", "[forecast]") {
    // Baseline 10 and covered 10 (nothing changed in the window): pace 0, projected 10.
    std::vector<Locality> locs;
    add_many(locs, 10, "kept", {day(2024, 1, 1)});
    Plan plan = plan_with(std::move(locs), 20);
    add_milestone(plan, day(2025, 12, 31), count_target(10));
    const Forecast f = forecast(plan, as_of);
    CHECK(f.milestones[0].nothing_needed);
    CHECK(f.milestones[0].projected == 10);
    CHECK(f.milestones[0].progress == Progress::on_track);  // 10 >= 10

    // Baseline 1 and 1 revoked since: covered 0, pace -1/365, projected 0 + floor(-184/365) = -1, clamped to 0 < 1:
    // coverage projected at 0 of the 1 required is not on track.
    std::vector<Locality> one;
    add_many(one, 1, "lost", {day(2024, 1, 1), day(2025, 2, 1)});
    Plan lost = plan_with(std::move(one), 5);
    add_milestone(lost, day(2025, 12, 31), count_target(1));
    const Forecast g = forecast(lost, as_of);
    CHECK(g.trend.baseline == 1);
    CHECK(g.milestones[0].nothing_needed);
    CHECK(g.milestones[0].projected == 0);
    CHECK(g.milestones[0].progress == Progress::stagnant);
}

TEST_CASE("Required above the baseline: R is computed", "[forecast]") {
    // Baseline 10, covered 10, required 12: R = (10 - 10) / (12 - 10) = 0: stagnant.
    std::vector<Locality> locs;
    add_many(locs, 10, "kept", {day(2024, 1, 1)});
    Plan plan = plan_with(std::move(locs), 20);
    add_milestone(plan, day(2025, 12, 31), count_target(12));
    const MilestoneForecast m = forecast(plan, as_of).milestones[0];
    CHECK_FALSE(m.nothing_needed);
    CHECK(m.ratio.num == 0);
    CHECK(m.ratio.den == 2);
    CHECK(m.progress == Progress::stagnant);
}

TEST_CASE("A window reaching before year 1 starts on 0001-01-01", "[forecast]") {
    std::vector<Locality> locs;
    add_many(locs, 1, "a", {day(1, 3, 1)});
    Plan plan = plan_with(std::move(locs), 2);
    add_milestone(plan, day(2, 12, 31), count_target(2));
    const Forecast f = forecast(plan, day(1, 12, 1), 18);
    CHECK(f.trend.window_start == day(1, 1, 1));
    CHECK(f.trend.pace.days == 334);  // 0001-01-01 to 0001-12-01
    CHECK(to_iso(f.trend.window_start) == "0001-01-01");
}

TEST_CASE("A deadline on as-of that is not met is due today", "[forecast]") {
    std::vector<Locality> locs;
    add_many(locs, 3, "new", {day(2025, 1, 1)});
    Plan plan = plan_with(std::move(locs), 10);
    add_milestone(plan, as_of, count_target(5));
    const Forecast f = forecast(plan, as_of);
    REQUIRE(f.milestones.size() == 1);  // a deadline on as-of is upcoming
    const MilestoneForecast& m = f.milestones[0];
    CHECK(m.days_left == 0);
    CHECK(m.due_today);
    CHECK(m.required_pace.units == 2);
    CHECK(m.projected == 3);  // 3 + floor(3 x 0 / 365)
    // ceil(2 x 365 / 3) = ceil(243.33) = 244 days: 2025-06-30 + 244 = 2026-03-01.
    REQUIRE(m.reached.has_value());
    CHECK(*m.reached == day(2026, 3, 1));
}

TEST_CASE("A day after 9999-12-31 is never, flagged", "[forecast]") {
    // Window 9998-01-01 to 9999-01-01 (365 days), one certified in it: pace {1, 365}.
    // Needs 2 more: ceil(2 x 365 / 1) = 730 days, past 9999-12-31 (364 days away).
    std::vector<Locality> locs;
    locs.push_back(locality("late", {day(9998, 6, 1)}));
    Plan plan = plan_with(std::move(locs), 5);
    add_milestone(plan, day(9999, 12, 31), count_target(3));
    const Forecast f = forecast(plan, day(9999, 1, 1));
    const MilestoneForecast& m = f.milestones[0];
    CHECK_FALSE(m.reached.has_value());
    CHECK(m.reached_after_calendar);
    CHECK(m.projected == 1);  // 1 + floor(364 / 365)
    // R = (1 - 0) / (3 - 0) = 1/3 -> needs acceleration.
    CHECK(m.progress == Progress::needs_acceleration);
}

TEST_CASE("Safety buffer: safe for N days on a rising segment", "[forecast][buffer]") {
    // Path on 2025-06-30 (180 days into a 364-day segment): 20 + 30 x 180 / 364
    // = 20 + 5400/364 = 34 + 304/364 (= 34.835...).
    // Covered 40: the path passes 40 when t > (40 - 20) x 364 / 30 = 242.67,
    // i.e. t = 243: 2025-09-01, 243 - 180 = 63 days after as-of.
    // Check: t = 242 gives 20 + 7260/364 = 39.95 <= 40; t = 243 gives 40.03 > 40.
    const auto b = safety_buffer(buffer_plan(20, 20), as_of);
    REQUIRE(b.has_value());
    REQUIRE(b->path.size() == 3);
    CHECK(b->path[0].date == day(2025, 1, 1));
    CHECK(b->path[0].value == 20);
    CHECK(b->path[1].value == 50);
    CHECK(b->path[2].value == 80);
    CHECK(b->covered == 40);
    CHECK(b->segment == 0);
    CHECK(b->path_whole == 34);
    CHECK(b->path_rem == 304);
    CHECK(b->path_den == 364);
    CHECK(b->state == SafetyBuffer::State::safe);
    CHECK(b->days == 63);
    CHECK(b->until == day(2025, 9, 1));
}

TEST_CASE("Safety buffer: below the path by ceil(path) - covered units", "[forecast][buffer]") {
    // Path 34.835... on as-of; covered 30: ceil(34.835) - 30 = 35 - 30 = 5.
    const auto b = safety_buffer(buffer_plan(20, 10), as_of);
    REQUIRE(b.has_value());
    CHECK(b->state == SafetyBuffer::State::below);
    CHECK(b->units == 5);
}

TEST_CASE("Safety buffer: on the path exactly is safe until it rises", "[forecast][buffer]") {
    // On 2025-07-02 (t = 182): 20 + 30 x 182 / 364 = 35 exactly; covered 35
    // is not below. The path passes 35 at t > 15 x 364 / 30 = 182: t = 183, 1 day.
    const auto b = safety_buffer(buffer_plan(20, 15), day(2025, 7, 2));
    REQUIRE(b.has_value());
    CHECK(b->path_whole == 35);
    CHECK(b->path_rem == 0);
    CHECK(b->state == SafetyBuffer::State::safe);
    CHECK(b->days == 1);
}

TEST_CASE("Safety buffer: the crossing may lie in a later segment", "[forecast][buffer]") {
    // Covered 55 > 50, the end of the first segment. Second segment
    // (2025-12-31, 50) -> (2026-12-31, 80), 365 days: t > (55 - 50) x 365 / 30
    // = 60.83, t = 61: 2026-03-02; from as-of: 184 + 61 = 245 days.
    const auto b = safety_buffer(buffer_plan(20, 35), as_of);
    REQUIRE(b.has_value());
    CHECK(b->state == SafetyBuffer::State::safe);
    CHECK(b->until == day(2026, 3, 2));
    CHECK(b->days == 245);
}

TEST_CASE("Safety buffer: a falling segment is skipped", "[forecast][buffer]") {
    // 60 drug-free on start, the first milestone needs only 50: the path
    // falls, then rises to 80. On as-of: 60 - 10 x 180 / 364 = 20040/364 =
    // 55 + 20/364. Covered 58 (2 revoked after start): safe. The rise: t >
    // (58 - 50) x 365 / 30 = 97.33, t = 98: 2026-04-08; 184 + 98 = 282 days.
    std::vector<Locality> locs;
    add_many(locs, 58, "old", {day(2024, 6, 1)});
    add_many(locs, 2, "lost", {day(2024, 6, 1), day(2025, 2, 1)});
    Plan plan = plan_with(std::move(locs), 100);
    plan.start = day(2025, 1, 1);
    add_milestone(plan, day(2025, 12, 31), count_target(50));
    add_milestone(plan, day(2026, 12, 31), count_target(80));
    const auto b = safety_buffer(plan, as_of);
    REQUIRE(b.has_value());
    CHECK(b->path[0].value == 60);
    CHECK(b->covered == 58);
    CHECK(b->path_whole == 55);
    CHECK(b->path_rem == 20);
    CHECK(b->state == SafetyBuffer::State::safe);
    CHECK(b->until == day(2026, 4, 8));
    CHECK(b->days == 282);
}

TEST_CASE("Safety buffer: clear when the path never rises above coverage", "[forecast][buffer]") {
    // Covered 80 = the last required: the path never goes strictly above.
    const auto b = safety_buffer(buffer_plan(20, 60), as_of);
    REQUIRE(b.has_value());
    CHECK(b->state == SafetyBuffer::State::clear);
}

TEST_CASE("Safety buffer: after the last deadline the path stays at the last required", "[forecast][buffer]") {
    // As of 2027-03-01, covered 70 < 80: below by 10.
    const auto b = safety_buffer(buffer_plan(20, 50), day(2027, 3, 1));
    REQUIRE(b.has_value());
    CHECK(b->segment == 2);
    CHECK(b->path_whole == 80);
    CHECK(b->state == SafetyBuffer::State::below);
    CHECK(b->units == 10);
}

TEST_CASE("Safety buffer: as-of on the start day is on the path", "[forecast][buffer]") {
    // Path on start = coverage on start = 20 = covered: safe until
    // t > 0 x 364 / 30 = 0, t = 1: 1 day.
    const auto b = safety_buffer(buffer_plan(20, 20), day(2025, 1, 1));
    REQUIRE(b.has_value());
    CHECK(b->covered == 20);
    CHECK(b->state == SafetyBuffer::State::safe);
    CHECK(b->days == 1);
}

TEST_CASE("Safety buffer: from the earliest event without start; none with a start after as-of", "[forecast][buffer]") {
    Plan plan = buffer_plan(20, 20);
    CHECK_FALSE(safety_buffer(plan, as_of)->start_from_events);
    plan.start.reset();
    // The earliest certified or revoked event: 2024-06-01.
    CHECK(buffer_start(plan) == day(2024, 6, 1));
    REQUIRE(safety_buffer(plan, as_of).has_value());
    CHECK(safety_buffer(plan, as_of)->start == day(2024, 6, 1));
    CHECK(safety_buffer(plan, as_of)->start_from_events);
    // A revocation counts as an event too; a plan with no event and no start has no buffer.
    Plan revoked = buffer_plan(0, 0);
    revoked.start.reset();
    CHECK_FALSE(safety_buffer(revoked, as_of).has_value());
    revoked.localities.push_back(locality("r", {day(2024, 9, 1), day(2024, 10, 1)}));
    revoked.localities.push_back(locality("s", {day(2024, 11, 1)}));
    CHECK(buffer_start(revoked) == day(2024, 9, 1));
    plan.start = day(2025, 7, 1);
    CHECK_FALSE(safety_buffer(plan, as_of).has_value());
    plan.start = day(2027, 1, 1);  // after every deadline: no path
    CHECK_FALSE(safety_buffer(plan, day(2027, 6, 30)).has_value());
    // forecast() carries the buffer when there is one.
    CHECK(forecast(buffer_plan(20, 20), as_of).buffer.has_value());
}

TEST_CASE("decimal_text is exact or truncated with dots", "[forecast][explain]") {
    CHECK(decimal_text(5130, 100, 2) == "51.3");
    CHECK(decimal_text(5700, 100, 2) == "57");
    CHECK(decimal_text(1, 3, 3) == "0.333...");
    CHECK(decimal_text(-7, 2, 2) == "-3.5");
    CHECK(decimal_text(0, 7, 2) == "0");
    CHECK_THROWS_AS(decimal_text(1, 0, 2), std::invalid_argument);
}

namespace {

const Explained* find_figure(const std::vector<Explained>& figures, Figure figure,
                             std::optional<std::size_t> milestone = std::nullopt) {
    for (const auto& e : figures)
        if (e.figure == figure && e.milestone == milestone) return &e;
    return nullptr;
}

std::int64_t integer(const Term& t) {
    return std::get<std::int64_t>(t);
}
std::string decimal(const Term& t) {
    return std::get<Decimal>(t).text;
}

}  // namespace

TEST_CASE("Explain gives every report figure with the terms of its formula", "[forecast][explain]") {
    // Total 114, 40 drug-free (certified 2024-01-01), 10 planned 2025-09-01.
    std::vector<Locality> locs;
    add_many(locs, 40, "done", {day(2024, 1, 1)});
    for (int k = 1; k <= 10; ++k) locs.push_back(locality("soon" + std::to_string(k), {}, day(2025, 9, 1)));
    Plan plan = plan_with(std::move(locs), 114);
    add_milestone(plan, day(2024, 12, 31), count_target(40), "Phase 1");
    add_milestone(plan, day(2025, 12, 31), percent_target("45%"), "Phase 2");
    const Report r = compute_report(plan, as_of);
    const auto figures = explain(r);

    const Explained* total = find_figure(figures, Figure::total);
    REQUIRE(total);
    CHECK(total->form == Form::with_unlisted);
    CHECK(integer(total->value) == 114);
    REQUIRE(total->terms.size() == 3);
    CHECK(integer(total->terms[0]) == 50);
    CHECK(integer(total->terms[1]) == 64);

    // 40 x 100 / 114 = 35.0877...
    const Explained* share = find_figure(figures, Figure::share);
    REQUIRE(share);
    REQUIRE(share->terms.size() == 3);
    CHECK(decimal(share->terms[2]) == "35.087...");

    const Explained* p1 = find_figure(figures, Figure::required, 0);
    REQUIRE(p1);
    CHECK(p1->form == Form::count_target);
    CHECK(integer(p1->terms[0]) == 40);

    // 45 x 114 / 100 = 51.3 -> 52.
    const Explained* p2 = find_figure(figures, Figure::required, 1);
    REQUIRE(p2);
    CHECK(p2->form == Form::percent_target);
    CHECK(integer(p2->value) == 52);
    CHECK(decimal(p2->terms[2]) == "51.3");

    const Explained* c2 = find_figure(figures, Figure::covered, 1);
    REQUIRE(c2);
    CHECK(c2->form == Form::plain);
    CHECK(integer(c2->terms[1]) == 40);
    CHECK(std::get<Date>(c2->terms[3]) == day(2025, 12, 31));
    CHECK(integer(c2->terms[4]) == 10);
    CHECK(find_figure(figures, Figure::covered, 0)->form == Form::past);

    const Explained* v2 = find_figure(figures, Figure::verdict, 1);
    REQUIRE(v2);
    CHECK(std::get<Verdict>(v2->value) == Verdict::behind);
    CHECK(integer(v2->terms[2]) == 2);

    // No forecast given: no forecast figures.
    CHECK(find_figure(figures, Figure::pace) == nullptr);
}

TEST_CASE("Explain gives the forecast figures with the terms of their formulas", "[forecast][explain]") {
    const Plan plan = trend_plan();
    const Report r = compute_report(plan, as_of);
    const Forecast f = forecast(plan, as_of);
    const auto figures = explain(r, &f);

    const Explained* pace = find_figure(figures, Figure::pace);
    REQUIRE(pace);
    CHECK(decimal(pace->value) == "1.0");
    CHECK(integer(pace->terms[3]) == 12);
    CHECK(decimal(pace->terms[5]) == "1.0006...");

    // 40 + floor(12 x 184 / 365) = 40 + floor(2208/365) = 40 + 6 = 46.
    const Explained* projected = find_figure(figures, Figure::projected, 1);
    REQUIRE(projected);
    CHECK(projected->form == Form::plain);
    CHECK(integer(projected->value) == 46);
    CHECK(decimal(projected->terms[5]) == "2208");
    CHECK(integer(projected->terms[8]) == 6);
    CHECK(decimal(projected->terms[9]) == "46");

    const Explained* reached = find_figure(figures, Figure::reached, 1);
    REQUIRE(reached);
    CHECK(std::get<Date>(reached->value) == day(2025, 11, 30));
    CHECK(decimal(reached->terms[6]) == "153");

    const Explained* ratio = find_figure(figures, Figure::ratio, 1);
    REQUIRE(ratio);
    CHECK(decimal(ratio->value) == "1.05");
    CHECK(integer(ratio->terms[4]) == 18);
    CHECK(integer(ratio->terms[5]) == 17);

    const Explained* progress = find_figure(figures, Figure::progress, 2);
    REQUIRE(progress);
    CHECK(std::get<Progress>(progress->value) == Progress::needs_acceleration);

    CHECK(find_figure(figures, Figure::safety_buffer) != nullptr);  // from the earliest event: no start
}

TEST_CASE("Explain gives the safety buffer with the terms of its formula", "[forecast][explain]") {
    const Plan plan = buffer_plan(20, 20);
    const Report r = compute_report(plan, as_of);
    const Forecast f = forecast(plan, as_of);
    const auto figures = explain(r, &f);
    const Explained* path = find_figure(figures, Figure::required_path);
    REQUIRE(path);
    CHECK(decimal(path->value) == "34.835...");
    CHECK(integer(path->terms[4]) == 180);
    CHECK(integer(path->terms[5]) == 364);
    const Explained* buffer = find_figure(figures, Figure::safety_buffer);
    REQUIRE(buffer);
    CHECK(std::get<SafetyBuffer::State>(buffer->value) == SafetyBuffer::State::safe);
    CHECK(std::get<Date>(buffer->terms[1]) == day(2025, 9, 1));
    CHECK(integer(buffer->terms[4]) == 63);
}
