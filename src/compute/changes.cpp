#include "changes.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "compute.hpp"
#include "history.hpp"
#include "msgid.hpp"

namespace ontrack {

const char* to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::certified: return N_("certified");
        case ChangeKind::recertified: return N_("re-certified");
        case ChangeKind::revoked: return N_("revoked");
        case ChangeKind::changed_and_back: return N_("changed and back");
    }
    return "?";
}

Changes changes_since(const Plan& plan, Date since, Date as_of) {
    if (!(since < as_of))
        throw std::invalid_argument(
            fmt::format("--since {} must be before the as-of date {}", to_iso(since), to_iso(as_of)));
    Changes out;
    out.since = since;
    out.as_of = as_of;
    for (std::size_t i = 0; i < plan.localities.size(); ++i) {
        const Locality& loc = plan.localities[i];
        const std::optional<Date> planned = pending_plan(loc, as_of);
        const LocalityRef ref{loc.name, loc.id, loc.kind, planned, part_of(plan, i)};
        const bool before = is_drug_free_on(loc, since);
        const bool after = is_drug_free_on(loc, as_of);
        std::vector<Event> events;
        bool revoked_by_as_of = false;
        for (const Event& e : loc.events) {
            if (e.date > as_of) break;
            if (e.kind == EventKind::revoked) revoked_by_as_of = true;
            if (e.date > since) events.push_back(e);
        }
        if (!after && planned && *planned > since && *planned <= as_of) out.slipped.push_back(ref);
        for (std::size_t k = 1; k < loc.planned.size(); ++k)
            if (const auto set = loc.planned.set(k); set && *set > since && *set <= as_of)
                out.moved_plans.push_back(
                    PlanMove{ref, loc.planned.date(k - 1), loc.planned.date(k), *set, loc.planned.note(k)});
        if (before == after && events.empty()) continue;
        LocalityChange c;
        c.locality = ref;
        c.was_drug_free = before;
        c.is_drug_free = after;
        c.events = std::move(events);
        if (before == after)
            c.kind = ChangeKind::changed_and_back;
        else if (before)
            c.kind = ChangeKind::revoked;
        else
            c.kind = revoked_by_as_of ? ChangeKind::recertified : ChangeKind::certified;
        out.localities.push_back(std::move(c));
    }
    // In date order (of each locality's first event in the span), file order on the same day.
    std::stable_sort(
        out.localities.begin(), out.localities.end(),
        [](const LocalityChange& a, const LocalityChange& b) { return a.events.front().date < b.events.front().date; });
    std::stable_sort(out.moved_plans.begin(), out.moved_plans.end(),
                     [](const PlanMove& a, const PlanMove& b) { return a.set < b.set; });
    std::stable_sort(out.slipped.begin(), out.slipped.end(),
                     [](const LocalityRef& a, const LocalityRef& b) { return *a.planned < *b.planned; });

    const Report then = compute_report(plan, since);
    const Report now = compute_report(plan, as_of);
    for (std::size_t k = 0; k < now.milestones.size() && k < then.milestones.size(); ++k) {
        const MilestoneResult& a = then.milestones[k];
        const MilestoneResult& b = now.milestones[k];
        if (a.verdict == b.verdict) continue;
        MilestoneChange c;
        c.index = k;
        c.name = b.name;
        c.deadline = b.deadline;
        c.before = a.verdict;
        c.after = b.verdict;
        c.covered_before = a.covered;
        c.covered_after = b.covered;
        c.judgement_changed = is_good(a.verdict) != is_good(b.verdict);
        out.milestones.push_back(std::move(c));
    }
    return out;
}

}  // namespace ontrack
