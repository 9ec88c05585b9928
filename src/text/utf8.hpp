// UTF-8 text: validation, terminal display width and inert rendering.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ontrack {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlongs, surrogates and code points above U+10FFFF are ill-formed).
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Length of the well-formed UTF-8 sequence starting at text[i], 0 when the
// byte there does not start one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Decodes the code point at text[i] (text must be valid UTF-8) and advances i.
char32_t next_code_point(std::string_view text, std::size_t& i);

// Columns a terminal uses for the text, by utf8proc's character widths:
// combining marks and zero-width characters take none, East Asian wide
// characters and emoji two, everything else (controls too) one. Precomposed "ệ" and "e" followed
// by U+0302 U+0323 are both one column.
std::size_t display_width(std::string_view text);

// The length in bytes of the longest prefix of `text` (valid UTF-8) that is
// made of whole grapheme clusters (a letter with its marks, an emoji
// sequence: Unicode's extended grapheme clusters, by utf8proc) and takes at
// most `width` columns. Cutting there never splits a letter; 0 when the
// first cluster alone is wider.
std::size_t fitting_prefix(std::string_view text, std::size_t width);

// A value quoted in a message, bounded: the text itself when it has at most
// `limit` characters (code points), else its first whole graphemes within
// that, "…", and its full length (" (52428800 bytes)"). Every message that
// echoes a cell or a value of the user's goes through it.
std::string quoted_value(std::string_view text, std::size_t limit = 200);

// True for code points that must never reach a terminal raw: C0 and C1
// controls, DEL, and the bidirectional overrides and isolates.
bool is_unsafe_code_point(char32_t c);

// The text with every unsafe code point written as a visible escape
// ("\x1b", "\u202e"), so escape sequences in names are shown, not obeyed.
// A byte that is not part of well-formed UTF-8 is written "\xff" too: the
// result is always valid UTF-8.
std::string make_inert(std::string_view text);

// make_inert() line by line: the line feeds stay (for messages of several
// lines), every other control is escaped.
std::string make_inert_lines(std::string_view text);

// Whether a spreadsheet could read the cell as a formula: after a leading run
// of spaces (any width, NBSP included), invisible characters (zero-width
// space, BOM, soft hyphen, variation selectors) and bidi controls, the first
// character is = + - @ (ASCII or full-width: U+FF1D U+FF0B U+FF0D U+FF20),
// a tab or a carriage return. Text that is not UTF-8 counts as one.
bool looks_like_formula(std::string_view text);

}  // namespace ontrack
