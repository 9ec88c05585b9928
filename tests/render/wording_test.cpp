// The words shared by the renderers and the command line (render/wording.*).
#include "wording.hpp"

#include <catch2/catch.hpp>

#include "breakdown.hpp"

using namespace ontrack;

TEST_CASE("An unknown --by field in words, with the closest valid one", "[render][wording]") {
    CHECK(unknown_by_field_message(unknown_by_field("knd")) ==
          "unknown field \"knd\" for --by; valid fields: kind, id, name (did you mean \"kind\"?)");
    CHECK(unknown_by_field_message(unknown_by_field("province")) ==
          "unknown field \"province\" for --by; valid fields: kind, id, name");
}
