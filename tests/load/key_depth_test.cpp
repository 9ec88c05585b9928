// The guard against over-deep dotted keys: where it reports one, and that
// dots on different lines never add up.
#include "key_depth.hpp"

#include <string>

#include <catch2/catch.hpp>

using ontrack::find_too_deep_key;
using ontrack::max_key_parts;

namespace {

// A bare dotted key of `parts` parts: a.a.a...a = 1
std::string key_line(std::uint32_t parts) {
    std::string line = "a";
    for (std::uint32_t k = 1; k < parts; ++k) line += ".a";
    return line + " = 1\n";
}

}  // namespace

TEST_CASE("a key of 32 parts passes and one of 33 is reported at its 32nd dot") {
    REQUIRE(max_key_parts == 32);
    CHECK_FALSE(find_too_deep_key("[plan]\n" + key_line(32)));
    const auto deep = find_too_deep_key("[plan]\n# a comment.\n" + key_line(33));
    REQUIRE(deep);
    CHECK(deep->line == 3);
    CHECK(deep->column == 64);  // "a" then 31 ".a" = 63 columns; the 32nd dot is column 64
}

TEST_CASE("dots on different lines do not add up to a deep key") {
    std::string text;
    for (int k = 0; k < 40; ++k) text += "x.y = 1\n";  // 40 dots, one a line
    CHECK_FALSE(find_too_deep_key(text));
    // 31 dots on one line, but inside a string: not a key.
    CHECK_FALSE(find_too_deep_key("name = \"" + std::string(40, '.') + "\"\n"));
    // The last line of a file without a final newline still counts.
    CHECK(find_too_deep_key(text + key_line(40).substr(0, key_line(40).size() - 1)));
}
