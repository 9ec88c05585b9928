#include "workbook.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "date.hpp"
#include "diagnostic.hpp"
#include "i18n.hpp"
#include "suggest.hpp"
#include "unicode.hpp"
#include "workbook_formats.hpp"
#include "zip_archive.hpp"

namespace ontrack {

bool is_zip(std::string_view bytes) {
    return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

bool is_ole2(std::string_view bytes) {
    return bytes.substr(0, 4) == "\xD0\xCF\x11\xE0";
}

std::string column_letters(std::uint32_t column) {
    std::string out;
    for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

std::string cell_reference(std::string_view sheet, std::uint32_t row, std::uint32_t column) {
    const bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    std::string name(sheet);
    if (!plain) {
        name = "'";
        for (char c : sheet) name += c == '\'' ? std::string("''") : std::string(1, c);
        name += "'";
    }
    return fmt::format("{}!{}{}", name, column_letters(column), row);
}

namespace {

std::optional<double> to_double(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::string number_text(std::string_view value) {
    const auto v = to_double(value);
    if (!v) return std::string(value);
    if (std::trunc(*v) == *v && std::fabs(*v) < 1e15) return fmt::format("{}", static_cast<long long>(*v));
    // Fifteen significant digits, as spreadsheets show a number.
    return fmt::format("{:.15g}", *v);
}

std::string serial_date_text(std::string_view value, bool date1904) {
    const auto v = to_double(value);
    if (!v || *v < 0 || *v > 3e6) return std::string(value);
    auto serial = static_cast<std::int64_t>(std::floor(*v));
    Date base;
    if (date1904) {
        base = Date::from_ymd(1904, 1, 1);
    } else {
        // Day 60 is 29/02/1900, which never was (Lotus's error, kept by
        // Excel): days from 61 on are one day too many.
        if (serial == 60) return std::string(value);
        base = Date::from_ymd(1899, 12, serial < 60 ? 31 : 30);
    }
    const Date d{static_cast<std::int32_t>(base.days + serial)};
    if (d.year() < 1 || d.year() > 9999) return std::string(value);
    return to_iso(d);
}

void SheetBuilder::add(std::uint32_t row, std::uint32_t column, std::string text, bool hidden_row) {
    if (text.empty()) return;
    bytes_ += text.size() + 1;
    if (bytes_ > max_sheet_text_bytes)
        throw WorkbookError(
            trf("the sheet holds more than {} MiB of text: split it, or check that it is the "
                "sheet of records",
                max_sheet_text_bytes >> 20));
    if (all_.empty() || all_.back().number != row) {
        all_.push_back(SheetRow{row, {}});
        if (hidden_row) hidden_.push_back(row);
    }
    all_.back().cells.push_back(SheetCell{column, std::move(text)});
}

void SheetBuilder::merge(std::uint32_t first_row, std::uint32_t first_column, std::uint32_t last_row) {
    if (last_row > first_row) merges_.push_back(Merge{first_row, first_column, last_row});
}

void SheetBuilder::finish() {
    // A writer may list rows or cells out of order: by number, the first of
    // two values of one cell kept.
    std::stable_sort(all_.begin(), all_.end(),
                     [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; });
    std::vector<SheetRow> rows;
    for (SheetRow& row : all_) {
        if (!rows.empty() && rows.back().number == row.number) {
            for (SheetCell& c : row.cells) rows.back().cells.push_back(std::move(c));
        } else {
            rows.push_back(std::move(row));
        }
    }
    for (SheetRow& row : rows) {
        auto& cells = row.cells;
        std::stable_sort(cells.begin(), cells.end(),
                         [](const SheetCell& a, const SheetCell& b) { return a.column < b.column; });
        cells.erase(std::unique(cells.begin(), cells.end(),
                                [](const SheetCell& a, const SheetCell& b) { return a.column == b.column; }),
                    cells.end());
    }
    all_ = std::move(rows);
    auto find_row = [&](std::uint32_t number) {
        return std::lower_bound(all_.begin(), all_.end(), number,
                                [](const SheetRow& r, std::uint32_t n) { return r.number < n; });
    };
    std::sort(hidden_.begin(), hidden_.end());
    for (const Merge& m : merges_) {
        const auto top = find_row(m.row);
        if (top == all_.end() || top->number != m.row) continue;
        const auto cell = std::find_if(top->cells.begin(), top->cells.end(),
                                       [&](const SheetCell& c) { return c.column == m.column; });
        if (cell == top->cells.end()) continue;
        const std::string value = cell->text;
        for (std::uint32_t r = m.row + 1; r <= m.last_row && r != 0; ++r) {
            // Only rows that have some other value: a merged range reaching
            // past the table's end makes no new rows.
            const auto at = find_row(r);
            if (at == all_.end() || at->number != r || std::binary_search(hidden_.begin(), hidden_.end(), r)) continue;
            auto& cells = at->cells;
            const auto pos = std::lower_bound(cells.begin(), cells.end(), m.column,
                                              [](const SheetCell& c, std::uint32_t col) { return c.column < col; });
            if (pos != cells.end() && pos->column == m.column) continue;
            bytes_ += value.size() + 1;
            if (bytes_ > max_sheet_text_bytes)
                throw WorkbookError(trf("the sheet holds more than {} MiB of text", max_sheet_text_bytes >> 20));
            cells.insert(pos, SheetCell{m.column, value});
            if (sheet_.merged_filled++ == 0 || r < sheet_.first_merged) sheet_.first_merged = r;
        }
    }
    for (SheetRow& row : all_) {
        if (std::binary_search(hidden_.begin(), hidden_.end(), row.number)) {
            if (sheet_.hidden_rows++ == 0) sheet_.first_hidden = row.number;
            continue;
        }
        sheet_.rows.push_back(std::move(row));
    }
    all_.clear();
}

WorkbookFormat workbook_format(const ZipArchive& zip) {
    if (zip.has("content.xml") && zip.has("mimetype") &&
        zip.read_all("mimetype", 200).rfind("application/vnd.oasis.opendocument.spreadsheet", 0) == 0)
        return WorkbookFormat::ods;
    if (zip.has("[Content_Types].xml") && (zip.has("_rels/.rels") || zip.has("xl/workbook.xml")))
        return WorkbookFormat::xlsx;
    return WorkbookFormat::unknown;
}

SheetContents read_workbook(std::string_view bytes, const std::string& file, const std::string& sheet) {
    auto fail = [&](std::string message, std::string hint) -> SheetContents {
        throw InputError(Diagnostic{file, 0, 0, std::move(message), std::move(hint), {}});
    };
    try {
        const ZipArchive zip(bytes);
        std::vector<SheetEntry> sheets;
        const WorkbookFormat format = workbook_format(zip);
        if (format == WorkbookFormat::unknown)
            return fail(tr("the file is a zip archive, not a workbook (.xlsx or .ods) or CSV"),
                        tr("give the sheet of records: a CSV file, or a workbook saved by Excel or LibreOffice"));
        sheets = format == WorkbookFormat::xlsx ? xlsx_sheets(zip) : ods_sheets(zip);
        if (sheets.empty()) return fail(tr("the workbook has no sheet"), {});
        // The first sheet the program shows, when none is named.
        std::size_t chosen = 0;
        while (chosen + 1 < sheets.size() && sheets[chosen].hidden) ++chosen;
        if (!sheet.empty()) {
            auto found =
                std::find_if(sheets.begin(), sheets.end(), [&](const SheetEntry& s) { return s.name == sheet; });
            if (found == sheets.end())
                found = std::find_if(sheets.begin(), sheets.end(), [&](const SheetEntry& s) {
                    return fold_for_search(s.name) == fold_for_search(sheet);
                });
            if (found == sheets.end()) {
                std::vector<std::string_view> names;
                std::string list;
                for (const SheetEntry& s : sheets) {
                    names.push_back(s.name);
                    list += (list.empty() ? "'" : ", '") + s.name + "'";
                }
                const std::string guess = closest_match(sheet, names);
                return fail(trf("the workbook has no sheet named '{}'", sheet),
                            guess.empty() ? trf("its sheets are {}", list)
                                          : trf("did you mean '{}'? its sheets are {}", guess, list));
            }
            chosen = static_cast<std::size_t>(found - sheets.begin());
        }
        SheetContents out;
        out.name = sheets[chosen].name;
        out.sheet_count = sheets.size();
        SheetBuilder builder(out);
        if (format == WorkbookFormat::xlsx)
            read_xlsx_sheet(zip, sheets[chosen], builder);
        else
            read_ods_sheet(zip, sheets[chosen], builder);
        builder.finish();
        return out;
    } catch (const WorkbookError& e) {
        return fail(e.what(), tr("open the file in Excel or LibreOffice: if it opens, save it again as .xlsx; "
                                 "else it is not a workbook"));
    }
}

}  // namespace ontrack
