#include "explain.hpp"

#include <fmt/format.h>

#include "i18n.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

std::string buffer_words(SafetyBuffer::State state, std::int64_t days, std::int64_t units) {
    switch (state) {
        case SafetyBuffer::State::safe:
            return trn("safe for {} day", "safe for {} days", static_cast<std::uint64_t>(days), days);
        case SafetyBuffer::State::below:
            return trn("below the path by {} unit", "below the path by {} units", static_cast<std::uint64_t>(units),
                       units);
        case SafetyBuffer::State::clear: return tr("at or above the path to the last milestone");
    }
    return "?";
}

// A term as unlocalised text: integers and decimals as they are, days in the
// current language.
std::string text(const Term& t) {
    if (const auto* n = std::get_if<std::int64_t>(&t)) return fmt::format("{}", *n);
    if (const auto* d = std::get_if<Date>(&t)) return human_date(*d);
    if (const auto* x = std::get_if<Decimal>(&t)) return x->text;
    if (const auto* p = std::get_if<Percent>(&t)) return to_string(*p);
    if (const auto* v = std::get_if<Verdict>(&t)) return tr(to_string(*v));
    if (const auto* g = std::get_if<Progress>(&t)) return progress_word(*g);
    return "";
}

std::int64_t integer(const Term& t) {
    return std::get<std::int64_t>(t);
}

// What chooses a message's plural form: |n| of an integer term, or of a
// decimal one's whole part (saturated at 2^64 - 1).
std::uint64_t plural_of(const Term& t) {
    if (const auto* n = std::get_if<std::int64_t>(&t))
        return *n < 0 ? 0 - static_cast<std::uint64_t>(*n) : static_cast<std::uint64_t>(*n);
    std::uint64_t v = 0;
    if (const auto* x = std::get_if<Decimal>(&t))
        for (const char c : x->text) {
            if (c == '.') break;
            if (c < '0' || c > '9') continue;
            v = v > (UINT64_MAX - 9) / 10 ? UINT64_MAX : v * 10 + static_cast<std::uint64_t>(c - '0');
        }
    return v;
}

// An integer that may be negative, in parentheses then: "(-3)".
std::string signed_text(const Term& t) {
    const std::int64_t v = integer(t);
    return v < 0 ? fmt::format("({})", v) : fmt::format("{}", v);
}

std::string label_of(const Report& r, const Explained& e) {
    const std::size_t k = *e.milestone;
    const std::string label =
        k < r.milestones.size() ? milestone_label(r.milestones[k], k) : trf("Milestone {}", k + 1);
    switch (e.figure) {
        case Figure::required: return trf("{} required", label);
        case Figure::covered: return trf("{} covered", label);
        case Figure::shortfall: return trf("{} shortfall", label);
        case Figure::verdict: return trf("{} verdict", label);
        case Figure::required_pace: return trf("{} required pace", label);
        case Figure::projected: return trf("{} projected", label);
        case Figure::reached: return trf("{} reached", label);
        case Figure::ratio: return trf("{} R", label);
        case Figure::progress: return trf("{} progress", label);
        default: return label;
    }
}

ExplainLine word(const Report& r, const Explained& e) {
    if (is_feasibility_figure(e.figure)) return word_feasibility(r, e);
    const std::vector<Term>& t = e.terms;
    auto s = [&](std::size_t i) { return text(t[i]); };
    std::string label, value = text(e.value), formula;
    switch (e.figure) {
        case Figure::total:
            label = tr("Total");
            formula = e.form == Form::with_unlisted ? trf("{} listed + {} not listed = {}", s(0), s(1), s(2))
                                                    : trf("{} listed localities", s(0));
            break;
        case Figure::drug_free:
            label = trf("Drug-free on {}", s(0));
            formula = trf("listed localities whose latest event on or before {} is a certification", s(0));
            break;
        case Figure::share:
            label = tr("Share drug-free");
            value = share_text(integer(t[0]), integer(t[1]));
            formula = e.form == Form::no_units ? std::string(tr("no units"))
                                               : trf("{} × 100 / {} = {} (rounded half up to 0.1)", s(0), s(1), s(2));
            break;
        case Figure::required:
            label = label_of(r, e);
            formula = e.form == Form::count_target ? trf("count target = {}", s(0))
                                                   : fmt::format("⌈{} × {} / 100⌉ = ⌈{}⌉ = {}", s(0), s(1), s(2), s(3));
            break;
        case Figure::covered:
            label = label_of(r, e);
            formula = e.form == Form::past
                          ? trf("drug-free on the deadline {}", s(0))
                          : trf("drug-free on {} ({}) + not drug-free with a planned date in ({}, {}] ({}) = {}", s(0),
                                s(1), s(2), s(3), s(4), s(5));
            break;
        case Figure::shortfall:
            label = label_of(r, e);
            formula = integer(t[0]) > integer(t[1]) ? fmt::format("{} − {} = {}", s(0), s(1), s(2))
                                                    : fmt::format("{} − {} ≤ 0 → {}", s(0), s(1), s(2));
            break;
        case Figure::verdict:
            label = label_of(r, e);
            formula = e.form == Form::past
                          ? trf("deadline {} before as-of {}, shortfall {} → {}", s(0), s(1), s(2), s(3))
                          : trf("deadline {} on or after as-of {}, shortfall {} → {}", s(0), s(1), s(2), s(3));
            break;
        case Figure::overdue:
            label = tr("Overdue");
            formula = trf("not drug-free on {} with a planned date on or before it", s(0));
            break;
        case Figure::planned_ahead:
            label = tr("Planned ahead");
            formula = trf("not drug-free on {} with a planned date after it", s(0));
            break;
        case Figure::unplanned:
            label = tr("Unplanned");
            formula = trf("listed, not drug-free on {}, no planned date", s(0));
            break;
        case Figure::not_listed:
            label = tr("Not listed");
            formula = trf("total {} − listed {} = {}", s(0), s(1), s(2));
            break;
        case Figure::trend_window:
            label = tr("Trend window");
            value = trf("{} to {}", s(2), s(0));
            formula = trn("{} minus {} month = {}; {} days", "{} minus {} months = {}; {} days", plural_of(t[1]), s(0),
                          e.form == Form::one_month ? std::string("1") : s(1), s(2), s(3));
            break;
        case Figure::baseline:
            label = tr("Baseline");
            formula = trf("drug-free on {}", s(0));
            break;
        case Figure::pace:
            label = tr("Pace achieved");
            value = trf("{} per month", value);
            formula = trf("({} − {}) × 30.436875 / {} = {} × 30.436875 / {} = {} (a month is 365.2425 / 12 days)", s(0),
                          s(1), s(2), s(3), s(4), s(5));
            break;
        case Figure::required_pace:
            label = label_of(r, e);
            if (e.form == Form::met_now) {
                value = trf("{} per month", value);
                formula = trf("drug-free now {} ≥ required {}", s(0), s(1));
            } else if (e.form == Form::due_today) {
                value = tr("due today");
                formula = trn("{} − {} = {} unit due on {}", "{} − {} = {} units due on {}", plural_of(t[2]), s(0),
                              s(1), s(2), s(3));
            } else {
                value = trf("{} per month", value);
                formula = fmt::format("({} − {}) × 30.436875 / {} = {}", s(0), s(1), s(2), s(3));
            }
            break;
        case Figure::projected:
            label = label_of(r, e);
            formula = fmt::format("{} + ⌊{} × {} / {}⌋ = {} + ⌊{}/{}⌋ = {} + {} = {}", s(0), signed_text(t[1]), s(2),
                                  s(3), s(4), s(5), s(6), s(7), signed_text(t[8]), s(9));
            if (e.form == Form::clamped) formula += trf(", clamped to [0, {}] = {}", s(10), s(11));
            break;
        case Figure::reached:
            label = label_of(r, e);
            if (e.form == Form::met_now) {
                formula = trf("drug-free now {} ≥ required {}", s(0), s(1));
            } else if (e.form == Form::never) {
                value = tr("never");
                formula = trf("pace {} ≤ 0 and drug-free now {} < required {}", s(0), s(1), s(2));
            } else {
                if (e.form == Form::after_calendar) value = tr("after 9999-12-31");
                formula = trn("{} + ⌈({} − {}) × {} / {}⌉ days = {} + {} day",
                              "{} + ⌈({} − {}) × {} / {}⌉ days = {} + {} days", plural_of(t[6]), s(0), s(1), s(2), s(3),
                              s(4), s(5), s(6));
            }
            break;
        case Figure::ratio:
            label = label_of(r, e);
            if (e.form == Form::nothing_needed) {
                value = "-";
                formula = trf("required {} ≤ baseline {}: R is not computed", s(0), s(1));
            } else {
                formula = trf("({} − {}) / ({} − {}) = {}/{} = {} (truncated to 0.01)", s(0), s(1), s(2), s(3), s(4),
                              s(5), s(6));
            }
            break;
        case Figure::progress: {
            label = label_of(r, e);
            const Progress p = std::get<Progress>(e.value);
            if (e.form == Form::nothing_needed) {
                formula = p == Progress::on_track ? trf("projected {} ≥ required {}", s(0), s(1))
                                                  : trf("projected {} < required {}", s(0), s(1));
                break;
            }
            const char* band = p == Progress::on_track             ? "R ≥ 0.95"
                               : p == Progress::needs_acceleration ? "0.10 ≤ R < 0.95"
                                                                   : "R < 0.10";
            formula = trf("{} (UNSD SDG progress chart)", band);
            break;
        }
        case Figure::required_path:
            label = trf("Required path on {}", s(0));
            if (e.form == Form::after_last_deadline) {
                formula = trf("after the last deadline the path stays at {}", s(1));
            } else {
                formula = fmt::format("{} + ({} − {}) × {} / {} = {}", s(1), s(2), s(3), s(4), s(5), s(6));
                formula += trf(" (straight from {} on {} to {} on {})", s(7), s(8), s(9), s(10));
            }
            break;
        case Figure::safety_buffer: {
            label = tr("Safety buffer");
            const auto state = std::get<SafetyBuffer::State>(e.value);
            switch (state) {
                case SafetyBuffer::State::below:
                    value = buffer_words(state, 0, integer(t[2]));
                    formula = fmt::format("⌈{}⌉ − {} = {}", s(0), s(1), s(2));
                    break;
                case SafetyBuffer::State::safe:
                    value = buffer_words(state, integer(t[4]), 0);
                    formula = trn("the path first rises above {} on {}, {} − {} = {} day",
                                  "the path first rises above {} on {}, {} − {} = {} days", plural_of(t[4]), s(0), s(1),
                                  s(2), s(3), s(4));
                    break;
                case SafetyBuffer::State::clear:
                    value = buffer_words(state, 0, 0);
                    formula = trf("drug-free now {} ≥ every later point of the path (last required {})", s(0), s(1));
                    break;
            }
            break;
        }
        default: break;
    }
    // The decimal points of the value and the formula in the current
    // language (the numbers in them are never grouped by thousands).
    return {std::move(label), human_decimal(std::move(value)), human_decimal(std::move(formula))};
}

}  // namespace

std::string buffer_text(const SafetyBuffer& b) {
    return buffer_words(b.state, b.days, b.units);
}

std::vector<ExplainLine> explain_lines(const Report& report, const std::vector<Explained>& figures) {
    std::vector<ExplainLine> out;
    out.reserve(figures.size());
    for (const Explained& e : figures) out.push_back(word(report, e));
    return out;
}

}  // namespace ontrack
