// A small JSON writer that appends to one std::string: containers, keys and
// values, with the commas put in by the writer. Layout (where lines break) is
// chosen per container, so that the json format keeps its exact shape.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "date.hpp"

namespace ontrack {

// `s` as a JSON string literal appended to `out`. The text must be valid
// UTF-8 (the loader checked); control characters, DEL and the JavaScript line
// separators U+2028 and U+2029 are escaped (\n, \r, \t, \" and \\ by name,
// the others as \u00XX or \u2028). Bytes are copied in runs.
void append_json_string(std::string& out, std::string_view s);

class JsonWriter {
   public:
    // The text before a container's first item, before each later item
    // (after the comma), and before its closing bracket. An empty container
    // is always "[]" or "{}".
    struct Layout {
        std::string_view first;
        std::string_view next;
        std::string_view close;
    };
    // {"a": 1, "b": [1, 2]}
    static constexpr Layout inline_layout{"", " ", ""};

    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object(Layout layout = inline_layout);
    void end_object();
    void begin_array(Layout layout = inline_layout);
    void end_array();

    // A member's key; its value follows.
    void key(std::string_view name);
    // The next item starts with `prefix` (after the comma) instead of the
    // container's layout: a line break inside an inline object.
    void next_starts_with(std::string_view prefix) { prefix_ = prefix; }

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(bool b);
    void value(std::nullptr_t);
    template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    void value(T n) {
        integer(static_cast<std::int64_t>(n));
    }
    // "YYYY-MM-DD".
    void value(Date d);
    // The day, or null.
    void value(const std::optional<Date>& d);
    // A number's literal as it is ("1.5", "-3").
    void raw(std::string_view number);

    // key(name) then value(v).
    template <typename T>
    void member(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

    // Every container closed.
    bool done() const { return frames_.empty(); }

   private:
    struct Frame {
        Layout layout;
        bool object = false;
        bool empty = true;
    };

    void integer(std::int64_t n);
    void before_item();
    void begin(char open, Layout layout, bool object);
    void end(char close);

    std::string& out_;
    std::vector<Frame> frames_;
    std::optional<std::string_view> prefix_;
    bool after_key_ = false;
};

}  // namespace ontrack
