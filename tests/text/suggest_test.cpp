#include "suggest.hpp"

#include <catch2/catch.hpp>

using ontrack::closest_match;

TEST_CASE("closest_match suggests a key one typo away") {
    CHECK(closest_match("certifed", {"id", "name", "kind", "certified", "revoked", "planned"}) == "certified");
    CHECK(closest_match("localities", {"plan", "milestone", "locality"}) == "locality");
}

TEST_CASE("closest_match stays silent for words unlike any candidate") {
    CHECK(closest_match("population", {"id", "name", "kind"}).empty());
}
