// The words of --explain for feasibility's figures (forecast.hpp says their
// terms), in the current language.
#include <cstdlib>

#include <fmt/format.h>

#include "explain.hpp"
#include "feasibility_words.hpp"
#include "i18n.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

std::string text_of(const Term& t) {
    if (const auto* n = std::get_if<std::int64_t>(&t)) return fmt::format("{}", *n);
    if (const auto* d = std::get_if<Date>(&t)) return human_date(*d);
    if (const auto* x = std::get_if<Decimal>(&t)) return x->text;
    if (const auto* p = std::get_if<Percent>(&t)) return to_string(*p);
    return "";
}

// n in subscript digits: "₁₄".
std::string subscript(const std::string& n) {
    static const char* const digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string out;
    for (char c : n)
        if (c >= '0' && c <= '9') out += digits[c - '0'];
    return out;
}

// "X₁ + … + X₁₄": the sum of n draws.
std::string draws(const std::string& n) {
    return n == "0" ? std::string("0") : n == "1" ? std::string("X₁") : "X₁ + … + X" + subscript(n);
}

// A probability's value: "0.6269 (62%)", from its text ("0", "1" exactly, or
// four decimals truncated, so "0.0000" is above 0 and below 1%).
std::string probability_value(const Term& t) {
    const auto* x = std::get_if<Decimal>(&t);
    if (!x) return "-";
    if (x->text == "1") return "1 (100%)";
    if (x->text == "0") return "0 (0%)";
    const int ten_thousandths = x->text.size() == 6 ? std::atoi(x->text.c_str() + 2) : 0;
    return ten_thousandths < 100 ? fmt::format("{} (<1%)", x->text)
                                 : fmt::format("{} ({}%)", x->text, ten_thousandths / 100);
}

}  // namespace

bool is_feasibility_figure(Figure f) {
    return f >= Figure::assumed_pace;
}

ExplainLine word_feasibility(const Report& r, const Explained& e) {
    const std::vector<Term>& t = e.terms;
    auto s = [&](std::size_t i) { return text_of(t[i]); };
    const std::string milestone = e.milestone && *e.milestone < r.milestones.size()
                                      ? milestone_label(r.milestones[*e.milestone], *e.milestone)
                                      : std::string();
    std::string label, value = text_of(e.value), formula;
    switch (e.figure) {
        case Figure::assumed_pace:
            label = tr("Assumed pace");
            value = trf("{} per month", value);
            formula = e.form == Form::add
                          ? trf("{} per month added to the achieved {} = {} per month; every month of the window "
                                "gains {}",
                                text_of(e.value), s(0), s(1), text_of(e.value))
                          : trf("replaces the achieved {} per month; every month ahead gains exactly {}", s(0),
                                text_of(e.value));
            break;
        case Figure::monthly_net:
            label = tr("Monthly net counts");
            value = s(2);
            formula =
                trf("the {} whole months up to {}, oldest first; month k runs from {} − k months (exclusive) to "
                    "{} − (k − 1) months (inclusive): drug-free at its end − drug-free at its start",
                    s(1), s(0), s(0), s(0));
            break;
        case Figure::best_month:
            label = tr("Best month");
            formula = trf("the largest of {}", s(0));
            break;
        case Figure::months_left:
            label = trf("{}: months to the deadline", milestone);
            formula = trf("the fewest whole months m with {} + m months on or after {}: {} + {} months = {}", s(0),
                          s(1), s(0), value, s(2));
            break;
        case Figure::probability:
            label = trf("{}: probability", milestone);
            if (e.form == Form::not_computed) {
                value = "-";
                formula =
                    trf("not computed: {} whole months in the window, fewer than 3 (or counts too spread out)", s(0));
            } else {
                value = probability_value(e.value);
                formula =
                    trf("P({} + {} ≥ {}), each Xᵢ one of the window's {} monthly counts with equal chance; the "
                        "exact distribution of the sum",
                        s(0), draws(s(1)), s(2), s(3));
                if (e.form == Form::exactly)
                    formula += value.rfind('1', 0) == 0 ? trf("; exactly 1: {} + {} × {} ≥ {}", s(0), s(1), s(4), s(2))
                                                        : trf("; exactly 0: {} + {} × {} < {}", s(0), s(1), s(4), s(2));
            }
            break;
        case Figure::likely_by: {
            label = trf("{}: likely by 50%, 85%, 95%", milestone);
            if (e.form == Form::not_computed) {
                value = "-";
                formula = tr("not computed (see the probability)");
                break;
            }
            auto day = [&](std::size_t i) { return t[i].index() == 0 ? std::string(tr("never")) : s(i); };
            value = fmt::format("{} / {} / {}", day(2), day(3), day(4));
            formula =
                trf("the first day as-of + m months (m = 0 … 1200) with P({} + X₁ + … + Xₘ ≥ {}) ≥ 50%, 85%, "
                    "95% (less 10⁻⁹)",
                    s(0), s(1));
            break;
        }
        case Figure::pace_ratio:
            label = trf("{}: needed / recent pace", milestone);
            if (e.form == Form::met_now) {
                value = "0.0×";
                formula = trf("nothing more needed: drug-free now {} ≥ required {}", s(0), s(1));
            } else if (e.form == Form::never) {
                value = "-";
                formula = trf("more is needed and the pace {} ≤ 0 (or the deadline is today)", s(0));
            } else {
                value += "×";
                formula = fmt::format("({} / {}) / ({} / {}) = {} × {} / ({} × {}) = {} ", s(0), s(2), s(3), s(1), s(0),
                                      s(1), s(2), s(3), s(4)) +
                          tr("(truncated to 0.1)");
            }
            break;
        case Figure::plan_probability:
            label = trf("{}: plan's dates", milestone);
            if (e.form == Form::not_computed) {
                value = "-";
                formula = tr("not computed (see the probability)");
            } else {
                value = probability_value(e.value);
                formula = trf("P({} ≥ {} planned more by the deadline), each Xᵢ one of the window's {} monthly counts",
                              draws(s(1)), s(0), s(2));
            }
            break;
        case Figure::bunched_month: {
            const Date d = std::get<Date>(t[0]);
            label = trf("Bunched: {}", human_month(d.year(), d.month()));
            formula = trf("{} units planned in the month > max(1, best month {})", value, s(1));
            break;
        }
        case Figure::schedule_needed:
            label = trf("Schedule {}: needed", s(0));
            formula = trf("the road from {} on {} to {} on {}, by days, rounded up", s(2), s(1), s(4), s(3));
            break;
        case Figure::schedule_planned:
            label = trf("Schedule {}: planned", s(0));
            formula = trf("{} drug-free now + {} planned by {}", s(1), s(2), s(0));
            break;
        case Figure::schedule_at_pace:
            label = trf("Schedule {}: at pace", s(0));
            formula = fmt::format("{} + ⌊{} × {} / {}⌋", s(1), s(2), s(3), s(4)) + tr(", clamped to [0, total]");
            break;
        case Figure::part_share:
            label = trf("{}: shortfall at the roll-up's share", e.part);
            formula = e.form == Form::percent_target
                          ? trf("⌈{} × {} / 100⌉ = {} required − {} expected, at least 0", s(0), s(1), s(2), s(3))
                          : trf("⌈{} × {} / {}⌉ = {} required − {} expected, at least 0", s(0), s(1), s(2), s(3), s(4));
            break;
        case Figure::part_probability:
            label = trf("{}: probability", e.part);
            if (e.form == Form::not_computed) {
                value = "-";
                formula = tr("not computed: fewer than 3 whole months in the window (or counts too spread out)");
            } else {
                value = probability_value(e.value);
                formula = trf("P({} + {} ≥ {}) from the part's own monthly counts", s(0), draws(s(1)), s(2));
            }
            break;
        default: break;
    }
    return {std::move(label), human_decimal(std::move(value)), human_decimal(std::move(formula))};
}

}  // namespace ontrack
