#include "draws.hpp"
#include "wide_division.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>

namespace ontrack {
namespace {

// The largest double below 1, and the smallest above 0: a probability that
// the integers do not decide is never shown as certain.
const double below_one = std::nextafter(1.0, 0.0);
const double above_zero = std::nextafter(0.0, 1.0);

}  // namespace

DrawSum::DrawSum(const std::vector<std::int64_t>& values) {
    if (values.empty()) throw std::invalid_argument("draws need at least one value");
    min_ = *std::min_element(values.begin(), values.end());
    max_ = *std::max_element(values.begin(), values.end());
    // Differences are taken in 128 bits: max − min may not fit an int64.
    std::uint64_t g = 0;
    for (std::int64_t v : values) g = std::gcd(g, static_cast<std::uint64_t>(static_cast<int128>(v) - min_));
    if (g == 0 || g > static_cast<std::uint64_t>(INT64_MAX)) g = 1;
    step_ = static_cast<std::int64_t>(g);
    std::map<std::size_t, std::size_t> counts;
    for (std::int64_t v : values) ++counts[static_cast<std::size_t>((static_cast<int128>(v) - min_) / step_)];
    for (const auto& [offset, n] : counts) {
        offsets_.push_back(offset);
        weights_.push_back(static_cast<double>(n) / static_cast<double>(values.size()));
    }
}

bool DrawSum::add_draw() {
    const std::size_t span = offsets_.back();
    if (span > max_support || mass_.size() > max_support - span) return false;
    std::vector<double> next(mass_.size() + span, 0.0);
    for (std::size_t j = 0; j < offsets_.size(); ++j) {
        const double w = weights_[j];
        double* out = next.data() + offsets_[j];
        for (std::size_t s = 0; s < mass_.size(); ++s) out[s] += w * mass_[s];
    }
    mass_ = std::move(next);
    ++draws_;
    return true;
}

double DrawSum::at_least(std::int64_t threshold) const {
    const int128 m = draws_;
    if (m * min_ >= threshold) return 1.0;
    if (m * max_ < threshold) return 0.0;
    // sum ≥ threshold ⇔ (sum − m × min) / step ≥ ceil((threshold − m × min) / step).
    const int128 from = ceil_div(static_cast<int128>(threshold) - m * min_, step_);
    double p = 0;
    for (std::size_t s = static_cast<std::size_t>(from); s < mass_.size(); ++s) p += mass_[s];
    return std::clamp(p, above_zero, below_one);
}

std::vector<DrawAnswer> answer(const std::vector<std::int64_t>& values, const std::vector<DrawGoal>& goals,
                               std::int64_t horizon) {
    std::vector<DrawAnswer> out(goals.size());
    if (goals.empty()) return out;
    horizon = std::clamp<std::int64_t>(horizon, 0, likely_horizon_months);
    auto found_all = [](const DrawAnswer& a) {
        return std::all_of(std::begin(a.first), std::end(a.first), [](std::int64_t f) { return f >= 0; });
    };
    DrawSum sum(values);
    for (std::int64_t m = 0;; ++m) {
        bool done = true;
        for (std::size_t k = 0; k < goals.size(); ++k) {
            const DrawGoal& g = goals[k];
            DrawAnswer& a = out[k];
            const bool dates = g.dates && m <= horizon && !found_all(a);
            if (m == g.months || dates) {
                const double p = sum.at_least(g.threshold);
                if (m == g.months) a.probability = p;
                if (dates)
                    for (std::size_t q = 0; q < likely_level_count; ++q)
                        if (a.first[q] < 0 && p >= likely_levels[q] - likely_tolerance) a.first[q] = m;
            }
            if (m < g.months || (g.dates && m < horizon && !found_all(a))) done = false;
        }
        if (done) break;
        if (!sum.add_draw()) {
            // Too spread out to go on: what is still open is not computed.
            for (std::size_t k = 0; k < goals.size(); ++k)
                if (m < goals[k].months || (goals[k].dates && m < horizon && !found_all(out[k])))
                    out[k].computed = false;
            break;
        }
    }
    return out;
}

}  // namespace ontrack
