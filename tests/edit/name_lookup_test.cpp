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

TEST_CASE("one unit, one spelling: case, tone placement and the kind word are the plan's duplicate rule",
          "[name_lookup]") {
    const Plan plan = units();
    const NameLookup names(plan);
    CHECK(names.find("Hoà Bình") == 3u);            // old-style tone placement, as Unikey types by default
    CHECK(names.find("hòa bình") == 3u);            // letter case
    CHECK(names.find("phường thủy nguyên") == 0u);  // after its own kind, in lower case
    CHECK(names.find("PHƯỜNG THUỶ NGUYÊN") == 0u);  // and old-style
    CHECK_FALSE(names.find("Cẩm Giáng"));           // another tone: another name
    CHECK_FALSE(names.find("Cam Giang"));           // no mark is removed
    // Two units of one key (only a roll-up could hold them): neither is taken.
    Plan twice = units();
    twice.localities[1].name = "Hòa Bình";
    CHECK_FALSE(NameLookup(twice).find("Hoà Bình"));
}

TEST_CASE("a code whose leading zeros a spreadsheet dropped", "[name_lookup]") {
    Plan plan = units();
    plan.localities[0].id = "07081";
    plan.localities[1].id = "06685";
    plan.localities[2].id = "10903";
    plan.localities[3].id = "00042";
    const NameLookup names(plan);
    CHECK(names.find_padded_code("7081") == 0u);
    CHECK(names.find_padded_code("42") == 3u);
    CHECK_FALSE(names.find_padded_code("07081"));  // as long as the codes: found exactly or not at all
    CHECK_FALSE(names.find_padded_code("7082"));
    CHECK_FALSE(names.find_padded_code("7O81"));
    // Codes of two lengths, or not of digits: nothing is padded.
    plan.localities[2].id = "109030";
    CHECK_FALSE(NameLookup(plan).find_padded_code("7081"));
    plan.localities[2].id = "A0903";
    CHECK_FALSE(NameLookup(plan).find_padded_code("7081"));
}
