// CSV text (RFC 4180) to rows of located fields: quoted fields, doubled
// quotes, CRLF, LF or CR line ends, an optional UTF-8 byte order mark, and
// a header row. Lines and columns are 1-based; columns count code points
// (the byte order mark is not counted).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace ontrack {

struct CsvField {
    std::string text;          // unquoted, doubled quotes undone; line breaks inside quotes kept as written
    std::uint32_t line = 0;    // where the field starts (its opening quote, if quoted)
    std::uint32_t column = 0;  // in code points
    bool quoted = false;
};

struct CsvRow {
    std::vector<CsvField> fields;  // at least one
    std::uint32_t line = 0;        // the line the row starts on
    std::uint32_t end_line = 0;    // where the row ends: just after its last character
    std::uint32_t end_column = 0;
    // How many fields the row has: more than fields.size() when it has more
    // than one field past the header's (those are not stored); 0 if unset.
    std::size_t field_count = 0;
};

class CsvDocument {
   public:
    std::string file;
    CsvRow header;
    std::vector<CsvRow> rows;  // the rows after the header, in file order; empty lines are skipped

    // The text of a line (1-based) without its line end, or "" past the end.
    std::string_view line_text(std::uint32_t line) const;

    // A diagnostic in this file, with the line as its excerpt.
    Diagnostic error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint = {}) const;
    Diagnostic error(const CsvField& at, std::string message, std::string hint = {}) const {
        return error(at.line, at.column, std::move(message), std::move(hint));
    }

    // The index of the header column named `name`, ignoring ASCII case and
    // surrounding spaces; the first such column when there are several.
    std::optional<std::size_t> find_column(std::string_view name) const;

    // Set by read_csv(): the text without its byte order mark, and where each line starts in it.
    std::string text;
    std::vector<std::size_t> line_starts;
};

// Parses `text`. Throws InputError when the text is not UTF-8 (located at the
// first bad byte), has no header row, or is not well-formed CSV: an
// unterminated quoted field, a quote inside an unquoted field, or text after
// a closing quote (every such problem is listed). Completely empty lines are
// skipped; rows may have any number of fields (callers check the count).
// `file` is the name used in diagnostics.
CsvDocument read_csv(std::string_view text, const std::string& file);

// How read_csv() reads: the separator (',' by default; ';' for the
// spreadsheets of a locale with a decimal comma, '\t' for tab-separated
// text), and a hook called with the document as soon as its header row is
// read, before any other row (it may throw, e.g. for a missing column, so
// that the rest is never read).
struct CsvOptions {
    char separator = ',';
    std::function<void(const CsvDocument&)> on_header;
};

// read_csv() with options. Of a row with more fields than the header, only
// the first extra field is stored (check_field_count() reports the row
// there, with the full count): a row of a million commas costs one field.
CsvDocument read_csv(std::string_view text, const std::string& file, const CsvOptions& options);

// Field text without surrounding spaces, tabs and no-break spaces (U+00A0).
std::string_view trim_blanks(std::string_view text);

// ASCII case-insensitive equality.
bool iequals_ascii(std::string_view a, std::string_view b);

// Adds a diagnostic to `out` and returns false when `row` has more or fewer
// fields than the header: too few is reported where the row ends, too many
// at the first extra field.
bool check_field_count(const CsvDocument& doc, const CsvRow& row, std::vector<Diagnostic>& out);

// Throws InputError with the diagnostics sorted by line then column, when
// there are any; keeps the excerpts of the first 20 only.
void throw_if_any(std::vector<Diagnostic> diagnostics);

}  // namespace ontrack
