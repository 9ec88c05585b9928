// OpenDocument spreadsheets (.ods): the tables of content.xml, their rows
// and cells with repeats, spans and hidden rows, each cell's value by its
// type (the text shown for a text cell, the value behind a number, a date
// or a boolean).
#include <algorithm>

#include "i18n.hpp"
#include "workbook_formats.hpp"
#include "xml_stream.hpp"

namespace ontrack {
namespace {

constexpr std::uint64_t max_row = 1u << 24;  // beyond any spreadsheet's rows
constexpr std::uint64_t max_column = 1u << 14;

std::uint64_t repeat_of(std::string_view text) {
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return 1;
        v = v * 10 + static_cast<unsigned>(c - '0');
        if (v > max_row) return max_row;
    }
    return v == 0 ? 1 : v;
}

}  // namespace

std::vector<SheetEntry> ods_sheets(const ZipArchive& zip) {
    std::vector<SheetEntry> out;
    int depth = 0;  // tables inside tables (a cell's subtable) are not sheets
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes& a) {
        if (name != "table") return;
        if (depth++ == 0) {
            SheetEntry e;
            e.name = std::string(a.get("name"));
            e.index = out.size();
            out.push_back(std::move(e));
        }
    };
    h.end = [&](std::string_view name) {
        if (name == "table") --depth;
    };
    parse_xml_member(zip, "content.xml", h, max_part_bytes);
    return out;
}

void read_ods_sheet(const ZipArchive& zip, const SheetEntry& sheet, SheetBuilder& out) {
    std::size_t table = 0;
    int depth = 0;          // table nesting
    bool in_sheet = false;  // inside the chosen table, at its own level
    std::uint64_t row = 0, column = 0, row_repeat = 1, column_repeat = 1;
    bool hidden = false;
    // The cell being read.
    bool in_cell = false;
    int paragraphs = 0, annotation = 0;
    std::string type, value, shown;
    std::uint64_t rows_spanned = 1;
    struct Cell {
        std::uint64_t column, repeat, rows_spanned;
        std::string text;
    };
    std::vector<Cell> cells;  // of the current row
    auto cell_value = [&]() -> std::string {
        if (type == "float" || type == "percentage" || type == "currency") {
            std::string number = number_text(value);
            // A code shown with its zeros ("07081" for 7081) keeps them.
            if (!shown.empty() && shown.size() > number.size() &&
                shown.find_first_not_of("0123456789") == std::string::npos &&
                shown.compare(shown.size() - number.size(), number.size(), number) == 0 &&
                shown.find_first_not_of('0') == shown.size() - number.size())
                return shown;
            return number;
        }
        if (type == "date") return value.substr(0, 10);
        if (type == "boolean") return value == "true" ? "TRUE" : "FALSE";
        return shown;
    };
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes& a) {
        if (name == "table") {
            if (depth++ == 0) in_sheet = table++ == sheet.index;
            return;
        }
        if (!in_sheet || depth != 1) return;
        if (name == "table-row") {
            row_repeat = repeat_of(a.get("number-rows-repeated"));
            const std::string_view visibility = a.get("visibility");
            hidden = visibility == "collapse" || visibility == "filter";
            cells.clear();
            column = 0;
        } else if (name == "table-cell" || name == "covered-table-cell") {
            in_cell = true;
            column_repeat = repeat_of(a.get("number-columns-repeated"));
            rows_spanned = name == "table-cell" ? repeat_of(a.get("number-rows-spanned")) : 1;
            type = std::string(a.get("value-type"));
            value = std::string(type == "date"      ? a.get("date-value")
                                : type == "boolean" ? a.get("boolean-value")
                                                    : a.get("value"));
            shown.clear();
            paragraphs = 0;
        } else if (in_cell && name == "annotation") {
            ++annotation;
        } else if (in_cell && annotation == 0) {
            if (name == "p") {
                if (paragraphs++ > 0) shown += '\n';
            } else if (name == "s") {
                shown.append(std::min<std::uint64_t>(repeat_of(a.get("c")), 1000), ' ');
            } else if (name == "tab") {
                shown += '\t';
            } else if (name == "line-break") {
                shown += '\n';
            }
        }
    };
    h.end = [&](std::string_view name) {
        if (name == "table") {
            if (--depth == 0) in_sheet = false;
            return;
        }
        if (!in_sheet || depth != 1) return;
        if (name == "annotation" && in_cell) {
            --annotation;
        } else if ((name == "table-cell" || name == "covered-table-cell") && in_cell) {
            in_cell = false;
            std::string text = cell_value();
            if (!text.empty()) cells.push_back(Cell{column + 1, column_repeat, rows_spanned, std::move(text)});
            column = std::min(column + column_repeat, max_column + 1);
        } else if (name == "table-row") {
            for (std::uint64_t r = 0; r < row_repeat && row + r < max_row; ++r) {
                if (cells.empty()) break;
                for (const Cell& c : cells)
                    for (std::uint64_t k = 0; k < c.repeat && c.column + k <= max_column; ++k) {
                        out.add(static_cast<std::uint32_t>(row + r + 1), static_cast<std::uint32_t>(c.column + k),
                                c.text, hidden);
                        if (k == 0 && r == 0 && c.rows_spanned > 1)
                            out.merge(static_cast<std::uint32_t>(row + 1), static_cast<std::uint32_t>(c.column),
                                      static_cast<std::uint32_t>(std::min(row + c.rows_spanned, max_row)));
                    }
            }
            row = std::min(row + row_repeat, max_row);
        }
    };
    h.text = [&](std::string_view s) {
        if (!in_cell || annotation > 0 || paragraphs == 0) return;
        if (shown.size() + s.size() > max_sheet_text_bytes)
            throw WorkbookError(trf("a cell holds more than {} MiB", max_sheet_text_bytes >> 20));
        shown += s;
    };
    parse_xml_member(zip, "content.xml", h, max_part_bytes);
}

}  // namespace ontrack
