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
    return share_text(Words(language()), covered, total);
}

std::string share_text(const Words& w, std::int64_t covered, std::int64_t total) {
    return w.tenths_percent(share_tenths(covered, total));
}

std::string rollup_sentence(const Rollup& r) {
    return rollup_sentence(Words(language()), r);
}

std::string rollup_sentence(const Words& w, const Rollup& r) {
    return w.trf(
        "{} plans: {} of {} units drug-free ({}); {} of {} plans have a milestone missed or behind "
        "({} of {} milestones).",
        r.plans, w.count(r.covered), w.count(r.total), share_text(w, r.covered, r.total), r.plans_bad, r.plans,
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
    return milestone_label(Words(language()), m, index);
}

std::string milestone_label(const Words& w, const MilestoneResult& m, std::size_t index) {
    return m.name.empty() ? w.trf("Milestone {}", index + 1) : m.name;
}

std::string locality_label(const LocalityRef& ref) {
    return ref.id.empty() ? ref.name : fmt::format("{} ({})", ref.name, ref.id);
}

std::string progress_word(Progress p) {
    return progress_word(Words(language()), p);
}

std::string progress_word(const Words& w, Progress p) {
    return p == Progress::on_track ? w.tr(to_string(Verdict::on_track)) : w.tr(to_string(p));
}

std::string unknown_by_field_message(const UnknownByField& field) {
    std::string message =
        trf("unknown field \"{}\" for --by; valid fields: {}", field.given, joined(names_of(by_field_names)));
    if (!field.near.empty()) message += trf(" (did you mean \"{}\"?)", field.near);
    return message;
}

std::string decision_suffix(const std::string& decision) {
    return decision_suffix(Words(language()), decision);
}

std::string decision_suffix(const Words& w, const std::string& decision) {
    return decision.empty() ? std::string() : " (" + w.trf("decision {}", decision) + ")";
}

std::string no_plan_sentence(const Report& r, const Words& w) {
    if (r.unlisted > 0)
        return w.trf("Uncovered with no plan: {} ({} listed, {} not listed in the plan)", w.count(r.no_plan),
                     w.count(static_cast<std::int64_t>(r.unplanned.size())), w.count(r.unlisted));
    return w.trf("Uncovered with no plan: {}", w.count(r.no_plan));
}

}  // namespace ontrack
