// Unicode text as people type it (utf8proc): normalisation to NFC, the keys
// under which two names are the same name, the folded form names are looked
// up by, and the characters a one-line text may not hold. Text must be valid
// UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ontrack {

// True when NFC leaves the text as it is, judged without normalising: ASCII,
// or only code points of the precomposed Latin blocks (U+00A0-U+024F,
// U+1E00-U+1EFF), which NFC never changes. False means "may change".
bool surely_nfc(std::string_view text);

// The text in Unicode normalisation form C (composed): "e" U+0302 U+0323
// becomes "ệ". Text that is surely NFC is returned unchanged, uncopied work
// aside.
std::string to_nfc(std::string_view text);

// `text` with its first letter in upper case ("quá hạn" -> "Quá hạn"), for a
// label that starts a title; the rest as it is.
std::string capitalise_first(std::string_view text);

// The key under which two names are the same name: equal when the names
// differ only in letter case, in NFC against NFD, or in where a Vietnamese
// tone mark is placed within a syllable (old style "Hoà", "Thuỷ" against new
// style "Hòa", "Thủy"). Names that differ in a letter or a tone are not equal
// ("Cẩm Giang" and "Cẩm Giàng").
std::string identity_key(std::string_view text);

// A hash of identity_key(text), computed without building it.
std::uint32_t identity_hash(std::string_view text);

// The form a name is looked up by as people type it without care: case
// folded, every diacritic removed, đ as d, runs of spaces as one, no
// surrounding spaces ("Thủy  Nguyên" and "thuy nguyen" fold alike).
std::string fold_for_search(std::string_view text);

// A code point a one-line text may not hold, and where: controls (line
// breaks too, unless allowed), format characters (zero-width space, bidi
// marks, soft hyphen, byte order mark), every space other than U+0020 (the
// no-break space...), other default-ignorable, private-use and unassigned
// code points.
struct BadCharacter {
    std::size_t code_points_before = 0;  // its place in the text, in code points
    char32_t code_point = 0;
    bool is_space = false;  // a space of another kind (no-break, thin...)
};
std::optional<BadCharacter> find_bad_character(std::string_view text, bool allow_line_breaks = false);

// "U+200B": how a code point is named in messages.
std::string code_point_name(char32_t c);

}  // namespace ontrack
