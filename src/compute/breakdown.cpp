#include "breakdown.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "compute.hpp"
#include "history.hpp"
#include "msgid.hpp"
#include "name_table.hpp"
#include "suggest.hpp"
#include "unicode.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;  // -Wpedantic: a GNU extension, on purpose

const std::string& field_of(const Locality& loc, ByField field) {
    switch (field) {
        case ByField::kind: return loc.kind;
        case ByField::id: return loc.id;
        case ByField::name: return loc.name;
        case ByField::part: break;
    }
    return loc.kind;
}

// The label of the group without a value, per field (English: the renderers
// translate it).
constexpr const char* no_value_labels[] = {"(no kind)", "(no id)", "(no name)", "(no part)"};

}  // namespace

std::optional<ByField> parse_by_field(std::string_view name) {
    return parse_name<ByField>(by_field_names, name);
}

const char* to_string(ByField field) {
    return by_field_names[static_cast<int>(field)];
}

UnknownByField unknown_by_field(std::string_view name) {
    return {std::string(name), closest_match(name, names_of(by_field_names))};
}

std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<std::int64_t>& weights) {
    std::vector<std::int64_t> shares(weights.size(), 0);
    if (total <= 0) return shares;
    int128 sum = 0;
    for (std::int64_t w : weights) {
        if (w < 0) throw std::invalid_argument("apportion: negative weight");
        sum += w;
    }
    if (sum == 0) throw std::invalid_argument("apportion: nothing to share in proportion to");
    std::vector<int128> remainders(weights.size());
    int128 given = 0;
    for (std::size_t g = 0; g < weights.size(); ++g) {
        const int128 quota = static_cast<int128>(total) * weights[g];
        shares[g] = static_cast<std::int64_t>(quota / sum);
        remainders[g] = quota % sum;
        given += shares[g];
    }
    // The units left (fewer than the number of groups) go to the largest
    // remainders; stable_sort keeps plan order among equal remainders.
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; given < total; ++k, ++given) ++shares[order[k]];
    return shares;
}

Breakdown breakdown(const Plan& plan, const Report& report, ByField field) {
    Breakdown out;
    out.field = field;
    const std::size_t n_milestones = report.milestones.size();
    const Date as_of = report.as_of;
    std::unordered_map<std::string, std::size_t> index;
    // Kinds are grouped without regard to letter case (or tone-mark
    // placement); a declared kind is a group even with no unit.
    const bool by_kind = field == ByField::kind;
    // A roll-up's ids and names are grouped within each part: a key is the
    // part, then the value.
    const bool within_parts = !by_kind && !plan.sources.empty();
    auto group_for = [&](const std::string& value, std::uint32_t part) -> Group& {
        std::string key = by_kind ? identity_key(value) : value;
        if (within_parts) key = std::to_string(part) + '/' + key;
        const auto [it, fresh] = index.emplace(std::move(key), out.groups.size());
        if (fresh) {
            Group g;
            if (within_parts) g.part = part;
            g.value = value;
            g.label = value.empty() ? no_value_labels[static_cast<int>(field)] : value;
            g.milestones.assign(n_milestones, GroupMilestone{});
            out.groups.push_back(std::move(g));
        }
        return out.groups[it->second];
    };
    auto tally = [&](Group& g, const Locality& loc) {
        const bool now = is_drug_free_on(loc, as_of);
        g.drug_free += now;
        for (std::size_t k = 0; k < n_milestones; ++k) {
            const MilestoneResult& m = report.milestones[k];
            const std::optional<Date> planned = pending_plan(loc, as_of);
            const bool covered = m.upcoming ? now || (planned && *planned > as_of && *planned <= m.deadline)
                                            : is_drug_free_on(loc, m.deadline);
            g.milestones[k].covered += covered;
        }
    };
    if (field == ByField::part) {
        // Each part with its whole total; a plan that is no roll-up is one part.
        std::vector<PlanPart> parts = plan.parts;
        if (parts.empty()) parts.push_back({plan.file, plan.name, plan.total, {}, 0, plan.localities.size()});
        for (const PlanPart& p : parts) {
            Group g;
            g.value = p.file;
            g.label = p.name;
            g.count = p.total;
            g.milestones.assign(n_milestones, GroupMilestone{});
            for (std::size_t i = p.first; i < p.first + p.count; ++i) tally(g, plan.localities[i]);
            out.groups.push_back(std::move(g));
        }
    } else {
        if (by_kind)
            for (const std::string& kind : plan.kinds) group_for(kind, no_part);
        for (std::size_t i = 0; i < plan.localities.size(); ++i) {
            const Locality& loc = plan.localities[i];
            Group& g = group_for(field_of(loc, field), part_of(plan, i));
            ++g.count;
            tally(g, loc);
        }
    }
    const std::int64_t unlisted = report.total - static_cast<std::int64_t>(plan.localities.size());
    if (unlisted > 0 && field != ByField::part) {
        Group g;
        g.label = N_("(not listed)");
        g.unlisted = true;
        g.count = unlisted;
        g.milestones.assign(n_milestones, GroupMilestone{});
        out.groups.push_back(std::move(g));
    }
    for (std::size_t k = 0; k < n_milestones; ++k) {
        std::vector<std::int64_t> uncovered;
        for (Group& g : out.groups) {
            g.milestones[k].uncovered = g.count - g.milestones[k].covered;
            uncovered.push_back(g.milestones[k].uncovered);
        }
        const std::vector<std::int64_t> shares = apportion(report.milestones[k].shortfall, uncovered);
        for (std::size_t g = 0; g < out.groups.size(); ++g) out.groups[g].milestones[k].share = shares[g];
    }
    return out;
}

}  // namespace ontrack
