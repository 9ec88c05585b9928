// The league table of a roll-up: one row per part, sorted so that
// a meeting sees first who is furthest behind.
//
// Per part: its total, its units drug-free on as-of, the units it expects by
// the roll-up's next deadline (drug-free now plus planned in (as-of,
// deadline]), its own next milestone (the first not yet due, else its last;
// none when it has none) with verdict and shortfall, and its share of each
// roll-up milestone's shortfall: the breakdown by part (breakdown.hpp), the
// shortfall apportioned by largest remainders in proportion to what each part
// has not covered by the deadline, so the shares add up to the shortfall.
//
// Sorting (LeagueSort):
//   shortfall  by the shortfall at the roll-up's share (shortfall_at_share
//              of its next milestone: the first not yet due, else its last),
//              largest first, so that the parts keeping the roll-up from its
//              target come first whatever their size; then by coverage,
//              lowest first; then in part order.
//   coverage   by coverage (drug-free / total, compared exactly), lowest
//              first; then by that shortfall, largest first; then in part
//              order.
//   order      in the order of the roll-up's parts.
// A roll-up without milestones (several files given at once) sorts by
// coverage under "shortfall".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "breakdown.hpp"
#include "model.hpp"
#include "msgid.hpp"
#include "part_forecast.hpp"
#include "report.hpp"

namespace ontrack {

enum class LeagueSort { shortfall, coverage, order };

inline constexpr const char* league_sort_names[] = {"shortfall", "coverage", "order"};

std::optional<LeagueSort> parse_league_sort(std::string_view name);

struct LeagueRow {
    std::size_t part = 0;  // its place in the roll-up's parts
    std::string file;
    std::string name;
    std::int64_t total = 0;
    std::int64_t covered = 0;                 // drug-free on as-of
    std::optional<std::int64_t> by_next;      // expected by the roll-up's next deadline
    std::optional<MilestoneResult> own_next;  // its own next milestone
    std::vector<MilestoneResult> own;         // all its own milestones, judged
    std::vector<std::int64_t> shares;         // of each roll-up milestone's shortfall
    // The roll-up's next milestone applied to the part (required_at_share,
    // shortfall_at_share); none without roll-up milestones.
    std::optional<std::int64_t> expected_at_next;  // the part's covered figure of that milestone
    std::optional<std::int64_t> required_at_share;
    std::optional<std::int64_t> shortfall_at_share;
    std::optional<PartForecast> forecast;  // --forecast (add_part_forecasts)
};

struct League {
    std::optional<std::size_t> next;  // the roll-up milestone the table sorts by
    std::vector<LeagueRow> rows;      // sorted
    LeagueSort sort = LeagueSort::shortfall;
};

// A roll-up's milestone applied to one of its parts: a percent target p asks
// ⌈p × part total / 100⌉ of the part, a count target c asks its share of the
// count, ⌈c × part total / roll-up total⌉ (0 when the roll-up's total is 0).
// Exact, in 128-bit integers.
std::int64_t required_at_share(const Target& target, std::int64_t part_total, std::int64_t rollup_total);

// What a part lacks of its share of a roll-up's milestone: max(0,
// required_at_share − expected), where expected is what the part has by the
// deadline (drug-free on as-of plus planned by the deadline, or drug-free on a
// past deadline).
std::int64_t shortfall_at_share(const Target& target, std::int64_t part_total, std::int64_t rollup_total,
                                std::int64_t expected);

// The league of a roll-up plan (plan.parts; a plan that is no roll-up is one
// row). `report` must be compute_report(plan, report.as_of).
League league(const Plan& plan, const Report& report, LeagueSort sort);

// The league of plans given at once (no roll-up milestones: no shares, no
// "by the next deadline"), from their reports.
League league(const std::vector<const Report*>& reports, LeagueSort sort);

// 0 when every part's own milestone judged is met or on-track, else 1
// (--judge-parts).
int parts_exit_status(const League& league, bool upcoming_only);

}  // namespace ontrack
