#include "csv_header.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace ontrack;

namespace {
std::string names_hint(const std::string& names) {
    return "names: " + names;
}
}  // namespace

TEST_CASE("match_header finds columns by their accepted names, in order of preference", "[csv]") {
    const CsvDocument doc = read_csv(" Name ,UNIT,event,date\n", "r.csv");
    const std::vector<ColumnSpec> specs = {{{"code", "unit", "name"}, true, "no key"},
                                           {{"event"}, true, {}},
                                           {{"name"}, false, {}},
                                           {{"note"}, false, {}}};
    std::vector<HeaderColumn> columns;
    std::vector<Diagnostic> out;
    CHECK(match_header(doc, specs, names_hint, columns, out));
    CHECK(out.empty());
    REQUIRE(columns.size() == 4);
    CHECK(columns[0].index == 1u);  // "unit" comes before "name" in the key's list
    CHECK(columns[0].name == "unit");
    CHECK(columns[1].index == 2u);
    CHECK(columns[2].index == 0u);  // " Name ": case and blanks ignored
    CHECK_FALSE(columns[3].index);  // optional and absent
}

TEST_CASE("match_header reports a missing column and a column named twice", "[csv]") {
    const CsvDocument doc = read_csv("name,event,Event\n", "r.csv");
    const std::vector<ColumnSpec> specs = {{{"name"}, true, {}}, {{"event"}, true, {}}, {{"date"}, true, {}}};
    std::vector<HeaderColumn> columns;
    std::vector<Diagnostic> out;
    CHECK_FALSE(match_header(doc, specs, names_hint, columns, out));
    REQUIRE(out.size() == 2);
    CHECK(out[0].line == 1);
    CHECK(out[0].column == 12);
    CHECK(out[0].message == "a second 'event' column");
    CHECK(out[0].hint == "column 2 is already 'event'; rename or remove one of them");
    CHECK(out[1].column == 1);
    CHECK(out[1].message == "the header has no 'date' column");
    CHECK(out[1].hint == "names: name, event, Event");
}

TEST_CASE("a column taken by an earlier spec is not matched again", "[csv]") {
    const CsvDocument doc = read_csv("name,event\n", "r.csv");
    const std::vector<ColumnSpec> specs = {{{"code", "name"}, true, {}}, {{"name"}, false, {}}};
    std::vector<HeaderColumn> columns;
    std::vector<Diagnostic> out;
    CHECK(match_header(doc, specs, names_hint, columns, out));
    CHECK(columns[0].index == 0u);
    CHECK_FALSE(columns[1].index);
}

TEST_CASE("trim_blanks removes spaces, tabs and no-break spaces around a cell", "[csv]") {
    CHECK(trim_blanks(" \t\xc2\xa0"
                      "10888\xc2\xa0 ") == "10888");
    CHECK(trim_blanks("a\xc2\xa0"
                      "b") ==
          "a\xc2\xa0"
          "b");  // inside: kept
    CHECK(trim_blanks("\xc2\xa0") == "");
}

TEST_CASE("fold_key ignores case, diacritics, đ and spaces", "[csv]") {
    CHECK(fold_key("Mã số") == "maso");
    CHECK(fold_key(" MA  SO ") == "maso");
    CHECK(fold_key("Đơn vị") == "donvi");
    CHECK(fold_key("Số quyết định") == "soquyetdinh");
    CHECK(fold_key("Công nhận") == fold_key("cong nhan"));
    CHECK(fold_key("\xff") == "");                 // not UTF-8: no name
    CHECK(fold_key(std::string(201, 'a')) == "");  // too long to be a name
}

TEST_CASE("detect_separator takes the separator that finds the most known names", "[csv]") {
    const std::vector<ColumnSpec> specs = {
        {{"code", "mã"}, true, {}}, {{"name", "tên"}, true, {}}, {{"type", "loại"}, true, {}}};
    CHECK(detect_separator("Mã;Tên;Loại\n1;A, B;x\n", specs) == ';');
    CHECK(detect_separator("code\tname\ttype\n", specs) == '\t');
    CHECK(detect_separator("\xEF\xBB\xBF\r\n\"code\",name,type\n", specs) == ',');  // BOM, empty line, quotes
    CHECK(detect_separator("foo;bar\n", specs) == ',');                             // none: the default
    // "code,name;type": ',' finds code, ';' finds type: a tie goes to ','.
    CHECK(detect_separator("code,name;type\n", specs) == ',');
    CHECK(detect_separator("", specs) == ',');
}

TEST_CASE("match_header compares folded names and says when it finds none", "[csv]") {
    const CsvDocument doc = read_csv("MÃ SỐ,ten,Tên\n", "r.csv");
    const std::vector<ColumnSpec> specs = {{{"code", "mã", "mã số"}, true, {}}, {{"name", "tên"}, true, {}}};
    std::vector<HeaderColumn> columns;
    std::vector<Diagnostic> out;
    CHECK_FALSE(match_header(doc, specs, names_hint, columns, out));
    CHECK(columns[0].index == 0u);
    CHECK(columns[0].name == "mã số");
    CHECK(columns[1].index == 1u);
    REQUIRE(out.size() == 1);  // "Tên" folds as "ten": a second name column; "MÃ SỐ,ten," is 10 columns
    CHECK(out[0].column == 11);
    CHECK(out[0].message == "a second 'tên' column");
    out.clear();
    const CsvDocument none = read_csv("a,b\n", "r.csv");
    CHECK_FALSE(match_header(none, specs, names_hint, columns, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].message ==
          "the first row names none of the columns this file needs (separators tried: ',', ';' or tab)");
    CHECK(out[0].hint == "names: a, b");
}

TEST_CASE("unread_columns_note names the columns no spec took", "[csv]") {
    const CsvDocument doc = read_csv("code,,extra,name\n", "r.csv");
    const std::vector<ColumnSpec> specs = {{{"code"}, true, {}}, {{"name"}, true, {}}};
    std::vector<HeaderColumn> columns;
    std::vector<Diagnostic> out;
    REQUIRE(match_header(doc, specs, names_hint, columns, out));
    const auto note = unread_columns_note(doc, columns);
    REQUIRE(note.has_value());
    CHECK(note->line == 1);
    CHECK(note->message == "2 columns are not read: column 2, 'extra'");
    const CsvDocument all = read_csv("code,name\n", "r.csv");
    REQUIRE(match_header(all, specs, names_hint, columns, out));
    CHECK_FALSE(unread_columns_note(all, columns).has_value());
}

TEST_CASE("is_blank_row: only empty or blank cells, no more than the header's", "[csv]") {
    const CsvDocument doc = read_csv("a,b,c\n,,\n , \xc2\xa0,\"\"\n,x,\n,\n,,,\n", "r.csv");
    REQUIRE(doc.rows.size() == 5);
    CHECK(is_blank_row(doc, doc.rows[0]));
    CHECK(is_blank_row(doc, doc.rows[1]));
    CHECK_FALSE(is_blank_row(doc, doc.rows[2]));
    CHECK(is_blank_row(doc, doc.rows[3]));        // fewer cells: still blank
    CHECK_FALSE(is_blank_row(doc, doc.rows[4]));  // more cells than the header: reported, not skipped
}
