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
