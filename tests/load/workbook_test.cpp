#include "workbook.hpp"

#include <catch2/catch.hpp>

#include "csv_reader.hpp"
#include "diagnostic.hpp"
#include "zip_archive.hpp"
#include "zip_builder.hpp"

using namespace ontrack;
using ontrack::test::make_zip;

namespace {

const std::string content_types =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const std::string package_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";
const std::string book_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

std::string workbook_xml(bool date1904) {
    return std::string(
               R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
           (date1904 ? R"(<workbookPr date1904="1"/>)" : "") +
           R"(<sheets><sheet name="Tra cứu" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Sổ theo dõi" sheetId="2" r:id="rId2"/></sheets></workbook>)";
}

// Styles: 0 general, 1 the built-in date 14, 2 a custom dd/mm/yyyy, 3 a code "00000".
const std::string styles =
    R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="00000"/></numFmts>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
    R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)";

const std::string shared =
    R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>Mã</t></si><si><r><t>Tên </t></r><r><rPr><b/></rPr><t xml:space="preserve">đơn vị</t></r><rPh><t>x</t></rPh></si>)"
    R"(<si><t>Ngày</t></si><si><t>Ghi_x000A_chú</t></si></sst>)";

const std::string sheet2 =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c></row>)"
    R"(<row r="2"><c r="B2" s="3"><v>7081</v></c><c r="C2" t="inlineStr"><is><t>Bình Khê</t></is></c><c r="D2" s="1"><v>46327</v></c><c r="E2" t="b"><v>1</v></c></row>)"
    R"(<row r="3"><c r="B3"><v>6685</v></c><c r="C3" t="str"><v>Hồng Gai</v></c><c r="E3"><v>0.25</v></c></row>)"
    R"(<row r="4" hidden="1"><c r="B4"><v>1</v></c></row>)"
    R"(<row r="6"><c r="B6"><v>7090</v></c><c r="D6" s="2"><v>46692.75</v></c><c r="E6" t="s"><v>9</v></c></row>)"
    R"(</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/><mergeCell ref="E3:E7"/></mergeCells></worksheet>)";

std::string xlsx(bool date1904) {
    return make_zip(
        {{"[Content_Types].xml", content_types},
         {"_rels/.rels", package_rels},
         {"xl/workbook.xml", workbook_xml(date1904)},
         {"xl/_rels/workbook.xml.rels", book_rels},
         {"xl/styles.xml", styles},
         {"xl/sharedStrings.xml", shared},
         {"xl/worksheets/sheet1.xml",
          R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>lookup</t></is></c></row></sheetData></worksheet>)"},
         {"xl/worksheets/sheet2.xml", sheet2}});
}

// The rows as "B2=07081 C2=Bình Khê", one string per row.
std::vector<std::string> cells(const SheetContents& s) {
    std::vector<std::string> out;
    for (const SheetRow& r : s.rows) {
        std::string line;
        for (const SheetCell& c : r.cells)
            line += (line.empty() ? "" : " ") + column_letters(c.column) + std::to_string(r.number) + "=" + c.text;
        out.push_back(line);
    }
    return out;
}

std::string ods(const std::string& table_rows) {
    return make_zip(
        {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
         {"content.xml",
          R"(<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>)"
          R"(<table:table table:name="Trang tính1">)" +
              table_rows +
              R"(</table:table><table:table table:name="Khác"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>)"
              R"(</office:spreadsheet></office:body></office:document-content>)"}});
}

}  // namespace

TEST_CASE("column letters and cell references as spreadsheets write them", "[workbook]") {
    CHECK(column_letters(1) == "A");
    CHECK(column_letters(26) == "Z");
    CHECK(column_letters(27) == "AA");
    CHECK(column_letters(16384) == "XFD");
    CHECK(cell_reference("Sheet1", 7, 3) == "Sheet1!C7");
    CHECK(cell_reference("Sổ theo dõi", 7, 3) == "'Sổ theo dõi'!C7");
    CHECK(cell_reference("It's", 1, 1) == "'It''s'!A1");
}

TEST_CASE("number cells as text: integers without a point, others in their shortest form", "[workbook]") {
    CHECK(number_text("7081") == "7081");
    CHECK(number_text("7081.0") == "7081");
    CHECK(number_text("1E3") == "1000");
    CHECK(number_text("0.25") == "0.25");
    CHECK(number_text("6.9999999999999996E-2") == "0.07");
    CHECK(number_text("abc") == "abc");
}

TEST_CASE("serial days in the 1900 system (with its 29/02/1900) and the 1904 system", "[workbook]") {
    CHECK(serial_date_text("1", false) == "1900-01-01");
    CHECK(serial_date_text("59", false) == "1900-02-28");
    CHECK(serial_date_text("61", false) == "1900-03-01");
    CHECK(serial_date_text("46327", false) == "2026-11-01");     // 1899-12-30 + 46327
    CHECK(serial_date_text("46692.75", false) == "2027-11-01");  // the time of day dropped
    CHECK(serial_date_text("0", true) == "1904-01-01");
    CHECK(serial_date_text("1462", true) == "1908-01-02");  // 366 + 3 × 365 = 1461 is 1908-01-01
    CHECK(serial_date_text("-1", false) == "-1");
    CHECK(serial_date_text("9e9", false) == "9e9");
}

TEST_CASE("an xlsx sheet: shared, rich and inline strings, numbers, booleans, dates, codes, merges, hidden rows",
          "[workbook]") {
    const std::string bytes = xlsx(false);
    // The first sheet is hidden: the first visible one is read.
    const SheetContents s = read_workbook(bytes, "b.xlsx", "");
    CHECK(s.name == "Sổ theo dõi");
    CHECK(s.sheet_count == 2);
    CHECK(cells(s) == std::vector<std::string>{
                          "B1=Mã C1=Tên đơn vị D1=Ngày E1=Ghi\nchú",
                          "B2=07081 C2=Bình Khê D2=2026-11-01 E2=TRUE",
                          "B3=6685 C3=Hồng Gai E3=0.25",
                          // C6 not filled: the range C2:C3 ends above; E3:E7's value goes down to row 6.
                          "B6=7090 D6=2027-11-01 E6=0.25",
                      });
    CHECK(s.hidden_rows == 1);
    CHECK(s.first_hidden == 4);
    CHECK(s.merged_filled == 1);  // E6; C3 had its own value
    CHECK(s.first_merged == 6);
    // The same serial day in the 1904 system is four years and a day later.
    const SheetContents s1904 = read_workbook(xlsx(true), "b.xlsx", "Sổ theo dõi");
    CHECK(s1904.rows.at(1).cells.at(2).text == "2030-11-02");
    // A sheet named with other case and without its marks is found; another is not.
    CHECK(read_workbook(bytes, "b.xlsx", "so theo doi").name == "Sổ theo dõi");
    CHECK(read_workbook(bytes, "b.xlsx", "Tra cứu").rows.size() == 1);
    try {
        (void)read_workbook(bytes, "b.xlsx", "Sổ theo dỏi x");
        FAIL("no error");
    } catch (const InputError& e) {
        const Diagnostic& d = e.diagnostics().at(0);
        CHECK(format_diagnostic(d) ==
              "b.xlsx: error: the workbook has no sheet named 'Sổ theo dỏi x'\n"
              "  hint: did you mean 'Sổ theo dõi'? its sheets are 'Tra cứu', 'Sổ theo dõi'\n");
    }
}

TEST_CASE("an ods sheet: repeats, spans, covered cells, annotations, shown codes, hidden rows", "[workbook]") {
    const std::string rows =
        R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Mã</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="string"><text:p>Tên<text:s text:c="2"/>xã</text:p><office:annotation><text:p>not this</text:p></office:annotation></table:table-cell>)"
        R"(<table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>Ngày</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16379"/></table:table-row>)"
        R"(<table:table-row><table:table-cell office:value-type="float" office:value="7081"><text:p>07081</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="string" table:number-rows-spanned="3"><text:p>Bình</text:p><text:p>Khê</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell><table:table-cell/>)"
        R"(<table:table-cell office:value-type="date" office:date-value="2026-11-02T00:00:00"><text:p>02/11/2026</text:p></table:table-cell></table:table-row>)"
        R"(<table:table-row table:visibility="collapse"><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:covered-table-cell/></table:table-row>)"
        R"(<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p></table:table-cell><table:covered-table-cell/></table:table-row>)"
        R"(<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>)";
    const SheetContents s = read_workbook(ods(rows), "b.ods", "");
    CHECK(s.name == "Trang tính1");
    CHECK(s.sheet_count == 2);
    CHECK(cells(s) == std::vector<std::string>{
                          "A1=Mã B1=Tên  xã E1=Ngày",
                          "A2=07081 B2=Bình\nKhê C2=TRUE E2=2026-11-02",
                          "A4=0.5 B4=Bình\nKhê",
                          "A5=0.5",
                      });
    CHECK(s.hidden_rows == 1);
    CHECK(s.first_hidden == 3);
    CHECK(s.merged_filled == 1);  // B4 (B3 is hidden)
    CHECK(read_workbook(ods(rows), "b.ods", "Khác").rows.size() == 1);
}

TEST_CASE("hostile workbooks: entities, a part inflating past its cap, a zip that is no workbook", "[workbook]") {
    auto error_of = [](const std::string& bytes) {
        try {
            (void)read_workbook(bytes, "h.xlsx", "");
        } catch (const InputError& e) {
            return e.diagnostics().at(0).message;
        }
        return std::string("no error");
    };
    const std::string laughs =
        R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>)"
        R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&lol2;</office:document-content>)";
    CHECK(
        error_of(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", laughs}})) ==
        "the workbook's part 'content.xml' declares a document type, which no workbook does; it is not read");
    CHECK(error_of(
              make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<a><b></a>"}}))
              .rfind("the workbook is damaged: its part 'content.xml' is not well-formed XML (line 1: ", 0) == 0);
    CHECK(error_of(make_zip({{"readme.txt", "hello"}})) ==
          "the file is a zip archive, not a workbook (.xlsx or .ods) or CSV");
    // Inflating is capped whatever the archive claims: a megabyte of zeros read with a 64 KiB cap.
    const std::string zeros = make_zip({{"z", std::string(1 << 20, '0')}});
    const ZipArchive zip(zeros);
    std::uint64_t seen = 0;
    CHECK_THROWS_WITH(zip.read(
                          "z", [&](std::string_view s) { seen += s.size(); }, 1 << 16),
                      "the workbook's part 'z' inflates to more than 0 MiB: it is too large, or not a real workbook");
    CHECK(seen <= (1 << 16));
}

TEST_CASE("a workbook read as CSV rows: lines are the sheet's rows, columns its columns, places its cells",
          "[workbook]") {
    CsvOptions options;
    const CsvDocument doc = read_csv(xlsx(false), "b.xlsx", options);
    CHECK(doc.sheet == "Sổ theo dõi");
    CHECK(doc.header.fields.size() == 4);
    CHECK(doc.header.line == 1);
    REQUIRE(doc.rows.size() == 3);
    const CsvRow row = doc.rows[2];
    CHECK(row.line == 6);
    CHECK(row.fields[2].text == "2027-11-01");
    CHECK(row.fields[2].column == 4);  // D
    CHECK(doc.column_label(0) == "B");
    const Diagnostic d = doc.error(row.fields[2], "bad", "fix it");
    CHECK(format_diagnostic(d) ==
          "b.xlsx:'Sổ theo dõi'!D6: error: bad\n"
          "    7090 |  | 2027-11-01 | 0.25\n"
          "              ^\n"
          "  hint: fix it\n");
    REQUIRE(doc.notes.size() == 3);
    CHECK(doc.notes[0].message == "the sheet 'Sổ theo dõi' was read, the first of 2; --sheet NAME reads another");
    CHECK(doc.notes[1].place == "'Sổ theo dõi'!B4");
    CHECK(doc.notes[1].message == "1 hidden row was not read (row 4)");
    CHECK(doc.notes[2].message == "1 cell of a merged range was read with the value at the range's top (row 6)");
}
