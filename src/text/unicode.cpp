#include "unicode.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <utf8proc.h>

#include "utf8.hpp"

namespace ontrack {
namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string mapped(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                     &out, static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (n < 0) return std::string(text);  // not reached for valid UTF-8
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// The Vietnamese tone marks, as combining characters.
bool is_tone_mark(char32_t c) {
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

void append_utf8(std::string& out, char32_t c) {
    utf8proc_uint8_t buffer[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

bool is_letter_or_mark(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
           (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME);
}

}  // namespace

bool surely_nfc(std::string_view text) {
    if (is_ascii(text)) return true;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (c < 0x0300 || (c >= 0x1E00 && c <= 0x1EFF)) continue;
        return false;
    }
    return true;
}

std::string to_nfc(std::string_view text) {
    if (surely_nfc(text)) return std::string(text);
    return mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string identity_key(std::string_view text) {
    if (is_ascii(text)) {
        std::string out(text);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    const std::string folded = mapped(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    // Each word's tone marks moved to its end, in code point order.
    std::string out, tones;
    auto end_word = [&] {
        std::sort(tones.begin(), tones.end());
        for (char c : tones) append_utf8(out, static_cast<char32_t>(static_cast<unsigned char>(c)) + 0x0300);
        tones.clear();
    };
    for (std::size_t i = 0; i < folded.size();) {
        const char32_t c = next_code_point(folded, i);
        if (is_tone_mark(c)) {
            tones += static_cast<char>(c - 0x0300);
            continue;
        }
        if (!is_letter_or_mark(c)) end_word();
        append_utf8(out, c);
    }
    end_word();
    return out;
}

std::string fold_for_search(std::string_view text) {
    const std::string folded =
        mapped(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < folded.size();) {
        char32_t c = next_code_point(folded, i);
        if (c == U'đ') c = U'd';
        const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        if (category == UTF8PROC_CATEGORY_ZS || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        append_utf8(out, c);
    }
    return out;
}

std::optional<BadCharacter> find_bad_character(std::string_view text, bool allow_line_breaks) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        const char32_t c = next_code_point(text, i);
        if (c >= 0x20 && c < 0x7F) continue;
        if (allow_line_breaks && (c == '\n' || c == '\r')) continue;
        const auto cp = static_cast<utf8proc_int32_t>(c);
        const auto category = utf8proc_category(cp);
        const bool space = category == UTF8PROC_CATEGORY_ZS;
        const bool bad = space || category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF ||
                         category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP ||
                         category == UTF8PROC_CATEGORY_CO || category == UTF8PROC_CATEGORY_CN ||
                         utf8proc_get_property(cp)->ignorable;
        if (bad) return BadCharacter{count, c, space};
    }
    return std::nullopt;
}

std::string code_point_name(char32_t c) {
    return fmt::format("U+{:04X}", static_cast<unsigned>(c));
}

}  // namespace ontrack
