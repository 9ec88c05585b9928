#include "date.hpp"

#include <ctime>

#include <fmt/format.h>

#include "msgid.hpp"

namespace ontrack {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Ymd {
    int y;
    unsigned m;
    unsigned d;
};

Ymd civil_from_days(std::int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int y, unsigned m) {
    static const unsigned table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : table[m - 1];
}

}  // namespace

bool is_valid_ymd(int year, unsigned month, unsigned day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
    return Date{days_from_civil(year, month, day)};
}

int Date::year() const {
    return civil_from_days(days).y;
}
unsigned Date::month() const {
    return civil_from_days(days).m;
}
unsigned Date::day() const {
    return civil_from_days(days).d;
}

namespace {

std::optional<Date> fail(std::string* why, const char* reason) {
    if (why) *why = reason;
    return std::nullopt;
}

// The year, month and day of "YYYY-MM-DD" as written, valid or not.
std::optional<SlashDate> iso_numbers(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (int i = 0; i < lengths[p]; ++i) {
            const char c = text[static_cast<std::size_t>(starts[p] + i)];
            if (c < '0' || c > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    return SlashDate{static_cast<unsigned>(parts[2]), static_cast<unsigned>(parts[1]), parts[0]};
}

}  // namespace

std::optional<Date> date_of(int year, unsigned month, unsigned day, std::string* why) {
    if (year < 1 || year > 9999) return fail(why, N_("the year must be 0001 to 9999"));
    if (month < 1 || month > 12) return fail(why, N_("the month must be 01 to 12"));
    if (day < 1 || day > days_in_month(year, month)) return fail(why, N_("that day does not exist in that month"));
    return Date::from_ymd(year, month, day);
}

std::optional<Date> parse_iso_date(std::string_view text, std::string* why) {
    const auto n = iso_numbers(text);
    if (!n) return fail(why, N_("expected a date as YYYY-MM-DD"));
    return date_of(n->year, n->second, n->first, why);
}

std::optional<SlashDate> split_slash_date(std::string_view text) {
    if (!looks_like_dmy(text)) return std::nullopt;
    const auto a = text.find('/');
    const auto b = text.find('/', a + 1);
    auto number = [](std::string_view part) {
        unsigned v = 0;
        for (char c : part) v = v * 10 + static_cast<unsigned>(c - '0');
        return v;
    };
    return SlashDate{number(text.substr(0, a)), number(text.substr(a + 1, b - a - 1)),
                     static_cast<int>(number(text.substr(b + 1)))};
}

bool looks_like_dmy(std::string_view text) {
    const auto a = text.find('/');
    if (a == std::string_view::npos) return false;
    const auto b = text.find('/', a + 1);
    if (b == std::string_view::npos || text.find('/', b + 1) != std::string_view::npos) return false;
    auto digits = [](std::string_view part, std::size_t lo, std::size_t hi) {
        if (part.size() < lo || part.size() > hi) return false;
        for (char c : part)
            if (c < '0' || c > '9') return false;
        return true;
    };
    return digits(text.substr(0, a), 1, 2) && digits(text.substr(a + 1, b - a - 1), 1, 2) &&
           digits(text.substr(b + 1), 4, 4);
}

std::optional<Date> parse_date(std::string_view text, std::string* why) {
    const bool slashes = text.find('/') != std::string_view::npos;
    const auto iso = slashes ? std::nullopt : iso_numbers(text);
    if (iso) return date_of(iso->year, iso->second, iso->first, why);
    const auto dmy = split_slash_date(text);
    if (!dmy) return fail(why, N_("expected a date as YYYY-MM-DD or dd/mm/yyyy"));
    return date_of(dmy->year, dmy->second, dmy->first, why);
}

std::string to_iso(Date d) {
    const Ymd c = civil_from_days(d.days);
    return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

Date today_local() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                          static_cast<unsigned>(local.tm_mday));
}

Date add_months(Date d, int months) {
    const Ymd c = civil_from_days(d.days);
    // Months since year 0 (January of year 0 is 0), moved and split back.
    const std::int64_t index = static_cast<std::int64_t>(c.y) * 12 + (c.m - 1) + months;
    const std::int64_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
    const auto month = static_cast<unsigned>(index - year * 12 + 1);
    const unsigned last = days_in_month(static_cast<int>(year), month);
    return Date::from_ymd(static_cast<int>(year), month, c.d < last ? c.d : last);
}

}  // namespace ontrack
