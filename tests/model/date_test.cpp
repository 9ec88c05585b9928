#include "date.hpp"

#include <string>

#include <catch2/catch.hpp>

using ontrack::Date;
using ontrack::parse_iso_date;
using ontrack::to_iso;

namespace {

// Parses text that must be invalid and returns the reason given.
std::string reason_for(const std::string& text) {
    std::string why;
    const auto d = parse_iso_date(text, &why);
    CHECK_FALSE(d.has_value());
    return why;
}

}  // namespace

TEST_CASE("parse_iso_date accepts a plain YYYY-MM-DD date") {
    std::string why = "untouched";
    const auto d = parse_iso_date("2025-06-30", &why);
    REQUIRE(d.has_value());
    CHECK(d->year() == 2025);
    CHECK(d->month() == 6u);
    CHECK(d->day() == 30u);
    // 1970..2024 is 55 years with 14 leap years (1972..2024): 55*365+14 = 20089
    // days to 2025-01-01, then Jan..May = 31+28+31+30+31 = 151, then 29 more.
    CHECK(d->days == 20089 + 151 + 29);
    CHECK(why == "untouched");  // no reason stored on success
}

TEST_CASE("parse_iso_date accepts 29 February in a leap year") {
    const auto d = parse_iso_date("2024-02-29");
    REQUIRE(d.has_value());
    CHECK(d->year() == 2024);
    CHECK(d->month() == 2u);
    CHECK(d->day() == 29u);
    // 1970..2023: 54*365 + 13 leap years (1972..2020) = 19723, then 31 + 28.
    CHECK(d->days == 19723 + 31 + 28);
    CHECK(parse_iso_date("2000-02-29").has_value());  // divisible by 400: leap
}

TEST_CASE("parse_iso_date rejects days that do not exist") {
    CHECK(reason_for("2025-02-29") == "that day does not exist in that month");
    CHECK(reason_for("2025-02-30") == "that day does not exist in that month");
    CHECK(reason_for("1900-02-29") == "that day does not exist in that month");  // century, not leap
    CHECK(reason_for("2025-04-31") == "that day does not exist in that month");
    CHECK(reason_for("2025-01-00") == "that day does not exist in that month");
    CHECK(reason_for("2025-01-32") == "that day does not exist in that month");
}

TEST_CASE("parse_iso_date rejects months out of range") {
    CHECK(reason_for("2025-13-01") == "the month must be 01 to 12");
    CHECK(reason_for("2025-00-10") == "the month must be 01 to 12");
}

TEST_CASE("parse_iso_date rejects year 0000") {
    CHECK(reason_for("0000-01-01") == "the year must be 0001 to 9999");
}

TEST_CASE("parse_iso_date rejects text that is not shaped YYYY-MM-DD") {
    const std::string shape = "expected a date as YYYY-MM-DD";
    CHECK(reason_for("yesterday") == shape);
    CHECK(reason_for("") == shape);
    CHECK(reason_for("2025-1-01") == shape);
    CHECK(reason_for("2025-01-1") == shape);
    CHECK(reason_for("25-01-2025") == shape);
    CHECK(reason_for("2025/01/01") == shape);
    CHECK(reason_for("2025-01-01 ") == shape);
    CHECK(reason_for(" 2025-01-01") == shape);
    CHECK(reason_for("2025-0a-01") == shape);
    CHECK(reason_for("+025-01-01") == shape);
    CHECK(reason_for("2025-01-01T00:00") == shape);
}

TEST_CASE("parse_iso_date without a reason pointer still fails cleanly") {
    CHECK_FALSE(parse_iso_date("2025-02-29").has_value());
    CHECK_FALSE(parse_iso_date("yesterday", nullptr).has_value());
}

TEST_CASE("to_iso round-trips parsed dates") {
    for (const char* text : {"2025-06-30", "2024-02-29", "2000-02-29", "1970-01-01", "1969-12-31", "0001-01-01",
                             "9999-12-31", "2025-12-31", "2026-01-01"}) {
        const auto d = parse_iso_date(text);
        REQUIRE(d.has_value());
        CHECK(to_iso(*d) == text);
    }
}

TEST_CASE("to_iso pads every field with zeros") {
    CHECK(to_iso(Date::from_ymd(5, 3, 7)) == "0005-03-07");
    CHECK(to_iso(Date{0}) == "1970-01-01");
    CHECK(to_iso(Date{1}) == "1970-01-02");
    CHECK(to_iso(Date{-1}) == "1969-12-31");
    CHECK(to_iso(Date{31}) == "1970-02-01");
}

TEST_CASE("from_ymd counts days from 1970-01-01") {
    CHECK(Date::from_ymd(1970, 1, 1).days == 0);
    CHECK(Date::from_ymd(1970, 1, 2).days == 1);
    CHECK(Date::from_ymd(1969, 12, 31).days == -1);
    CHECK(Date::from_ymd(1971, 1, 1).days == 365);
    CHECK(Date::from_ymd(1973, 1, 1).days == 365 + 365 + 366);  // 1972 is leap
    // 1970..1999: 30*365 + 7 leap years (1972..1996) = 10957.
    CHECK(Date::from_ymd(2000, 1, 1).days == 10957);
}

TEST_CASE("from_ymd differences follow the calendar") {
    // 2000 is a leap year: 28 Feb -> 29 Feb -> 1 Mar.
    CHECK(Date::from_ymd(2000, 3, 1).days - Date::from_ymd(2000, 2, 28).days == 2);
    // 1900 is not: 28 Feb -> 1 Mar.
    CHECK(Date::from_ymd(1900, 3, 1).days - Date::from_ymd(1900, 2, 28).days == 1);
    CHECK(Date::from_ymd(2025, 3, 1).days - Date::from_ymd(2025, 2, 28).days == 1);
    CHECK(Date::from_ymd(2024, 3, 1).days - Date::from_ymd(2024, 2, 28).days == 2);
    CHECK(Date::from_ymd(2025, 1, 1).days - Date::from_ymd(2024, 1, 1).days == 366);
    CHECK(Date::from_ymd(2026, 1, 1).days - Date::from_ymd(2025, 1, 1).days == 365);
    CHECK(Date::from_ymd(2025, 1, 1).days - Date::from_ymd(2024, 12, 31).days == 1);
    // 400 Gregorian years are 146097 days.
    CHECK(Date::from_ymd(2400, 1, 1).days - Date::from_ymd(2000, 1, 1).days == 146097);
}

TEST_CASE("edge years 0001 and 9999") {
    const auto first = parse_iso_date("0001-01-01");
    const auto last = parse_iso_date("9999-12-31");
    REQUIRE(first.has_value());
    REQUIRE(last.has_value());
    // 0001-01-01 is proleptic ordinal 1 and 1970-01-01 ordinal 719163
    // (1969 years: 1969*365 + 492 leap - 19 centuries + 4 quad-centuries = 719162).
    CHECK(first->days == -719162);
    // 9999-12-31 is ordinal 9999*365 + 2499 - 99 + 24 = 3652059; minus 719163.
    CHECK(last->days == 3652059 - 719163);
    CHECK(first->year() == 1);
    CHECK(first->month() == 1u);
    CHECK(first->day() == 1u);
    CHECK(last->year() == 9999);
    CHECK(last->month() == 12u);
    CHECK(last->day() == 31u);
    CHECK(*first < *last);
}

TEST_CASE("is_valid_ymd agrees with the calendar") {
    CHECK(ontrack::is_valid_ymd(2024, 2, 29));
    CHECK_FALSE(ontrack::is_valid_ymd(2025, 2, 29));
    CHECK_FALSE(ontrack::is_valid_ymd(0, 1, 1));
    CHECK_FALSE(ontrack::is_valid_ymd(10000, 1, 1));
    CHECK_FALSE(ontrack::is_valid_ymd(2025, 13, 1));
    CHECK_FALSE(ontrack::is_valid_ymd(2025, 0, 1));
    CHECK_FALSE(ontrack::is_valid_ymd(2025, 1, 0));
    CHECK(ontrack::is_valid_ymd(9999, 12, 31));
    CHECK(ontrack::is_valid_ymd(1, 1, 1));
}

TEST_CASE("Date comparisons order by day") {
    const Date a = Date::from_ymd(2025, 6, 30);
    const Date b = Date::from_ymd(2025, 7, 1);
    CHECK(a < b);
    CHECK(a <= b);
    CHECK(b > a);
    CHECK(b >= a);
    CHECK(a != b);
    CHECK(a == Date::from_ymd(2025, 6, 30));
    CHECK(a <= a);
    CHECK(a >= a);
    CHECK_FALSE(a < a);
}

TEST_CASE("parse_date accepts YYYY-MM-DD, dd/mm/yyyy and d/m/yyyy", "[date]") {
    using ontrack::Date;
    using ontrack::parse_date;
    CHECK(parse_date("2025-03-31") == Date::from_ymd(2025, 3, 31));
    CHECK(parse_date("31/03/2025") == Date::from_ymd(2025, 3, 31));
    CHECK(parse_date("1/2/2025") == Date::from_ymd(2025, 2, 1));
    CHECK(parse_date("01/02/2025") == Date::from_ymd(2025, 2, 1));
    CHECK(parse_date("29/02/2024") == Date::from_ymd(2024, 2, 29));
    CHECK(parse_date("31/12/9999") == Date::from_ymd(9999, 12, 31));
    CHECK(parse_date("1/1/0001") == Date::from_ymd(1, 1, 1));
}

TEST_CASE("parse_date refuses other forms and days that do not exist, saying why", "[date]") {
    using ontrack::parse_date;
    auto why_of = [](const char* text) {
        std::string why;
        CHECK_FALSE(parse_date(text, &why).has_value());
        return why;
    };
    CHECK(why_of("29/02/2025") == "that day does not exist in that month");
    CHECK(why_of("31/04/2025") == "that day does not exist in that month");
    CHECK(why_of("00/04/2025") == "that day does not exist in that month");
    CHECK(why_of("12/13/2025") == "the month must be 01 to 12");
    CHECK(why_of("12/00/2025") == "the month must be 01 to 12");
    CHECK(why_of("01/01/0000") == "the year must be 0001 to 9999");
    CHECK(why_of("31/03/25") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");      // two-digit year
    CHECK(why_of("031/03/2025") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");   // three-digit day
    CHECK(why_of("31-03-2025") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");    // dashes, day first
    CHECK(why_of("31.03.2025") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");    // dots
    CHECK(why_of("2025/03/31") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");    // year first with slashes
    CHECK(why_of("31/03/2025/1") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");  // three slashes
    CHECK(why_of(" 31/03/2025") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");   // a blank
    CHECK(why_of("") == "expected a date as YYYY-MM-DD or dd/mm/yyyy");
    CHECK(why_of("2025-02-30") == "that day does not exist in that month");
    CHECK_FALSE(ontrack::parse_date("3/3/2025x").has_value());
}
