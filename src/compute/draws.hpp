// The exact distribution of a sum of monthly draws: X₁ + … + Xₘ, each Xᵢ drawn
// independently and uniformly from the same list of monthly counts (a value
// listed twice is twice as likely). No sampling and no seed: the m-fold
// convolution of the list's distribution, one draw at a time.
//
// Arithmetic. The values are shifted by their minimum and divided by the
// greatest common divisor of the differences, so the distribution is a dense
// vector of doubles over 0 … m × (max − min) / gcd; the thresholds are mapped
// to it in 128-bit integers. Whether a sum can reach a threshold at all is
// decided in integers: the probability is exactly 1 only when the smallest
// possible sum reaches it, exactly 0 only when the largest cannot; otherwise
// it is the mass at or above it, kept strictly between 0 and 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ontrack {

class DrawSum {
   public:
    // The most values the distribution may hold (32 MiB of doubles): monthly
    // counts spread wider than this over the months asked are not computed.
    static constexpr std::size_t max_support = std::size_t{1} << 22;

    // `values` must not be empty (std::invalid_argument). Starts at 0 draws.
    explicit DrawSum(const std::vector<std::int64_t>& values);

    // One more draw; false (and nothing done) when the distribution would
    // outgrow max_support values.
    bool add_draw();
    std::int64_t draws() const { return draws_; }

    // P(X₁ + … + Xₘ ≥ threshold) for the m draws made so far.
    double at_least(std::int64_t threshold) const;

   private:
    std::int64_t min_ = 0;
    std::int64_t max_ = 0;
    std::int64_t step_ = 1;             // the gcd of value − min
    std::vector<std::size_t> offsets_;  // the distinct (value − min) / step
    std::vector<double> weights_;       // their probabilities
    std::vector<double> mass_{1.0};     // of the sum's (sum − m × min) / step
    std::int64_t draws_ = 0;
};

// The likely-date levels: 50%, 85% and 95%.
inline constexpr double likely_levels[] = {0.50, 0.85, 0.95};
inline constexpr std::size_t likely_level_count = 3;
// A level is reached when the probability is at least the level minus this.
inline constexpr double likely_tolerance = 1e-9;
// How far ahead a likely date is looked for.
inline constexpr std::int64_t likely_horizon_months = 1200;

// What is asked of the draws for one goal: the probability that the sum of
// `months` draws reaches `threshold`, and, when `dates`, for each likely
// level the first m in 0 … horizon with P(X₁ + … + Xₘ ≥ threshold) ≥ level −
// 1e-9.
struct DrawGoal {
    std::int64_t threshold = 0;
    std::int64_t months = 0;
    bool dates = false;
};

struct DrawAnswer {
    bool computed = true;  // false: the counts are too spread out (DrawSum::max_support)
    double probability = 0;
    std::int64_t first[likely_level_count] = {-1, -1, -1};  // -1: none within the horizon
};

// Every goal's answer in one pass of draws up to the furthest month needed.
// `horizon` (≤ likely_horizon_months) bounds the likely dates.
std::vector<DrawAnswer> answer(const std::vector<std::int64_t>& values, const std::vector<DrawGoal>& goals,
                               std::int64_t horizon = likely_horizon_months);

}  // namespace ontrack
