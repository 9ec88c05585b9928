#include "plan_set.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diagnostic.hpp"
#include "file_identity.hpp"
#include "i18n.hpp"
#include "rollup.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// The most unit codes reported at once: two plans that are copies of each
// other would otherwise print every unit.
constexpr std::size_t max_shared_codes = 20;

Diagnostic whole_file(const std::string& file, std::string message, std::string hint) {
    Diagnostic d;
    d.file = file;
    d.line = 0;
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

// The file a locality of `plan` was read from (its part's, in a roll-up).
const std::string& file_of(const Plan& plan, std::size_t locality) {
    if (plan.sources.empty()) return plan.file;
    const auto s = std::upper_bound(plan.sources.begin(), plan.sources.end(), locality,
                                    [](std::size_t x, const LocalitySource& src) { return x < src.first; });
    return std::prev(s)->file;
}

}  // namespace

void refuse_overlapping_plans(const std::vector<Plan>& plans) {
    if (plans.size() < 2) return;
    // Each plan's files: which file each is, and the name it was reached by.
    std::vector<std::map<FileIdentity, std::string>> files(plans.size());
    std::vector<std::optional<FileIdentity>> own(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        own[i] = identity_of(plans[i].file);
        for (const std::string& file : files_read(plans[i]))
            if (const auto id = identity_of(file)) files[i].emplace(*id, file);
    }
    std::vector<Diagnostic> problems;
    const std::string give_one = tr("give one or the other: a unit is counted once");
    // Plans that a roll-up given with them includes, by roll-up: one message each.
    std::map<std::size_t, std::vector<std::size_t>> included;
    for (std::size_t j = 1; j < plans.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
            const std::string& a = plans[i].file;
            const std::string& b = plans[j].file;
            if (own[i] && own[i] == own[j]) {
                problems.push_back(whole_file(
                    b, a == b ? std::string(tr("is given twice")) : trf("is the same file as {}", make_inert(a)),
                    give_one));
            } else if (own[j] && files[i].count(*own[j])) {
                included[i].push_back(j);
            } else if (own[i] && files[j].count(*own[i])) {
                included[j].push_back(i);
            } else {
                for (const auto& [id, name] : files[j])
                    if (files[i].count(id)) {
                        problems.push_back(whole_file(
                            b, trf("{} and {} both include {}", make_inert(a), make_inert(b), make_inert(name)),
                            give_one));
                        break;
                    }
            }
        }
    for (auto& [i, parts] : included) {
        std::sort(parts.begin(), parts.end());
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
        std::string names;
        for (std::size_t k = 0; k < parts.size() && k < 3; ++k)
            names += (k ? ", " : "") + make_inert(plans[parts[k]].file);
        if (parts.size() > 3) names += trn(" and {} other", " and {} others", parts.size() - 3, parts.size() - 3);
        problems.push_back(whole_file(plans[i].file, trf("already includes {}", names), give_one));
    }
    if (!problems.empty()) throw InputError(std::move(problems));

    // A unit code in two of the plans: named where it is, with where else.
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> first;  // code -> plan, locality
    std::size_t shared = 0;
    for (std::size_t p = 0; p < plans.size(); ++p) {
        std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> here;
        for (std::size_t k = 0; k < plans[p].localities.size(); ++k) {
            const Locality& loc = plans[p].localities[k];
            if (loc.id.empty()) continue;
            const auto it = first.find(loc.id);
            if (it != first.end() && it->second.first != p) {
                if (++shared <= max_shared_codes) {
                    const auto [q, m] = it->second;
                    Diagnostic d;
                    d.file = file_of(plans[p], k);
                    d.line = loc.pos.line;
                    d.column = loc.pos.column;
                    d.message = trf("unit code '{}' is also in {}, given at once", loc.id, make_inert(plans[q].file));
                    d.hint =
                        trf("it is at {}:{}; a unit is counted once: give plans that share no unit, or a "
                            "roll-up over them",
                            make_inert(file_of(plans[q], m)), plans[q].localities[m].pos.line);
                    problems.push_back(std::move(d));
                }
                continue;
            }
            here.emplace(loc.id, std::make_pair(p, k));
        }
        for (const auto& entry : here) first.insert(entry);
    }
    if (!problems.empty()) throw InputError(std::move(problems));
}

}  // namespace ontrack
