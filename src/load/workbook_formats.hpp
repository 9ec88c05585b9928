// The two workbook formats behind read_workbook(): Office Open XML (.xlsx,
// xlsx_sheet.cpp) and OpenDocument (.ods, ods_sheet.cpp). Each lists its
// sheets and reads one into a SheetBuilder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workbook.hpp"
#include "zip_archive.hpp"

namespace ontrack {

enum class WorkbookFormat { unknown, xlsx, ods };

// By the members the archive holds.
WorkbookFormat workbook_format(const ZipArchive& zip);

struct SheetEntry {
    std::string name;
    bool hidden = false;
    std::string part;       // xlsx: the worksheet's member
    std::size_t index = 0;  // ods: which table of content.xml
};

// What one part of a workbook may inflate to.
constexpr std::uint64_t max_part_bytes = std::uint64_t{256} << 20;

std::vector<SheetEntry> xlsx_sheets(const ZipArchive& zip);
void read_xlsx_sheet(const ZipArchive& zip, const SheetEntry& sheet, SheetBuilder& out);

std::vector<SheetEntry> ods_sheets(const ZipArchive& zip);
void read_ods_sheet(const ZipArchive& zip, const SheetEntry& sheet, SheetBuilder& out);

}  // namespace ontrack
