#include "key_depth.hpp"

#include <algorithm>
#include <cstring>

#include "toml_string.hpp"

namespace ontrack {

namespace {

std::uint32_t code_points(std::string_view text) {
    std::uint32_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// A key never spans lines, so a key of max_key_parts parts needs a line with
// max_key_parts - 1 dots. Most files have none: then there is nothing to scan.
// Jumps from dot to dot (dots are rare in a plan), finding a dot's line end
// only when it starts a new line.
bool has_dotty_line(std::string_view s) {
    const char* const end = s.data() + s.size();
    const char* line_end = nullptr;  // the end of the line of the dots counted
    std::size_t dots = 0;
    for (const char* d = s.data(); d < end; ++d) {
        d = static_cast<const char*>(std::memchr(d, '.', static_cast<std::size_t>(end - d)));
        if (!d) break;
        if (!line_end || d > line_end) {
            line_end = static_cast<const char*>(std::memchr(d, '\n', static_cast<std::size_t>(end - d)));
            if (!line_end) line_end = end;
            dots = 0;
        }
        if (++dots >= max_key_parts - 1) return true;
    }
    return false;
}

}  // namespace

std::optional<TooDeep> find_too_deep_key(std::string_view s) {
    if (!has_dotty_line(s)) return std::nullopt;
    std::uint32_t line = 1, column = 0, dots = 0;
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[i];
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
        if (c == '\n') {
            ++line;
            column = 0;
            dots = 0;
        } else if (c == '#') {
            while (i + 1 < n && s[i + 1] != '\n') ++i;
        } else if (c == '"' || c == '\'') {
            // Skip the string; a string between dots is a quoted key part, so
            // the run of dots goes on (a multi-line string is a value).
            const TomlStringEnd string = toml_string_end(s, i);
            if (string.line_breaks) {
                line += string.line_breaks;
                column = code_points(s.substr(string.last_line, string.end - string.last_line));
            } else {
                column += code_points(s.substr(i + 1, string.end - i - 1));
            }
            if (string.multi_line) dots = 0;
            i = string.end - 1;  // a line break that ends an open string is counted above
        } else if (c == '.') {
            if (++dots >= max_key_parts) return TooDeep{line, column};
        } else if (!(c == ' ' || c == '\t' || c == '_' || c == '-' || (c >= '0' && c <= '9') ||
                     (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            dots = 0;
        }
    }
    return std::nullopt;
}

}  // namespace ontrack
