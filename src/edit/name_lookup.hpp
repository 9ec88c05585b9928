// Finding a locality by its name as people type it (record --name, import):
// the exact name (in NFC), or the name preceded by the locality's own kind
// ("Phường Thủy Nguyên" for a phường named Thủy Nguyên). Nothing else is
// taken; the localities whose folded name matches are listed instead.
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

    // The index of the locality named `typed`, exactly or after its own kind.
    std::optional<std::size_t> find(std::string_view typed) const;

    // Every locality whose name folds (unicode.hpp fold_for_search, a kind
    // word in front removed) as `typed` does, in plan order.
    std::vector<std::size_t> folded_matches(std::string_view typed) const;

    // "Thủy Nguyên (11560), Cẩm Giàng (10903)": the localities, with their ids.
    std::string describe(const std::vector<std::size_t>& which) const;

   private:
    const Plan& plan_;
    std::unordered_map<std::string_view, std::size_t> by_name_;
    std::vector<std::string> folded_kinds_;  // distinct, each followed by a space
    std::string fold_without_kind(std::string_view text) const;
};

}  // namespace ontrack
