// read_records() and plan_import(): certification records from a CSV file
// checked against a plan; every bad row is reported with its line.
#include "import.hpp"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "load.hpp"

using Catch::Matchers::Contains;
using ontrack::Date;
using ontrack::Diagnostic;
using ontrack::ImportAddition;
using ontrack::ImportPlan;
using ontrack::InputError;
using ontrack::Plan;
using ontrack::plan_import;

namespace {

// Four localities: 100 certified; 200 certified, revoked, planned again;
// 300 and 400 with no dates.
const Plan& test_plan() {
    static const Plan plan = ontrack::parse_plan(R"toml([plan]
name = "T"
total = 4

[[milestone]]
deadline = 2030-12-31
target = "50%"

[[locality]]
id = "100"
name = "An Dương"
certified = 2025-03-31

[[locality]]
id = "200"
name = "Hải An"
certified = 2025-03-31
revoked = 2026-03-10
planned = 2027-06-30

[[locality]]
id = "300"
name = "Kiến An"

[[locality]]
id = "400"
name = "Lê Chân"
)toml",
                                                 "plan.toml");
    return plan;
}

std::vector<Diagnostic> import_errors(const std::string& csv) {
    try {
        (void)plan_import(test_plan(), csv, "records.csv");
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("plan_import accepted the records");
    return {};
}

std::string located(const Diagnostic& d) {
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

// "LINE NAME/ID EVENT DATE" for each addition.
std::vector<std::string> summary(const std::vector<ImportAddition>& as) {
    std::vector<std::string> out;
    for (const ImportAddition& a : as)
        out.push_back(std::to_string(a.line) + " " + a.locality_name + "/" + a.locality_id + " " + a.event + " " +
                      ontrack::to_iso(a.date));
    return out;
}

Date ymd(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

}  // namespace

// ---------------------------------------------------------------- good files

TEST_CASE("a good records file gives additions and what the plan already has", "[import]") {
    const ImportPlan result = plan_import(test_plan(),
                                          "code,event,date\n"
                                          "300,certified,2026-02-27\n"     // 2: new
                                          "Hải An,Certified,2026-09-15\n"  // 3: by name; C, R, then C again: fine
                                          "100,certified,2025-03-31\n"     // 4: the plan has it
                                          "200,planned,2027-06-30\n"       // 5: the plan has it
                                          "400,planned,2028-12-31\n"       // 6: new, replaces nothing
                                          "100,revoked,2026-05-20\n",      // 7: new, after the certification
                                          "records.csv");
    CHECK(summary(result.additions) == std::vector<std::string>{
                                           "2 Kiến An/300 certified 2026-02-27",
                                           "3 Hải An/200 certified 2026-09-15",
                                           "6 Lê Chân/400 planned 2028-12-31",
                                           "7 An Dương/100 revoked 2026-05-20",
                                       });
    CHECK(summary(result.already_recorded) ==
          std::vector<std::string>{"4 An Dương/100 certified 2025-03-31", "5 Hải An/200 planned 2027-06-30"});
    for (const ImportAddition& a : result.additions) CHECK_FALSE(a.replaces_planned.has_value());
}

TEST_CASE("records with a byte order mark CRLF quotes and a name column", "[import]") {
    // Columns in another order, an extra column, the unit by name.
    const ImportPlan result = plan_import(test_plan(),
                                          "\xEF\xBB\xBF"
                                          "Date,Note,NAME,Event\r\n"
                                          "2026-01-15,\"decision 12/QĐ, \"\"final\"\"\",Kiến An,certified\r\n"
                                          "2026-06-01, from the district , Kiến An , revoked \r\n",
                                          "records.csv");
    CHECK(summary(result.additions) ==
          std::vector<std::string>{"2 Kiến An/300 certified 2026-01-15", "3 Kiến An/300 revoked 2026-06-01"});
    CHECK(result.already_recorded.empty());
}

TEST_CASE("a new planned date names the one it replaces", "[import]") {
    const ImportPlan result = plan_import(test_plan(), "unit,event,date\n200,planned,2027-09-30\n", "r.csv");
    REQUIRE(result.additions.size() == 1);
    CHECK(result.additions[0].event == "planned");
    CHECK(result.additions[0].date == ymd(2027, 9, 30));
    REQUIRE(result.additions[0].replaces_planned.has_value());
    CHECK(*result.additions[0].replaces_planned == ymd(2027, 6, 30));
}

TEST_CASE("a file with only a header adds nothing", "[import]") {
    const ImportPlan result = plan_import(test_plan(), "code,event,date\r\n", "r.csv");
    CHECK(result.additions.empty());
    CHECK(result.already_recorded.empty());
}

TEST_CASE("read_records parses rows without a plan", "[import]") {
    const auto records = ontrack::read_records("event,code,date\nREVOKED, 11560 ,2026-03-10\n", "r.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].key == "11560");
    CHECK(records[0].event == "revoked");
    CHECK(records[0].date == ymd(2026, 3, 10));
    CHECK(records[0].line == 2);
}

// ---------------------------------------------------------------- bad rows

TEST_CASE("an unknown unit is reported with a suggestion", "[import]") {
    // "1000" is one edit from "100" and two from "200"; "Kiến Ann" one from "Kiến An".
    const auto ds = import_errors("code,event,date\n1000,certified,2026-01-01\nKiến Ann,certified,2026-01-01\n");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "2:1: unknown unit '1000': no locality of the plan has this code or name");
    CHECK(ds[0].hint == "did you mean '100'?");
    CHECK(ds[0].file == "records.csv");
    CHECK(ds[0].excerpt == "1000,certified,2026-01-01");
    CHECK(located(ds[1]) == "3:1: unknown unit 'Kiến Ann': no locality of the plan has this code or name");
    CHECK(ds[1].hint == "did you mean 'Kiến An'?");
}

TEST_CASE("revoked before certified is refused at its row", "[import]") {
    // Kiến An has no dates. Sorted by date the file gives revoked 2026-01-01
    // (line 3) before certified 2026-06-01 (line 2): line 3 is at fault. Its
    // event field starts after "300," at column 5.
    auto ds = import_errors("code,event,date\n300,certified,2026-06-01\n300,revoked,2026-01-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "3:5: 'Kiến An' would be revoked on 2026-01-01 before it was ever certified");
    CHECK_THAT(ds[0].hint, Contains("starts with a certification"));

    // A revocation alone, for a locality never certified.
    ds = import_errors("code,event,date\n400,revoked,2026-01-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:5: 'Lê Chân' would be revoked on 2026-01-01 before it was ever certified");
}

TEST_CASE("records that break the alternation with the plan's history", "[import]") {
    // Hải An: certified 2025-03-31, revoked 2026-03-10 in the plan.
    // Revoked again on 2026-06-01: already revoked since 2026-03-10.
    auto ds = import_errors("code,event,date\n200,revoked,2026-06-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "2:5: 'Hải An' would be revoked on 2026-06-01 while already revoked since 2026-03-10 (in the plan)");

    // Revoked on 2025-12-01 puts two revocations in a row, the plan's second.
    ds = import_errors("code,event,date\n200,revoked,2025-12-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "2:5: 'Hải An' would be revoked on 2025-12-01 and again on 2026-03-10 (in the plan) with nothing in between");

    // Two certifications from the file in a row, neither in the plan.
    ds = import_errors("code,event,date\n300,certified,2026-01-01\n300,certified,2026-05-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "3:5: 'Kiến An' would be certified on 2026-05-01 while already certified since 2026-01-01 (line 2)");

    // Revoked on the day of the plan's certification.
    ds = import_errors("code,event,date\n100,revoked,2025-03-31\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:5: 'An Dương' would have two events on 2025-03-31");
    CHECK_THAT(ds[0].hint, Contains("and the plan certifies it on that day"));
}

TEST_CASE("repeated rows and a second planned date are refused", "[import]") {
    // Line 3 repeats line 2 (by name instead of code). Line 5 plans Lê Chân a
    // second time; its date field is column 13 ("400,planned," is 12 columns).
    const auto ds = import_errors(
        "code,event,date\n300,certified,2026-01-01\nKiến An,certified,2026-01-01\n400,planned,2028-01-01\n"
        "400,planned,2029-01-01\n");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "3:1: the same record as line 2");
    CHECK(located(ds[1]) == "5:13: a second planned date for 'Lê Chân': line 4 plans 2028-01-01");
}

TEST_CASE("a name beside the code must agree with the plan", "[import]") {
    const auto ds =
        import_errors("code,name,event,date\n300,Lê Chân,certified,2026-01-01\n300,,certified,2026-02-01\n");
    // Line 3 gives no name and is not checked (and line 2 is left out, so
    // line 3 alone is a good history).
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:5: the unit '300' is 'Kiến An' in the plan, not 'Lê Chân'");
}

TEST_CASE("every bad row of a records file is reported at once", "[import]") {
    const auto ds = import_errors(
        "code,event,date\n"
        "1000,certified,2026-01-01\n"  // 2: unknown unit, column 1
        "300,certifed,2026-01-01\n"    // 3: unknown event, column 5
        "300,certified,2026-02-30\n"   // 4: bad date; "300,certified," is 14 columns, so column 15
        "400,revoked,2026-01-01\n"     // 5: revoked before certified, column 5
        "200,revoked,2026-06-01\n"     // 6: revoked while revoked since 2026-03-10, column 5
        "100,certified\n"              // 7: two fields; "100,certified" ends after column 13
        ",planned,2027-01-01\n"        // 8: no unit, column 1
        "300,,\n");                    // 9: empty event (column 5) and empty date (column 6)
    std::vector<std::string> got;
    for (const Diagnostic& d : ds) got.push_back(located(d));
    CHECK(got == std::vector<std::string>{
                     "2:1: unknown unit '1000': no locality of the plan has this code or name",
                     "3:5: unknown event 'certifed'",
                     "4:15: '2026-02-30' is not a date: that day does not exist in that month",
                     "5:5: 'Lê Chân' would be revoked on 2026-01-01 before it was ever certified",
                     "6:5: 'Hải An' would be revoked on 2026-06-01 while already revoked since 2026-03-10 (in the "
                     "plan)",
                     "7:14: the row has 2 fields but the header has 3 (code, event, date)",
                     "8:1: the code cell is empty",
                     "9:5: the event is empty",
                     "9:6: the date is empty",
                 });
    REQUIRE(ds.size() == 9);
    CHECK_THAT(ds[1].hint, Contains("did you mean 'certified'?"));
    CHECK_THAT(ds[2].hint, Contains("YYYY-MM-DD"));
}

TEST_CASE("a records header without its columns is refused", "[import]") {
    auto ds = import_errors("code,event\n100,certified\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the header has an event column but no date column (ngày)");
    ds = import_errors("id,event,date,Event\n100,certified,2026-01-01,x\n");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "1:1: the header has no column for the unit: its code (mã) or its name (tên)");
    CHECK(located(ds[1]) == "1:15: a second 'event' column");  // "id,event,date," is 14 columns
}

// ---------------------------------------------------------------- the sheet as it is kept

namespace {

std::vector<Diagnostic> records_errors(const std::string& csv, ontrack::DateOrder order,
                                       const std::string& file = "records.csv") {
    try {
        (void)ontrack::read_records(csv, file, order);
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("read_records accepted the records");
    return {};
}

std::vector<std::string> notes_of(const ImportPlan& p) {
    std::vector<std::string> out;
    for (const ontrack::CsvNote& n : p.notes) out.push_back(std::to_string(n.line) + ": " + n.message);
    return out;
}

std::vector<std::string> dates_of(const std::vector<ontrack::Record>& records) {
    std::vector<std::string> out;
    for (const ontrack::Record& r : records) out.push_back(ontrack::to_iso(r.date));
    return out;
}

}  // namespace

TEST_CASE("records separated by commas, semicolons or tabs", "[import]") {
    for (const std::string sep : {",", ";", "\t"}) {
        const ImportPlan result = plan_import(test_plan(),
                                              "code" + sep + "event" + sep + "date\n300" + sep + "certified" + sep +
                                                  "2026-01-01\n400" + sep + "planned" + sep + "2027-01-01\n",
                                              "records.csv");
        CHECK(summary(result.additions) ==
              std::vector<std::string>{"2 Kiến An/300 certified 2026-01-01", "3 Lê Chân/400 planned 2027-01-01"});
        CHECK(result.notes.empty());
    }
    // With ';' a comma is text: the note keeps it.
    const auto records = ontrack::read_records("code;event;date;note\n300;certified;2026-01-01;a, b\n", "records.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].note == "a, b");
}

TEST_CASE("a header that names no known column says which separators were tried", "[import]") {
    const auto ds = import_errors("foo;bar\n1;2\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "1:1: the first row names none of the columns this file needs (separators tried: ',', ';' or tab)");
    CHECK_THAT(ds[0].hint, Contains("it names: foo;bar"));  // read with ',', the default, as one name
}

TEST_CASE("Vietnamese headers, in any case, with or without diacritics and spaces", "[import]") {
    for (const std::string header : {"Mã số;Tên đơn vị;Sự kiện;Ngày", "MA SO;ten don vi;SU KIEN;ngay",
                                     "Mã;Tên;sự kiện;NGÀY", "maso;tendonvi;sukien;ngay"}) {
        const ImportPlan result =
            plan_import(test_plan(), header + "\n300;Kiến An;công nhận;2026-01-01\n", "records.csv");
        CHECK(summary(result.additions) == std::vector<std::string>{"2 Kiến An/300 certified 2026-01-01"});
        CHECK(result.notes.empty());  // every column is read
    }
}

TEST_CASE("event words in English or Vietnamese, folded", "[import]") {
    const auto records = ontrack::read_records(
        "code,event,date\n1,Công nhận,2026-01-01\n2,cong nhan,2026-01-01\n3,THU HỒI,2026-01-01\n"
        "4,thu hoi,2026-01-01\n5,Dự kiến,2026-01-01\n6,du kien,2026-01-01\n7,Certified,2026-01-01\n"
        "8,Được công nhận,2026-01-01\n9,đã công nhận,2026-01-01\n10,Bị thu hồi,2026-01-01\n11,đã thu hồi,2026-01-01\n",
        "records.csv");
    std::vector<std::string> events;
    for (const auto& r : records) events.push_back(r.event);
    CHECK(events == std::vector<std::string>{"certified", "certified", "revoked", "revoked", "planned", "planned",
                                             "certified", "certified", "certified", "revoked", "revoked"});
    // An empty event cell is no event (not the padding of the table of words).
    const auto empty = records_errors("code,event,date\n1,,2026-01-01\n", ontrack::DateOrder::automatic);
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].line == 2);
    const auto ds = records_errors("code,event,date\n1,cấp,2026-01-01\n", ontrack::DateOrder::automatic);
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:3: unknown event 'cấp'");
}

TEST_CASE("dates YYYY-MM-DD, dd/mm/yyyy and d/m/yyyy, day first when the file says so", "[import]") {
    // 31/01/2026: a first part above 12, so day first; 5/1/2026 is 5 January.
    const auto records = ontrack::read_records(
        "code,event,date\n1,certified,5/1/2026\n2,certified,31/01/2026\n3,certified,2026-02-03\n", "r.csv");
    CHECK(dates_of(records) == std::vector<std::string>{"2026-01-05", "2026-01-31", "2026-02-03"});
}

TEST_CASE("dates month first when the file says so, as an English Excel writes", "[import]") {
    // 01/31/2026: a second part above 12, so month first; 1/5/2026 is 5 January.
    const auto records =
        ontrack::read_records("code,event,date\n1,certified,1/5/2026\n2,certified,01/31/2026\n", "r.csv");
    CHECK(dates_of(records) == std::vector<std::string>{"2026-01-05", "2026-01-31"});
    const ImportPlan result = plan_import(test_plan(), "code,event,date\n300,certified,01/31/2026\n", "r.csv");
    CHECK(notes_of(result) ==
          std::vector<std::string>{"2: dates are read month first, as an English Excel writes them (01/31/2026 is "
                                   "2026-01-31)"});
}

TEST_CASE("a file with dates day first and month first is refused, naming both rows", "[import]") {
    // Line 3 `2,certified,01/31/2026`: the date is column 13. Line 4's
    // ambiguous date is not reported on its own.
    const auto ds =
        records_errors("code,event,date\n1,certified,31/01/2026\n2,certified,01/31/2026\n3,certified,02/03/2026\n",
                       ontrack::DateOrder::automatic);
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "3:13: line 2 writes the day first (31/01/2026) but line 3 writes the month first (01/31/2026)");
    CHECK_THAT(ds[0].hint, Contains("--date-order"));
}

TEST_CASE("dates nothing decides are read day first, with a note", "[import]") {
    const ImportPlan result = plan_import(test_plan(), "code,event,date\n300,certified,03/04/2026\n", "r.csv");
    CHECK(summary(result.additions) == std::vector<std::string>{"2 Kiến An/300 certified 2026-04-03"});
    CHECK(notes_of(result) ==
          std::vector<std::string>{"2: dates such as 03/04/2026 are read day first (2026-04-03), the Vietnamese "
                                   "order: nothing in the file says otherwise; --date-order mdy reads them month "
                                   "first"});
    // 04/04/2026 reads alike in both orders: no note.
    CHECK(plan_import(test_plan(), "code,event,date\n300,certified,04/04/2026\n", "r.csv").notes.empty());
}

TEST_CASE("a forced date order (--date-order) reads every date in it", "[import]") {
    const ImportPlan mdy = plan_import(test_plan(), "code,event,date\n300,certified,03/04/2026\n", "r.csv",
                                       std::nullopt, ontrack::DateOrder::mdy);
    CHECK(summary(mdy.additions) == std::vector<std::string>{"2 Kiến An/300 certified 2026-03-04"});
    CHECK(mdy.notes.empty());
    // Forced day first, 01/31/2026 has month 31; "1,certified," is 12 columns.
    const auto ds = records_errors("code,event,date\n1,certified,01/31/2026\n", ontrack::DateOrder::dmy);
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:13: '01/31/2026' is not a date: the month must be 01 to 12");
    CHECK(ds[0].hint == "write dates as YYYY-MM-DD or dd/mm/yyyy, e.g. 2025-12-31 or 31/12/2025");
    const auto forced_mdy = records_errors("code,event,date\n1,certified,31/01/2026\n", ontrack::DateOrder::mdy);
    REQUIRE(forced_mdy.size() == 1);
    CHECK(located(forced_mdy[0]) == "2:13: '31/01/2026' is not a date: the month must be 01 to 12");
    CHECK(forced_mdy[0].hint == "write dates as YYYY-MM-DD or, as this file does, mm/dd/yyyy: 12/31/2025");
}

TEST_CASE("rows that are entirely empty are skipped", "[import]") {
    const ImportPlan result = plan_import(test_plan(),
                                          "code,event,date\n"
                                          ",,\n"                        // 2: Excel's empty row
                                          "300,certified,2026-01-01\n"  // 3
                                          " , \xC2\xA0,\n"              // 4: blanks only
                                          "\"\",\"\",\"\"\n"            // 5: empty quoted cells
                                          "400,planned,2027-01-01\n",   // 6
                                          "r.csv");
    CHECK(summary(result.additions) ==
          std::vector<std::string>{"3 Kiến An/300 certified 2026-01-01", "6 Lê Chân/400 planned 2027-01-01"});
    CHECK(result.trimmed_rows == 0);  // the blank rows are not rows with trimmed cells
    // A blank row with more cells than the header is still reported.
    const auto ds = import_errors("code,event,date\n,,,\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:4: the row has 4 fields but the header has 3 (code, event, date)");
}

TEST_CASE("columns not read are named once in a note", "[import]") {
    const ImportPlan result =
        plan_import(test_plan(), "code,event,date,Người ký,,x\n300,certified,2026-01-01,A,,y\n", "r.csv");
    CHECK(notes_of(result) == std::vector<std::string>{"1: 3 columns are not read: 'Người ký', column 5, 'x'"});
    // At most ten named.
    std::string header = "code,event,date";
    std::string row = "300,certified,2026-01-01";
    for (int k = 1; k <= 12; ++k) {
        header += ",c" + std::to_string(k);
        row += ",";
    }
    const ImportPlan many = plan_import(test_plan(), header + "\n" + row + "\n", "r.csv");
    CHECK(notes_of(many) == std::vector<std::string>{"1: 12 columns are not read: 'c1', 'c2', 'c3', 'c4', 'c5', "
                                                     "'c6', 'c7', 'c8', 'c9', 'c10' and 2 more"});
}

TEST_CASE("a row may fill only the name, or only the code", "[import]") {
    const ImportPlan result = plan_import(
        test_plan(), "code,name,event,date\n,Kiến An,certified,2026-01-01\n400,,planned,2027-01-01\n", "r.csv");
    CHECK(summary(result.additions) ==
          std::vector<std::string>{"2 Kiến An/300 certified 2026-01-01", "3 Lê Chân/400 planned 2027-01-01"});
    const auto ds = import_errors("code,name,event,date\n,,certified,2026-01-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:1: the code and name cells are empty");
}

TEST_CASE("a code and a name of two different units: the row names both", "[import]") {
    // "300," is 4 columns: the name is column 5.
    const auto ds = import_errors("Mã,Tên,Sự kiện,Ngày\n300,Lê Chân,công nhận,2026-01-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:5: the unit '300' is 'Kiến An' in the plan, not 'Lê Chân'");
    CHECK(ds[0].hint == "'Lê Chân' is another unit (400); correct the code or the name so that they agree");
}

TEST_CASE("decision and note columns in English or Vietnamese", "[import]") {
    const auto records = ontrack::read_records(
        "code,event,date,Số quyết định,Ghi chú\n300,certified,2026-01-01,\"QĐ 12/2026\", lễ trao \n", "r.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].decision == "QĐ 12/2026");
    CHECK(records[0].note == "lễ trao");
}

TEST_CASE("a workbook is read as its sheet; an .xls workbook is refused without a command to run", "[import]") {
    std::ifstream in(std::string(ONTRACK_TEST_DATA) + "/e2e/workbooks/records_vi.xlsx", std::ios::binary);
    const std::string xlsx((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto records = ontrack::read_records(xlsx, "records_vi.xlsx");
    REQUIRE(records.size() == 2);
    CHECK(records[0].key == "10888");
    CHECK(records[0].event == "certified");
    CHECK(to_iso(records[0].date) == "2026-11-02");
    CHECK(records[0].line == 2);  // the sheet's row
    CHECK(records[1].key == "Cẩm Giàng");
    CHECK(records[1].line == 4);
    const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", 9);
    const auto ds = records_errors(ole, ontrack::DateOrder::automatic, "Báo cáo.xls");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the file is an Excel 97-2003 workbook (.xls), which is not read");
    CHECK_THAT(ds[0].hint, !Contains("soffice"));
}

TEST_CASE("a file of more bad rows than max_problems is reported up to there", "[import]") {
    // Every row has one field: rows 2 to 10,001 are the 10,000 problems, row 10,002 stops the reading.
    std::string csv = "code,event,date\n";
    for (int k = 0; k < 20000; ++k) csv += "a\n";
    const auto ds = import_errors(csv);
    REQUIRE(ds.size() == ontrack::max_problems + 1);
    CHECK(located(ds[9999]) == "10001:2: the row has 1 field but the header has 3 (code, event, date)");
    CHECK(located(ds[10000]) == "10002:1: stopped at line 10002 after 10000 problems");
}

TEST_CASE("decision and note columns go with each record", "[import][decision]") {
    const ImportPlan result = plan_import(test_plan(),
                                          "note,code,event,date,decision\n"
                                          "\"after\nreview\",300,certified,2026-05-04, 12/QĐ-UBND \n"
                                          ",400,certified,2026-05-05,\n",
                                          "r.csv");
    REQUIRE(result.additions.size() == 2);
    CHECK(result.additions[0].decision == "12/QĐ-UBND");  // trimmed
    CHECK(result.additions[0].note == "after\nreview");
    CHECK(result.additions[1].decision.empty());
    CHECK(result.additions[1].note.empty());
    // Without the columns, nothing.
    const auto records = ontrack::read_records("code,event,date\n300,certified,2026-05-04\n", "r.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].decision.empty());
}

TEST_CASE("a bad decision cell, a decision on a planned record, a planned date as it stands", "[import][decision]") {
    auto ds = import_errors("code,event,date,decision\n300,certified,2026-05-04,12/QĐ\xe2\x80\x8b-UBND\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:26: the decision contains U+200B, an invisible or control character");
    ds = import_errors("code,event,date,decision\n300,planned,2027-05-04,1/QĐ\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:24: a planned record has no decision");
    // Hải An's current plan is 2027-06-30: already recorded, not added.
    const ImportPlan same = plan_import(test_plan(), "code,event,date\n200,planned,2027-06-30\n", "r.csv");
    CHECK(same.additions.empty());
    CHECK(same.already_recorded.size() == 1);
}

// ---------------------------------------------------------------- headers as offices write them

TEST_CASE("one date column per event: a record for each date a row fills, its decision and note placed", "[import]") {
    // 300: certified, with a decision and a note; 200: a new plan, made on 01/11/2026, with a note; 400:
    // certified and revoked in one row, written revocation first (added in date order; the decision is the
    // certification's); 100: no date, nothing to record.
    const ImportPlan result = plan_import(
        test_plan(),
        "Mã ĐVHC;Tên xã/phường;Ngày thu hồi;Ngày công nhận;Ngày dự kiến;Ngày lập kế hoạch;Số QĐ;Ghi chú;Người ký\n"
        "300;Kiến An;;15/11/2026;;;125/QĐ-UBND;đợt 2;Lan\n"
        "200;;;;31/03/2027;01/11/2026;;hoãn;Lan\n"
        "400;;20/11/2026;01/06/2026;;;QĐ 9;;\n"
        "100;An Dương;;;;;;;Lan\n",
        "records.csv");
    std::vector<std::string> got;
    for (const ImportAddition& a : result.additions)
        got.push_back(std::to_string(a.line) + " " + a.locality_id + " " + a.event + " " + to_iso(a.date) + " [" +
                      a.decision + "|" + a.note + "|" + (a.set ? to_iso(*a.set) : "") + "]");
    CHECK(got == std::vector<std::string>{
                     "2 300 certified 2026-11-15 [125/QĐ-UBND|đợt 2|]",
                     "3 200 planned 2027-03-31 [|hoãn|2026-11-01]",
                     "4 400 certified 2026-06-01 [QĐ 9||]",
                     "4 400 revoked 2026-11-20 [||]",
                 });
    CHECK(notes_of(result) ==
          std::vector<std::string>{
              "1: 1 column is not read: 'Người ký'",
              "1: one date column per event was read: 'Ngày công nhận', 'Ngày thu hồi', 'Ngày dự kiến'",
              "5: 1 row gives no date: nothing to record for its unit",
          });
}

TEST_CASE("the two forms of a records header: both at once, neither, and a unit column not read", "[import]") {
    auto ds = import_errors("mã;sự kiện;ngày;ngày công nhận\n300;công nhận;01/11/2026;\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "1:1: the header has both an event and a date column ('sự kiện', 'ngày') and a date column per event "
          "('ngày công nhận')");
    ds = import_errors("mã;tên;số quyết định\n300;Kiến An;12\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "1:1: the header has no date column: neither sự kiện and ngày, nor a date column per event (ngày công "
          "nhận, ngày thu hồi, ngày dự kiến)");
    // A name column headed otherwise: named where the unit column is missing.
    ds = import_errors("Tên xã phường (mới);ngày công nhận\nKiến An;01/11/2026\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the header has no column for the unit: its code (mã) or its name (tên)");
    CHECK_THAT(ds[0].hint, Contains("'Tên xã phường (mới)' is not read"));
    // With a code column, a row without a code names that column too.
    ds = import_errors("mã;Tên xã phường (mới);ngày công nhận\n;Kiến An;01/11/2026\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:1: the code cell is empty");
    CHECK_THAT(ds[0].hint, Contains("the column 'Tên xã phường (mới)' is not read"));
}

TEST_CASE("headers as offices write them: mã ĐVHC, tên đơn vị hành chính, số QĐ", "[import]") {
    for (const std::string header : {"mã ĐVHC;tên xã, phường, đặc khu;sự kiện;ngày;số QĐ",
                                     "Mã đơn vị hành chính;Tên đơn vị hành chính;Sự kiện;Ngày;Số quyết định công nhận",
                                     "mã xã;tên xã/phường;sự kiện;ngày;quyết định"}) {
        const ImportPlan result =
            plan_import(test_plan(), header + "\n300;Kiến An;công nhận;15/11/2026;12/QĐ\n", "records.csv");
        REQUIRE(result.additions.size() == 1);
        CHECK(result.additions[0].decision == "12/QĐ");
        CHECK(notes_of(result).empty());
    }
}

TEST_CASE("the day a plan was made: only with a planned date, on or before today and the date, not going back",
          "[import]") {
    ontrack::ImportOptions options;
    options.today = Date::from_ymd(2026, 11, 23);
    auto errors = [&](const std::string& csv) {
        try {
            (void)plan_import(test_plan(), csv, "r.csv", options);
        } catch (const InputError& e) {
            std::vector<std::string> out;
            for (const Diagnostic& d : e.diagnostics()) out.push_back(located(d));
            return out;
        }
        return std::vector<std::string>{};
    };
    CHECK(errors("code,event,date,set\n300,planned,2027-01-01,2026-11-24\n") ==
          std::vector<std::string>{"2:24: the plan is said to be made on 2026-11-24, after today (2026-11-23)"});
    CHECK(errors("code,event,date,set\n300,planned,2026-11-01,2026-11-02\n") ==
          std::vector<std::string>{
              "2:24: the plan is said to be made on 2026-11-02, after the date it plans (2026-11-01)"});
    CHECK(errors("code,event,date,set\n300,certified,2026-11-01,2026-11-02\n") ==
          std::vector<std::string>{"2:26: a day the plan was made is given for an event that is not planned"});
    CHECK(errors("mã,ngày công nhận,ngày lập kế hoạch\n300,2026-11-01,2026-11-02\n") ==
          std::vector<std::string>{"2:16: a day the plan was made, but no planned date"});
    CHECK(errors("mã,ngày dự kiến,số QĐ\n300,2027-11-01,12\n") ==
          std::vector<std::string>{"2:16: a decision on a row with no certified or revoked date"});
    CHECK(errors("code,event,date,set\n300,planned,2027-01-01,2026-11-23\n").empty());
}

TEST_CASE("a plan made earlier than the unit's last plan is refused", "[import]") {
    const Plan plan = ontrack::parse_plan(R"toml([plan]
name = "T"

[[milestone]]
deadline = 2030-12-31
target = 1

[[locality]]
id = "300"
name = "Kiến An"
planned = { date = 2027-06-30, set = 2026-10-01 }
)toml",
                                          "plan.toml");
    try {
        (void)plan_import(plan, "code,event,date,set\n300,planned,2027-03-31,2026-09-01\n", "r.csv");
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK(located(e.diagnostics().at(0)) ==
              "2:24: 'Kiến An' already has a plan made on 2026-10-01; a plan made on 2026-09-01, earlier, cannot be "
              "added after it");
    }
}
