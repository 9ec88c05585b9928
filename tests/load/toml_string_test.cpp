// Where a TOML string ends: one rule for the splitter and the deep-key guard.
#include "toml_string.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "key_depth.hpp"
#include "plan_split.hpp"

using ontrack::toml_string_end;

TEST_CASE("one-line strings end at their closing quote, escapes skipped", "[toml_string]") {
    CHECK(toml_string_end(R"(x = "abc" # c)", 4).end == 9);
    CHECK(toml_string_end(R"(x = "a\"b" )", 4).end == 10);   // \" is no closing quote
    CHECK(toml_string_end(R"(x = 'a\'b' )", 4).end == 8);    // a literal string has no escapes
    CHECK(toml_string_end("x = \"abc\ny = 1", 4).end == 8);  // open: ends at its line break
    CHECK(toml_string_end("x = \"abc", 4).end == 8);         // open to the end of the text
}

TEST_CASE("a multi-line string may end with one or two quotes before its closing three", "[toml_string]") {
    // """a"""" is the text a" and """a""""" the text a"": each ends after all its quotes.
    const std::string four = "x = \"\"\"a\"\"\"\"\ny = 1\n";
    const std::string five = "x = \"\"\"a\"\"\"\"\"\ny = 1\n";
    CHECK(toml_string_end(four, 4).end == 12);
    CHECK(toml_string_end(five, 4).end == 13);
    CHECK(toml_string_end("x = '''a''''' \n", 4).end == 13);
    const auto spans = toml_string_end("x = \"\"\"\nab\\\ncd\"\"\" # c\n", 4);
    CHECK(spans.line_breaks == 2);
    CHECK(spans.last_line == 12);
    CHECK(spans.end == 17);
    CHECK(spans.multi_line);
}

TEST_CASE("the splitter and the deep-key guard agree on a string closed by five quotes", "[toml_string]") {
    // Read as closed by its first three quotes, the two left would open a
    // string that hides the [[locality]] header and the dotted key below it.
    std::string deep = "a";
    for (int k = 1; k < 40; ++k) deep += ".a";
    const std::string text = "[plan]\nnote = \"\"\"x\"\"\"\"\"\n" + deep + " = 1\n[[locality]]\nname = \"A\"\n";
    const auto too_deep = ontrack::find_too_deep_key(text);
    REQUIRE(too_deep);
    CHECK(too_deep->line == 3);
    const auto pieces = ontrack::split_at_localities(text, 1);
    REQUIRE(pieces);
    REQUIRE(pieces->size() == 2);
    CHECK((*pieces)[1].line_offset == 3);
}
