// One sheet of a workbook (.xlsx or .ods) as the rows and cells a person
// sees: every value as text, dates as YYYY-MM-DD, the rows they hid left
// out. The CSV reader turns it into rows like a CSV file's (csv_reader.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ontrack {

struct SheetCell {
    std::uint32_t column = 0;  // 1-based: A is 1
    std::string text;          // never empty
};

struct SheetRow {
    std::uint32_t number = 0;      // 1-based, as the program shows it
    std::vector<SheetCell> cells;  // the cells with a value, by column
};

struct SheetContents {
    std::string name;
    std::vector<SheetRow> rows;  // the visible rows with a value, in order
    std::size_t sheet_count = 0;
    std::size_t hidden_rows = 0;  // hidden rows that had a value: not read
    std::uint32_t first_hidden = 0;
    std::size_t merged_filled = 0;  // cells given the value of the merged range above them
    std::uint32_t first_merged = 0;
};

// What a workbook's text may hold at most: as much as a CSV file may be.
constexpr std::uint64_t max_sheet_text_bytes = std::uint64_t{96} << 20;

// Whether the bytes are a zip archive (an .xlsx or .ods workbook, or
// something else zipped) or an OLE2 compound file (an .xls workbook).
bool is_zip(std::string_view bytes);
bool is_ole2(std::string_view bytes);

// The sheet named `sheet` (compared as written, then ignoring case and
// diacritics), or the first sheet when it is empty. Throws InputError at
// `file`: not a workbook, damaged, refused (sizes, XML), no such sheet
// (naming those it has, with "did you mean").
SheetContents read_workbook(std::string_view bytes, const std::string& file, const std::string& sheet);

// ---- the pieces both formats share (workbook.cpp)

// "A" for 1, "Z" for 26, "AA" for 27.
std::string column_letters(std::uint32_t column);

// "Sheet1!C7", the sheet's name in quotes when it is not letters and
// digits alone ('Sổ theo dõi'!C7), as spreadsheets write a reference.
std::string cell_reference(std::string_view sheet, std::uint32_t row, std::uint32_t column);

// A number cell's value as text: integers without a decimal point (7081),
// others to fifteen significant digits, as spreadsheets show them (0.07).
std::string number_text(std::string_view value);

// A serial day number (a date cell) as YYYY-MM-DD, in the 1900 system
// (day 1 is 1900-01-01, with Lotus's 29/02/1900 as day 60) or the 1904
// system (day 0 is 1904-01-01); the time of day is dropped. The text as
// given when it is not a number or falls outside years 1-9999.
std::string serial_date_text(std::string_view value, bool date1904);

// Collects a sheet's rows as the formats' readers find them.
class SheetBuilder {
   public:
    explicit SheetBuilder(SheetContents& sheet) : sheet_(sheet) {}
    // Adds a value; rows in order, cells in order within a row. Throws
    // WorkbookError past max_sheet_text_bytes.
    void add(std::uint32_t row, std::uint32_t column, std::string text, bool hidden_row);
    // A merged range whose value is at its top-left cell: the value goes to
    // every row of its first column (a date or decision written once for
    // several units); the other columns stay empty.
    void merge(std::uint32_t first_row, std::uint32_t first_column, std::uint32_t last_row);
    // Applies the merges and drops the hidden rows.
    void finish();

   private:
    SheetContents& sheet_;
    std::uint64_t bytes_ = 0;
    std::vector<std::uint32_t> hidden_;
    struct Merge {
        std::uint32_t row, column, last_row;
    };
    std::vector<Merge> merges_;
    std::vector<SheetRow> all_;  // every row with a value, hidden ones too
};

}  // namespace ontrack
