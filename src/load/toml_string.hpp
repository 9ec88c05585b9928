// Where a TOML string ends, for the scans that run before the parser (the
// splitter, the guard against deep keys): one rule for both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ontrack {

struct TomlStringEnd {
    // One past the closing quotes. A string left open ends at the line break
    // that ends a one-line string, or at the end of the text: the parser
    // reports it.
    std::size_t end = 0;
    std::uint32_t line_breaks = 0;  // inside a multi-line string
    std::size_t last_line = 0;      // where the line after the last of them begins
    bool multi_line = false;        // opened with three quotes
};

// The string whose opening quote is text[begin]: '"' (basic, with
// backslash escapes) or '\'' (literal), three of them for a multi-line
// string, which may end with up to two quotes of its own before its three
// closing ones.
TomlStringEnd toml_string_end(std::string_view text, std::size_t begin);

}  // namespace ontrack
