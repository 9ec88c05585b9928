#include "unique_names.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

#include "i18n.hpp"
#include "unicode.hpp"

namespace ontrack {
namespace {

// A set of locality indices keyed by one of their strings (name or id):
// open addressing over 64-bit slots holding index + 1 and 32 bits of the
// hash, so that no entry allocates and most probes compare no string.
class FirstSeen {
   public:
    explicit FirstSeen(std::size_t n) {
        std::size_t capacity = 16;
        while (capacity < 2 * n) capacity <<= 1;
        slots_.assign(capacity, 0);
        mask_ = capacity - 1;
    }

    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    // The index recorded earlier under `key`, or none after recording k.
    // key_of(i) gives the key of index i.
    template <class KeyOf>
    std::size_t insert(std::string_view key, std::size_t k, KeyOf key_of) {
        return insert(std::hash<std::string_view>{}(key), k, [&](std::size_t i) { return key_of(i) == key; });
    }

    // The same by a hash of the key and a test of whether index i has k's key.
    template <class SameKey>
    std::size_t insert(std::uint64_t h, std::size_t k, SameKey same_key) {
        const std::uint64_t tag = h >> 32;
        for (std::size_t at = static_cast<std::size_t>(h) & mask_;; at = (at + 1) & mask_) {
            const std::uint64_t slot = slots_[at];
            if (slot == 0) {
                slots_[at] = (tag << 32) | (static_cast<std::uint64_t>(k) + 1);
                return none;
            }
            if ((slot >> 32) == tag) {
                const std::size_t i = static_cast<std::size_t>(slot & 0xffffffffu) - 1;
                if (same_key(i)) return i;
            }
        }
    }

   private:
    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
};

}  // namespace

void keep_unique(ParsedLocalities& parsed, TomlContext& cx, const std::function<void(std::size_t)>& named) {
    auto& locs = parsed.localities;
    const auto& places = parsed.places;
    const std::size_t n = locs.size();
    std::vector<bool> keep(n, true);
    {
        FirstSeen names(n), ids(n);
        for (std::size_t k = 0; k < n; ++k) {
            keep[k] = places[k].ok;
            if (places[k].name_pos.line != 0) {
                // Equal names are the common case of a duplicate; equal
                // keys of different names are compared on their keys.
                // The 32-bit hash spread to 64 bits: FirstSeen uses its high half as a tag.
                const std::uint64_t h = places[k].name_hash * 0x9E3779B97F4A7C15ull;
                const std::size_t name_at = names.insert(h, k, [&](std::size_t i) {
                    return places[i].name_hash == places[k].name_hash &&
                           (locs[i].name == locs[k].name || identity_key(locs[i].name) == identity_key(locs[k].name));
                });
                if (name_at != FirstSeen::none) {
                    const std::uint32_t first = places[name_at].name_pos.line;
                    cx.error(places[k].name_pos, trf("duplicate locality name '{}'", locs[k].name),
                             locs[name_at].name == locs[k].name
                                 ? trf("it is already used at line {}; names must be unique", first)
                                 : trf("it is the name '{}' of line {} but for letter case or the place of a "
                                       "tone mark; names must be unique",
                                       locs[name_at].name, first));
                    keep[k] = false;
                }
            }
            if (keep[k]) named(k);
            if (locs[k].id.empty()) continue;
            const std::size_t id_at =
                ids.insert(locs[k].id, k, [&](std::size_t i) -> std::string_view { return locs[i].id; });
            if (id_at != FirstSeen::none) {
                cx.error(places[k].id_pos, trf("duplicate locality id '{}'", locs[k].id),
                         trf("it is already used at line {}; ids must be unique", places[id_at].id_pos.line));
                keep[k] = false;
            }
        }
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (keep[k]) {
            if (kept != k) locs[kept] = std::move(locs[k]);
            ++kept;
        }
    locs.resize(kept);
}

}  // namespace ontrack
