#include "unicode.hpp"

#include <string>

#include <catch2/catch.hpp>

using namespace ontrack;

namespace {

// "Hồng Bàng" precomposed, and with combining marks (NFD, as macOS and some
// Vietnamese input methods write it): o U+0302 U+0300, a U+0300.
const std::string hong_bang_nfc = "H\xe1\xbb\x93ng B\xc3\xa0ng";
const std::string hong_bang_nfd = "Ho\xcc\x82\xcc\x80ng Ba\xcc\x80ng";

}  // namespace

TEST_CASE("to_nfc composes combining marks and leaves composed text alone") {
    CHECK(hong_bang_nfc != hong_bang_nfd);
    CHECK(to_nfc(hong_bang_nfd) == hong_bang_nfc);
    CHECK(to_nfc(hong_bang_nfc) == hong_bang_nfc);
    CHECK(to_nfc("e\xcc\x82\xcc\xa3") == "\xe1\xbb\x87");  // e + U+0302 + U+0323 = ệ
    CHECK(to_nfc("e\xcc\xa3\xcc\x82") == "\xe1\xbb\x87");  // the marks in the other order: the same ệ
    CHECK(to_nfc("11506") == "11506");
    CHECK(to_nfc("\xe2\x84\xab") == "\xc3\x85");  // U+212B ANGSTROM SIGN is Å in NFC
}

TEST_CASE("surely_nfc: ASCII and the precomposed Latin blocks need no normalising") {
    CHECK(surely_nfc("Hai Phong"));
    CHECK(surely_nfc(hong_bang_nfc));
    CHECK(
        surely_nfc("\xc4\x91\xe1\xba\xb7"
                   "c khu"));  // đặc khu
    CHECK_FALSE(surely_nfc(hong_bang_nfd));
    CHECK_FALSE(surely_nfc("\xe2\x84\xab"));
}

TEST_CASE("identity_key: letter case, NFC against NFD and tone-mark placement make one name") {
    CHECK(identity_key(hong_bang_nfc) == identity_key(hong_bang_nfd));
    CHECK(identity_key("H\xe1\xbb\x93NG B\xc3\x80NG") == identity_key(hong_bang_nfc));  // HỒNG BÀNG
    // Old style "Hoà" (the mark on the a) and new style "Hòa" (on the o).
    CHECK(identity_key("Ho\xc3\xa0 B\xc3\xacnh") == identity_key("H\xc3\xb2"
                                                                 "a B\xc3\xacnh"));
    // "Thuỷ" against "Thủy".
    CHECK(identity_key("Thu\xe1\xbb\xb7 Nguy\xc3\xaan") == identity_key("Th\xe1\xbb\xa7y Nguy\xc3\xaan"));
    // A different tone is a different name: Cẩm Giang and Cẩm Giàng.
    CHECK(identity_key("C\xe1\xba\xa9m Giang") != identity_key("C\xe1\xba\xa9m Gi\xc3\xa0ng"));
    // The mark stays in its word: "Hòa An" is not "Hoa Àn".
    CHECK(identity_key("H\xc3\xb2"
                       "a An") != identity_key("Hoa \xc3\x80n"));
    CHECK(identity_key("Ward 7") == "ward 7");
}

TEST_CASE("fold_for_search: no case, no diacritics, d for đ, single spaces") {
    CHECK(fold_for_search("Th\xe1\xbb\xa7y Nguy\xc3\xaan") == "thuy nguyen");
    CHECK(fold_for_search("  Thuy   Nguyen ") == "thuy nguyen");
    CHECK(fold_for_search("\xc4\x90\xe1\xbb\x93 S\xc6\xa1n") == "do son");  // Đồ Sơn
    CHECK(fold_for_search(hong_bang_nfd) == "hong bang");
    CHECK(fold_for_search("C\xe1\xba\xa9m Giang") == fold_for_search("C\xe1\xba\xa9m Gi\xc3\xa0ng"));
    CHECK(fold_for_search("Ho\xc3\xa0 B\xc3\xacnh") == "hoa binh");
}

TEST_CASE("find_bad_character names each rejected class and where it stands") {
    CHECK_FALSE(find_bad_character(hong_bang_nfc));
    CHECK_FALSE(find_bad_character(hong_bang_nfd));  // combining marks are letters' parts, not invisible
    struct Case {
        std::string text;
        char32_t code_point;
        std::size_t before;
        bool space;
    };
    const Case cases[] = {
        {"11506\xe2\x80\x8b", 0x200B, 5, false},  // zero-width space
        {"a\xc2\xa0"
         "b",
         0x00A0, 1, true},  // no-break space
        {"a\xe2\x80\xaf"
         "b",
         0x202F, 1, true},                                    // narrow no-break space
        {"Ki\xc3\xaa\xcc\x81n\xc2\xadth", 0x00AD, 5, false},  // soft hyphen, after a combining mark
        {"\xe2\x80\x8f"
         "abc",
         0x200F, 0, false},                    // right-to-left mark
        {"ab\xe2\x80\xae", 0x202E, 2, false},  // bidi override
        {"ab\tc", 0x09, 2, false},             // control
        {"ab\nc", 0x0A, 2, false},             // a line break in a one-line text
        {"\xef\xbb\xbf"
         "ab",
         0xFEFF, 0, false},  // byte order mark
        {"a\xe2\x80\x8d"
         "b",
         0x200D, 1, false},                   // zero-width joiner
        {"a\xee\x80\x80", 0xE000, 1, false},  // private use
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto bad = find_bad_character(c.text);
        REQUIRE(bad);
        CHECK(bad->code_point == c.code_point);
        CHECK(bad->code_points_before == c.before);
        CHECK(bad->is_space == c.space);
    }
    CHECK_FALSE(find_bad_character("line one\nline two", true));
    CHECK(find_bad_character("line one\n\xe2\x80\x8b", true));
    CHECK(code_point_name(0x200B) == "U+200B");
    CHECK(code_point_name(0x00A0) == "U+00A0");
}

TEST_CASE("capitalise_first: the first letter in upper case, the rest kept", "[unicode]") {
    CHECK(ontrack::capitalise_first("quá hạn") == "Quá hạn");
    CHECK(ontrack::capitalise_first("đã công nhận") == "Đã công nhận");  // đ (2 bytes) -> Đ
    CHECK(ontrack::capitalise_first("ấp") == "Ấp");                      // a precomposed letter with two marks
    CHECK(ontrack::capitalise_first("overdue") == "Overdue");
    CHECK(ontrack::capitalise_first("") == "");
    CHECK(ontrack::capitalise_first("1 unit") == "1 unit");
}
