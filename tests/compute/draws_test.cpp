#include "draws.hpp"

#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

using namespace ontrack;

namespace {

// P(X₁ + … + Xₙ ≥ threshold) by listing every sequence of n draws.
double brute_force(const std::vector<std::int64_t>& values, int n, std::int64_t threshold) {
    std::vector<std::size_t> pick(static_cast<std::size_t>(n), 0);
    std::int64_t hits = 0, all = 0;
    for (;;) {
        std::int64_t sum = 0;
        for (std::size_t k : pick) sum += values[k];
        hits += sum >= threshold;
        ++all;
        std::size_t d = 0;
        while (d < pick.size() && ++pick[d] == values.size()) pick[d++] = 0;
        if (d == pick.size()) break;
    }
    return static_cast<double>(hits) / static_cast<double>(all);
}

}  // namespace

TEST_CASE("the sum of draws by hand", "[draws]") {
    DrawSum s({0, 1});
    CHECK(s.at_least(0) == 1.0);  // no draw: the sum is 0
    CHECK(s.at_least(1) == 0.0);
    s.add_draw();
    s.add_draw();
    // 0, 1, 2 with 1/4, 1/2, 1/4.
    CHECK(s.at_least(0) == 1.0);  // exactly: the smallest sum reaches it
    CHECK(s.at_least(1) == Approx(0.75));
    CHECK(s.at_least(2) == Approx(0.25));
    CHECK(s.at_least(3) == 0.0);  // exactly: the largest cannot
}

TEST_CASE("revocations: the probability is not monotone in the months", "[draws]") {
    DrawSum s({-1, 2});
    s.add_draw();
    CHECK(s.at_least(1) == Approx(0.5));
    s.add_draw();  // -2, 1, 4 with 1/4, 1/2, 1/4
    CHECK(s.at_least(1) == Approx(0.75));
    CHECK(s.at_least(0) == Approx(0.75));
    s.add_draw();                         // -3, 0, 3, 6 with 1/8, 3/8, 3/8, 1/8
    CHECK(s.at_least(1) == Approx(0.5));  // lower than after two months
    CHECK(s.at_least(0) == Approx(0.875));
    CHECK(s.at_least(-3) == 1.0);
    CHECK(s.at_least(7) == 0.0);
}

TEST_CASE("the convolution agrees with every sequence listed", "[draws]") {
    const std::vector<std::int64_t> hai_phong = {8, 0, 0, 0, 0, 0, 0, 1, -1, 2, 2, 0};
    const std::vector<std::int64_t> spread = {-5, 3, 3, 11, 0};
    for (const auto* values : {&hai_phong, &spread}) {
        DrawSum s(*values);
        for (int n = 1; n <= 4; ++n) {
            s.add_draw();
            for (std::int64_t t = -25; t <= 45; ++t) {
                INFO("n = " << n << ", threshold " << t);
                CHECK(s.at_least(t) == Approx(brute_force(*values, n, t)).margin(1e-12));
            }
        }
    }
}

TEST_CASE("a probability short of certain is never shown as 0 or 1", "[draws]") {
    DrawSum s({0, 1});
    for (int k = 0; k < 60; ++k) s.add_draw();
    // 2^-60 of the mass is at 60 and 2^-60 at 0: in doubles the tail below rounds to 1.
    const double p = s.at_least(1);
    CHECK(p < 1.0);
    CHECK(p > 0.999);
    const double q = s.at_least(60);
    CHECK(q > 0.0);
    CHECK(q < 1e-17);
    // A constant list is decided in integers.
    DrawSum c({3});
    c.add_draw();
    c.add_draw();
    CHECK(c.at_least(6) == 1.0);
    CHECK(c.at_least(7) == 0.0);
}

TEST_CASE("likely months: the first at each level, and never", "[draws]") {
    // P(Bin(m, 1/2) ≥ 2) = 1 − (m + 1) / 2^m: m = 3 gives 0.5, m = 6 0.89, m = 8 0.965.
    const auto a = answer({0, 1}, {{2, 4, true}});
    REQUIRE(a.size() == 1);
    CHECK(a[0].computed);
    CHECK(a[0].probability == Approx(11.0 / 16));
    CHECK(a[0].first[0] == 3);
    CHECK(a[0].first[1] == 6);
    CHECK(a[0].first[2] == 8);
    // Already reached: month 0.
    const auto now = answer({0, 1}, {{0, 5, true}});
    CHECK(now[0].probability == 1.0);
    CHECK(now[0].first[0] == 0);
    // Never: every month loses one.
    const auto never = answer({0, -1}, {{1, 12, true}});
    CHECK(never[0].probability == 0.0);
    CHECK(never[0].first[0] == -1);
    CHECK(never[0].first[2] == -1);
    // A level reached only for a while with revocations: {-1, 2}, threshold 1 is 0.75 at m = 2.
    const auto swing = answer({-1, 2}, {{1, 3, true}}, 3);
    CHECK(swing[0].probability == Approx(0.5));
    CHECK(swing[0].first[0] == 1);   // 0.5 at m = 1
    CHECK(swing[0].first[1] == -1);  // at most 0.75 up to the horizon of 3
    // Without dates only the months asked are drawn.
    const auto plain = answer({0, 1}, {{1, 2, false}, {2, 3, false}});
    CHECK(plain[0].probability == Approx(0.75));
    CHECK(plain[1].probability == Approx(0.5));
    CHECK(plain[1].first[0] == -1);
}

TEST_CASE("counts too spread out are not computed", "[draws]") {
    const auto a = answer({0, 1, std::int64_t{1} << 40}, {{1, 2, false}});
    CHECK_FALSE(a[0].computed);
    // With a common divisor the spread is one step.
    const auto b = answer({0, std::int64_t{1} << 40}, {{std::int64_t{1} << 40, 2, false}});
    CHECK(b[0].computed);
    CHECK(b[0].probability == Approx(0.75));
}
