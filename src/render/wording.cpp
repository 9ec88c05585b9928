#include "wording.hpp"

#include <fmt/format.h>

#include "i18n.hpp"
#include "name_table.hpp"

namespace ontrack {

std::int64_t share_tenths(std::int64_t covered, std::int64_t total) {
    if (total <= 0) return 0;
    __extension__ typedef __int128 int128;
    return static_cast<std::int64_t>((static_cast<int128>(covered) * 2000 + total) / (static_cast<int128>(total) * 2));
}

std::string share_text(std::int64_t covered, std::int64_t total) {
    return human_tenths_percent(share_tenths(covered, total));
}

std::string rollup_sentence(const Rollup& r) {
    return trf(
        "{} plans: {} of {} units drug-free ({}); {} of {} plans have a milestone missed or behind "
        "({} of {} milestones).",
        r.plans, human_count(r.covered), human_count(r.total), share_text(r.covered, r.total), r.plans_bad, r.plans,
        r.milestones_bad, r.milestones);
}

std::string count_of_localities(std::uint64_t n) {
    return trn("{} locality", "{} localities", n, human_count(static_cast<std::int64_t>(n)));
}

std::string count_of_milestones(std::uint64_t n) {
    return trn("{} milestone", "{} milestones", n, n);
}

std::string milestone_label(const std::string& name, std::size_t index) {
    return name.empty() ? trf("Milestone {}", index + 1) : name;
}

std::string milestone_label(const MilestoneResult& m, std::size_t index) {
    return milestone_label(m.name, index);
}

std::vector<std::string> milestone_header() {
    return {tr("Milestone"),    tr("Deadline"),       tr("Target"),    tr("Required"), tr("Certified units"),
            tr("Planned more"), tr("Expected total"), tr("Shortfall"), tr("Verdict")};
}

std::vector<std::string> milestone_row(const MilestoneResult& m, std::size_t index) {
    const std::string dash = "-";
    return {milestone_label(m, index),
            human_date(m.deadline),
            human_decimal(to_string(m.target)),
            human_count(m.required),
            human_count(m.upcoming ? m.covered - m.planned : m.covered),
            m.upcoming ? human_count(m.planned) : dash,
            m.upcoming ? human_count(m.covered) : dash,
            human_count(m.shortfall),
            tr(to_string(m.verdict))};
}

std::string locality_label(const LocalityRef& ref) {
    return ref.id.empty() ? ref.name : fmt::format("{} ({})", ref.name, ref.id);
}

std::string progress_word(Progress p) {
    return p == Progress::on_track ? tr(to_string(Verdict::on_track)) : tr(to_string(p));
}

std::string unknown_by_field_message(const UnknownByField& field) {
    std::string message =
        trf("unknown field \"{}\" for --by; valid fields: {}", field.given, joined(names_of(by_field_names)));
    if (!field.near.empty()) message += trf(" (did you mean \"{}\"?)", field.near);
    return message;
}

std::string decision_suffix(const std::string& decision) {
    return decision.empty() ? std::string() : " (" + trf("decision {}", decision) + ")";
}

}  // namespace ontrack
