// The JSON writer: commas, nesting, layouts, empty containers and escaping.
#include "json_writer.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "date.hpp"

using namespace ontrack;

TEST_CASE("JsonWriter puts the commas between members and items", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.member("a", 1);
    w.member("b", "two");
    w.key("c");
    w.begin_array();
    w.value(true);
    w.value(false);
    w.value(nullptr);
    w.value(std::int64_t{-9223372036854775807 - 1});
    w.raw("1.5");
    w.end_array();
    w.end_object();
    CHECK(out == "{\"a\": 1, \"b\": \"two\", \"c\": [true, false, null, -9223372036854775808, 1.5]}");
    CHECK(w.done());
}

TEST_CASE("JsonWriter nests containers", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    w.begin_array();
    w.begin_array();
    w.begin_object();
    w.key("x");
    w.begin_object();
    w.member("y", 2);
    w.end_object();
    w.end_object();
    w.value(3);
    w.end_array();
    w.begin_object();
    w.end_object();
    w.end_array();
    CHECK(out == "[[{\"x\": {\"y\": 2}}, 3], {}]");
}

TEST_CASE("JsonWriter writes empty containers as [] and {} whatever the layout", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    constexpr JsonWriter::Layout lines{"\n  ", "\n  ", "\n"};
    w.begin_object(lines);
    w.key("a");
    w.begin_array(lines);
    w.end_array();
    w.key("o");
    w.begin_object(lines);
    w.end_object();
    w.end_object();
    CHECK(out == "{\n  \"a\": [],\n  \"o\": {}\n}");
}

TEST_CASE("JsonWriter lays out a container and a member on a line of its own", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    w.begin_object({"\n  ", "\n  ", "\n"});
    w.key("list");
    w.begin_array({"\n    ", "\n    ", "\n  "});
    w.value(1);
    w.value(2);
    w.end_array();
    w.key("part");
    w.begin_object();
    w.member("a", 1);
    w.next_starts_with("\n    ");
    w.member("b", 2);
    w.end_object();
    w.end_object();
    CHECK(out == "{\n  \"list\": [\n    1,\n    2\n  ],\n  \"part\": {\"a\": 1,\n    \"b\": 2}\n}");
}

TEST_CASE("JsonWriter writes days and missing days", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    w.begin_array();
    w.value(Date::from_ymd(2025, 6, 30));
    w.value(std::optional<Date>{});
    w.value(std::optional<Date>{Date::from_ymd(9999, 12, 31)});
    w.end_array();
    CHECK(out == "[\"2025-06-30\", null, \"9999-12-31\"]");
}

TEST_CASE("JsonWriter escapes control characters, quotes and line separators", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    w.value(std::string("a\"b\\c\nd\re\tf\x01g\x1fh\x7fi") + std::string(1, '\0') +
            "\xE2\x80\xA8\xE2\x80\xA9 Hải Phòng");
    CHECK(out == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u007fi\\u0000\\u2028\\u2029 Hải Phòng\"");
    out.clear();
    // Bytes that are not UTF-8 (a file name) are shown as the text \xe2: valid JSON.
    append_json_string(out, "\xE2\x80");
    CHECK(out == "\"\\\\xe2\\\\x80\"");
    out.clear();
    append_json_string(out,
                       "a\xff"
                       "b");
    CHECK(out == "\"a\\\\xffb\"");
}

TEST_CASE("JsonWriter escapes every C1 control and the bidi controls", "[render][json_writer]") {
    struct Case {
        std::string in;
        std::string out;
    };
    const std::vector<Case> cases = {
        {"\xC2\x80", "\\u0080"},     {"\xC2\x85", "\\u0085"},     {"\xC2\x9B", "\\u009b"},
        {"\xC2\x9F", "\\u009f"},     {"\xC2\xA0", "\xC2\xA0"},    {"\xE2\x80\x8E", "\\u200e"},
        {"\xE2\x80\x8F", "\\u200f"}, {"\xE2\x80\xAA", "\\u202a"}, {"\xE2\x80\xAE", "\\u202e"},
        {"\xE2\x81\xA6", "\\u2066"}, {"\xE2\x81\xA9", "\\u2069"}, {"\xE2\x80\x8B", "\xE2\x80\x8B"},
        {"\xD8\x9C", "\\u061c"},
    };
    for (const Case& c : cases) {
        INFO(c.out);
        std::string out;
        append_json_string(out, c.in);
        CHECK(out == "\"" + c.out + "\"");
    }
}

TEST_CASE("JsonWriter refuses a misplaced key or value", "[render][json_writer]") {
    std::string out;
    JsonWriter w(out);
    CHECK_THROWS_AS(w.key("a"), std::logic_error);
    w.begin_object();
    CHECK_THROWS_AS(w.value(1), std::logic_error);
    CHECK_THROWS_AS(w.end_array(), std::logic_error);
    w.key("a");
    CHECK_THROWS_AS(w.end_object(), std::logic_error);
}
