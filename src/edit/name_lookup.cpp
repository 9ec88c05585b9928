#include "name_lookup.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {

NameLookup::NameLookup(const Plan& plan) : plan_(plan) {
    by_key_.reserve(plan.localities.size());
    bool codes = !plan.localities.empty();
    for (std::size_t k = 0; k < plan.localities.size(); ++k) {
        const Locality& loc = plan.localities[k];
        if (const auto [it, fresh] = by_key_.emplace(identity_key(loc.name), k); !fresh) it->second = ambiguous_;
        if (!loc.id.empty()) by_id_.emplace(loc.id, k);
        if (loc.id.empty() || loc.id.find_first_not_of("0123456789") != std::string::npos ||
            (k > 0 && loc.id.size() != plan.localities[0].id.size()))
            codes = false;
        if (loc.kind.empty()) continue;
        std::string kind = fold_for_search(loc.kind) + ' ';
        if (std::find(folded_kinds_.begin(), folded_kinds_.end(), kind) == folded_kinds_.end())
            folded_kinds_.push_back(std::move(kind));
    }
    for (const std::string& kind : plan.kinds) {
        std::string folded = fold_for_search(kind) + ' ';
        if (std::find(folded_kinds_.begin(), folded_kinds_.end(), folded) == folded_kinds_.end())
            folded_kinds_.push_back(std::move(folded));
    }
    if (codes) code_length_ = plan.localities[0].id.size();
    // The longest kind first, so that "đặc khu" is removed whole.
    std::stable_sort(folded_kinds_.begin(), folded_kinds_.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::optional<std::size_t> NameLookup::find(std::string_view typed_text) const {
    const std::string typed = to_nfc(typed_text);
    if (const auto it = by_key_.find(identity_key(typed)); it != by_key_.end())
        return it->second == ambiguous_ ? std::nullopt : std::optional<std::size_t>(it->second);
    // "KIND NAME" with the locality's own kind, in any letter case.
    for (std::size_t space = typed.find(' '); space != std::string::npos; space = typed.find(' ', space + 1)) {
        const auto it = by_key_.find(identity_key(std::string_view(typed).substr(space + 1)));
        if (it == by_key_.end() || it->second == ambiguous_) continue;
        const Locality& loc = plan_.localities[it->second];
        if (!loc.kind.empty() && identity_key(typed.substr(0, space)) == identity_key(loc.kind)) return it->second;
    }
    return std::nullopt;
}

std::optional<std::size_t> NameLookup::find_padded_code(std::string_view code) const {
    if (code_length_ == 0 || code.empty() || code.size() >= code_length_ ||
        code.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    const std::string padded = std::string(code_length_ - code.size(), '0') + std::string(code);
    if (const auto it = by_id_.find(padded); it != by_id_.end()) return it->second;
    return std::nullopt;
}

std::string NameLookup::fold_without_kind(std::string_view text) const {
    std::string folded = fold_for_search(text);
    for (const std::string& kind : folded_kinds_)
        if (folded.size() > kind.size() && folded.compare(0, kind.size(), kind) == 0) return folded.substr(kind.size());
    return folded;
}

std::vector<std::size_t> NameLookup::folded_matches(std::string_view typed) const {
    const std::string wanted = fold_without_kind(typed);
    std::vector<std::size_t> out;
    if (wanted.empty()) return out;
    for (std::size_t k = 0; k < plan_.localities.size(); ++k)
        if (fold_without_kind(plan_.localities[k].name) == wanted) out.push_back(k);
    return out;
}

std::string NameLookup::describe(const std::vector<std::size_t>& which) const {
    std::string out;
    for (std::size_t k : which) {
        const Locality& loc = plan_.localities[k];
        if (!out.empty()) out += ", ";
        out += loc.id.empty() ? make_inert(loc.name) : fmt::format("{} ({})", make_inert(loc.name), make_inert(loc.id));
    }
    return out;
}

}  // namespace ontrack
