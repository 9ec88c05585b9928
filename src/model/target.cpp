#include "target.hpp"

#include <fmt/format.h>

#include "msgid.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

std::int64_t pow10(int n) {
    std::int64_t r = 1;
    while (n-- > 0) r *= 10;
    return r;
}

}  // namespace

std::optional<Percent> parse_percent(std::string_view text, std::string& why) {
    if (text.empty() || text.back() != '%') {
        why = N_("a percentage ends with '%'");
        return std::nullopt;
    }
    text.remove_suffix(1);
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    auto all_digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (whole.empty() || !all_digits(whole) || !all_digits(frac) || (dot != std::string_view::npos && frac.empty())) {
        why = N_("a percentage is written like \"30%\" or \"12.5%\"");
        return std::nullopt;
    }
    std::string_view digits_frac = frac;
    while (!digits_frac.empty() && digits_frac.back() == '0') digits_frac.remove_suffix(1);
    if (digits_frac.size() > static_cast<std::size_t>(max_percent_decimals)) {
        why = fmt::format(N_("a percentage may have at most {} decimals"), max_percent_decimals);
        return std::nullopt;
    }
    std::string_view digits_whole = whole;
    while (digits_whole.size() > 1 && digits_whole.front() == '0') digits_whole.remove_prefix(1);
    if (digits_whole.size() > 3) {
        why = N_("a percentage must be more than 0% and at most 100%");
        return std::nullopt;
    }
    Percent p;
    p.scale = static_cast<int>(digits_frac.size());
    for (char c : digits_whole) p.units = p.units * 10 + (c - '0');
    for (char c : digits_frac) p.units = p.units * 10 + (c - '0');
    if (p.units <= 0 || p.units > 100 * pow10(p.scale)) {
        why = N_("a percentage must be more than 0% and at most 100%");
        return std::nullopt;
    }
    return p;
}

std::int64_t required_count(const Target& target, std::int64_t total) {
    if (target.kind == Target::Kind::count) return target.count;
    // ceil(units * total / (100 * 10^scale)) in 128-bit integers: units is at
    // most 100 * 10^12 and total at most 2^63, so the product cannot overflow.
    const int128 num = static_cast<int128>(target.percent.units) * total;
    const int128 den = static_cast<int128>(100) * pow10(target.percent.scale);
    return static_cast<std::int64_t>((num + den - 1) / den);
}

std::string to_string(const Percent& p) {
    const std::int64_t scale = pow10(p.scale);
    if (p.scale == 0) return fmt::format("{}%", p.units);
    return fmt::format("{}.{:0{}}%", p.units / scale, p.units % scale, p.scale);
}

std::string to_string(const Target& target) {
    return target.kind == Target::Kind::count ? fmt::format("{}", target.count) : to_string(target.percent);
}

}  // namespace ontrack
