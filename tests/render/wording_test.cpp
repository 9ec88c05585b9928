// The words shared by the renderers and the command line (render/wording.*).
#include "wording.hpp"

#include <catch2/catch.hpp>

#include "breakdown.hpp"
#include "i18n.hpp"

using namespace ontrack;

TEST_CASE("An unknown --by field in words: every valid field, and the closest", "[render][wording]") {
    CHECK(unknown_by_field_message(unknown_by_field("knd")) ==
          "unknown field \"knd\" for --by; valid fields: kind, id, name, part (did you mean \"kind\"?)");
    CHECK(unknown_by_field_message(unknown_by_field("prt")) ==
          "unknown field \"prt\" for --by; valid fields: kind, id, name, part (did you mean \"part\"?)");
    CHECK(unknown_by_field_message(unknown_by_field("province")) ==
          "unknown field \"province\" for --by; valid fields: kind, id, name, part");
}

TEST_CASE("Counts of localities are grouped as the language writes numbers", "[render][wording]") {
    {
        LanguageScope scope(Lang::en);
        CHECK(count_of_localities(1) == "1 locality");
        CHECK(count_of_localities(3321) == "3,321 localities");
    }
    LanguageScope scope(Lang::vi);
    CHECK(count_of_localities(3321) == "3.321 đơn vị");
    CHECK(count_of_localities(114) == "114 đơn vị");
}
