// The columns of a CSV header row, found by name: one matcher for every CSV
// input (rosters, record files).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.hpp"
#include "diagnostic.hpp"

namespace ontrack {

struct ColumnSpec {
    // The names the column may have, in order of preference: the first name
    // that some header column has (compared by fold_key(), without
    // surrounding blanks or quotes) is the one used.
    std::vector<std::string_view> names;
    bool required = true;
    // The error when a required column is missing; empty for
    // "the header has no 'NAME' column" with the first accepted name.
    std::string missing;
};

// One header an input accepts and the field it names: each input keeps one
// table of these (Field is its own enum), from which its ColumnSpecs are
// made, so that a new synonym is one line and changes nothing else.
template <class Field>
struct HeaderSynonym {
    std::string_view header;
    Field field;
};

// The headers of `table` that name one of `fields`, in the table's order.
template <class Field, std::size_t N>
std::vector<std::string_view> headers_naming(const HeaderSynonym<Field> (&table)[N],
                                             std::initializer_list<Field> fields) {
    std::vector<std::string_view> names;
    for (const HeaderSynonym<Field>& s : table)
        if (std::find(fields.begin(), fields.end(), s.field) != fields.end()) names.push_back(s.header);
    return names;
}

// The field that `header` (one of the table's own headers) names.
template <class Field, std::size_t N>
Field field_named(const HeaderSynonym<Field> (&table)[N], std::string_view header) {
    for (const HeaderSynonym<Field>& s : table)
        if (s.header == header) return s.field;
    throw std::logic_error("a header that is not in its own table");
}

struct HeaderColumn {
    std::optional<std::size_t> index;  // the column's 0-based index, when found
    std::string_view name;             // the accepted name it was found by
};

// The form header names and words are compared in: as fold_for_search()
// (case, diacritics and đ/d ignored) and without spaces, so that "Mã số",
// "MA SO" and "maso" are alike. Text that is not UTF-8, or longer than 200
// bytes, folds to "" (no name).
std::string fold_key(std::string_view text);

// The separator, of ',', ';' and tab, that splits the first non-empty line
// of `text` into the most cells named by one of the specs' names; ',' when
// none does, and on a tie the first in that order.
char detect_separator(std::string_view text, const std::vector<ColumnSpec>& specs);

// "',', ';' or tab": the separators detect_separator() tries, for messages.
std::string separators_tried();

// The note naming the header's columns that no spec took, at most 10 of
// them ("column 5" for one with no name); nullopt when every column is read.
std::optional<CsvNote> unread_columns_note(const CsvDocument& doc, const std::vector<HeaderColumn>& columns);

// Whether every field of `row` is empty or blanks, and the row has no more
// fields than the header (a spreadsheet's empty row, ",,,"): skipped.
bool is_blank_row(const CsvDocument& doc, const CsvRow& row);

// One entry per spec, in the specs' order. A spec whose column was already
// taken by an earlier spec is left unfound. Reports to `out` every required
// column that is missing (at the header's start, with hint(NAMES), NAMES the
// header's names joined by ", ") and every column named a second time; false
// when it reported anything. When no spec finds its column, one error says
// so instead, naming the separators tried.
bool match_header(const CsvDocument& doc, const std::vector<ColumnSpec>& specs,
                  const std::function<std::string(const std::string& names)>& hint, std::vector<HeaderColumn>& columns,
                  std::vector<Diagnostic>& out);

}  // namespace ontrack
