#include "name_lookup.hpp"

#include <catch2/catch.hpp>

using namespace ontrack;

namespace {
Plan units() {
    Plan plan;
    auto add = [&](const char* id, const char* name, const char* kind) {
        Locality loc;
        loc.id = id;
        loc.name = name;
        loc.kind = kind;
        plan.localities.push_back(loc);
    };
    add("11560", "Th\xe1\xbb\xa7y Nguy\xc3\xaan", "ph\xc6\xb0\xe1\xbb\x9dng");  // Thủy Nguyên, phường
    add("10888", "C\xe1\xba\xa9m Giang", "x\xc3\xa3");                          // Cẩm Giang, xã
    add("10903", "C\xe1\xba\xa9m Gi\xc3\xa0ng", "x\xc3\xa3");                   // Cẩm Giàng, xã
    add("99999",
        "H\xc3\xb2"
        "a B\xc3\xacnh",
        "x\xc3\xa3");  // Hòa Bình, xã
    return plan;
}
}  // namespace

TEST_CASE("names are found exactly, in NFC, or after the unit's own kind", "[name_lookup]") {
    const Plan plan = units();
    const NameLookup names(plan);
    CHECK(names.find("Th\xe1\xbb\xa7y Nguy\xc3\xaan") == 0u);
    CHECK(names.find("Thu\xcc\x89y Nguye\xcc\x82n") == 0u);                             // NFD
    CHECK(names.find("Ph\xc6\xb0\xe1\xbb\x9dng Th\xe1\xbb\xa7y Nguy\xc3\xaan") == 0u);  // "Phường Thủy Nguyên"
    CHECK_FALSE(names.find("X\xc3\xa3 Th\xe1\xbb\xa7y Nguy\xc3\xaan"));                 // not its kind
    CHECK_FALSE(names.find("Thuy Nguyen"));                                             // never guessed
}

TEST_CASE("folded matches list every unit that folds alike", "[name_lookup]") {
    const Plan plan = units();
    const NameLookup names(plan);
    CHECK(names.folded_matches("Thuy Nguyen") == std::vector<std::size_t>{0});
    CHECK(names.folded_matches("ph\xc6\xb0\xe1\xbb\x9dng thuy  nguyen") == std::vector<std::size_t>{0});
    CHECK(names.folded_matches("Cam Giang") == std::vector<std::size_t>{1, 2});
    CHECK(names.folded_matches("Ho\xc3\xa0 B\xc3\xacnh") == std::vector<std::size_t>{3});  // old-style tone mark
    CHECK(names.folded_matches("Hai An").empty());
    CHECK(names.describe({1, 2}) == "C\xe1\xba\xa9m Giang (10888), C\xe1\xba\xa9m Gi\xc3\xa0ng (10903)");
}
