// add_event(): the plan text with one event added, every other byte kept.
// Expected texts are written out in full by hand and compared byte for byte.
// Lines and columns are 1-based; columns count code points.
//
// A valid history alternates C R C R ... in time, so a valid new event is
// always later than every event of its locality: inserting a date before an
// existing one (in an array, or in front of a single date) always makes the
// history invalid. Those byte edits are checked through the refusal, whose
// excerpt shows the edited line as it would have been written.
#include "plan_edit.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"

using ontrack::add_event;
using ontrack::Date;
using ontrack::Diagnostic;
using ontrack::EditKind;
using ontrack::EditRequest;
using ontrack::EditResult;
using ontrack::InputError;

namespace {

// Eight lines; the localities appended to it start at line 9.
const std::string head =
    "[plan]\n"                 // 1
    "name = \"Test\"\n"        // 2
    "total = 10\n"             // 3
    "\n"                       // 4
    "[[milestone]]\n"          // 5
    "deadline = 2030-12-31\n"  // 6
    "target = 1\n"             // 7
    "\n";                      // 8

Date ymd(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

EditRequest by_id(const std::string& id, EditKind kind, Date date) {
    EditRequest r;
    r.id = id;
    r.kind = kind;
    r.date = date;
    return r;
}

EditRequest by_name(const std::string& name, EditKind kind, Date date) {
    EditRequest r;
    r.name = name;
    r.kind = kind;
    r.date = date;
    return r;
}

// The diagnostics add_event() throws; fails the test when it throws none.
std::vector<Diagnostic> refusal(const std::string& text, const EditRequest& request) {
    try {
        (void)add_event(text, "plan.toml", request);
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("add_event accepted the event");
    return {};
}

std::string located(const Diagnostic& d) {
    return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("A certification is added as a new line after the locality's last key", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"          // 9
                               "id = \"11311\"\n"        // 10
                               "name = \"Hồng Bàng\"\n"  // 11
                               "kind = \"phường\"\n"     // 12
                               "\n"                      // 13
                               "# the next one\n"        // 14
                               "[[locality]]\n"          // 15
                               "id = \"11602\"\n"        // 16
                               "name = \"Hồng An\"\n";   // 17
    const std::string after = head +
                              "[[locality]]\n"
                              "id = \"11311\"\n"
                              "name = \"Hồng Bàng\"\n"
                              "kind = \"phường\"\n"
                              "certified = 2026-03-01\n"  // the new line 13
                              "\n"
                              "# the next one\n"
                              "[[locality]]\n"
                              "id = \"11602\"\n"
                              "name = \"Hồng An\"\n";
    const EditResult r = add_event(before, "plan.toml", by_id("11311", EditKind::certified, ymd(2026, 3, 1)));
    CHECK(r.text == after);
    CHECK(r.summary == "Hồng Bàng (11311): certified 2026-03-01 added (line 13)");
}

TEST_CASE("A single date becomes an array of two in date order", "[plan_edit]") {
    // History C 2025-01-01, R 2025-06-01; a new certification on 2026-02-01 comes last.
    const std::string before = head +
                               "[[locality]]\n"            // 9
                               "id = \"11311\"\n"          // 10
                               "name = \"Hồng Bàng\"\n"    // 11
                               "certified = 2025-01-01\n"  // 12
                               "revoked = 2025-06-01\n";   // 13
    const std::string after = head +
                              "[[locality]]\n"
                              "id = \"11311\"\n"
                              "name = \"Hồng Bàng\"\n"
                              "certified = [2025-01-01, 2026-02-01]\n"
                              "revoked = 2025-06-01\n";
    const EditResult r = add_event(before, "plan.toml", by_id("11311", EditKind::certified, ymd(2026, 2, 1)));
    CHECK(r.text == after);
    CHECK(r.summary == "Hồng Bàng (11311): certified 2026-02-01 added (line 12)");
}

TEST_CASE("A revocation is appended to an array of revocations", "[plan_edit]") {
    // C 2025-01-01, R 2025-06-01, C 2025-10-01, R 2026-04-01 (new).
    const std::string before = head +
                               "[[locality]]\n"                          // 9
                               "name = \"Kiến An\"\n"                    // 10
                               "certified = [2025-01-01, 2025-10-01]\n"  // 11
                               "revoked = [2025-06-01]\n";               // 12
    const std::string after = head +
                              "[[locality]]\n"
                              "name = \"Kiến An\"\n"
                              "certified = [2025-01-01, 2025-10-01]\n"
                              "revoked = [2025-06-01, 2026-04-01]\n";
    const EditResult r = add_event(before, "plan.toml", by_name("Kiến An", EditKind::revoked, ymd(2026, 4, 1)));
    CHECK(r.text == after);
    CHECK(r.summary == "Kiến An: revoked 2026-04-01 added (line 12)");
}

TEST_CASE("A date is appended at the end of an array keeping its separator", "[plan_edit]") {
    // C 2025-01-01, R 2025-06-01, C 2025-10-01, R 2025-12-01, then C 2026-03-01.
    const std::string tail = "revoked = [2025-06-01,2025-12-01]\n";
    SECTION("on one line, without spaces") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"X\"\n"
                                   "certified = [2025-01-01,2025-10-01]\n" +  // 11
                                   tail;
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"X\"\n"
                                  "certified = [2025-01-01,2025-10-01,2026-03-01]\n" +
                                  tail;
        const EditResult r = add_event(before, "plan.toml", by_name("X", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "X: certified 2026-03-01 added (line 11)");
    }
    SECTION("one date a line, no trailing comma") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"X\"\n"
                                   "certified = [\n"  // 11
                                   "  2025-01-01,\n"  // 12
                                   "  2025-10-01\n"   // 13
                                   "]\n" +
                                   tail;
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"X\"\n"
                                  "certified = [\n"
                                  "  2025-01-01,\n"
                                  "  2025-10-01,\n"
                                  "  2026-03-01\n"  // line 14
                                  "]\n" +
                                  tail;
        const EditResult r = add_event(before, "plan.toml", by_name("X", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "X: certified 2026-03-01 added (line 14)");
    }
    SECTION("one date a line with a trailing comma and comments") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"X\"\n"
                                   "certified = [\n"             // 11
                                   "    2025-01-01,  # first\n"  // 12
                                   "    2025-10-01,  # again\n"  // 13
                                   "]\n" +
                                   tail;
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"X\"\n"
                                  "certified = [\n"
                                  "    2025-01-01,  # first\n"
                                  "    2025-10-01,  # again\n"
                                  "    2026-03-01,\n"  // line 14
                                  "]\n" +
                                  tail;
        const EditResult r = add_event(before, "plan.toml", by_name("X", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "X: certified 2026-03-01 added (line 14)");
    }
    SECTION("a comment after the last date and no trailing comma") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"X\"\n"
                                   "certified = [\n"
                                   "  2025-01-01, # first\n"
                                   "  2025-10-01 # again\n"
                                   "]\n" +
                                   tail;
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"X\"\n"
                                  "certified = [\n"
                                  "  2025-01-01, # first\n"
                                  "  2025-10-01, # again\n"
                                  "  2026-03-01\n"
                                  "]\n" +
                                  tail;
        const EditResult r = add_event(before, "plan.toml", by_name("X", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "X: certified 2026-03-01 added (line 14)");
    }
}

TEST_CASE("A date goes inside an empty array", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"
                               "name = \"X\"\n"
                               "certified = [ # none yet\n"  // 11
                               "]\n";
    const std::string after = head +
                              "[[locality]]\n"
                              "name = \"X\"\n"
                              "certified = [2025-01-01 # none yet\n"
                              "]\n";
    const EditResult r = add_event(before, "plan.toml", by_name("X", EditKind::certified, ymd(2025, 1, 1)));
    CHECK(r.text == after);
    CHECK(r.summary == "X: certified 2025-01-01 added (line 11)");
}

TEST_CASE("A date inserted in the middle of an array is refused with the edited line", "[plan_edit]") {
    // C 2025-01-01, R 2025-06-01, C 2025-10-01. A certification on 2025-03-01
    // goes between the two certifications: "certified = [2025-01-01, " is 25
    // code points, so it stands at column 26. Sorted: C 01-01, C 03-01, R 06-01,
    // C 10-01: the second certification follows the first.
    const std::string before = head +
                               "[[locality]]\n"
                               "name = \"X\"\n"
                               "certified = [2025-01-01, 2025-10-01]\n"  // 11
                               "revoked = 2025-06-01\n";
    const auto ds = refusal(before, by_name("X", EditKind::certified, ymd(2025, 3, 1)));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "plan.toml:11:26: certified on 2025-03-01 while still certified since 2025-01-01");
    CHECK(ds[0].excerpt == "certified = [2025-01-01, 2025-03-01, 2025-10-01]");
    CHECK(ds[0].hint == "certified and revoked dates must alternate in time; add the missing event or remove this one");
}

TEST_CASE("A date earlier than a single date is put first", "[plan_edit]") {
    // C 2025-06-01 alone; a certification on 2025-01-01 makes C C: refused.
    const std::string before = head +
                               "[[locality]]\n"
                               "name = \"X\"\n"
                               "certified = 2025-06-01\n";  // 11
    const auto ds = refusal(before, by_name("X", EditKind::certified, ymd(2025, 1, 1)));
    REQUIRE(ds.size() == 1);
    // Sorted C 01-01, C 06-01: the error is on the existing 2025-06-01, moved to
    // the new date at column 14 ("certified = [" is 13 code points).
    CHECK(located(ds[0]) == "plan.toml:11:14: certified on 2025-06-01 while still certified since 2025-01-01");
    CHECK(ds[0].excerpt == "certified = [2025-01-01, 2025-06-01]");
}

TEST_CASE("A planned date is appended, the old ones kept as its history", "[plan_edit]") {
    SECTION("a single date becomes an array, the comment after it kept") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "id = \"11383\"\n"
                                   "name = \"Lê Chân\"\n"
                                   "planned   =   2027-03-31   # council target\n"  // 12
                                   "kind = \"phường\"\n";
        const std::string after =
            head +
            "[[locality]]\n"
            "id = \"11383\"\n"
            "name = \"Lê Chân\"\n"
            "planned   =   [2027-03-31, { date = 2027-06-30, set = 2026-11-30 }]   # council target\n"
            "kind = \"phường\"\n";
        EditRequest request = by_id("11383", EditKind::planned, ymd(2027, 6, 30));
        request.set = ymd(2026, 11, 30);
        const EditResult r = add_event(before, "plan.toml", request);
        CHECK(r.text == after);
        CHECK(r.summary == "Lê Chân (11383): planned 2027-06-30 replaces 2027-03-31 (line 12)");
    }
    SECTION("an array gets the entry last, with its note, even when it is earlier") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"Lê Chân\"\n"
                                   "planned = [2027-03-31, { date = 2027-06-30, set = 2026-05-02 }]\n";  // 11
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"Lê Chân\"\n"
                                  "planned = [2027-03-31, { date = 2027-06-30, set = 2026-05-02 }, "
                                  "{ date = 2027-01-15, set = 2026-11-30, note = \"council: \\\"earlier\\\"\" }]\n";
        EditRequest request = by_name("Lê Chân", EditKind::planned, ymd(2027, 1, 15));
        request.set = ymd(2026, 11, 30);
        request.note = "council: \"earlier\"";
        const EditResult r = add_event(before, "plan.toml", request);
        CHECK(r.text == after);
        CHECK(r.summary == "Lê Chân: planned 2027-01-15 replaces 2027-06-30 (line 11)");
    }
    SECTION("a plan set before the one before it is refused at the new entry") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"Lê Chân\"\n"
                                   "planned = { date = 2027-06-30, set = 2026-12-01 }\n";  // 11
        EditRequest request = by_name("Lê Chân", EditKind::planned, ymd(2027, 9, 30));
        request.set = ymd(2026, 11, 30);
        const auto ds = refusal(before, request);
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) ==
              "plan.toml:11:62: planned date set on 2026-11-30, before the one before it (set on 2026-12-01)");
    }
    SECTION("added when there is none") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "id = \"11383\"\n"
                                   "name = \"Lê Chân\"\n";  // 11
        const std::string after = head +
                                  "[[locality]]\n"
                                  "id = \"11383\"\n"
                                  "name = \"Lê Chân\"\n"
                                  "planned = 2027-06-30\n";
        const EditResult r = add_event(before, "plan.toml", by_id("11383", EditKind::planned, ymd(2027, 6, 30)));
        CHECK(r.text == after);
        CHECK(r.summary == "Lê Chân (11383): planned 2027-06-30 added (line 12)");
    }
    SECTION("the current plan's date again is already recorded; an older one is not") {
        const std::string older = head +
                                  "[[locality]]\n"
                                  "name = \"Lê Chân\"\n"
                                  "planned = [2027-03-31, 2027-06-30]\n";  // 11
        CHECK(add_event(older, "plan.toml", by_name("Lê Chân", EditKind::planned, ymd(2027, 3, 31))).text ==
              head + "[[locality]]\nname = \"Lê Chân\"\nplanned = [2027-03-31, 2027-06-30, 2027-03-31]\n");
        const auto ds = refusal(older, by_name("Lê Chân", EditKind::planned, ymd(2027, 6, 30)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:11:24: planned 2027-06-30 is already recorded for Lê Chân");
    }
    SECTION("the same planned date is already recorded") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"Lê Chân\"\n"
                                   "planned = 2027-03-31\n";  // 11
        const auto ds = refusal(before, by_name("Lê Chân", EditKind::planned, ymd(2027, 3, 31)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:11:11: planned 2027-03-31 is already recorded for Lê Chân");
    }
}

TEST_CASE("A CRLF file keeps CRLF and its byte order mark", "[plan_edit]") {
    const std::string crlf_head =
        "\xEF\xBB\xBF[plan]\r\n"
        "name = \"Test\"\r\n"
        "\r\n"
        "[[milestone]]\r\n"
        "deadline = 2030-12-31\r\n"
        "target = 1\r\n"
        "\r\n";  // 7 lines
    SECTION("a new line") {
        const std::string before = crlf_head +
                                   "[[locality]]\r\n"          // 8
                                   "name = \"Hồng Bàng\"\r\n"  // 9
                                   "\r\n"                      // 10
                                   "[[locality]]\r\n"          // 11
                                   "name = \"Hồng An\"\r\n";   // 12
        const std::string after = crlf_head +
                                  "[[locality]]\r\n"
                                  "name = \"Hồng Bàng\"\r\n"
                                  "certified = 2026-03-01\r\n"
                                  "\r\n"
                                  "[[locality]]\r\n"
                                  "name = \"Hồng An\"\r\n";
        const EditResult r = add_event(before, "plan.toml", by_name("Hồng Bàng", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "Hồng Bàng: certified 2026-03-01 added (line 10)");
    }
    SECTION("a new line after the last line, which has no line ending") {
        const std::string before = crlf_head +
                                   "[[locality]]\r\n"
                                   "name = \"Hồng An\"";  // 9
        const std::string after = crlf_head +
                                  "[[locality]]\r\n"
                                  "name = \"Hồng An\"\r\n"
                                  "planned = 2026-03-01";  // no final line ending
        const EditResult r = add_event(before, "plan.toml", by_name("Hồng An", EditKind::planned, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "Hồng An: planned 2026-03-01 added (line 10)");
        // Revoked before any certification: refused, at the new line 10, column
        // 11 ("revoked = " is 10 code points).
        const auto ds = refusal(before, by_name("Hồng An", EditKind::revoked, ymd(2026, 3, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:10:11: revoked on 2026-03-01 before it was ever certified");
        CHECK(ds[0].excerpt == "revoked = 2026-03-01");
    }
    SECTION("a date turned into an array, multi-line arrays with CRLF") {
        const std::string before = crlf_head +
                                   "[[locality]]\r\n"
                                   "name = \"X\"\r\n"
                                   "certified = 2025-01-01\r\n"  // 10
                                   "revoked = [\r\n"             // 11
                                   "  2025-06-01\r\n"            // 12
                                   "]\r\n";
        const std::string after = crlf_head +
                                  "[[locality]]\r\n"
                                  "name = \"X\"\r\n"
                                  "certified = [2025-01-01, 2026-01-01]\r\n"
                                  "revoked = [\r\n"
                                  "  2025-06-01\r\n"
                                  "]\r\n";
        const EditResult r = add_event(before, "plan.toml", by_name("X", EditKind::certified, ymd(2026, 1, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "X: certified 2026-01-01 added (line 10)");
        // Then a revocation: the one-element array on its own lines grows by a
        // CRLF line in the same style.
        const std::string after2 = crlf_head +
                                   "[[locality]]\r\n"
                                   "name = \"X\"\r\n"
                                   "certified = [2025-01-01, 2026-01-01]\r\n"
                                   "revoked = [\r\n"
                                   "  2025-06-01,\r\n"
                                   "  2026-05-01\r\n"  // line 13
                                   "]\r\n";
        const EditResult r2 = add_event(r.text, "plan.toml", by_name("X", EditKind::revoked, ymd(2026, 5, 1)));
        CHECK(r2.text == after2);
        CHECK(r2.summary == "X: revoked 2026-05-01 added (line 13)");
    }
}

TEST_CASE("Comments and odd spacing around other keys are kept", "[plan_edit]") {
    const std::string before = head +
                               "# Hồng Bàng: merged 2025\n"               // 9
                               "[[locality]]   # ward\n"                  // 10
                               "  id=\"11311\"   # GSO code\n"            // 11
                               "  name  =  'Hồng Bàng'\n"                 // 12
                               "\t\"kind\" = \"phường\"  # quoted key\n"  // 13
                               "  # certified on paper only\n"            // 14
                               "\n"                                       // 15
                               "[[locality]]\n"                           // 16
                               "name = \"Y\"\n";                          // 17
    // The new line goes after line 13 and takes its indentation (a tab).
    const std::string after = head +
                              "# Hồng Bàng: merged 2025\n"
                              "[[locality]]   # ward\n"
                              "  id=\"11311\"   # GSO code\n"
                              "  name  =  'Hồng Bàng'\n"
                              "\t\"kind\" = \"phường\"  # quoted key\n"
                              "\tcertified = 2026-03-01\n"
                              "  # certified on paper only\n"
                              "\n"
                              "[[locality]]\n"
                              "name = \"Y\"\n";
    const EditResult r = add_event(before, "plan.toml", by_id("11311", EditKind::certified, ymd(2026, 3, 1)));
    CHECK(r.text == after);
    CHECK(r.summary == "Hồng Bàng (11311): certified 2026-03-01 added (line 14)");
}

TEST_CASE("The last locality at the end of a file without a final newline", "[plan_edit]") {
    SECTION("a new line") {
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"Tiên Lãng\"\n"
                                   "kind = \"xã\"";  // 11, no final newline
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"Tiên Lãng\"\n"
                                  "kind = \"xã\"\n"
                                  "certified = 2026-03-01";
        const EditResult r = add_event(before, "plan.toml", by_name("Tiên Lãng", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "Tiên Lãng: certified 2026-03-01 added (line 12)");
    }
    SECTION("a date turned into an array on the last line") {
        // C 2025-01-01, R 2025-02-01, then C 2026-03-01.
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"Tiên Lãng\"\n"
                                   "revoked = 2025-02-01\n"
                                   "certified = 2025-01-01";  // 12, no final newline
        const std::string after = head +
                                  "[[locality]]\n"
                                  "name = \"Tiên Lãng\"\n"
                                  "revoked = 2025-02-01\n"
                                  "certified = [2025-01-01, 2026-03-01]";
        const EditResult r = add_event(before, "plan.toml", by_name("Tiên Lãng", EditKind::certified, ymd(2026, 3, 1)));
        CHECK(r.text == after);
        CHECK(r.summary == "Tiên Lãng: certified 2026-03-01 added (line 12)");
    }
}

TEST_CASE("A locality not found is refused with a suggestion", "[plan_edit]") {
    const std::string text = head +
                             "[[locality]]\n"  // 9
                             "id = \"11311\"\n"
                             "name = \"Hồng Bàng\"\n"
                             "\n"
                             "[[locality]]\n"
                             "id = \"11359\"\n"
                             "name = \"Gia Viên\"\n";
    SECTION("an id one digit off") {
        // "11312" is one edit from "11311", three from "11359" (limit 5 / 3 = 1).
        const auto ds = refusal(text, by_id("11312", EditKind::certified, ymd(2026, 3, 1)));
        REQUIRE(ds.size() == 1);
        // About the plan as a whole (line 0): no line of it is wrong.
        CHECK(located(ds[0]) == "plan.toml:0:0: no locality with id '11312'");
        CHECK(ds[0].hint == "did you mean '11311' (Hồng Bàng)?");
    }
    SECTION("a name without its diacritic") {
        // "Gia Vien" to "Gia Viên": "e" (1 byte) to "ê" (2 bytes) is 2 byte edits, limit 8 / 3 = 2.
        const auto ds = refusal(text, by_name("Gia Vien", EditKind::certified, ymd(2026, 3, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:0:0: no locality named 'Gia Vien'");
        CHECK(ds[0].hint ==
              "a name is taken in any letter case or tone placement, alone or after its kind, but with every mark; "
              "written without some, this is: Gia Viên (11359)");
    }
    SECTION("an id given as a name") {
        const auto ds = refusal(text, by_name("11359", EditKind::certified, ymd(2026, 3, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].hint == "'11359' is the id of Gia Viên, not a name: find it by id");
    }
    SECTION("nothing close") {
        const auto ds = refusal(text, by_id("99999", EditKind::certified, ymd(2026, 3, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "no locality with id '99999'");
        CHECK(ds[0].hint == "ids are matched exactly, as written in id = \"...\"");
    }
}

TEST_CASE("A revocation while already revoked is refused with the reason and line", "[plan_edit]") {
    // C 2025-01-01, R 2025-06-01, then R 2026-01-15. "revoked = [2025-06-01, "
    // is 23 code points: column 24.
    const std::string before = head +
                               "[[locality]]\n"
                               "id = \"11311\"\n"
                               "name = \"Hồng Bàng\"\n"
                               "certified = 2025-01-01\n"  // 12
                               "revoked = 2025-06-01\n";   // 13
    const auto ds = refusal(before, by_id("11311", EditKind::revoked, ymd(2026, 1, 15)));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "plan.toml:13:24: revoked on 2026-01-15 while already revoked since 2025-06-01");
    CHECK(ds[0].excerpt == "revoked = [2025-06-01, 2026-01-15]");
    CHECK(ds[0].hint == "certified and revoked dates must alternate in time; add the missing event or remove this one");
}

TEST_CASE("The same event twice is refused as already recorded", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"
                               "id = \"11311\"\n"
                               "name = \"Hồng Bàng\"\n"
                               "certified = [2025-01-01, 2025-10-01]\n"  // 12
                               "revoked = 2025-06-01\n";                 // 13
    SECTION("in an array") {
        const auto ds = refusal(before, by_id("11311", EditKind::certified, ymd(2025, 10, 1)));
        REQUIRE(ds.size() == 1);
        // At the existing date: "certified = [2025-01-01, " is 25 code points.
        CHECK(located(ds[0]) == "plan.toml:12:26: certified 2025-10-01 is already recorded for Hồng Bàng (11311)");
        CHECK(ds[0].hint == "nothing to add: the plan is unchanged");
        CHECK(ds[0].excerpt == "certified = [2025-01-01, 2025-10-01]");
    }
    SECTION("a single date") {
        const auto ds = refusal(before, by_id("11311", EditKind::revoked, ymd(2025, 6, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:13:11: revoked 2025-06-01 is already recorded for Hồng Bàng (11311)");
    }
}

TEST_CASE("A certification on the day of a revocation is refused", "[plan_edit]") {
    SECTION("the revocation written after the edited line") {
        // C 2025-01-01, R 2025-06-01; C 2025-06-01 is added at line 11 column 26.
        // The loader reports the later-written revocation (line 12) "see line 11";
        // moved to the new date, the hint points at the revocation.
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"X\"\n"
                                   "certified = 2025-01-01\n"  // 11
                                   "revoked = 2025-06-01\n";   // 12
        const auto ds = refusal(before, by_name("X", EditKind::certified, ymd(2025, 6, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:11:26: two events on 2025-06-01");
        CHECK(ds[0].excerpt == "certified = [2025-01-01, 2025-06-01]");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 12)");
    }
    SECTION("the edit adds a line before the revocation") {
        // C 2025-01-01, R 2025-06-01, C 2025-10-01, R 2026-03-01; C 2026-03-01
        // goes on a new line 14, which moves the revocations from line 16 to 17
        // in the new text: the hint names line 16, as in the file.
        const std::string before = head +
                                   "[[locality]]\n"                         // 9
                                   "name = \"X\"\n"                         // 10
                                   "certified = [\n"                        // 11
                                   "  2025-01-01,\n"                        // 12
                                   "  2025-10-01,\n"                        // 13
                                   "]\n"                                    // 14
                                   "kind = \"xã\"\n"                        // 15
                                   "revoked = [2025-06-01, 2026-03-01]\n";  // 16
        const auto ds = refusal(before, by_name("X", EditKind::certified, ymd(2026, 3, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:14:3: two events on 2026-03-01");
        CHECK(ds[0].excerpt == "  2026-03-01,");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 16)");
    }
    SECTION("a revocation on the day of a certification, on a new line") {
        // R 2025-01-01 on new line 12 is written after C 2025-01-01 (line 11):
        // reported at the new line itself, "see line 11".
        const std::string before = head +
                                   "[[locality]]\n"
                                   "name = \"X\"\n"
                                   "certified = 2025-01-01\n";  // 11
        const auto ds = refusal(before, by_name("X", EditKind::revoked, ymd(2025, 1, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:12:11: two events on 2025-01-01");
        CHECK(ds[0].excerpt == "revoked = 2025-01-01");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 11)");
    }
}

TEST_CASE("A locality written as an inline table is refused", "[plan_edit]") {
    const std::string text =
        "locality = [\n"
        "    { id = \"11311\", name = \"Hồng Bàng\", kind = \"phường\" },\n"  // 2
        "]\n"
        "\n" +
        head;
    const auto ds = refusal(text, by_id("11311", EditKind::certified, ymd(2026, 3, 1)));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "plan.toml:2:5: locality Hồng Bàng (11311) is written as an inline table, which cannot be edited safely");
    CHECK(ds[0].hint == "write it as its own [[locality]] section, one key per line, then record the event again");
}

TEST_CASE("A plan that is invalid as it is is refused with the loader's diagnostics", "[plan_edit]") {
    const std::string text = head +
                             "[[locality]]\n"
                             "name = \"X\"\n"
                             "certifed = 2025-01-01\n";  // 11
    const auto ds = refusal(text, by_name("X", EditKind::certified, ymd(2026, 3, 1)));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "plan.toml:11:1: unknown key 'certifed' in [[locality]]");
}

TEST_CASE("The request names the locality by exactly one of id and name", "[plan_edit]") {
    const std::string text = head + "[[locality]]\nid = \"1\"\nname = \"X\"\n";
    EditRequest both = by_id("1", EditKind::certified, ymd(2026, 3, 1));
    both.name = "X";
    CHECK_THROWS_AS(add_event(text, "plan.toml", both), std::invalid_argument);
    EditRequest neither = by_id("", EditKind::certified, ymd(2026, 3, 1));
    CHECK_THROWS_AS(add_event(text, "plan.toml", neither), std::invalid_argument);
}

TEST_CASE("add_events edits several localities and one locality several times in one pass", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"             // 9
                               "id = \"A\"\n"               // 10
                               "name = \"Alpha\"\n"         // 11
                               "\n"                         // 12
                               "[[locality]]\n"             // 13
                               "id = \"B\"\n"               // 14
                               "name = \"Beta\"\n"          // 15
                               "certified = 2025-01-01\n";  // 16
    // A: certified then revoked then planned; B: revoked. Written by hand:
    // A's new keys follow its last line in the order they were added.
    const std::string after = head +
                              "[[locality]]\n"
                              "id = \"A\"\n"
                              "name = \"Alpha\"\n"
                              "certified = 2025-03-01\n"
                              "revoked = 2025-09-01\n"
                              "planned = 2027-06-30\n"
                              "\n"
                              "[[locality]]\n"
                              "id = \"B\"\n"
                              "name = \"Beta\"\n"
                              "certified = 2025-01-01\n"
                              "revoked = 2026-02-01\n";
    const EditResult r = ontrack::add_events(
        before, "plan.toml",
        {by_id("A", EditKind::certified, ymd(2025, 3, 1)), by_id("B", EditKind::revoked, ymd(2026, 2, 1)),
         by_name("Alpha", EditKind::revoked, ymd(2025, 9, 1)), by_id("A", EditKind::planned, ymd(2027, 6, 30))});
    CHECK(r.text == after);
    CHECK(r.summary ==
          "Alpha (A): certified 2025-03-01 added (line 12)\n"
          "Beta (B): revoked 2026-02-01 added (line 17)\n"
          "Alpha (A): revoked 2025-09-01 added (line 13)\n"
          "Alpha (A): planned 2027-06-30 added (line 14)");
}

TEST_CASE("add_events refuses the first bad request at its line in the file, and nothing is written", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"             // 9
                               "id = \"A\"\n"               // 10
                               "name = \"Alpha\"\n"         // 11
                               "\n"                         // 12
                               "[[locality]]\n"             // 13
                               "id = \"B\"\n"               // 14
                               "name = \"Beta\"\n"          // 15
                               "certified = 2025-01-01\n";  // 16
    try {
        (void)ontrack::add_events(
            before, "plan.toml",
            {by_id("A", EditKind::certified, ymd(2025, 3, 1)), by_id("B", EditKind::certified, ymd(2026, 2, 1))});
        FAIL("accepted");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const Diagnostic& d = e.diagnostics()[0];
        // B: C 2025-01-01, C 2026-02-01; "certified = [2025-01-01, " is 25 code points.
        CHECK(located(d) == "plan.toml:16:26: certified on 2026-02-01 while still certified since 2025-01-01");
        CHECK(d.excerpt == "certified = [2025-01-01, 2026-02-01]");
    }
}

TEST_CASE("An event with a decision is written as an inline table, in date order", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"
                               "name = \"An Lão\"\n"
                               "certified = 2025-01-10\n"  // 11
                               "revoked = [{ date = 2025-06-01, decision = \"12/QĐ-UBND\" }]\n";
    SECTION("a new key") {
        const std::string b = head + "[[locality]]\nname = \"An Lão\"\n";
        EditRequest request = by_name("An Lão", EditKind::certified, ymd(2025, 1, 10));
        request.decision = "1234/QĐ-UBND";
        const EditResult r = add_event(b, "plan.toml", request);
        CHECK(r.text == head +
                            "[[locality]]\nname = \"An Lão\"\ncertified = { date = 2025-01-10, decision = "
                            "\"1234/QĐ-UBND\" }\n");
        CHECK(r.summary == "An Lão: certified 2025-01-10 added (line 11)");
    }
    SECTION("a single date becomes an array mixing a date and a table") {
        EditRequest request = by_name("An Lão", EditKind::certified, ymd(2026, 2, 3));
        request.decision = "77/QĐ-UBND";
        request.note = "after review";
        const EditResult r = add_event(before, "plan.toml", request);
        CHECK(r.text == head +
                            "[[locality]]\n"
                            "name = \"An Lão\"\n"
                            "certified = [2025-01-10, { date = 2026-02-03, decision = \"77/QĐ-UBND\", note = "
                            "\"after review\" }]\n"
                            "revoked = [{ date = 2025-06-01, decision = \"12/QĐ-UBND\" }]\n");
    }
    SECTION("an array of tables gets a plain date after its last table") {
        const std::string b = head +
                              "[[locality]]\n"
                              "name = \"An Lão\"\n"
                              "certified = [2025-01-10, 2026-01-01]\n"
                              "revoked = [{ date = 2025-06-01, decision = \"12/QĐ-UBND\" }]\n";  // 12
        const EditResult r = add_event(b, "plan.toml", by_name("An Lão", EditKind::revoked, ymd(2026, 3, 1)));
        CHECK(r.text == head +
                            "[[locality]]\n"
                            "name = \"An Lão\"\n"
                            "certified = [2025-01-10, 2026-01-01]\n"
                            "revoked = [{ date = 2025-06-01, decision = \"12/QĐ-UBND\" }, 2026-03-01]\n");
        CHECK(r.summary == "An Lão: revoked 2026-03-01 added (line 12)");
    }
}

TEST_CASE("An event is removed with its decision, or moved keeping it", "[plan_edit]") {
    const std::string before = head +
                               "[[locality]]\n"
                               "name = \"An Lão\"\n"
                               "certified = [2025-01-10, { date = 2026-01-05, decision = \"9/QĐ-UBND\" }]\n"  // 11
                               "revoked = 2025-06-01   # council\n"                                           // 12
                               "kind = \"xã\"\n";
    auto request = [](EditKind kind, Date day) {
        EditRequest r = by_name("An Lão", kind, day);
        r.action = ontrack::EditAction::remove;
        return r;
    };
    SECTION("the last element of an array goes with the separator before it") {
        const EditResult r = add_event(before, "plan.toml", request(EditKind::certified, ymd(2026, 1, 5)));
        CHECK(r.text == head +
                            "[[locality]]\n"
                            "name = \"An Lão\"\n"
                            "certified = [2025-01-10]\n"
                            "revoked = 2025-06-01   # council\n"
                            "kind = \"xã\"\n");
        CHECK(r.summary == "An Lão: certified 2026-01-05 removed (line 11)");
    }
    SECTION("the only value goes with its line; the history after it must still hold") {
        // Removing the revocation leaves two certifications in a row: refused.
        const auto ds = refusal(before, request(EditKind::revoked, ymd(2025, 6, 1)));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "certified on 2026-01-05 while still certified since 2025-01-10");
        CHECK(ds[0].line == 12);
        // Removing the re-certification first, then the revocation: both fine.
        const std::string once = add_event(before, "plan.toml", request(EditKind::certified, ymd(2026, 1, 5))).text;
        const EditResult r = add_event(once, "plan.toml", request(EditKind::revoked, ymd(2025, 6, 1)));
        CHECK(r.text == head + "[[locality]]\nname = \"An Lão\"\ncertified = [2025-01-10]\nkind = \"xã\"\n");
        CHECK(r.summary == "An Lão: revoked 2025-06-01 removed (line 12)");
    }
    SECTION("a date not there is refused, the hint listing the dates") {
        const auto ds = refusal(before, request(EditKind::certified, ymd(2026, 1, 6)));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:11:13: An Lão has no certified date 2026-01-06");
        CHECK(ds[0].hint == "its dates: certified = 2025-01-10, 2026-01-05; revoked = 2025-06-01");
    }
    SECTION("moved: only the date's bytes change, the decision stays") {
        EditRequest r = request(EditKind::certified, ymd(2026, 1, 5));
        r.action = ontrack::EditAction::move;
        r.new_date = ymd(2026, 1, 15);
        const EditResult moved = add_event(before, "plan.toml", r);
        CHECK(moved.text == head +
                                "[[locality]]\n"
                                "name = \"An Lão\"\n"
                                "certified = [2025-01-10, { date = 2026-01-15, decision = \"9/QĐ-UBND\" }]\n"
                                "revoked = 2025-06-01   # council\n"
                                "kind = \"xã\"\n");
        CHECK(moved.summary == "An Lão: certified 2026-01-05 moved to 2026-01-15 (line 11)");
        // Moved before the revocation it followed: two certifications in a row.
        r.new_date = ymd(2025, 3, 1);
        const auto ds = refusal(before, r);
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "certified on 2025-03-01 while still certified since 2025-01-10");
    }
}

TEST_CASE("An event already recorded gets the decision or note it lacks, in place", "[plan_edit]") {
    const std::string locality =
        "[[locality]]\n"                                       // 9
        "id = \"11629\"\n"                                     // 10
        "name = \"An Lão\"\n"                                  // 11
        "certified = [2025-01-10, 2026-01-05]   # council\n";  // 12
    auto request = [](EditKind kind, Date day, const std::string& decision, const std::string& note) {
        EditRequest r = by_id("11629", kind, day);
        r.decision = decision;
        r.note = note;
        return r;
    };
    SECTION("a plain date becomes an inline table") {
        const std::string before = head + locality + "revoked = 2025-06-01\n";  // 13
        const EditResult r =
            add_event(before, "plan.toml", request(EditKind::revoked, ymd(2025, 6, 1), "12/QĐ-UBND", ""));
        CHECK(r.text == head + locality + "revoked = { date = 2025-06-01, decision = \"12/QĐ-UBND\" }\n");
        CHECK(r.summary == "An Lão (11629): decision 12/QĐ-UBND added to revoked 2025-06-01 (line 13)");
    }
    SECTION("a date inside an array becomes an inline table there, the comment kept") {
        const std::string before = head + locality + "revoked = 2025-06-01\n";
        const EditResult r =
            add_event(before, "plan.toml", request(EditKind::certified, ymd(2026, 1, 5), "7/QĐ-UBND", "late"));
        CHECK(r.text == head +
                            "[[locality]]\n"
                            "id = \"11629\"\n"
                            "name = \"An Lão\"\n"
                            "certified = [2025-01-10, { date = 2026-01-05, decision = \"7/QĐ-UBND\", note = \"late\" "
                            "}]   # council\n"
                            "revoked = 2025-06-01\n");
        CHECK(r.summary == "An Lão (11629): decision 7/QĐ-UBND and a note added to certified 2026-01-05 (line 12)");
    }
    SECTION("an inline table gains the decision after its date, the note before its brace") {
        const std::string before = head + locality + "revoked = { date = 2025-06-01, note = \"council\" }\n";
        const EditResult r = add_event(before, "plan.toml", request(EditKind::revoked, ymd(2025, 6, 1), "3/QĐ", ""));
        CHECK(r.text == head + locality + "revoked = { date = 2025-06-01, decision = \"3/QĐ\", note = \"council\" }\n");
        CHECK(r.summary == "An Lão (11629): decision 3/QĐ added to revoked 2025-06-01 (line 13)");

        const std::string tight = head + locality + "revoked = {date=2025-06-01}\n";
        const EditResult n = add_event(tight, "plan.toml", request(EditKind::revoked, ymd(2025, 6, 1), "", "n"));
        CHECK(n.text == head + locality + "revoked = {date=2025-06-01, note = \"n\"}\n");
        CHECK(n.summary == "An Lão (11629): a note added to revoked 2025-06-01 (line 13)");

        const std::string both = head + locality + "revoked = { date = 2025-06-01 }\n";
        const EditResult b = add_event(both, "plan.toml", request(EditKind::revoked, ymd(2025, 6, 1), "3", "n"));
        CHECK(b.text == head + locality + "revoked = { date = 2025-06-01, decision = \"3\", note = \"n\" }\n");
    }
    SECTION("the same decision: already recorded; with a note it lacks, the note is added") {
        const std::string before = head + locality + "revoked = { date = 2025-06-01, decision = \"12/QĐ-UBND\" }\n";
        const auto ds = refusal(before, request(EditKind::revoked, ymd(2025, 6, 1), "12/QĐ-UBND", ""));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:13:11: revoked 2025-06-01 is already recorded for An Lão (11629)");
        CHECK(ds[0].hint == "nothing to add: the plan is unchanged");
        const EditResult r =
            add_event(before, "plan.toml", request(EditKind::revoked, ymd(2025, 6, 1), "12/QĐ-UBND", "council"));
        CHECK(r.text ==
              head + locality + "revoked = { date = 2025-06-01, decision = \"12/QĐ-UBND\", note = \"council\" }\n");
        CHECK(r.summary == "An Lão (11629): a note added to revoked 2025-06-01 (line 13)");
    }
    SECTION("another decision or note is refused at it, showing it") {
        const std::string before = head + locality + "revoked = { date = 2025-06-01, decision = \"12/QĐ-UBND\" }\n";
        auto ds = refusal(before, request(EditKind::revoked, ymd(2025, 6, 1), "13/QĐ-UBND", "council"));
        REQUIRE(ds.size() == 1);
        // "revoked = { date = 2025-06-01, decision = " is 42 code points.
        CHECK(located(ds[0]) ==
              "plan.toml:13:43: revoked 2025-06-01 of An Lão (11629) already has decision 12/QĐ-UBND");
        CHECK(ds[0].hint ==
              "to give it decision 13/QĐ-UBND instead, remove the event (record --remove) and record it again, or "
              "edit the file");
        CHECK(ds[0].excerpt == "revoked = { date = 2025-06-01, decision = \"12/QĐ-UBND\" }");

        const std::string noted = head + locality + "revoked = { date = 2025-06-01, note = \"council\" }\n";
        ds = refusal(noted, request(EditKind::revoked, ymd(2025, 6, 1), "12/QĐ-UBND", "review"));
        REQUIRE(ds.size() == 1);
        // "revoked = { date = 2025-06-01, note = " is 38 code points.
        CHECK(located(ds[0]) ==
              "plan.toml:13:39: revoked 2025-06-01 of An Lão (11629) already has the note \"council\"");
        CHECK(ds[0].hint ==
              "to replace the note, remove the event (record --remove) and record it again with its decision and "
              "the new --note, or edit the file");
    }
    SECTION("the decision added is validated as one written by hand") {
        const std::string before = head + locality + "revoked = 2025-06-01\n";
        const auto ds = refusal(before, request(EditKind::certified, ymd(2026, 1, 5), "12/QĐ\u200b", ""));
        REQUIRE(ds.size() == 1);
        // At the date in the edited line: "certified = [2025-01-10, { date = " is 34 code points.
        CHECK(located(ds[0]) == "plan.toml:12:35: 'decision' contains U+200B, an invisible or control character");
        CHECK(ds[0].excerpt ==
              "certified = [2025-01-10, { date = 2026-01-05, decision = \"12/QĐ\u200b\" }]   # council");
    }
    SECTION("a note for the current planned date: already recorded, as before") {
        const std::string before = head + locality + "revoked = 2025-06-01\nplanned = 2026-06-30\n";
        const auto ds = refusal(before, request(EditKind::planned, ymd(2026, 6, 30), "", "late"));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "plan.toml:14:11: planned 2026-06-30 is already recorded for An Lão (11629)");
    }
}
