// render_csv: RFC 4180 quoting (checked by a strict reader written here),
// protection against spreadsheet formulas, and the exact header row.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render.hpp"
#include "report.hpp"
#include "report_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

using Record = std::vector<std::string>;

// RFC 4180: fields separated by commas, records ended by a line break (LF or
// CRLF accepted); a field is either plain (no comma, quote, CR or LF) or
// quoted, with quotes inside doubled. Anything else throws.
std::vector<Record> read_csv(std::string_view s) {
    std::vector<Record> records;
    std::size_t i = 0;
    auto fail = [&](const char* what) { throw std::runtime_error(std::string(what) + " at " + std::to_string(i)); };
    while (i < s.size()) {
        Record record;
        for (;;) {
            std::string field;
            if (i < s.size() && s[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= s.size()) fail("unterminated quoted field");
                    if (s[i] == '"') {
                        if (i + 1 < s.size() && s[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    field += s[i++];
                }
            } else {
                while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                    if (s[i] == '"') fail("quote in an unquoted field");
                    field += s[i++];
                }
            }
            record.push_back(std::move(field));
            if (i >= s.size()) fail("record without a line break");
            if (s[i] == ',') {
                ++i;
                continue;
            }
            if (s[i] == '\r') ++i;
            if (i >= s.size() || s[i] != '\n') fail("expected a line break after a field");
            ++i;
            break;
        }
        records.push_back(std::move(record));
    }
    return records;
}

Report sample() {
    Report r;
    r.file = "plan.toml";
    r.plan = "District plan";
    r.as_of = Date::from_ymd(2026, 11, 23);
    r.total = 20;
    r.listed = 20;
    r.covered = 5;
    // 2025-12-31, past: ceil(15% x 20) = 3 required, 4 covered, met
    r.milestones.push_back(
        milestone("Spring", Date::from_ymd(2025, 12, 31), percent(15, 0), false, 3, 4, 0, 0, Verdict::met));
    // 2027-12-31, upcoming, a count of 8: 5 now + 1 planned = 6, short 2
    r.milestones.push_back(
        milestone("Later", Date::from_ymd(2027, 12, 31), count(8), true, 8, 6, 1, 2, Verdict::behind));
    // 2030-12-31, upcoming, 87.5% of 20 = 17.5 -> 18: 5 + 2 = 7, short 11
    r.milestones.push_back(
        milestone("Last", Date::from_ymd(2030, 12, 31), percent(875, 1), true, 18, 7, 2, 11, Verdict::behind));
    return r;
}

const char* const header =
    "plan,as_of,total,covered_now,milestone,deadline,target,status,required,covered,planned,shortfall,verdict";

}  // namespace

TEST_CASE("the CSV reader of this test rejects malformed CSV", "[render][csv]") {
    CHECK(read_csv("a,\"b,c\",\"d\"\"e\"\n").at(0) == Record{"a", "b,c", "d\"e"});
    CHECK(read_csv("\"x\ny\"\r\n").at(0) == Record{"x\ny"});
    CHECK_THROWS(read_csv("a\"b\n"));
    CHECK_THROWS(read_csv("\"a\"b\n"));
    CHECK_THROWS(read_csv("\"a\n"));
    CHECK_THROWS(read_csv("a,b"));
}

TEST_CASE("render_csv: exact header and one row per milestone", "[render][csv]") {
    const std::string out = render_csv(sample());
    REQUIRE(out.substr(0, out.find('\n')) == header);
    std::vector<Record> rows;
    REQUIRE_NOTHROW(rows = read_csv(out));
    REQUIRE(rows.size() == 4);
    for (const Record& row : rows) CHECK(row.size() == 13);
    CHECK(rows[1] == Record{"District plan", "2026-11-23", "20", "5", "Spring", "2025-12-31", "15%", "past", "3", "4",
                            "0", "0", "met"});
    CHECK(rows[2] == Record{"District plan", "2026-11-23", "20", "5", "Later", "2027-12-31", "8", "upcoming", "8", "6",
                            "1", "2", "behind"});
    CHECK(rows[3] == Record{"District plan", "2026-11-23", "20", "5", "Last", "2030-12-31", "87.5%", "upcoming", "18",
                            "7", "2", "11", "behind"});
    // Plain cells need no quotes: the whole sample is unquoted.
    CHECK(out.find('"') == std::string::npos);
}

TEST_CASE("render_csv: no milestones gives the header alone", "[render][csv]") {
    Report r = sample();
    r.milestones.clear();
    CHECK(render_csv(r) == std::string(header) + "\n");
}

TEST_CASE("render_csv quotes commas and quotes (RFC 4180); line breaks are shown as escapes", "[render][csv]") {
    struct Case {
        std::string name;
        std::string cell;   // the exact text expected between the commas
        std::string value;  // the cell as a CSV reader returns it
    };
    const std::vector<Case> cases = {
        {"North, South", "\"North, South\"", "North, South"},
        {"say \"hi\"", "\"say \"\"hi\"\"\"", "say \"hi\""},
        {"\"", "\"\"\"\"", "\""},
        // Like the table: a line break in a name is shown, never obeyed.
        {"line one\nline two", "line one\\x0aline two", "line one\\x0aline two"},
        {"cr\rhere", "cr\\x0dhere", "cr\\x0dhere"},
        {"crlf\r\nhere", "crlf\\x0d\\x0ahere", "crlf\\x0d\\x0ahere"},
        {"plain name", "plain name", "plain name"},
        {"Hồng Bàng", "Hồng Bàng", "Hồng Bàng"},
        {"", "", ""},
    };
    for (const Case& c : cases) {
        INFO("name: " << c.name);
        Report r = sample();
        r.milestones.resize(1);
        r.milestones[0].name = c.name;
        r.plan = c.name;
        const std::string out = render_csv(r);
        // plan is the first cell of the row, milestone the fifth
        const std::string row_start =
            std::string(header) + "\n" + c.cell + ",2026-11-23,20,5," + c.cell + ",2025-12-31,";
        CHECK(out.substr(0, row_start.size()) == row_start);
        std::vector<Record> rows;
        REQUIRE_NOTHROW(rows = read_csv(out));
        REQUIRE(rows.size() == 2);
        REQUIRE(rows[1].size() == 13);
        CHECK(rows[1][0] == c.value);
        CHECK(rows[1][4] == c.value);
    }
}

TEST_CASE("render_csv shows terminal controls as visible escapes: ESC, OSC, C1, NUL, bidi, bad bytes",
          "[render][csv]") {
    struct Case {
        std::string name;
        std::string cell;
    };
    const std::vector<Case> cases = {
        {"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},
        {"\x1b]0;title\x07x", "\\x1b]0;title\\x07x"},
        {"\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "\\x1b]8;;http://evil\\x1b\\link\\x1b]8;;\\x1b\\"},
        {"a\xc2\x9b"
         "31mb",
         "a\\u009b31mb"},
        {std::string("nul\0here", 8), "nul\\x00here"},
        {"abc\xe2\x80\xae"
         "evil",
         "abc\\u202eevil"},
        {"bad\xff"
         "byte",
         "bad\\xff"
         "byte"},
    };
    for (const Case& c : cases) {
        INFO("name: " << c.name);
        Report r = sample();
        r.milestones.resize(1);
        r.milestones[0].name = c.name;
        r.plan = c.name;
        const std::string out = render_csv(r);
        const std::string row_start =
            std::string(header) + "\n" + c.cell + ",2026-11-23,20,5," + c.cell + ",2025-12-31,";
        CHECK(out.substr(0, row_start.size()) == row_start);
        for (char ch : out) CHECK((static_cast<unsigned char>(ch) >= 0x20 || ch == '\n'));
    }
}

TEST_CASE("render_csv defuses cells a spreadsheet would run as formulas", "[render][csv]") {
    struct Case {
        std::string name;
        std::string cell;   // the exact text between the commas
        std::string value;  // the cell as a CSV reader returns it
    };
    const std::vector<Case> cases = {
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"", "'=HYPERLINK(\"http://x\")"},
        {"=1+1", "'=1+1", "'=1+1"},
        {"+1", "'+1", "'+1"},
        {"-1", "'-1", "'-1"},
        {"@SUM(A1)", "'@SUM(A1)", "'@SUM(A1)"},
        {"\tindented", "\\x09indented", "\\x09indented"},  // shown as an escape, inert
        {"=a,b", "\"'=a,b\"", "'=a,b"},
        // Full-width signs, and signs behind spaces, invisible or bidi characters.
        {"\xef\xbc\x9d"
         "1+1",
         "'\xef\xbc\x9d"
         "1+1",
         "'\xef\xbc\x9d"
         "1+1"},  // U+FF1D
        {"\xef\xbc\x8b"
         "1",
         "'\xef\xbc\x8b"
         "1",
         "'\xef\xbc\x8b"
         "1"},  // U+FF0B
        {"\xef\xbc\x8d"
         "1",
         "'\xef\xbc\x8d"
         "1",
         "'\xef\xbc\x8d"
         "1"},  // U+FF0D
        {"\xef\xbc\xa0"
         "x",
         "'\xef\xbc\xa0"
         "x",
         "'\xef\xbc\xa0"
         "x"},  // U+FF20
        {" =1", "' =1", "' =1"},
        {"\xc2\xa0=1", "'\xc2\xa0=1", "'\xc2\xa0=1"},                 // NBSP
        {"\xe2\x80\x8b=1", "'\xe2\x80\x8b=1", "'\xe2\x80\x8b=1"},     // zero-width space
        {"\xef\xbb\xbf=1", "'\xef\xbb\xbf=1", "'\xef\xbb\xbf=1"},     // BOM
        {"\xe3\x80\x80 +1", "'\xe3\x80\x80 +1", "'\xe3\x80\x80 +1"},  // ideographic space
        // U+202E is shown as an escape, which starts with a backslash: no formula.
        {"\xe2\x80\xae=1", "\\u202e=1", "\\u202e=1"},
        // Only the first visible character matters.
        {"a=b", "a=b", "a=b"},
        {" a=b", " a=b", " a=b"},
        {"x-1", "x-1", "x-1"},
    };
    for (const Case& c : cases) {
        INFO("name: " << c.name);
        Report r = sample();
        r.milestones.resize(1);
        r.milestones[0].name = c.name;
        r.plan = c.name;
        const std::string out = render_csv(r);
        const std::string row_start =
            std::string(header) + "\n" + c.cell + ",2026-11-23,20,5," + c.cell + ",2025-12-31,";
        CHECK(out.substr(0, row_start.size()) == row_start);
        std::vector<Record> rows;
        REQUIRE_NOTHROW(rows = read_csv(out));
        REQUIRE(rows.size() == 2);
        REQUIRE(rows[1].size() == 13);
        CHECK(rows[1][0] == c.value);
        CHECK(rows[1][4] == c.value);
    }
}

TEST_CASE("render_csv cuts a plan name repeated on every row at 200 characters", "[render][csv]") {
    // A 300,000-character plan name on each of 3,000 rows would make 900 MB.
    Report r = sample();
    r.plan = std::string(300000, 'x');
    r.milestones.resize(1);
    const std::string out = render_csv(r);
    const std::string row_start = std::string(header) + "\n" + std::string(200, 'x') + "\xE2\x80\xA6,2026-11-23,";
    CHECK(out.substr(0, row_start.size()) == row_start);
    CHECK(out.size() < 1000);
    // 200 code points, not bytes: Vietnamese letters are two or three bytes each.
    std::string viet;
    for (int k = 0; k < 201; ++k) viet += "ệ";
    r.plan = viet;
    const std::string cut = render_csv(r);
    const std::string expected = viet.substr(0, 200 * 3) + "\xE2\x80\xA6,";
    CHECK(cut.find("\n" + expected) != std::string::npos);
    // Exactly 200 stays whole.
    r.plan = viet.substr(0, 200 * 3);
    CHECK(render_csv(r).find("\n" + r.plan + ",2026-11-23") != std::string::npos);
}
