#include "compute.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "history.hpp"
#include "msgid.hpp"

namespace ontrack {

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::met: return N_("met");
        case Verdict::missed: return N_("missed");
        case Verdict::on_track: return N_("on-track");
        case Verdict::behind: return N_("behind");
    }
    return "?";
}

bool is_good(Verdict v) {
    return v == Verdict::met || v == Verdict::on_track;
}

bool is_drug_free_on(const Locality& locality, Date day) {
    // Events are sorted; the latest one on or before `day` decides.
    auto after = std::upper_bound(locality.events.begin(), locality.events.end(), day,
                                  [](Date d, const Event& e) { return d < e.date; });
    return after != locality.events.begin() && std::prev(after)->kind == EventKind::certified;
}

CoverageTimeline::CoverageTimeline(const std::vector<Locality>& localities, Date as_of)
    : CoverageTimeline(localities.data(), localities.data() + localities.size(), as_of) {}

CoverageTimeline::CoverageTimeline(const Locality* first, const Locality* last, Date as_of) {
    std::vector<std::pair<Date, std::int64_t>> changes;
    for (const Locality* loc = first; loc != last; ++loc)
        for (const Event& e : loc->events)
            if (e.date <= as_of) changes.emplace_back(e.date, e.kind == EventKind::certified ? 1 : -1);
    std::sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::int64_t running = 0;
    for (const auto& [date, delta] : changes) {
        running += delta;
        if (!dates_.empty() && dates_.back() == date) {
            coverage_.back() = running;
        } else {
            dates_.push_back(date);
            coverage_.push_back(running);
        }
    }
}

std::int64_t CoverageTimeline::on(Date day) const {
    const auto it = std::upper_bound(dates_.begin(), dates_.end(), day);
    return it == dates_.begin() ? 0 : coverage_[static_cast<std::size_t>(it - dates_.begin() - 1)];
}

bool is_overdue(const Locality& locality, Date as_of) {
    const auto plan = pending_plan(locality, as_of);
    return plan && *plan <= as_of;
}

namespace {

LocalityRef ref_of(const Plan& plan, const Locality& loc, Date as_of) {
    return {loc.name, loc.id, loc.kind, pending_plan(loc, as_of),
            part_of(plan, static_cast<std::size_t>(&loc - plan.localities.data()))};
}

}  // namespace

std::uint32_t part_of(const Plan& plan, std::size_t i) {
    if (plan.sources.empty()) return no_part;
    const auto after = std::upper_bound(plan.sources.begin(), plan.sources.end(), i,
                                        [](std::size_t x, const LocalitySource& s) { return x < s.first; });
    return static_cast<std::uint32_t>(after - plan.sources.begin() - 1);
}

std::vector<UnitPart> unit_parts(const Plan& plan) {
    std::vector<UnitPart> out;
    out.reserve(plan.sources.size());
    for (const LocalitySource& s : plan.sources) out.push_back({s.name, s.file});
    return out;
}

Report compute_report(const Plan& plan, Date as_of) {
    Report r;
    r.file = plan.file;
    r.plan = plan.name;
    r.source = plan.source;
    r.note = plan.note;
    r.issuer = plan.issuer;
    r.place = plan.place;
    r.illustrative = plan.illustrative;
    r.as_of = as_of;
    r.total = plan.total;
    r.listed = static_cast<std::int64_t>(plan.localities.size());
    r.unlisted = r.total - r.listed;
    r.unit_parts = unit_parts(plan);

    const CoverageTimeline timeline(plan.localities, as_of);
    r.covered = timeline.on(as_of);

    // Planned dates after as-of of the localities not drug-free on as-of.
    std::vector<Date> ahead;
    r.unplanned.reserve(plan.localities.size() - static_cast<std::size_t>(std::min<std::int64_t>(
                                                     r.covered, static_cast<std::int64_t>(plan.localities.size()))));
    for (const Locality& loc : plan.localities) {
        if (is_drug_free_on(loc, as_of)) continue;
        const std::optional<Date> planned = pending_plan(loc, as_of);
        if (!planned)
            r.unplanned.push_back(ref_of(plan, loc, as_of));
        else if (*planned <= as_of)
            r.overdue.push_back(ref_of(plan, loc, as_of));
        else
            ahead.push_back(*planned);
    }
    std::sort(ahead.begin(), ahead.end());
    std::stable_sort(r.overdue.begin(), r.overdue.end(),
                     [](const LocalityRef& a, const LocalityRef& b) { return *a.planned < *b.planned; });
    r.planned_ahead = static_cast<std::int64_t>(ahead.size());
    r.no_plan = static_cast<std::int64_t>(r.unplanned.size()) + r.unlisted;

    for (const Milestone& m : plan.milestones) {
        MilestoneResult out;
        out.name = m.name;
        out.deadline = m.deadline;
        out.target = m.target;
        out.required = m.required;
        out.upcoming = m.deadline >= as_of;
        if (out.upcoming) {
            out.planned = std::upper_bound(ahead.begin(), ahead.end(), m.deadline) - ahead.begin();
            out.covered = r.covered + out.planned;
        } else {
            out.covered = timeline.on(m.deadline);
        }
        out.shortfall = std::max<std::int64_t>(0, out.required - out.covered);
        const bool enough = out.shortfall == 0;
        out.verdict =
            out.upcoming ? (enough ? Verdict::on_track : Verdict::behind) : (enough ? Verdict::met : Verdict::missed);
        r.milestones.push_back(std::move(out));
    }
    r.planned_dates = std::move(ahead);
    return r;
}

namespace {

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    std::int64_t sum;
    if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? INT64_MAX : INT64_MIN;
    return sum;
}

}  // namespace

void add_to_rollup(Rollup& r, const Report& report) {
    ++r.plans;
    // Saturating: many plans near INT64_MAX units each add up to INT64_MAX,
    // never to a wrapped negative (the README says so).
    r.total = saturating_add(r.total, report.total);
    r.covered = saturating_add(r.covered, report.covered);
    bool bad = false;
    for (const MilestoneResult& m : report.milestones) {
        ++r.milestones;
        if (!is_good(m.verdict)) {
            ++r.milestones_bad;
            bad = true;
        }
    }
    r.plans_bad += bad;
}

int exit_status(const Report& report, Judge judge) {
    for (const MilestoneResult& m : report.milestones) {
        if (judge == Judge::upcoming && !m.upcoming) continue;
        if (!is_good(m.verdict)) return 1;
    }
    return 0;
}

}  // namespace ontrack
