#include "target.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include <catch2/catch.hpp>

using ontrack::parse_percent;
using ontrack::Percent;
using ontrack::required_count;
using ontrack::Target;

namespace {

Percent percent(const std::string& text) {
    std::string why;
    const auto p = parse_percent(text, why);
    INFO(text << ": " << why);
    REQUIRE(p.has_value());
    return *p;
}

std::string rejection(const std::string& text) {
    std::string why;
    const auto p = parse_percent(text, why);
    INFO(text);
    CHECK_FALSE(p.has_value());
    CHECK_FALSE(why.empty());
    return why;
}

Target pct(const std::string& text) {
    Target t;
    t.kind = Target::Kind::percent;
    t.percent = percent(text);
    return t;
}

Target count(std::int64_t n) {
    Target t;
    t.kind = Target::Kind::count;
    t.count = n;
    return t;
}

const std::string shape = "a percentage is written like \"30%\" or \"12.5%\"";
const std::string range = "a percentage must be more than 0% and at most 100%";
const std::string no_sign = "a percentage ends with '%'";

}  // namespace

TEST_CASE("parse_percent accepts whole and decimal percentages") {
    Percent p = percent("30%");
    CHECK(p.units == 30);
    CHECK(p.scale == 0);

    p = percent("12.5%");
    CHECK(p.units == 125);
    CHECK(p.scale == 1);

    p = percent("100%");
    CHECK(p.units == 100);
    CHECK(p.scale == 0);

    p = percent("0.001%");
    CHECK(p.units == 1);
    CHECK(p.scale == 3);

    // Trailing zeros carry no precision: 100.000% is 100%.
    p = percent("100.000%");
    CHECK(p.units == 100);
    CHECK(p.scale == 0);

    p = percent("14.3%");
    CHECK(p.units == 143);
    CHECK(p.scale == 1);

    // Leading zeros in the whole part are harmless.
    p = percent("050%");
    CHECK(p.units == 50);
    CHECK(p.scale == 0);
}

TEST_CASE("parse_percent accepts up to twelve decimals") {
    const Percent p = percent("0.000000000001%");  // 12 decimals
    CHECK(p.units == 1);
    CHECK(p.scale == 12);
    const Percent q = percent("99.999999999999%");  // 12 decimals
    CHECK(q.units == 99999999999999);
    CHECK(q.scale == 12);
    // 13 written decimals, but the last is a trailing zero.
    const Percent r = percent("1.0000000000010%");
    CHECK(r.units == 1000000000001);
    CHECK(r.scale == 12);
}

TEST_CASE("parse_percent rejects values not above 0% or above 100%") {
    CHECK(rejection("0%") == range);
    CHECK(rejection("0.000%") == range);
    CHECK(rejection("100.1%") == range);
    CHECK(rejection("100.000000000001%") == range);
    CHECK(rejection("101%") == range);
    CHECK(rejection("1000%") == range);
}

TEST_CASE("parse_percent rejects malformed text with a reason") {
    CHECK(rejection("30") == no_sign);
    CHECK(rejection("") == no_sign);
    CHECK(rejection("30 %") == shape);
    CHECK(rejection("%") == shape);
    CHECK(rejection("-5%") == shape);
    CHECK(rejection("+5%") == shape);
    CHECK(rejection("1e2%") == shape);
    CHECK(rejection("12.%") == shape);
    CHECK(rejection(".5%") == shape);
    CHECK(rejection("abc%") == shape);
    CHECK(rejection("1.2.3%") == shape);
    CHECK(rejection("30%%") == shape);
    CHECK(rejection("12,5%") == shape);
}

TEST_CASE("parse_percent rejects more than twelve decimals") {
    CHECK(rejection("0.0000000000001%") == "a percentage may have at most 12 decimals");  // 13 decimals
    CHECK(rejection("12.3456789012345%") == "a percentage may have at most 12 decimals");
}

TEST_CASE("required_count of a count target is the count") {
    CHECK(required_count(count(40), 114) == 40);
    CHECK(required_count(count(0), 114) == 0);
}

TEST_CASE("required_count rounds a percentage up, exactly") {
    CHECK(required_count(pct("14.3%"), 1000) == 143);  // 143 * 1000 / 1000 = 143, no rounding
    CHECK(required_count(pct("15%"), 20) == 3);        // 15 * 20 / 100 = 3
    CHECK(required_count(pct("30%"), 114) == 35);      // 3420 / 100 = 34.2 -> 35
    CHECK(required_count(pct("45%"), 114) == 52);      // 5130 / 100 = 51.3 -> 52
    CHECK(required_count(pct("60%"), 114) == 69);      // 6840 / 100 = 68.4 -> 69
    CHECK(required_count(pct("100%"), 114) == 114);
    CHECK(required_count(pct("50%"), 3321) == 1661);  // 166050 / 100 = 1660.5 -> 1661
    CHECK(required_count(pct("12.5%"), 9) == 2);      // 125 * 9 / 1000 = 1.125 -> 2
    CHECK(required_count(pct("0.001%"), 1) == 1);     // 1 / 100000, any fraction rounds up to 1
}

TEST_CASE("required_count does not round up exact results") {
    CHECK(required_count(pct("25%"), 4) == 1);        // 100 / 100 = 1 exactly
    CHECK(required_count(pct("50%"), 3320) == 1660);  // 166000 / 100 = 1660
    CHECK(required_count(pct("12.5%"), 8) == 1);      // 1000 / 1000 = 1
    CHECK(required_count(pct("20%"), 0) == 0);        // nothing of nothing
    CHECK(required_count(pct("100%"), 1) == 1);
}

TEST_CASE("required_count is exact where doubles are not") {
    // Each value checked with IEEE doubles (Python): ceil of the double result
    // is one too many where noted.
    // 29.1 / 100 * 1000 = 291.00000000000006 -> ceil 292; exactly 291.
    CHECK(required_count(pct("29.1%"), 1000) == 291);
    // 7 / 100 * 100 = 7.000000000000001 -> ceil 8; exactly 7.
    CHECK(required_count(pct("7%"), 100) == 7);
    // 14.3 / 100 * 1000 = 143.00000000000003 -> ceil 144; exactly 143.
    CHECK(required_count(pct("14.3%"), 1000) == 143);
    // 0.07 * 10000 / 100 = 7.000000000000001 in every evaluation order -> 8; exactly 7.
    CHECK(required_count(pct("0.07%"), 10000) == 7);
    // 0.57 * 100 = 56.99999999999999 in doubles (ceil happens to give 57, floor 56).
    CHECK(required_count(pct("57%"), 100) == 57);
    // 0.1% of 3000 = 3 exactly.
    CHECK(required_count(pct("0.1%"), 3000) == 3);
    // 12 decimals: 1000000000001 * 10^14 / 10^14 = 1000000000001 exactly.
    CHECK(required_count(pct("1.000000000001%"), 100000000000000) == 1000000000001);
}

TEST_CASE("required_count does not overflow for the largest total") {
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();  // 2^63 - 1
    CHECK(required_count(pct("100%"), max) == max);
    // (2^63 - 1) / 2 = 2^62 - 0.5 -> 2^62 = 4611686018427387904.
    CHECK(required_count(pct("50%"), max) == 4611686018427387904);
    // 10^-12 % of (2^63 - 1): 9223372036854775807 / 10^14 = 92233.72... -> 92234.
    CHECK(required_count(pct("0.000000000001%"), max) == 92234);
    // 99.999999999999% of 2^63 - 1 = max - max / 10^14 = max - 92233.72... -> ceil is
    // 9223372036854775807 - 92233 = 9223372036854683574.
    CHECK(required_count(pct("99.999999999999%"), max) == 9223372036854683574);
}

TEST_CASE("to_string writes targets as they are read") {
    CHECK(ontrack::to_string(count(40)) == "40");
    CHECK(ontrack::to_string(count(0)) == "0");
    CHECK(ontrack::to_string(pct("30%")) == "30%");
    CHECK(ontrack::to_string(pct("12.5%")) == "12.5%");
    CHECK(ontrack::to_string(pct("100%")) == "100%");
    CHECK(ontrack::to_string(pct("0.001%")) == "0.001%");
    CHECK(ontrack::to_string(pct("14.3%")) == "14.3%");
    CHECK(ontrack::to_string(pct("0.000000000001%")) == "0.000000000001%");
    CHECK(ontrack::to_string(pct("99.999999999999%")) == "99.999999999999%");
    CHECK(ontrack::to_string(pct("10.05%")) == "10.05%");  // the inner zero stays
}

TEST_CASE("to_string normalises trailing and leading zeros") {
    CHECK(ontrack::to_string(pct("100.000%")) == "100%");
    CHECK(ontrack::to_string(pct("12.50%")) == "12.5%");
    CHECK(ontrack::to_string(pct("050%")) == "50%");
    CHECK(ontrack::to_string(pct("00.5%")) == "0.5%");
}

TEST_CASE("to_string of a Percent built by hand") {
    Percent p;
    p.units = 5;
    p.scale = 2;
    CHECK(ontrack::to_string(p) == "0.05%");
    p.units = 1234;
    p.scale = 1;
    CHECK(ontrack::to_string(p) == "123.4%");
}
