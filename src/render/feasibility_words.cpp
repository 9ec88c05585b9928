#include "feasibility_words.hpp"

#include <fmt/format.h>

#include "i18n.hpp"

namespace ontrack {

std::string probability_text(const std::optional<double>& p) {
    if (!p) return "-";
    if (*p > 0.0 && *p < 0.01) return "<1%";
    return fmt::format("{}%", probability_percent(*p));
}

std::string likely_text(const Likelihood& l, std::size_t level) {
    if (!l.probability) return "-";
    return l.likely_by[level] ? human_date(*l.likely_by[level]) : tr("never");
}

std::string pace_ratio_text(const std::optional<std::int64_t>& tenths) {
    if (!tenths) return "-";
    return human_decimal(tenths_text(*tenths)) + "×";
}

std::string human_month(int year, unsigned month) {
    if (language() == Lang::en) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:02}/{:04}", month, year);
}

std::string bunching_text(const BunchedMonth& b, std::int64_t best, int window_months) {
    return trf(
        "{}: {}; the best month of the last {} gained {} net", human_month(b.year, b.month),
        trn("{} unit planned", "{} units planned", static_cast<std::uint64_t>(b.planned), human_count(b.planned)),
        trn("{} month", "{} months", static_cast<std::uint64_t>(window_months), window_months), human_count(best));
}

std::string missing_text(Missing m) {
    switch (m) {
        case Missing::none: return {};
        case Missing::few_months:
            return tr("Probabilities and likely dates are not computed: the window has fewer than 3 whole months.");
        case Missing::too_spread:
            return tr(
                "Probabilities and likely dates are not computed: the monthly counts are too spread out to "
                "compute exactly.");
    }
    return {};
}

std::string assumed_pace_sentence(const Forecast& f) {
    if (!f.assumed) return {};
    const std::string value = human_decimal(assumed_pace_text(*f.assumed));
    const std::string achieved = human_decimal(per_month_text(f.trend.pace));
    if (f.assumed->mode == AssumedPace::Mode::replace)
        return trf("What if: {} a month every month, instead of the achieved {} a month.", value, achieved);
    return trf("What if: {} more a month, added to every month of the window (achieved {} a month).", value, achieved);
}

std::string schedule_title(Period p) {
    switch (p) {
        case Period::month: return tr("Schedule by month");
        case Period::quarter: return tr("Schedule by quarter");
        case Period::year: return tr("Schedule by year");
    }
    return {};
}

}  // namespace ontrack
