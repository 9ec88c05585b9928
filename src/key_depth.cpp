#include "key_depth.hpp"

#include <algorithm>

namespace ontrack {

namespace {

// A key never spans lines, so a key of max_key_parts parts needs a line with
// max_key_parts - 1 dots. Most files have none: then there is nothing to scan.
bool has_dotty_line(std::string_view s) {
    for (std::size_t begin = 0; begin < s.size();) {
        std::size_t end = s.find('\n', begin);
        if (end == std::string_view::npos) end = s.size();
        const std::string_view line = s.substr(begin, end - begin);
        if (line.size() >= max_key_parts - 1 &&
            static_cast<std::size_t>(std::count(line.begin(), line.end(), '.')) >= max_key_parts - 1)
            return true;
        begin = end + 1;
    }
    return false;
}

}  // namespace

std::optional<TooDeep> find_too_deep_key(std::string_view s) {
    if (!has_dotty_line(s)) return std::nullopt;
    std::uint32_t line = 1, column = 0, dots = 0;
    const std::size_t n = s.size();
    auto starts = [&](std::size_t i, std::string_view what) { return s.compare(i, what.size(), what) == 0; };
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
            // the run of dots goes on.
            const bool multi = starts(i, c == '"' ? "\"\"\"" : "'''");
            const std::string_view close = multi ? (c == '"' ? "\"\"\"" : "'''") : std::string_view(&s[i], 1);
            std::size_t j = i + (multi ? 3 : 1);
            while (j < n && !starts(j, close)) {
                if (s[j] == '\\' && c == '"' && j + 1 < n) ++j;
                if (s[j] == '\n') {
                    if (!multi) break;  // unterminated: the parser will say so
                    ++line;
                    column = 0;
                } else if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) {
                    ++column;
                }
                ++j;
            }
            if (j < n && s[j] == '\n') {
                i = j - 1;
                continue;
            }
            column += static_cast<std::uint32_t>(close.size());
            i = j + close.size() - 1;
            if (multi) dots = 0;
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
