#include "listing.hpp"

#include "compute.hpp"

#include <algorithm>

#include "history.hpp"
#include "name_table.hpp"

namespace ontrack {

std::optional<ListKind> parse_list_kind(std::string_view name) {
    return parse_name<ListKind>(list_kind_names, name);
}

const char* to_string(ListKind kind) {
    return list_kind_names[static_cast<int>(kind)];
}

Listing list_localities(const Plan& plan, Date as_of, ListKind kind) {
    Listing out;
    out.kind = kind;
    out.as_of = as_of;
    for (std::size_t i = 0; i < plan.localities.size(); ++i) {
        const Locality& loc = plan.localities[i];
        // The latest event on or before as-of, and the one before it.
        const auto after = std::upper_bound(loc.events.begin(), loc.events.end(), as_of,
                                            [](Date d, const Event& e) { return d < e.date; });
        const Event* last = after == loc.events.begin() ? nullptr : &*std::prev(after);
        const Event* previous = after - loc.events.begin() >= 2 ? &*std::prev(after, 2) : nullptr;
        const bool drug_free = last && last->kind == EventKind::certified;

        const std::optional<Date> planned = pending_plan(loc, as_of);
        ListRow row;
        row.name = loc.name;
        row.id = loc.id;
        row.kind = loc.kind;
        bool take = false;
        switch (kind) {
            case ListKind::uncovered:
                take = !drug_free;
                row.planned = planned;
                break;
            case ListKind::overdue:
                take = !drug_free && planned && *planned <= as_of;
                row.planned = planned;
                break;
            case ListKind::revoked:
                take = last && last->kind == EventKind::revoked;
                if (take) {
                    row.revoked = last->date;
                    if (previous) row.certified = previous->date;
                    row.planned = planned;
                }
                break;
            case ListKind::covered:
                take = drug_free;
                if (take) row.certified = last->date;
                break;
        }
        if (!take) continue;
        if (last) {
            row.has_event = true;
            row.event_kind = last->kind;
            row.event_date = last->date;
            row.decision = last->decision();
            row.note = last->note();
        }
        row.plan_moves = plan_moves(loc, as_of);
        row.planned_history = loc.planned.entries();
        row.part = part_of(plan, i);
        out.rows.push_back(std::move(row));
    }
    // Overdue units as the report lists them: the longest overdue first.
    if (kind == ListKind::overdue)
        std::stable_sort(out.rows.begin(), out.rows.end(),
                         [](const ListRow& a, const ListRow& b) { return *a.planned < *b.planned; });
    if (kind == ListKind::uncovered)
        out.unlisted = std::max<std::int64_t>(0, plan.total - static_cast<std::int64_t>(plan.localities.size()));
    return out;
}

std::vector<UnitStatus> unit_statuses(const Plan& plan, Date as_of) {
    std::vector<UnitStatus> out;
    out.reserve(plan.localities.size());
    for (std::size_t i = 0; i < plan.localities.size(); ++i) {
        const Locality& loc = plan.localities[i];
        UnitStatus u;
        u.id = loc.id;
        u.name = loc.name;
        u.kind = loc.kind;
        u.drug_free = is_drug_free_on(loc, as_of);
        for (const Event& e : loc.events)
            if (e.date <= as_of) u.latest = e;
        u.planned = pending_plan(loc, as_of);
        u.overdue = !u.drug_free && is_overdue(loc, as_of);
        u.plan_moves = plan_moves(loc, as_of);
        u.part = part_of(plan, i);
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace ontrack
