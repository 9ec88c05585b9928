#include "unicode.hpp"

#include <cstdint>

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

std::string capitalise_first(std::string_view text) {
    if (text.empty() || utf8_sequence_length(text, 0) == 0) return std::string(text);
    std::size_t end = 0;
    const char32_t first = next_code_point(text, end);
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(utf8proc_toupper(static_cast<utf8proc_int32_t>(first)), buf);
    std::string out(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    out.append(text.substr(end));
    return out;
}

std::string to_nfc(std::string_view text) {
    if (surely_nfc(text)) return std::string(text);
    return mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

namespace {

// The code points of identity_key(text), each given to `out`: NFD, case
// folded, each word's tone marks moved to its end in code point order. Text
// that is surely NFC is decomposed one code point at a time (no allocation):
// its precomposed Latin letters never reorder across code points.
template <typename Out>
void identity_sequence(std::string_view text, Out&& out) {
    std::uint64_t tones = 0;  // bit k: tone mark U+0300 + k present in the word (k <= 0x23)
    auto end_word = [&] {
        for (char32_t k = 0; tones; ++k, tones >>= 1)
            if (tones & 1u) out(static_cast<char32_t>(0x0300 + k));
    };
    auto take = [&](char32_t c) {
        if (is_tone_mark(c)) {
            tones |= std::uint64_t{1} << (c - 0x0300);
            return;
        }
        if (c < 0x80 ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : !is_letter_or_mark(c)) end_word();
        out(c);
    };
    if (!surely_nfc(text)) {
        const std::string folded = mapped(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
        for (std::size_t i = 0; i < folded.size();) take(next_code_point(folded, i));
        end_word();
        return;
    }
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (c < 0x80) {
            take(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        utf8proc_int32_t buffer[8];
        int boundclass = 0;
        const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buffer, 8,
                                               static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD),
                                               &boundclass);
        for (utf8proc_ssize_t k = 0; k < n && k < 8; ++k) take(static_cast<char32_t>(buffer[k]));
    }
    end_word();
}

}  // namespace

std::string identity_key(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    identity_sequence(text, [&](char32_t c) { append_utf8(out, c); });
    return out;
}

std::uint32_t identity_hash(std::string_view text) {
    std::uint32_t h = 2166136261u;  // FNV-1a over the code points
    identity_sequence(text, [&](char32_t c) {
        for (int k = 0; k < 4; ++k) {
            h ^= static_cast<std::uint32_t>(c >> (8 * k)) & 0xFFu;
            h *= 16777619u;
        }
    });
    return h;
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
        // The precomposed Latin letters (Vietnamese): fine but for U+00A0 and U+00AD.
        if ((c > 0xAD && c < 0x0250) || (c >= 0x1E00 && c <= 0x1EFF)) continue;
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
