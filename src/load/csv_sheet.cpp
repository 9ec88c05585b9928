// A workbook's sheet read as the rows of a CsvDocument: its cells written as
// CSV text (each visible row a line, from the sheet's first used column to
// its last), and every place mapped back to the sheet's row and column.
#include <algorithm>

#include "csv_reader.hpp"
#include "i18n.hpp"
#include "utf8.hpp"
#include "workbook.hpp"

namespace ontrack {
namespace {

void append_field(std::string& out, std::string_view text, char separator) {
    if (text.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

constexpr std::string_view excerpt_separator = " | ";

}  // namespace

void CsvDocument::read_sheet(std::string_view bytes, const std::string& sheet_name, char separator) {
    const SheetContents s = read_workbook(bytes, file, sheet_name);
    sheet = s.name;
    if (s.rows.empty())
        throw InputError(
            Diagnostic{file,
                       0,
                       0,
                       trf("the sheet '{}' is empty", sheet),
                       s.sheet_count > 1 ? std::string(tr("--sheet NAME reads another sheet")) : std::string(),
                       {}});
    std::uint32_t first = UINT32_MAX, last = 0;
    for (const SheetRow& row : s.rows) {
        first = std::min(first, row.cells.front().column);
        last = std::max(last, row.cells.back().column);
    }
    first_column_ = first;
    std::uint64_t size = 0;
    for (const SheetRow& row : s.rows) {
        std::string line;
        auto cell = row.cells.begin();
        for (std::uint32_t column = first; column <= last; ++column) {
            if (column > first) line += separator;
            if (cell != row.cells.end() && cell->column == column) append_field(line, (cell++)->text, separator);
        }
        line += '\n';
        size += line.size();
        if (size > max_sheet_text_bytes)
            throw InputError(
                Diagnostic{file,
                           0,
                           0,
                           trf("the sheet '{}' holds more than {} MiB as text", sheet, max_sheet_text_bytes >> 20),
                           tr("check that it is the sheet of records, or split it"),
                           {}});
        text += line;
        // A cell with line breaks spans several lines of text, all of its row.
        const auto lines = static_cast<std::size_t>(std::count(line.begin(), line.end(), '\n')) +
                           static_cast<std::size_t>(std::count(line.begin(), line.end(), '\r'));
        sheet_rows_.insert(sheet_rows_.end(), lines, row.number);
    }
    const std::uint32_t header_row = s.rows.front().number;
    if (sheet_name.empty() && s.sheet_count > 1)
        notes.push_back(note(header_row, trf("the sheet '{}' was read, the first of {}; --sheet NAME reads another",
                                             sheet, s.sheet_count)));
    if (s.hidden_rows)
        notes.push_back(note(s.first_hidden, trn("{} hidden row was not read (row {})",
                                                 "{} hidden rows were not read (the first: row {})", s.hidden_rows,
                                                 s.hidden_rows, s.first_hidden)));
    if (s.merged_filled)
        notes.push_back(
            note(s.first_merged, trn("{} cell of a merged range was read with the value at the range's top (row {})",
                                     "{} cells of merged ranges were read with the value at the range's top (the "
                                     "first: row {})",
                                     s.merged_filled, s.merged_filled, s.first_merged)));
}

std::string CsvDocument::column_label(std::size_t k) const {
    return sheet.empty() ? std::to_string(k + 1) : column_letters(first_column_ + static_cast<std::uint32_t>(k));
}

Diagnostic CsvDocument::sheet_error(std::uint32_t line, std::uint32_t column, std::string message,
                                    std::string hint) const {
    if (column < first_column_) column = first_column_;
    // The row's cells as the excerpt, and the caret under the cell.
    std::string excerpt;
    std::uint32_t caret = 1;
    const auto at = std::lower_bound(sheet_rows_.begin(), sheet_rows_.end(), line);
    if (at != sheet_rows_.end() && *at == line) {
        const std::uint32_t start = line_starts[static_cast<std::size_t>(at - sheet_rows_.begin())];
        const auto row = std::lower_bound(row_spans_.begin(), row_spans_.end(), start,
                                          [&](const RowSpan& r, std::uint32_t s) { return spans_[r.first].begin < s; });
        if (row != row_spans_.end()) {
            const auto index = static_cast<std::size_t>(row - row_spans_.begin());
            const std::uint32_t n = stored_fields(index);
            for (std::uint32_t k = 0; k < n; ++k) {
                if (k > 0) excerpt += excerpt_separator;
                if (first_column_ + k == column) caret = static_cast<std::uint32_t>(code_points(excerpt)) + 1;
                std::string cell = field_text(row->first + k);
                std::replace_if(
                    cell.begin(), cell.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
                excerpt += cell;
            }
        }
    }
    Diagnostic d{file, line, caret, std::move(message), std::move(hint), std::move(excerpt)};
    d.place = cell_reference(sheet, line, column);
    return d;
}

}  // namespace ontrack
