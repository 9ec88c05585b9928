// Calendar dates as whole days: parsing, formatting and arithmetic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ontrack {

struct Date {
    std::int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)

    static Date from_ymd(int year, unsigned month, unsigned day);
    int year() const;
    unsigned month() const;
    unsigned day() const;

    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

bool is_valid_ymd(int year, unsigned month, unsigned day);

// Parses exactly "YYYY-MM-DD" (years 0001-9999). On failure returns nullopt
// and, when `why` is given, stores a short reason.
std::optional<Date> parse_iso_date(std::string_view text, std::string* why = nullptr);

// Parses a date as people write it: "YYYY-MM-DD", or the Vietnamese way
// "dd/mm/yyyy" (also "d/m/yyyy", one or two digits for day and month, four
// for the year). The one parser of every command-line date.
std::optional<Date> parse_date(std::string_view text, std::string* why = nullptr);

// The date of year, month and day, or nullopt and, when `why` is given, why
// there is none (the year, the month, or the day in that month): the one
// check of every date read.
std::optional<Date> date_of(int year, unsigned month, unsigned day, std::string* why = nullptr);

// The numbers of a date written with slashes, in the order written:
// "31/03/2025" is {31, 3, 2025}; nullopt when the text is not of the shape
// looks_like_dmy() says. Which of the first two is the day is the reader's
// choice (a sheet from an English Excel writes the month first).
struct SlashDate {
    unsigned first = 0;
    unsigned second = 0;
    int year = 0;
};
std::optional<SlashDate> split_slash_date(std::string_view text);

// Whether the text has the dd/mm/yyyy shape (digits and two slashes), valid
// or not: "31/03/2025", "1/2/2025".
bool looks_like_dmy(std::string_view text);

std::string to_iso(Date d);

// Today's date in the local time zone.
Date today_local();

// `d` moved by `months` calendar months (negative: back), the day clamped to
// the end of the target month: 2026-03-31 minus 1 month is 2026-02-28,
// 2024-03-31 minus 1 month is 2024-02-29. `months` is at most 10^6 either way.
Date add_months(Date d, int months);

// Whole days from `from` to `to` (negative when `to` is earlier).
inline std::int64_t days_between(Date from, Date to) {
    return static_cast<std::int64_t>(to.days) - from.days;
}

}  // namespace ontrack
