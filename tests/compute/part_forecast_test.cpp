// Each part of the three-region roll-up (tests/e2e/plans/rollup) against the
// roll-up's next milestone, 50% by 31/12/2030, on 23/11/2026.
#include "part_forecast.hpp"

#include <cmath>

#include <catch2/catch.hpp>

#include "compute.hpp"
#include "league.hpp"
#include "load.hpp"

using namespace ontrack;

namespace {

const std::string dir = std::string(ONTRACK_TEST_DATA) + "/e2e/plans/rollup/";

// P(at least k successes in n trials of probability p).
double binomial_at_least(int n, double p, int k) {
    double below = 0;
    double term = std::pow(1 - p, n);  // P(0)
    for (int j = 0; j < k; ++j) {
        below += term;
        term *= static_cast<double>(n - j) / (j + 1) * p / (1 - p);
    }
    return 1 - below;
}

}  // namespace

TEST_CASE("a part's forecast against the roll-up's next milestone", "[part_forecast]") {
    const Date as_of = Date::from_ymd(2026, 11, 23);
    const Plan plan = load_plan(dir + "national.toml");
    const Report report = compute_report(plan, as_of);
    League l = league(plan, report, LeagueSort::order);
    add_part_forecasts(l, plan, report, 12, std::nullopt);
    REQUIRE(l.rows[0].name == "North");
    REQUIRE(l.rows[0].forecast);
    const PartForecast& north = *l.rows[0].forecast;
    CHECK(north.deadline == Date::from_ymd(2030, 12, 31));
    CHECK(north.required == 5);  // ⌈50% × 10⌉
    CHECK(north.expected == 4);  // A1, A2 drug-free, A3, A4 planned
    CHECK(north.shortfall == 1);
    CHECK(north.covered == 2);
    CHECK(north.months == 50);
    // North's window: one month gained 1 (Aspen, 01/03/2026), eleven nothing; 3 more in 50 months.
    REQUIRE(north.likelihood.probability);
    CHECK(*north.likelihood.probability == Approx(binomial_at_least(50, 1.0 / 12, 3)).epsilon(1e-9));
    // With 1 a month added every month, 3 more take 3 months: exactly 1.
    League fast = league(plan, report, LeagueSort::order);
    add_part_forecasts(fast, plan, report, 12, parse_assumed_pace("+1"));
    CHECK(fast.rows[0].forecast->likelihood.probability == std::optional<double>(1.0));
    CHECK(fast.rows[0].forecast->likelihood.likely_by[2] == Date::from_ymd(2027, 2, 23));
    // A window of 2 months is too short.
    League short_window = league(plan, report, LeagueSort::order);
    add_part_forecasts(short_window, plan, report, 2, std::nullopt);
    CHECK(short_window.rows[0].forecast->missing == Missing::few_months);
    CHECK_FALSE(short_window.rows[0].forecast->likelihood.probability);
}
