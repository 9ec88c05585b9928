#include "utf8.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using ontrack::display_width;
using ontrack::find_invalid_utf8;
using ontrack::make_inert;
using ontrack::next_code_point;

namespace {

// All code points of valid UTF-8 text.
std::vector<char32_t> decode(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
    return out;
}

}  // namespace

// ---------------------------------------------------------------- find_invalid_utf8

TEST_CASE("find_invalid_utf8 accepts valid text") {
    CHECK_FALSE(find_invalid_utf8("").has_value());
    CHECK_FALSE(find_invalid_utf8("Hai Phong").has_value());
    CHECK_FALSE(find_invalid_utf8("Hải Phòng, Thủy Nguyên, Hồng Bàng, Kiến Thụy, Đồ Sơn").has_value());
    CHECK_FALSE(find_invalid_utf8("Ho\xcc\x82\xcc\x80ng").has_value());  // NFD combining marks
    CHECK_FALSE(find_invalid_utf8("\xe4\xb8\xad").has_value());          // U+4E2D
    CHECK_FALSE(find_invalid_utf8("\xf0\x9f\x98\x80").has_value());      // U+1F600
    CHECK_FALSE(find_invalid_utf8("\xf4\x8f\xbf\xbf").has_value());      // U+10FFFF, the last code point
    CHECK_FALSE(find_invalid_utf8("\xed\x9f\xbf").has_value());          // U+D7FF, just below surrogates
    CHECK_FALSE(find_invalid_utf8("\xee\x80\x80").has_value());          // U+E000, just above surrogates
    CHECK_FALSE(find_invalid_utf8("\xc2\x80").has_value());              // U+0080, shortest 2-byte
    CHECK_FALSE(find_invalid_utf8("\xe0\xa0\x80").has_value());          // U+0800, shortest 3-byte
    CHECK_FALSE(find_invalid_utf8("\xf0\x90\x80\x80").has_value());      // U+10000, shortest 4-byte
    CHECK_FALSE(find_invalid_utf8(std::string("a\0b", 3)).has_value());  // NUL is valid UTF-8
}

TEST_CASE("find_invalid_utf8 rejects overlong encodings") {
    CHECK(find_invalid_utf8("\xc0\x80") == std::optional<std::size_t>(0));          // NUL as 2 bytes
    CHECK(find_invalid_utf8("ab\xc1\xbf") == std::optional<std::size_t>(2));        // U+007F as 2 bytes
    CHECK(find_invalid_utf8("\xe0\x9f\xbf") == std::optional<std::size_t>(0));      // U+07FF as 3 bytes
    CHECK(find_invalid_utf8("\xf0\x8f\xbf\xbf") == std::optional<std::size_t>(0));  // U+FFFF as 4 bytes
}

TEST_CASE("find_invalid_utf8 rejects surrogates") {
    CHECK(find_invalid_utf8("\xed\xa0\x80") == std::optional<std::size_t>(0));   // U+D800
    CHECK(find_invalid_utf8("x\xed\xbf\xbf") == std::optional<std::size_t>(1));  // U+DFFF
}

TEST_CASE("find_invalid_utf8 rejects bytes that never occur in UTF-8") {
    CHECK(find_invalid_utf8("\xf5\x80\x80\x80") == std::optional<std::size_t>(0));
    CHECK(find_invalid_utf8("ok \xff") == std::optional<std::size_t>(3));
    CHECK(find_invalid_utf8("ok \xfe") == std::optional<std::size_t>(3));
    CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == std::optional<std::size_t>(0));  // U+110000
}

TEST_CASE("find_invalid_utf8 rejects stray continuation bytes") {
    CHECK(find_invalid_utf8("\x80") == std::optional<std::size_t>(0));
    // "Hải" is H, U+1EA3 (3 bytes), i; a stray 0xBF follows at offset 5.
    CHECK(find_invalid_utf8("H\xe1\xba\xa3i\xbf") == std::optional<std::size_t>(5));
}

TEST_CASE("find_invalid_utf8 reports the offset of a truncated sequence") {
    // "Hả" cut after the first two bytes of U+1EA3: the sequence starts at 1.
    CHECK(find_invalid_utf8("H\xe1\xba") == std::optional<std::size_t>(1));
    // "Phòng" is P, h, U+00F2 (2 bytes), n, g = 6 bytes; then a lone lead byte.
    CHECK(find_invalid_utf8("Ph\xc3\xb2ng\xc3") == std::optional<std::size_t>(6));
    CHECK(find_invalid_utf8("\xf0\x9f\x98") == std::optional<std::size_t>(0));
    // A lead byte followed by ASCII instead of a continuation.
    CHECK(find_invalid_utf8("a\xc3z") == std::optional<std::size_t>(1));
}

// ---------------------------------------------------------------- next_code_point

TEST_CASE("next_code_point decodes one to four bytes and advances") {
    const std::string s = "A\xc3\xb2\xe1\xbb\x87\xf0\x9f\x98\x80";  // A ò ệ 😀
    std::size_t i = 0;
    CHECK(next_code_point(s, i) == U'A');
    CHECK(i == 1);
    CHECK(next_code_point(s, i) == U'\u00f2');
    CHECK(i == 3);
    CHECK(next_code_point(s, i) == U'\u1ec7');
    CHECK(i == 6);
    CHECK(next_code_point(s, i) == U'\U0001F600');
    CHECK(i == 10);
}

TEST_CASE("next_code_point at the range boundaries") {
    CHECK(decode("\x7f") == std::vector<char32_t>{0x7F});
    CHECK(decode("\xc2\x80") == std::vector<char32_t>{0x80});
    CHECK(decode("\xdf\xbf") == std::vector<char32_t>{0x7FF});
    CHECK(decode("\xe0\xa0\x80") == std::vector<char32_t>{0x800});
    CHECK(decode("\xef\xbf\xbf") == std::vector<char32_t>{0xFFFF});
    CHECK(decode("\xf0\x90\x80\x80") == std::vector<char32_t>{0x10000});
    CHECK(decode("\xf4\x8f\xbf\xbf") == std::vector<char32_t>{0x10FFFF});
}

TEST_CASE("next_code_point walks Vietnamese text") {
    // "Đồ Sơn": U+0110 U+1ED3 space S U+01A1 n.
    CHECK(decode("\xc4\x90\xe1\xbb\x93 S\xc6\xa1n") == std::vector<char32_t>{0x110, 0x1ED3, U' ', U'S', 0x1A1, U'n'});
    CHECK(decode("Đồ Sơn") == std::vector<char32_t>{0x110, 0x1ED3, U' ', U'S', 0x1A1, U'n'});
}

// ---------------------------------------------------------------- display_width

TEST_CASE("display_width counts columns, not bytes") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    // Precomposed: H U+1ED3 n g space B U+00E0 n g.
    const std::string precomposed = "H\xe1\xbb\x93ng B\xc3\xa0ng";
    CHECK(precomposed == "Hồng Bàng");
    CHECK(display_width(precomposed) == 9);
    // NFD: o + U+0302 + U+0300, a + U+0300; the marks take no column.
    const std::string decomposed = "Ho\xcc\x82\xcc\x80ng Ba\xcc\x80ng";
    CHECK(display_width(decomposed) == 9);
    CHECK(display_width("Thủy Nguyên") == 11);
    CHECK(display_width("ệ") == 1);
    CHECK(display_width("e\xcc\x82\xcc\xa3") == 1);  // e + U+0302 + U+0323
}

TEST_CASE("display_width counts East Asian wide characters as two") {
    CHECK(display_width("\xe4\xb8\xad") == 2);              // U+4E2D
    CHECK(display_width("\xe4\xb8\xad\xe6\x96\x87") == 4);  // two CJK
    CHECK(display_width("a\xe4\xb8\xad"
                        "b") == 4);             // 1 + 2 + 1
    CHECK(display_width("\xea\xb0\x80") == 2);  // U+AC00 Hangul
    CHECK(display_width("\xef\xbc\xa1") == 2);  // U+FF21 fullwidth A
}

TEST_CASE("display_width gives zero-width characters no column") {
    CHECK(display_width("a\xe2\x80\x8b"
                        "b") == 2);         // U+200B zero width space
    CHECK(display_width("\xcc\x80") == 0);  // a lone combining grave
}

// ---------------------------------------------------------------- make_inert

TEST_CASE("make_inert leaves ordinary text untouched") {
    CHECK(make_inert("") == "");
    CHECK(make_inert("Hai Phong") == "Hai Phong");
    const std::string vi = "Hải Phòng — Thủy Nguyên, Hồng Bàng, Đồ Sơn";
    CHECK(make_inert(vi) == vi);
    const std::string nfd = "Ho\xcc\x82\xcc\x80ng";
    CHECK(make_inert(nfd) == nfd);
    CHECK(make_inert("\xe4\xb8\xad") == "\xe4\xb8\xad");
    CHECK(make_inert("~ !\"#") == "~ !\"#");  // 0x7E and 0x20 are printable
}

TEST_CASE("make_inert shows escape sequences instead of obeying them") {
    CHECK(make_inert("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
    CHECK(make_inert("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
}

TEST_CASE("make_inert escapes C0 controls, DEL and C1 controls") {
    CHECK(make_inert("a\tb") == "a\\x09b");
    CHECK(make_inert("a\nb") == "a\\x0ab");
    CHECK(make_inert("a\rb") == "a\\x0db");
    CHECK(make_inert(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(make_inert("a\x7f"
                     "b") == "a\\x7fb");
    CHECK(make_inert("a\xc2\x85"
                     "b") == "a\\u0085b");        // U+0085 NEL
    CHECK(make_inert("\xc2\x9b") == "\\u009b");   // U+009B CSI
    CHECK(make_inert("\xc2\xa0") == "\xc2\xa0");  // U+00A0 is not a control
}

TEST_CASE("make_inert escapes bidirectional overrides and isolates") {
    CHECK(make_inert("abc\xe2\x80\xae"
                     "def") == "abc\\u202edef");                          // U+202E RLO
    CHECK(make_inert("\xe2\x80\xaa") == "\\u202a");                       // U+202A LRE
    CHECK(make_inert("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");  // LRI ... PDI
    CHECK(make_inert("\xe2\x80\xa8") == "\\u2028");                       // line separator
    CHECK(make_inert("\xe2\x80\xa9") == "\\u2029");                       // paragraph separator
}

TEST_CASE("is_unsafe_code_point boundaries") {
    using ontrack::is_unsafe_code_point;
    CHECK(is_unsafe_code_point(0x00));
    CHECK(is_unsafe_code_point(0x1F));
    CHECK_FALSE(is_unsafe_code_point(0x20));
    CHECK_FALSE(is_unsafe_code_point(0x7E));
    CHECK(is_unsafe_code_point(0x7F));
    CHECK(is_unsafe_code_point(0x80));
    CHECK(is_unsafe_code_point(0x9F));
    CHECK_FALSE(is_unsafe_code_point(0xA0));
    CHECK(is_unsafe_code_point(0x2028));
    CHECK(is_unsafe_code_point(0x2029));
    CHECK_FALSE(is_unsafe_code_point(0x2027));
    CHECK(is_unsafe_code_point(0x202A));
    CHECK(is_unsafe_code_point(0x202E));
    CHECK_FALSE(is_unsafe_code_point(0x202F));
    CHECK_FALSE(is_unsafe_code_point(0x2065));
    CHECK(is_unsafe_code_point(0x2066));
    CHECK(is_unsafe_code_point(0x2069));
    CHECK_FALSE(is_unsafe_code_point(0x206A));
    CHECK_FALSE(is_unsafe_code_point(0x1EC7));  // ệ
    CHECK(is_unsafe_code_point(0x200E));
    CHECK(is_unsafe_code_point(0x200F));
    CHECK_FALSE(is_unsafe_code_point(0x200D));
    CHECK(is_unsafe_code_point(0x061C));
}

TEST_CASE("find_invalid_utf8 finds a bad byte at every offset after an ASCII run") {
    // The ASCII fast path reads eight bytes at a time: a bad byte must be
    // found wherever it falls in or after such a word.
    for (std::size_t at = 0; at < 40; ++at) {
        std::string text(40, 'a');
        text[at] = '\xFF';
        INFO("bad byte at " << at);
        CHECK(find_invalid_utf8(text) == at);
        text[at] = 'a';
        text += "\xC3\xA0";  // à, then the end
        CHECK_FALSE(find_invalid_utf8(text));
        text += '\xC3';  // truncated at the very end
        CHECK(find_invalid_utf8(text) == 42);
    }
}

TEST_CASE("make_inert escapes bytes that are not UTF-8 and the bidi marks", "[text]") {
    using ontrack::make_inert;
    CHECK(make_inert("plan\xff.toml") == "plan\\xff.toml");
    CHECK(make_inert("a\xE2\x80") == "a\\xe2\\x80");         // cut short
    CHECK(make_inert("\xC0\xAF") == "\\xc0\\xaf");           // overlong '/'
    CHECK(make_inert("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(make_inert("x\xE2\x80\x8Ey\xE2\x80\x8Fz") == "x\\u200ey\\u200fz");
    CHECK(make_inert("\xD8\x9C") == "\\u061c");
    CHECK_FALSE(ontrack::find_invalid_utf8(make_inert("\xff\xfe\x1b\xc2\x9b")));
}

TEST_CASE("make_inert_lines keeps line feeds and escapes the rest", "[text]") {
    CHECK(ontrack::make_inert_lines("one\x1b[2J\ntwo\r\n") == "one\\x1b[2J\ntwo\\x0d\n");
    CHECK(ontrack::make_inert_lines("") == "");
    CHECK(ontrack::make_inert_lines("\n") == "\n");
}

TEST_CASE("looks_like_formula: the signs, after any run of blank, invisible or bidi characters", "[text]") {
    using ontrack::looks_like_formula;
    for (const char* text : {"=1",
                             "+1",
                             "-1",
                             "@x",
                             "\tx",
                             "\rx",
                             "\xEF\xBC\x9D"
                             "1",
                             "\xEF\xBC\x8B"
                             "1",
                             "\xEF\xBC\x8D"
                             "1",
                             "\xEF\xBC\xA0"
                             "x",
                             "  =1",
                             "\xC2\xA0=1",
                             "\xE2\x80\x8B=1",
                             "\xEF\xBB\xBF=1",
                             "\xE2\x80\xAE=1",
                             "\xE2\x80\x8F+1",
                             "\xE3\x80\x80-1",
                             "\xE2\x81\xA6@x",
                             "\xC2\xAD=1",
                             " \xC2\xA0\xE2\x80\x8B =1"}) {
        INFO(text);
        CHECK(looks_like_formula(text));
    }
    for (const char* text : {"", "a=1", " a", "1-2", "Hồng Bàng", "\xE2\x80\x8B", "   ", "x=", "\\x09=1"}) {
        INFO(text);
        CHECK_FALSE(looks_like_formula(text));
    }
}

TEST_CASE("fitting_prefix cuts between whole graphemes, never inside a letter") {
    using ontrack::fitting_prefix;
    // "Nghệ" precomposed: N g h ệ, one column each; ệ is 3 bytes.
    const std::string nghe = "Ngh\xe1\xbb\x87";
    CHECK(fitting_prefix(nghe, 4) == 6);
    CHECK(fitting_prefix(nghe, 3) == 3);  // one column short: "Ngh", the letter whole or not at all
    CHECK(fitting_prefix(nghe, 0) == 0);
    // The same letter decomposed: e U+0302 U+0323 is one grapheme of one column, 5 bytes.
    const std::string nfd =
        "Ngh"
        "e\xcc\x82\xcc\xa3"
        "n";
    CHECK(fitting_prefix(nfd, 4) == 8);
    CHECK(fitting_prefix(nfd, 3) == 3);
    // A wide character (2 columns) does not fit in one column.
    CHECK(fitting_prefix("\xe4\xb8\xad", 1) == 0);
    CHECK(fitting_prefix("\xe4\xb8\xad", 2) == 3);
    // Every cut at every width is valid UTF-8.
    const std::string word =
        "Nguy\xe1\xbb\x85n"
        "e\xcc\x82\xcc\xa3"
        "\xe4\xb8\xad"
        "Th\xe1\xbb\xa7y";
    for (std::size_t w = 0; w <= 16; ++w) {
        const std::size_t n = fitting_prefix(word, w);
        CHECK(!find_invalid_utf8(word.substr(0, n)));
        CHECK(display_width(word.substr(0, n)) <= w);
    }
}

TEST_CASE("quoted_value keeps short values and bounds long ones with their length") {
    using ontrack::quoted_value;
    CHECK(quoted_value("11629") == "11629");
    CHECK(quoted_value(std::string(200, 'x')) == std::string(200, 'x'));
    CHECK(quoted_value(std::string(201, 'x')) == std::string(200, 'x') + "… (201 bytes)");
    // 199 ASCII letters then "ệ" decomposed (3 code points): the 200th code
    // point is inside the letter, so the cut goes before it.
    const std::string text = std::string(199, 'a') + "e\xcc\x82\xcc\xa3" + "b";
    CHECK(quoted_value(text) == std::string(199, 'a') + "… (" + std::to_string(text.size()) + " bytes)");
    CHECK(quoted_value(std::string(50 << 20, '9')).size() < 230);
}
