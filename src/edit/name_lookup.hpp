// Finding a locality by its name as people type it (record --name, import):
// any spelling the plan's duplicate rule calls the same name (identity_key:
// letter case, tone-mark placement, combining marks), alone or preceded by
// the locality's own kind ("phường cửa ông" for a phường named Cửa Ông).
// Nothing else is taken (no diacritic is removed); the localities whose
// folded name matches are listed instead. And a code Excel shortened by its
// leading zeros.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.hpp"

namespace ontrack {

class NameLookup {
   public:
    explicit NameLookup(const Plan& plan);

    // The index of the locality named `typed`, alone or after its own kind,
    // compared by identity_key(); none when two localities share that key.
    std::optional<std::size_t> find(std::string_view typed) const;

    // When every locality has an id, all of one length and of digits: the
    // locality whose id is `code` (digits, shorter) left-padded with zeros
    // ("7081" for "07081"), as a spreadsheet drops them.
    std::optional<std::size_t> find_padded_code(std::string_view code) const;

    // Every locality whose name folds (unicode.hpp fold_for_search, a kind
    // word in front removed) as `typed` does, in plan order.
    std::vector<std::size_t> folded_matches(std::string_view typed) const;

    // "Thủy Nguyên (11560), Cẩm Giàng (10903)": the localities, with their ids.
    std::string describe(const std::vector<std::size_t>& which) const;

   private:
    const Plan& plan_;
    std::unordered_map<std::string, std::size_t> by_key_;  // identity_key(name); ambiguous_ when shared
    std::unordered_map<std::string_view, std::size_t> by_id_;
    std::size_t code_length_ = 0;  // the one length of every id, all digits; 0 when not so
    static constexpr std::size_t ambiguous_ = static_cast<std::size_t>(-1);
    std::vector<std::string> folded_kinds_;  // distinct, each followed by a space
    std::string fold_without_kind(std::string_view text) const;
};

}  // namespace ontrack
