#include "plan_split.hpp"

#include "toml_string.hpp"

namespace ontrack {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// Whether the header starting at text[i] is exactly [[locality]] (blanks
// allowed inside the brackets, a comment after). i is at the first '['.
bool is_locality_header(std::string_view s, std::size_t i) {
    auto skip_blanks = [&] {
        while (i < s.size() && is_blank(s[i])) ++i;
    };
    if (s.compare(i, 2, "[[") != 0) return false;
    i += 2;
    skip_blanks();
    if (s.compare(i, 8, "locality") != 0) return false;
    i += 8;
    skip_blanks();
    if (s.compare(i, 2, "]]") != 0) return false;
    i += 2;
    skip_blanks();
    return i == s.size() || s[i] == '\n' || s[i] == '#' || (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n');
}

}  // namespace

std::optional<std::vector<TextPiece>> split_at_localities(std::string_view s, std::size_t batch_bytes) {
    std::vector<TextPiece> pieces{TextPiece{0, 0, 0, 0}};
    bool seen_locality = false;
    int depth = 0;  // brackets and braces open in values
    std::uint32_t line = 0;
    const std::size_t n = s.size();
    // A piece starts at the start of its header's line, indentation
    // included: its first line is the file's line byte for byte, so that
    // toml++ gives the same column as a whole-file parse.
    auto cut = [&](std::size_t at) {
        pieces.back().end = at;
        pieces.push_back(TextPiece{at, 0, line, 0});
    };
    bool line_start = true;
    std::size_t line_begin = 0;  // offset of the current line's first byte
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[i];
        if (line_start && is_blank(c)) continue;
        const bool at_line_start = line_start;
        line_start = false;
        if (c == '\n') {
            ++line;
            line_start = true;
            line_begin = i + 1;
        } else if (c == '#') {
            while (i + 1 < n && s[i + 1] != '\n') ++i;
        } else if (c == '[' && at_line_start && depth == 0) {
            if (is_locality_header(s, i)) {
                if (!seen_locality || line_begin - pieces.back().begin >= batch_bytes) cut(line_begin);
                seen_locality = true;
                ++pieces.back().localities;
            } else if (seen_locality) {
                return std::nullopt;  // another table after the localities
            }
            // A header never spans lines; its brackets are not value brackets.
            while (i + 1 < n && s[i + 1] != '\n') ++i;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        } else if (c == '"' || c == '\'') {
            const TomlStringEnd string = toml_string_end(s, i);
            line += string.line_breaks;
            i = string.end - 1;  // a line break that ends an open string is counted above
        }
    }
    if (!seen_locality) return std::nullopt;
    pieces.back().end = n;
    return pieces;
}

}  // namespace ontrack
