#include "utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>
#include <utf8proc.h>

namespace ontrack {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto n = s.size();
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto cont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        const unsigned char c1 = byte(i + 1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        const unsigned char c1 = byte(i + 1);
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;
        return 4;
    }
    return 0;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    const auto n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Plain ASCII eight bytes at a time: most of a plan is.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080u) break;
            i += 8;
        }
        if (i >= n) break;
        const std::size_t length = utf8_sequence_length(s, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    ++i;
    while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = next_code_point(s, i);
        // Controls (shown escaped where it matters) count one column, as before.
        width += c < 0xA0 ? 1 : static_cast<std::size_t>(utf8proc_charwidth(static_cast<utf8proc_int32_t>(c)));
    }
    return width;
}

namespace {

std::size_t columns_of(char32_t c) {
    return c < 0xA0 ? 1 : static_cast<std::size_t>(utf8proc_charwidth(static_cast<utf8proc_int32_t>(c)));
}

// Calls visit(begin, end, columns) for each extended grapheme cluster of
// `text` (valid UTF-8) in order, until it returns false.
template <typename Visit>
void for_each_cluster(std::string_view text, Visit&& visit) {
    std::size_t begin = 0, columns = 0;
    utf8proc_int32_t state = 0;
    char32_t previous = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t c = next_code_point(text, i);
        if (at > 0 && utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(previous),
                                                       static_cast<utf8proc_int32_t>(c), &state)) {
            if (!visit(begin, at, columns)) return;
            begin = at;
            columns = 0;
        }
        previous = c;
        columns += columns_of(c);
    }
    if (begin < text.size()) visit(begin, text.size(), columns);
}

}  // namespace

std::size_t fitting_prefix(std::string_view text, std::size_t width) {
    std::size_t used = 0, end = 0;
    for_each_cluster(text, [&](std::size_t, std::size_t stop, std::size_t columns) {
        if (used + columns > width) return false;
        used += columns;
        end = stop;
        return true;
    });
    return end;
}

std::string quoted_value(std::string_view text, std::size_t limit) {
    std::size_t code_points = 0, cut = text.size();
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_length(text, i);
        i += n ? n : 1;
        if (++code_points == limit) cut = i;
    }
    if (code_points <= limit) return std::string(text);
    // The last grapheme boundary within the first `limit` code points (the
    // code point boundary itself when the text is not UTF-8).
    std::size_t end = cut;
    if (!find_invalid_utf8(text)) {
        end = 0;
        for_each_cluster(text, [&](std::size_t, std::size_t stop, std::size_t) {
            if (stop > cut) return false;
            end = stop;
            return true;
        });
    }
    return fmt::format("{}… ({} bytes)", text.substr(0, end), text.size());
}

bool is_unsafe_code_point(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F || c == 0x061C;
}

std::string make_inert(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t run = 0;  // start of the safe bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const std::size_t length = utf8_sequence_length(s, i);
        if (length == 0) {  // not UTF-8: the byte itself, escaped
            out.append(s.substr(run, start - run));
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
            run = ++i;
            continue;
        }
        const char32_t c = next_code_point(s, i);
        if (!is_unsafe_code_point(c)) continue;
        out.append(s.substr(run, start - run));
        run = i;
        if (c < 0x80)
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        else
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
    out.append(s.substr(run));
    return out;
}

std::string make_inert_lines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t start = 0; start <= s.size();) {
        const std::size_t end = std::min(s.find('\n', start), s.size());
        out += make_inert(s.substr(start, end - start));
        if (end == s.size()) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

namespace {

// Characters a spreadsheet may skip before it sees a formula's first sign:
// spaces of every width, invisible characters and bidi controls.
bool is_formula_blank(char32_t c) {
    return c == 0x20 || c == 0xA0 || c == 0xAD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 ||
           c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0x3164 || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

bool is_formula_sign(char32_t c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == 0xFF1D || c == 0xFF0B ||
           c == 0xFF0D || c == 0xFF20;
}

}  // namespace

bool looks_like_formula(std::string_view s) {
    if (find_invalid_utf8(s)) return !s.empty();  // never shown raw anyway; guard to be safe
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = next_code_point(s, i);
        if (is_formula_sign(c)) return true;
        if (!is_formula_blank(c)) return false;
    }
    return false;
}

}  // namespace ontrack
