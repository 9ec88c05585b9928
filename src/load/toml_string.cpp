#include "toml_string.hpp"

namespace ontrack {

TomlStringEnd toml_string_end(std::string_view s, std::size_t begin) {
    const char quote = s[begin];
    const std::size_t n = s.size();
    const bool multi = s.compare(begin, 3, quote == '"' ? "\"\"\"" : "'''") == 0;
    TomlStringEnd out;
    out.multi_line = multi;
    for (std::size_t j = begin + (multi ? 3 : 1); j < n; ++j) {
        const char c = s[j];
        if (c == '\\' && quote == '"' && j + 1 < n && s[j + 1] != '\n') {
            ++j;  // an escaped character (a line-ending backslash leaves its line break to count)
        } else if (c == '\n') {
            if (!multi) {
                out.end = j;
                return out;
            }
            ++out.line_breaks;
            out.last_line = j + 1;
        } else if (c == quote && (!multi || s.compare(j, 3, multi && quote == '"' ? "\"\"\"" : "'''") == 0)) {
            if (!multi) {
                out.end = j + 1;
                return out;
            }
            j += 3;
            // Up to two quotes may stand before the closing three.
            for (int extra = 0; extra < 2 && j < n && s[j] == quote; ++extra) ++j;
            out.end = j;
            return out;
        }
    }
    out.end = n;
    return out;
}

}  // namespace ontrack
