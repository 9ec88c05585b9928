// read_csv(): RFC 4180 fields with their lines and columns (1-based, columns
// in code points), the byte order mark, line ends, and malformed input.
#include "csv_reader.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using ontrack::CsvDocument;
using ontrack::CsvField;
using ontrack::Diagnostic;
using ontrack::InputError;
using ontrack::read_csv;

namespace {

std::vector<Diagnostic> csv_errors(const std::string& text) {
    try {
        (void)read_csv(text, "in.csv");
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("read_csv accepted the text");
    return {};
}

std::string located(const Diagnostic& d) {
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

std::vector<std::string> texts(const ontrack::CsvFields& fields) {
    std::vector<std::string> out;
    for (const CsvField& f : fields) out.push_back(f.text);
    return out;
}

}  // namespace

TEST_CASE("plain rows give fields with lines and columns", "[csv_reader]") {
    const CsvDocument doc = read_csv("a,bb,c\n1,22,333\n", "in.csv");
    CHECK(doc.file == "in.csv");
    CHECK(texts(doc.header.fields) == std::vector<std::string>{"a", "bb", "c"});
    REQUIRE(doc.rows.size() == 1);
    const auto& row = doc.rows[0];
    CHECK(row.line == 2);
    CHECK(texts(row.fields) == std::vector<std::string>{"1", "22", "333"});
    // "1,22,333": 1 at column 1, 22 at 3, 333 at 6; the row ends after column 8.
    CHECK(row.fields[0].column == 1);
    CHECK(row.fields[1].column == 3);
    CHECK(row.fields[2].column == 6);
    CHECK(row.fields[2].line == 2);
    CHECK_FALSE(row.fields[2].quoted);
    CHECK(row.end_line == 2);
    CHECK(row.end_column == 9);
}

TEST_CASE("a UTF-8 byte order mark is dropped and not counted as a column", "[csv_reader]") {
    const CsvDocument with = read_csv(
        "\xEF\xBB\xBF"
        "code,name\nX,Y\n",
        "in.csv");
    const CsvDocument without = read_csv("code,name\nX,Y\n", "in.csv");
    for (const CsvDocument* doc : {&with, &without}) {
        REQUIRE(doc->header.fields.size() == 2);
        CHECK(doc->header.fields[0].text == "code");
        CHECK(doc->header.fields[0].column == 1);
        CHECK(doc->header.fields[1].column == 6);
        CHECK(doc->find_column("code") == std::optional<std::size_t>(0));
        REQUIRE(doc->rows.size() == 1);
        CHECK(texts(doc->rows[0].fields) == std::vector<std::string>{"X", "Y"});
        CHECK(doc->line_text(1) == "code,name");
    }
}

TEST_CASE("CRLF LF and lone CR all end a line", "[csv_reader]") {
    for (const std::string eol : {"\r\n", "\n", "\r"}) {
        const CsvDocument doc = read_csv("a,b" + eol + "1,2" + eol + "3,4", "in.csv");
        REQUIRE(doc.rows.size() == 2);
        CHECK(texts(doc.rows[0].fields) == std::vector<std::string>{"1", "2"});  // no '\r' left in "2"
        CHECK(doc.rows[0].line == 2);
        CHECK(doc.rows[1].line == 3);
        CHECK(texts(doc.rows[1].fields) == std::vector<std::string>{"3", "4"});
        CHECK(doc.line_text(2) == "1,2");
    }
}

TEST_CASE("quoted fields keep commas and undo doubled quotes", "[csv_reader]") {
    // "Hải An, Hải Phòng" is 17 code points; with its quotes it spans columns
    // 1-19, the comma is column 20 and the next field starts at column 21.
    const CsvDocument doc = read_csv("name,note\n\"Hải An, Hải Phòng\",\"say \"\"hi\"\"\"\n", "in.csv");
    REQUIRE(doc.rows.size() == 1);
    const auto& f = doc.rows[0].fields;
    REQUIRE(f.size() == 2);
    CHECK(f[0].text == "Hải An, Hải Phòng");
    CHECK(f[0].quoted);
    CHECK(f[0].column == 1);
    CHECK(f[1].text == "say \"hi\"");
    CHECK(f[1].quoted);
    CHECK(f[1].column == 21);
    CHECK(read_csv("a\n\"\"\n", "in.csv").rows[0].fields[0].text.empty());  // "" is an empty field
    CHECK(read_csv("a\n\"\"\"\"\n", "in.csv").rows[0].fields[0].text == "\"");
}

TEST_CASE("a quoted field may span lines and later positions follow", "[csv_reader]") {
    const CsvDocument doc = read_csv("a,b\n\"x\r\ny\",z\nq,w\n", "in.csv");
    REQUIRE(doc.rows.size() == 2);
    const auto& first = doc.rows[0];
    CHECK(first.line == 2);
    CHECK(first.fields[0].text == "x\r\ny");  // the line break inside quotes is kept as written
    CHECK(first.fields[0].line == 2);
    // Line 3 is `y",z`: y 1, quote 2, comma 3, z 4.
    CHECK(first.fields[1].line == 3);
    CHECK(first.fields[1].column == 4);
    CHECK(first.end_line == 3);
    CHECK(doc.rows[1].line == 4);
    CHECK(doc.line_text(3) == "y\",z");
}

TEST_CASE("empty fields and empty lines", "[csv_reader]") {
    const CsvDocument doc = read_csv("a,b,c\n\n,,\n1,2,\n\n", "in.csv");
    REQUIRE(doc.rows.size() == 2);  // the empty lines 2 and 5 are skipped
    CHECK(doc.rows[0].line == 3);
    CHECK(texts(doc.rows[0].fields) == std::vector<std::string>{"", "", ""});
    CHECK(doc.rows[0].fields[2].column == 3);
    CHECK(doc.rows[1].line == 4);
    CHECK(texts(doc.rows[1].fields) == std::vector<std::string>{"1", "2", ""});
    CHECK(doc.rows[1].fields[2].column == 5);  // "1,2," : the empty field after the last comma
}

TEST_CASE("the header row is required", "[csv_reader]") {
    for (const std::string text : {"", "\xEF\xBB\xBF", "\n\r\n\n"}) {
        const auto ds = csv_errors(text);
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "1:1: the file has no header row");
        CHECK(ds[0].file == "in.csv");
    }
    const CsvDocument only_header = read_csv("code,name,type\r\n", "in.csv");
    CHECK(only_header.rows.empty());
    CHECK(only_header.header.fields.size() == 3);
}

TEST_CASE("invalid UTF-8 is refused at its line and column", "[csv_reader]") {
    // Line 2 is `1,` then the lone lead byte 0xC3: column 3.
    auto ds = csv_errors("a,b\n1,\xC3(\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:3: the file is not valid UTF-8 (byte 0xc3)");
    CHECK_THAT(ds[0].hint, Contains("UTF-8"));
    // After a byte order mark (not a column), "ab" then 0xFF: column 3.
    ds = csv_errors(
        "\xEF\xBB\xBF"
        "ab\xFF\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:3: the file is not valid UTF-8 (byte 0xff)");
    // Columns count code points: "ả" (2 bytes) and "ệ" (3 bytes) are one each, so the bad byte is column 3.
    ds = csv_errors("x\nả\xE1\xBB\x87\x80\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:3: the file is not valid UTF-8 (byte 0x80)");
    // A UTF-16 file says so.
    ds =
        csv_errors(std::string("\xFF\xFE"
                               "a\0,\0b\0",
                               8));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the file is UTF-16, not UTF-8");
}

TEST_CASE("an unterminated quoted field is reported where it opens", "[csv_reader]") {
    const auto ds = csv_errors("a,b\n1,\"abc\n2,3\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:3: a quoted field is not closed");
    CHECK(ds[0].excerpt == "1,\"abc");
}

TEST_CASE("stray quotes and text after a closing quote are all reported", "[csv_reader]") {
    // Line 2: `ab"c,1` - the quote is column 3. Line 3: `"x"y,z` - y is column 4.
    const auto ds = csv_errors("a,b\nab\"c,1\n\"x\"y,z\n");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "2:3: a quote inside a field that does not start with one");
    CHECK(ds[0].excerpt == "ab\"c,1");
    CHECK(located(ds[1]) == "3:4: text after the closing quote of a field");
    CHECK(ds[1].excerpt == "\"x\"y,z");
}

TEST_CASE("find_column ignores ASCII case and surrounding spaces", "[csv_reader]") {
    const CsvDocument doc = read_csv(" Code ,NAME,type,name\n1,A,x,B\n", "in.csv");
    CHECK(doc.find_column("code") == std::optional<std::size_t>(0));
    CHECK(doc.find_column("name") == std::optional<std::size_t>(1));  // the first of two
    CHECK_FALSE(doc.find_column("event").has_value());
}

TEST_CASE("check_field_count locates too few and too many fields", "[csv_reader]") {
    const CsvDocument doc = read_csv("code,name,type\n1,A\n1,A,x,y\n1,A,x\n", "in.csv");
    std::vector<Diagnostic> out;
    // Line 2 `1,A` ends after column 3, so it is reported at column 4.
    CHECK_FALSE(check_field_count(doc, doc.rows[0], out));
    // Line 3 `1,A,x,y`: the extra field y is column 7.
    CHECK_FALSE(check_field_count(doc, doc.rows[1], out));
    CHECK(check_field_count(doc, doc.rows[2], out));
    REQUIRE(out.size() == 2);
    CHECK(located(out[0]) == "2:4: the row has 2 fields but the header has 3 (code, name, type)");
    CHECK(out[0].excerpt == "1,A");
    CHECK(located(out[1]) == "3:7: the row has 4 fields but the header has 3 (code, name, type)");
    CHECK_THAT(out[1].hint, Contains("in quotes"));
}

TEST_CASE("throw_if_any sorts by line and column and is silent with nothing", "[csv_reader]") {
    ontrack::throw_if_any({});  // nothing to throw
    std::vector<Diagnostic> ds(3);
    ds[0].line = 5;
    ds[1].line = 2;
    ds[1].column = 9;
    ds[2].line = 2;
    ds[2].column = 3;
    try {
        ontrack::throw_if_any(ds);
        FAIL("no exception");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 3);
        CHECK(e.diagnostics()[0].column == 3);
        CHECK(e.diagnostics()[1].column == 9);
        CHECK(e.diagnostics()[2].line == 5);
    }
}

TEST_CASE("read_csv with a separator: ';' and tab", "[csv_reader]") {
    ontrack::CsvOptions semicolon;
    semicolon.separator = ';';
    const auto doc = ontrack::read_csv("code;name\n1;\"A; B\"\n2;C,D\n", "r.csv", semicolon);
    REQUIRE(doc.header.fields.size() == 2);
    REQUIRE(doc.rows.size() == 2);
    CHECK(doc.rows[0].fields[1].text == "A; B");
    CHECK(doc.rows[1].fields[1].text == "C,D");  // a comma is text then
    ontrack::CsvOptions tab;
    tab.separator = '\t';
    const auto tsv = ontrack::read_csv("a\tb\n1\t2\n", "r.tsv", tab);
    REQUIRE(tsv.rows.size() == 1);
    CHECK(tsv.rows[0].fields[1].text == "2");
    CHECK(tsv.rows[0].fields[1].column == 3);
}

TEST_CASE("read_csv calls the header hook before reading any other row", "[csv_reader]") {
    ontrack::CsvOptions options;
    std::size_t seen = 0;
    options.on_header = [&](const ontrack::CsvDocument& doc) {
        seen = doc.header.fields.size();
        CHECK(doc.rows.empty());
        if (doc.header.fields[0].text != "code")
            throw ontrack::InputError(doc.error(doc.header.fields[0], "the first column must be code"));
    };
    CHECK(ontrack::read_csv("code,name\n1,A\n", "r.csv", options).rows.size() == 1);
    CHECK(seen == 2);
    // Throwing from the hook stops the reading: the bad quote on line 2 is never seen.
    try {
        ontrack::read_csv("kode,name\n1,\"A\n", "r.csv", options);
        FAIL("no error");
    } catch (const ontrack::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].message == "the first column must be code");
    }
}

TEST_CASE("read_csv stores one field past the header's, counts the rest", "[csv_reader]") {
    // A row of 100,001 fields under a header of 2: three fields stored, 100,001 counted.
    const std::string text = "a,b\n" + std::string(100000, ',') + "\n";
    const auto doc = ontrack::read_csv(text, "r.csv");
    REQUIRE(doc.rows.size() == 1);
    CHECK(doc.rows[0].fields.size() == 3);
    CHECK(doc.rows[0].field_count == 100001);
    std::vector<ontrack::Diagnostic> out;
    CHECK_FALSE(ontrack::check_field_count(doc, doc.rows[0], out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].message == "the row has 100001 fields but the header has 2 (a, b)");
    CHECK(out[0].line == 2);
    CHECK(out[0].column == 3);  // the third field: after ",,"
}

TEST_CASE("an .xls workbook is refused with how to save it as .xlsx; a damaged workbook is named", "[csv_reader]") {
    auto ds = csv_errors(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the file is an Excel 97-2003 workbook (.xls), which is not read");
    CHECK(ds[0].hint ==
          "open it in Excel or LibreOffice and save it as an .xlsx workbook (Excel: File > Save As > Excel "
          "Workbook), then give the .xlsx file");
    try {
        (void)read_csv("\x01\x02\xff", "sheet.XLSX");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.diagnostics().at(0).message == "the file is named as a workbook but is not one (not a zip archive)");
    }
    // Zip magic with nothing behind it: a damaged workbook, about the whole file.
    ds = csv_errors(std::string("PK\x03\x04\x14\x00", 6));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].line == 0);
    CHECK(ds[0].message == "the workbook is damaged: it is not a zip archive that can be read");
    // A file named .xlsx that is CSV is read as CSV.
    CHECK(read_csv("a\n1\n", "sheet.xlsx").rows.size() == 1);
}

TEST_CASE("header_names lists at most 20 names", "[csv_reader]") {
    std::string header = "a0";
    for (int k = 1; k < 25; ++k) header += ",a" + std::to_string(k);
    const CsvDocument doc = read_csv(header + "\n", "in.csv");
    CHECK(ontrack::header_names(doc) ==
          "a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, …");
}

TEST_CASE("fields are located alike by index and by iteration", "[csv_reader]") {
    // Line 2: `ả,"b""c",,dé`: ả 1, comma 2, the quoted field 3-8 ("b""c"), comma 9,
    // the empty third field 10 (at the next comma), dé 11-12, the end 13.
    const CsvDocument doc = read_csv("w,x,y,z\nả,\"b\"\"c\",,dé\n", "in.csv");
    const auto row = doc.rows[0];
    std::vector<std::uint32_t> by_index, by_iteration;
    for (std::size_t k = 0; k < row.fields.size(); ++k) by_index.push_back(row.fields[k].column);
    for (const CsvField& f : row.fields) by_iteration.push_back(f.column);
    CHECK(by_index == std::vector<std::uint32_t>{1, 3, 10, 11});
    CHECK(by_iteration == by_index);
    CHECK(row.fields.text(1) == "b\"c");
    CHECK(row.end_column == 13);
}

TEST_CASE("the reading stops after max_problems problems and says where", "[csv_reader]") {
    // Lines 2 to 10,003 each have a stray quote at column 2; the 10,001st (line 10,002) stops the reading.
    std::string text = "a\n";
    for (int k = 0; k < 10005; ++k) text += "x\"\n";
    const auto ds = csv_errors(text);
    REQUIRE(ds.size() == ontrack::max_problems + 1);
    CHECK(located(ds[0]) == "2:2: a quote inside a field that does not start with one");
    CHECK(located(ds[9999]) == "10001:2: a quote inside a field that does not start with one");
    CHECK(located(ds[10000]) == "10002:1: stopped at line 10002 after 10000 problems");
    CHECK(ds[10000].hint == "correct these and run again to see the rest");
}
