// CSV text (RFC 4180) to rows of located fields: quoted fields, doubled
// quotes, CRLF, LF or CR line ends, an optional UTF-8 byte order mark, and
// a header row. Lines and columns are 1-based; columns count code points
// (the byte order mark is not counted). A workbook (.xlsx, .ods) is read as
// the same rows: its sheet's rows and cells, where a line is the sheet's row
// number and a column the cell's (A is 1), and diagnostics are located as
// FILE:Sheet1!C7.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.hpp"

namespace ontrack {

class CsvDocument;

// A field as read: built on access from the document's offsets (nothing is
// stored per field but where it starts and ends in the kept text).
struct CsvField {
    std::string text;          // unquoted, doubled quotes undone; line breaks inside quotes kept as written
    std::uint32_t line = 0;    // where the field starts (its opening quote, if quoted)
    std::uint32_t column = 0;  // in code points
    bool quoted = false;
};

// The stored fields of one row: a view into the document, valid while it lives.
class CsvFields {
   public:
    class iterator;
    CsvFields() = default;
    CsvFields(const CsvDocument* doc, std::uint32_t first, std::uint32_t size)
        : doc_(doc), first_(first), size_(size) {}
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    CsvField operator[](std::size_t k) const;
    // The text alone, without locating it (cheaper than operator[]).
    std::string text(std::size_t k) const;
    iterator begin() const;
    iterator end() const;

   private:
    const CsvDocument* doc_ = nullptr;
    std::uint32_t first_ = 0, size_ = 0;
};

// Iterates the fields of a row, locating each from the one before (linear in
// the row's length however many fields it has).
class CsvFields::iterator {
   public:
    iterator(const CsvDocument* doc, std::uint32_t index) : doc_(doc), index_(index) {}
    CsvField operator*() const;
    iterator& operator++() {
        ++index_;
        return *this;
    }
    bool operator!=(const iterator& o) const { return index_ != o.index_; }
    bool operator==(const iterator& o) const { return index_ == o.index_; }

   private:
    const CsvDocument* doc_;
    std::uint32_t index_;
    // The last position computed: its offset, line and column.
    mutable std::size_t at_ = static_cast<std::size_t>(-1);
    mutable std::uint32_t line_ = 0, column_ = 0;
};

struct CsvRow {
    CsvFields fields;            // at least one
    std::uint32_t line = 0;      // the line the row starts on
    std::uint32_t end_line = 0;  // where the row's last stored field ends: just after its last character
    std::uint32_t end_column = 0;
    // How many fields the row has: more than fields.size() when it has more
    // than one field past the header's (those are not stored).
    std::size_t field_count = 0;
};

// The rows after the header: a view into the document.
class CsvRows {
   public:
    class iterator {
       public:
        iterator(const CsvDocument* doc, std::size_t index) : doc_(doc), index_(index) {}
        CsvRow operator*() const;
        iterator& operator++() {
            ++index_;
            return *this;
        }
        bool operator!=(const iterator& o) const { return index_ != o.index_; }

       private:
        const CsvDocument* doc_;
        std::size_t index_;
    };
    explicit CsvRows(const CsvDocument* doc) : doc_(doc) {}
    std::size_t size() const;
    bool empty() const { return size() == 0; }
    CsvRow operator[](std::size_t k) const;
    iterator begin() const { return iterator(doc_, 0); }
    iterator end() const { return iterator(doc_, size()); }

   private:
    const CsvDocument* doc_;
};

struct CsvOptions;

// A note for the person who made the file, at a line (a sheet's row).
struct CsvNote {
    std::uint32_t line = 0;
    std::string message;
    std::string place;  // "Sheet1!A7" in a workbook, else empty (the line is the place)
};

// A CSV document kept compactly: the text, and per field only its start and
// end offsets (8 bytes), per row its first field and field count (8 bytes),
// per line its start (4 bytes). Fields, rows, lines and columns are built on
// access. Not copyable or movable (the views point into it).
class CsvDocument {
   public:
    std::string file;
    CsvRow header;       // a view, like rows
    CsvRows rows{this};  // the rows after the header, in file order; empty lines are skipped

    CsvDocument(const CsvDocument&) = delete;
    CsvDocument& operator=(const CsvDocument&) = delete;

    // The text of a line (1-based) without its line end, or "" past the end.
    std::string_view line_text(std::uint32_t line) const;

    // A diagnostic in this file, with the line as its excerpt.
    Diagnostic error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint = {}) const;
    Diagnostic error(const CsvField& at, std::string message, std::string hint = {}) const {
        return error(at.line, at.column, std::move(message), std::move(hint));
    }

    // The sheet read, when the file is a workbook; else empty.
    std::string sheet;
    // What reading the workbook noted: which sheet was read, the hidden rows
    // left out, the merged cells filled.
    std::vector<CsvNote> notes;

    // A note at a line, placed as the file's diagnostics are.
    CsvNote note(std::uint32_t line, std::string message) const;
    // How the column of field `k` is named where it has no header: its
    // number in a CSV file ("5"), its letter in a sheet ("E").
    std::string column_label(std::size_t k) const;

    // The index of the header column named `name`, ignoring ASCII case and
    // surrounding spaces; the first such column when there are several.
    std::optional<std::size_t> find_column(std::string_view name) const;

    // The line and column (in code points) of byte `offset` of text.
    std::pair<std::uint32_t, std::uint32_t> position(std::size_t offset) const;

    // Set by read_csv(): the text without its byte order mark, and where each line starts in it.
    std::string text;
    std::vector<std::uint32_t> line_starts;

   private:
    friend class CsvFields;
    friend class CsvRows;
    friend class CsvParser;
    friend CsvDocument read_csv(std::string_view, const std::string&, const CsvOptions&);
    CsvDocument(std::string_view bytes, const std::string& name, const CsvOptions& options);

    struct FieldRange {
        std::uint32_t begin, end;  // the field's bytes in text, its quotes included
    };
    struct RowSpan {
        std::uint32_t first;  // the index of its first field in spans_
        std::uint32_t count;  // how many fields it has (stored or not)
    };
    std::vector<FieldRange> spans_;
    std::vector<RowSpan> row_spans_;  // the header first
    // A workbook's: the sheet's row number of each line of text, and the
    // sheet's column of the first field.
    std::vector<std::uint32_t> sheet_rows_;
    std::uint32_t first_column_ = 1;

    void read_sheet(std::string_view bytes, const std::string& sheet_name, char separator);
    Diagnostic sheet_error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint) const;

    std::string field_text(std::uint32_t index) const;
    CsvField field(std::uint32_t index, std::size_t& at, std::uint32_t& line, std::uint32_t& column) const;
    CsvRow row(std::size_t index) const;  // 0 is the header
    std::uint32_t stored_fields(std::size_t index) const;
};

// Parses `text`, or the sheet of a workbook (.xlsx, .ods: a zip archive;
// see workbook.hpp). Throws InputError when the text is an .xls workbook (by
// its first bytes, or by `file`'s extension when not UTF-8: the hint says
// how to save it as .xlsx), a workbook that cannot be read, is not UTF-8 (located at the first bad
// byte), has no header row, or is not well-formed CSV: an unterminated
// quoted field, a quote inside an unquoted field, or text after a closing
// quote (every such problem is listed, up to max_problems). Completely empty lines are
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
    // Of a workbook, the sheet to read (its name); the first when empty.
    std::string sheet;
};

// read_csv() with options. Of a row with more fields than the header, only
// the first extra field is stored (check_field_count() reports the row
// there, with the full count): a row of a million commas costs one field.
// Memory: at most about 12 bytes per byte of text, the caller's copy of it
// included (one-character lines; see bench/csv_memory.sh).
CsvDocument read_csv(std::string_view text, const std::string& file, const CsvOptions& options);

// Field text without surrounding spaces, tabs and no-break spaces (U+00A0).
std::string_view trim_blanks(std::string_view text);

// The header's names (without surrounding blanks) joined by ", ": the first
// 20, then "…" when there are more.
std::string header_names(const CsvDocument& doc);

// ASCII case-insensitive equality.
bool iequals_ascii(std::string_view a, std::string_view b);

// Adds a diagnostic to `out` and returns false when `row` has more or fewer
// fields than the header: too few is reported where the row ends, too many
// at the first extra field.
bool check_field_count(const CsvDocument& doc, const CsvRow& row, std::vector<Diagnostic>& out);

// Problems are listed up to this many (a sheet of 10,000 bad rows is far
// beyond any office's); then one more says where the reading stopped, so
// that a file of millions of bad rows costs no more memory than a good one.
constexpr std::size_t max_problems = 10000;

// False while `out` holds fewer than max_problems problems. Else true, and
// the first time also adds the last problem: the reading stopped at `line`.
bool too_many_problems(const CsvDocument& doc, std::uint32_t line, std::vector<Diagnostic>& out);

// Throws InputError with the diagnostics sorted by line then column, when
// there are any; keeps the excerpts of the first 20 only.
void throw_if_any(std::vector<Diagnostic> diagnostics);

}  // namespace ontrack
