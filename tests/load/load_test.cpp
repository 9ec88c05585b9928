// parse_plan(): the happy path, and every bad input with its message, hint,
// line and column. Lines and columns are 1-based; columns count code points.
#include "load.hpp"

#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "plan_file.hpp"
#include "temp_dir.hpp"

using Catch::Matchers::Contains;
using ontrack::Date;
using ontrack::Diagnostic;
using ontrack::EventKind;
using ontrack::InputError;
using ontrack::parse_plan;
using ontrack::Plan;
using ontrack::Target;

namespace {

// The diagnostics parse_plan() throws for `text`; fails the test when it throws none.
std::vector<Diagnostic> diagnostics_of(const std::string& text) {
    try {
        (void)parse_plan(text, "plan.toml");
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("parse_plan accepted the plan");
    return {};
}

// "LINE:COLUMN: MESSAGE", so one CHECK shows position and message together.
std::string located(const Diagnostic& d) {
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

Date ymd(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

// Ten lines: a valid plan (total 10) up to the name of one [[locality]]. Tests
// append the locality's further keys, which therefore start at line 11.
const std::string plan_with_locality = R"toml([plan]
name = "A"
total = 10

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = "X"
)toml";

// Seven lines, total 10; the target's value stands at line 7, column 10.
std::string plan_with_target(const std::string& target) {
    return "[plan]\n"
           "name = \"A\"\n"
           "total = 10\n"
           "\n"
           "[[milestone]]\n"
           "deadline = 2025-12-31\n"
           "target = " +
           target + "\n";
}

}  // namespace

// ---------------------------------------------------------------- happy path

TEST_CASE("a valid plan loads into the expected Plan", "[load]") {
    const Plan plan = parse_plan(R"toml([plan]
name = "Test district"
source = "Resolution 1/2025"
note = "dates are made up"
illustrative = true
start = 2025-01-01

[[milestone]]
name = "Phase 1"
deadline = 2025-12-31
target = "30%"

[[milestone]]
deadline = 2027-12-31
target = 3

[[locality]]
id = "A1"
name = "Hải An"
kind = "phường"
certified = [2026-08-15, 2025-06-30]
revoked = 2026-02-10

[[locality]]
name = "Bến Rừng"
planned = 2027-06-30

[[locality]]
id = "C3"
name = "Cát Hải"
kind = "đặc khu"
revoked = [2025-11-20]
certified = [2025-03-31, 2026-03-05]
)toml",
                                 "plan.toml");

    CHECK(plan.file == "plan.toml");
    CHECK(plan.name == "Test district");
    CHECK(plan.source == "Resolution 1/2025");
    CHECK(plan.note == "dates are made up");
    CHECK(plan.illustrative);
    REQUIRE(plan.start.has_value());
    CHECK(*plan.start == ymd(2025, 1, 1));
    CHECK(plan.total == 3);  // no total: the number of [[locality]] entries

    REQUIRE(plan.milestones.size() == 2);
    const auto& m1 = plan.milestones[0];
    CHECK(m1.name == "Phase 1");
    CHECK(m1.deadline == ymd(2025, 12, 31));
    CHECK(m1.target.kind == Target::Kind::percent);
    CHECK(m1.target.percent.units == 30);
    CHECK(m1.target.percent.scale == 0);
    CHECK(m1.required == 1);  // ceil(30 * 3 / 100) = ceil(0.9) = 1
    CHECK(m1.pos.line == 8);
    const auto& m2 = plan.milestones[1];
    CHECK(m2.name.empty());
    CHECK(m2.deadline == ymd(2027, 12, 31));
    CHECK(m2.target.kind == Target::Kind::count);
    CHECK(m2.target.count == 3);
    CHECK(m2.required == 3);
    CHECK(m2.pos.line == 13);

    REQUIRE(plan.localities.size() == 3);
    const auto& a = plan.localities[0];
    CHECK(a.id == "A1");
    CHECK(a.name == "Hải An");
    CHECK(a.kind == "phường");
    CHECK(a.planned.empty());
    CHECK(a.pos.line == 17);
    // Written out of order across the two arrays; held sorted by date.
    REQUIRE(a.events.size() == 3);
    CHECK(a.events[0].date == ymd(2025, 6, 30));
    CHECK(a.events[0].kind == EventKind::certified);
    CHECK(a.events[1].date == ymd(2026, 2, 10));
    CHECK(a.events[1].kind == EventKind::revoked);
    CHECK(a.events[2].date == ymd(2026, 8, 15));
    CHECK(a.events[2].kind == EventKind::certified);

    const auto& b = plan.localities[1];
    CHECK(b.id.empty());
    CHECK(b.name == "Bến Rừng");
    CHECK(b.kind.empty());
    CHECK(b.events.empty());
    REQUIRE(b.planned.size() == 1);
    CHECK(b.planned.date(0) == ymd(2027, 6, 30));
    CHECK(b.pos.line == 24);

    const auto& c = plan.localities[2];
    CHECK(c.id == "C3");
    CHECK(c.kind == "đặc khu");
    CHECK(c.pos.line == 28);
    REQUIRE(c.events.size() == 3);
    CHECK(c.events[0].date == ymd(2025, 3, 31));
    CHECK(c.events[0].kind == EventKind::certified);
    CHECK(c.events[1].date == ymd(2025, 11, 20));
    CHECK(c.events[1].kind == EventKind::revoked);
    CHECK(c.events[2].date == ymd(2026, 3, 5));
    CHECK(c.events[2].kind == EventKind::certified);
}

TEST_CASE("optional plan keys default to empty / false / none", "[load]") {
    const Plan plan = parse_plan(R"toml([plan]
name = "Minimal"
total = 1

[[milestone]]
deadline = 2025-12-31
target = "100%"
)toml",
                                 "plan.toml");
    CHECK(plan.source.empty());
    CHECK(plan.note.empty());
    CHECK(plan.issuer.empty());
    CHECK(plan.place.empty());
    CHECK_FALSE(plan.illustrative);
    CHECK_FALSE(plan.start.has_value());
    CHECK(plan.total == 1);
    CHECK(plan.localities.empty());
    REQUIRE(plan.milestones.size() == 1);
    CHECK(plan.milestones[0].required == 1);
}

TEST_CASE("percentage targets resolve exactly against an explicit total", "[load]") {
    const Plan plan = parse_plan(R"toml([plan]
name = "National"
total = 1000

[[milestone]]
deadline = 2025-12-31
target = "12.5%"

[[milestone]]
deadline = 2026-12-31
target = "14.3%"

[[milestone]]
deadline = 2027-12-31
target = 143

[[milestone]]
deadline = 2030-12-31
target = "100%"
)toml",
                                 "plan.toml");
    CHECK(plan.total == 1000);
    REQUIRE(plan.milestones.size() == 4);
    CHECK(plan.milestones[0].required == 125);   // 12.5 * 1000 / 100 = 125 exactly
    CHECK(plan.milestones[1].required == 143);   // 14.3 * 1000 / 100 = 143 exactly, not 144
    CHECK(plan.milestones[2].required == 143);   // equal to the one before: allowed
    CHECK(plan.milestones[3].required == 1000);  // 100%
    CHECK(plan.milestones[1].target.percent.units == 143);
    CHECK(plan.milestones[1].target.percent.scale == 1);
}

TEST_CASE("a percentage target rounds up to a whole unit", "[load]") {
    const Plan plan = parse_plan(R"toml([plan]
name = "Small"
total = 20

[[milestone]]
deadline = 2025-12-31
target = "15%"

[[milestone]]
deadline = 2026-12-31
target = "16%"
)toml",
                                 "plan.toml");
    REQUIRE(plan.milestones.size() == 2);
    CHECK(plan.milestones[0].required == 3);  // 15 * 20 / 100 = 3 exactly
    CHECK(plan.milestones[1].required == 4);  // 16 * 20 / 100 = 3.2, rounded up
}

// ------------------------------------------------------------ syntax errors

TEST_CASE("a TOML syntax error is reported at toml++'s position", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 3 4
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].file == "plan.toml");
    // "total = 3 4": the stray '4' is the 11th character.
    CHECK(ds[0].line == 3);
    CHECK(ds[0].column == 11);
    CHECK_FALSE(ds[0].message.empty());
    CHECK(ds[0].hint == "see the plan format in README.md");
    CHECK(ds[0].excerpt == "total = 3 4");
}

TEST_CASE("a key given twice is a syntax error with a hint about headers", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
name = "B"
)toml");
    REQUIRE(ds.size() == 1);
    // toml++ points at the second value, "B", the 8th character of line 3.
    CHECK(ds[0].line == 3);
    CHECK(ds[0].column == 8);
    CHECK_THAT(ds[0].message, Contains("cannot redefine"));
    CHECK(ds[0].hint ==
          "each key may appear once in a table; localities and milestones each need their own [[locality]] or "
          "[[milestone]] header");
}

TEST_CASE("a single-bracket locality header written twice is reported at the second header", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 2

[locality]
name = "X"

[locality]
name = "Y"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].line == 8);
    CHECK_THAT(ds[0].message, Contains("cannot redefine"));
    CHECK_THAT(ds[0].hint, Contains("[[locality]]"));
}

// ------------------------------------------------------------------- [plan]

TEST_CASE("a file without a plan table is not a plan: reported at 1:1", "[load]") {
    const auto ds = diagnostics_of(R"toml([[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = "A"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: not a plan: the file has no [plan] table");
    CHECK(ds[0].hint == "an ontrack plan starts with [plan] and name = \"...\"; see README.md");
}

TEST_CASE("some other TOML file gets the one 'not a plan' error and no error per key", "[load]") {
    const auto ds = diagnostics_of(R"toml([package]
name = "ontrack"
version = "0.1.0"

[dependencies]
fmt = "9"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: not a plan: the file has no [plan] table");
}

TEST_CASE("a key of too many dotted parts is refused before parsing", "[load]") {
    // Line 2 is "k.k.k. ... k = 1" with 33 parts: 32 dots, the 32nd being the
    // 64th character ("k." repeated 32 times is 64 characters).
    std::string key = "k";
    for (int i = 0; i < 32; ++i) key += ".k";
    const auto ds = diagnostics_of("[plan]\n" + key + " = 1\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:64: a key of more than 32 dotted parts");
    CHECK(ds[0].hint == "a plan nests keys two levels deep at most; this is not a plan");
}

TEST_CASE("a plan table without a name is reported at its header", "[load]") {
    const auto ds = diagnostics_of(R"toml(# district plan
[plan]
total = 1

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:1: [plan] has no 'name'");
    CHECK(ds[0].hint == "add name = \"...\" under [plan]");
    CHECK(ds[0].excerpt == "[plan]");
}

TEST_CASE("an empty plan name is reported at the value", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = ""
total = 1

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:8: the plan's name is empty");
}

TEST_CASE("plan must be a table", "[load]") {
    const auto ds = diagnostics_of(R"toml(plan = "A"

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:8: 'plan' must be a table, not a string");
    CHECK(ds[0].hint == "write it as a [plan] header");
}

// ------------------------------------------------------------- unknown keys

TEST_CASE("an unknown key in the plan table suggests the key it resembles", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
totl = 3

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = "X"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "3:1: unknown key 'totl' in [plan]");
    CHECK(ds[0].hint == "did you mean 'total'?");
    CHECK(ds[0].excerpt == "totl = 3");
}

TEST_CASE("a misspelt deadline is unknown and the milestone lacks its deadline", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadlne = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "5:1: [[milestone]] has no 'deadline'");
    CHECK(ds[0].hint == "add deadline = YYYY-MM-DD (unquoted)");
    CHECK(located(ds[1]) == "6:1: unknown key 'deadlne' in [[milestone]]");
    CHECK(ds[1].hint == "did you mean 'deadline'?");
}

TEST_CASE("a milestone without a target", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "5:1: [[milestone]] has no 'target'");
    CHECK(ds[0].hint == "add target = \"30%\" (a share of total) or target = 35 (a count)");
}

TEST_CASE("an unknown key in a locality suggests the key it resembles", "[load]") {
    const auto ds = diagnostics_of(plan_with_locality + "certifed = 2025-06-30\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "11:1: unknown key 'certifed' in [[locality]]");
    CHECK(ds[0].hint == "did you mean 'certified'?");
}

TEST_CASE("localities at top level suggests locality", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1

[[localities]]
name = "X"
)toml");
    REQUIRE(ds.size() == 1);
    // The key "localities" starts after the two brackets: column 3.
    CHECK(located(ds[0]) == "9:3: unknown key 'localities' in the plan file");
    CHECK(ds[0].hint == "did you mean 'locality'?");
}

TEST_CASE("an unknown key with no close match lists the allowed keys", "[load]") {
    SECTION("in [[locality]]") {
        const auto ds = diagnostics_of(plan_with_locality + "population = 5000\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:1: unknown key 'population' in [[locality]]");
        CHECK(ds[0].hint == "the keys allowed here are: id, name, kind, certified, revoked, planned");
    }
    SECTION("in [plan]") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5
province = "Hai Phong"

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "4:1: unknown key 'province' in [plan]");
        CHECK(ds[0].hint ==
              "the keys allowed here are: name, total, source, note, issuer, place, illustrative, start, "
              "kinds, parts");
    }
    SECTION("in [[milestone]]") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1
owner = "People's Committee"
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "8:1: unknown key 'owner' in [[milestone]]");
        CHECK(ds[0].hint == "the keys allowed here are: name, deadline, target");
    }
    SECTION("at top level") {
        const auto ds = diagnostics_of(R"toml(version = 2
[plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "1:1: unknown key 'version' in the plan file");
        CHECK(ds[0].hint == "the keys allowed here are: plan, milestone, locality");
    }
}

// -------------------------------------------------------------------- dates

TEST_CASE("a date written as a string", "[load]") {
    SECTION("a valid date in quotes: the hint shows it unquoted") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = \"2025-06-30\"\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:13: 'certified' is a date written as a string");
        CHECK(ds[0].hint == "write it unquoted: certified = 2025-06-30");
        CHECK(ds[0].excerpt == "certified = \"2025-06-30\"");
    }
    SECTION("written dd/mm/yyyy: the hint shows the same day in TOML's form") {
        const auto ds = diagnostics_of(plan_with_locality + "planned = \"30/06/2027\"\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:11: 'planned' is a date written as a string");
        CHECK(ds[0].hint == "write it unquoted: planned = 2027-06-30");
    }
    SECTION("not a date at all: the hint shows the format") {
        const auto ds = diagnostics_of(plan_with_locality + "planned = \"30.06.2027\"\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:11: 'planned' is a date written as a string");
        CHECK(ds[0].hint ==
              "expected a date as YYYY-MM-DD or dd/mm/yyyy; write it unquoted, e.g. planned = 2025-12-31");
    }
    SECTION("unquoted dd/mm/yyyy is a TOML syntax error whose hint shows the TOML date") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = 31/03/2025\n");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 11);
        CHECK(ds[0].message == "a date written as dd/mm/yyyy is not a TOML date");
        CHECK(ds[0].hint == "write dates as YYYY-MM-DD, unquoted: certified = 2025-03-31");
    }
    SECTION("unquoted d/m/yyyy of a day that does not exist") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = 31/4/2025\n");
        REQUIRE(ds.size() == 1);
        CHECK(
            ds[0].hint ==
            "that day does not exist in that month; write dates as YYYY-MM-DD, unquoted, e.g. certified = 2025-03-31");
    }
    SECTION("a milestone's deadline") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = "2025-12-31"
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "6:12: 'deadline' is a date written as a string");
        CHECK(ds[0].hint == "write it unquoted: deadline = 2025-12-31");
    }
    SECTION("the plan's start") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
start = "2025-01-01"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "3:9: 'start' is a date written as a string");
        CHECK(ds[0].hint == "write it unquoted: start = 2025-01-01");
    }
}

TEST_CASE("a date-time instead of a date", "[load]") {
    const auto ds = diagnostics_of(plan_with_locality + "planned = 2027-06-30T08:00:00\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "11:11: 'planned' must be a date, not a date-time");
    CHECK(ds[0].hint == "give the day only, as YYYY-MM-DD");
}

TEST_CASE("an integer instead of a date", "[load]") {
    const auto ds = diagnostics_of(plan_with_locality + "certified = 20250630\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "11:13: 'certified' must be a date, not an integer");
    CHECK(ds[0].hint == "write it as YYYY-MM-DD, unquoted: certified = 2025-12-31");
}

TEST_CASE("a date outside years 0001-9999", "[load]") {
    const auto ds = diagnostics_of(plan_with_locality + "certified = 0000-01-01\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "11:13: 'certified' is not a date between 0001-01-01 and 9999-12-31");
}

TEST_CASE("a certified array holding a string is reported at that element", "[load]") {
    // "certified = [2025-03-31, " is 25 characters: the string starts at 26.
    const auto ds = diagnostics_of(plan_with_locality + "certified = [2025-03-31, \"2025-11-20\"]\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "11:26: 'certified' is a date written as a string");
    CHECK_THAT(ds[0].hint, Contains("2025-11-20"));
}

// -------------------------------------------------------------- wrong types

TEST_CASE("wrong value types", "[load]") {
    SECTION("name = 5") {
        const auto ds = diagnostics_of(R"toml([plan]
name = 5
total = 1

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "2:8: 'name' must be a string, not an integer");
        CHECK(ds[0].hint == "write it in quotes: name = \"...\"");
    }
    SECTION("total = \"114\"") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = "114"

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "3:9: 'total' must be an integer, not a string");
        CHECK(ds[0].hint == "write the number of units, e.g. total = 114");
    }
    SECTION("id = 11506") {
        const auto ds = diagnostics_of(plan_with_locality + "id = 11506\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:6: 'id' must be a string, not an integer");
        CHECK(ds[0].hint == "write the code in quotes: id = \"11506\"");
    }
    SECTION("illustrative = \"yes\"") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
illustrative = "yes"
total = 1

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "3:16: 'illustrative' must be true or false, not a string");
    }
    SECTION("total = 114.0") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 114.0

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "3:9: 'total' must be an integer, not a decimal number");
    }
    SECTION("kind = 3") {
        const auto ds = diagnostics_of(plan_with_locality + "kind = 3\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:8: 'kind' must be a string, not an integer");
        CHECK(ds[0].hint == "write it in quotes: kind = \"...\"");
    }
}

TEST_CASE("columns count code points not bytes", "[load]") {
    // In "locality = [ { name = "Hải An", id = 11506 } ]" the value 11506 is the
    // 38th code point ("ả" is one code point of three bytes: byte 40).
    const auto ds = diagnostics_of(R"toml(locality = [ { name = "Hải An", id = 11506 } ]
[plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:38: 'id' must be a string, not an integer");
}

TEST_CASE("CRLF line endings: positions and excerpts are unaffected", "[load]") {
    const auto ds = diagnostics_of(
        "[plan]\r\nname = 5\r\ntotal = 1\r\n\r\n[[milestone]]\r\ndeadline = 2025-12-31\r\ntarget = 1\r\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "2:8: 'name' must be a string, not an integer");
    CHECK(ds[0].excerpt == "name = 5");
}

// ------------------------------------------------------------------ history

TEST_CASE("events must alternate starting with a certification", "[load]") {
    const std::string alternate =
        "certified and revoked dates must alternate in time; add the missing event or remove this one";
    SECTION("revoked before any certification") {
        const auto ds = diagnostics_of(plan_with_locality + "revoked = 2025-03-31\ncertified = 2025-06-30\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:11: revoked on 2025-03-31 before it was ever certified");
        CHECK(ds[0].hint == "a history starts with a certification; add the earlier certified date");
    }
    SECTION("revoked without any certification") {
        const auto ds = diagnostics_of(plan_with_locality + "revoked = 2025-03-31\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:11: revoked on 2025-03-31 before it was ever certified");
    }
    SECTION("certified twice without a revocation between") {
        // "certified = [2025-03-31, " is 25 characters: the second date is at 26.
        const auto ds = diagnostics_of(plan_with_locality + "certified = [2025-03-31, 2025-09-30]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:26: certified on 2025-09-30 while still certified since 2025-03-31");
        CHECK(ds[0].hint == alternate);
    }
    SECTION("certified twice, the second one in a later revocation's gap") {
        // Sorted: C 2025-01-15, C 2025-02-01, R 2025-06-30: the second C is wrong.
        const auto ds =
            diagnostics_of(plan_with_locality + "certified = [2025-01-15, 2025-02-01]\nrevoked = 2025-06-30\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:26: certified on 2025-02-01 while still certified since 2025-01-15");
    }
    SECTION("revoked twice without a certification between") {
        // "revoked = [2025-03-31, " is 23 characters: the second date is at 24.
        const auto ds =
            diagnostics_of(plan_with_locality + "certified = 2025-01-15\nrevoked = [2025-03-31, 2025-06-30]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "12:24: revoked on 2025-06-30 while already revoked since 2025-03-31");
        CHECK(ds[0].hint == alternate);
    }
}

TEST_CASE("two events on one day are reported at the later date value", "[load]") {
    SECTION("certified and revoked on the same date") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = 2025-03-31\nrevoked = 2025-03-31\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "12:11: two events on 2025-03-31");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 11)");
    }
    SECTION("the clash is the last of four events across two arrays") {
        // Sorted: C 01-10, R 03-01, C 06-30, R 06-30; the revoked 06-30 is at
        // "revoked = [2025-03-01, " + 1 = column 24.
        const auto ds = diagnostics_of(plan_with_locality +
                                       "certified = [2025-01-10, 2025-06-30]\nrevoked = [2025-03-01, 2025-06-30]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "12:24: two events on 2025-06-30");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 11)");
    }
    SECTION("the same date twice in one array") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = [2025-03-31, 2025-03-31]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:26: two events on 2025-03-31");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 11)");
    }
}

TEST_CASE("two events on one day with revoked written first: reported at the later one in the file", "[load]") {
    SECTION("single dates") {
        // revoked on line 11, certified on line 12 (column 13), same day.
        const auto ds = diagnostics_of(plan_with_locality + "revoked = 2025-03-31\ncertified = 2025-03-31\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "12:13: two events on 2025-03-31");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 11)");
    }
    SECTION("the clash after an earlier certification") {
        // revoked = 2025-06-30 on line 11; certified's 2025-06-30 on line 12 at
        // column 26. The problem is the shared day, not a double certification.
        const auto ds =
            diagnostics_of(plan_with_locality + "revoked = 2025-06-30\ncertified = [2025-01-10, 2025-06-30]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "12:26: two events on 2025-06-30");
        CHECK(ds[0].hint == "a locality is certified or revoked at most once a day (see line 11)");
    }
}

// --------------------------------------------------------------- duplicates

TEST_CASE("a duplicate locality name is reported at the second naming the first line", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = "Hải An"

[[locality]]
name = "Hải An"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "12:8: duplicate locality name 'Hải An'");
    CHECK(ds[0].hint == "it is already used at line 9; names must be unique");
}

TEST_CASE("a duplicate locality id is reported at the second naming the first line", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
id = "11506"
name = "Hải An"

[[locality]]
id = "11506"
name = "Lê Chân"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "13:6: duplicate locality id '11506'");
    CHECK(ds[0].hint == "it is already used at line 9; ids must be unique");
}

TEST_CASE("an empty locality name", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = ""
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "10:8: the locality's name is empty");
}

TEST_CASE("a locality without a name", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
id = "11506"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "9:1: [[locality]] has no 'name'");
    CHECK(ds[0].hint == "add name = \"...\"");
}

// ------------------------------------------------------------------ targets

TEST_CASE("a percentage target out of range or badly written", "[load]") {
    const std::string or_count = "; or give a count as a bare integer: target = 35";
    SECTION("0%") {
        const auto ds = diagnostics_of(plan_with_target("\"0%\""));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target \"0%\" is not a percentage in (0, 100]");
        CHECK(ds[0].hint == "a percentage must be more than 0% and at most 100%" + or_count);
    }
    SECTION("101%") {
        const auto ds = diagnostics_of(plan_with_target("\"101%\""));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target \"101%\" is not a percentage in (0, 100]");
        CHECK(ds[0].hint == "a percentage must be more than 0% and at most 100%" + or_count);
    }
    SECTION("100.5%") {
        const auto ds = diagnostics_of(plan_with_target("\"100.5%\""));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target \"100.5%\" is not a percentage in (0, 100]");
    }
    SECTION("abc") {
        const auto ds = diagnostics_of(plan_with_target("\"abc\""));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target \"abc\" is not a percentage in (0, 100]");
        CHECK(ds[0].hint == "a percentage ends with '%'" + or_count);
    }
    SECTION("30 in quotes, without %") {
        const auto ds = diagnostics_of(plan_with_target("\"30\""));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target \"30\" is not a percentage in (0, 100]");
        CHECK(ds[0].hint ==
              "a percentage ends with '%': target = \"30%\" for a share of total, or target = 30 unquoted for a count");
    }
    SECTION("x% with letters") {
        const auto ds = diagnostics_of(plan_with_target("\"thirty%\""));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].hint == "a percentage is written like \"30%\" or \"12.5%\"" + or_count);
    }
}

TEST_CASE("a decimal-number target suggests the percentage in quotes", "[load]") {
    const auto ds = diagnostics_of(plan_with_target("30.0"));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "7:10: 'target' must be a percentage string or an integer count, not a decimal number");
    CHECK(ds[0].hint == "write a percentage in quotes: target = \"30%\"");
}

TEST_CASE("a bare number target from 0 to 1 offers both readings", "[load]") {
    const auto ds = diagnostics_of(plan_with_target("0.3"));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].hint ==
          "write a percentage in quotes: target = \"30%\" for a share of one (0.3 × 100), or target = \"0.3%\" if "
          "you meant 0.3 percent");
    const auto one = diagnostics_of(plan_with_target("1.0"));
    REQUIRE(one.size() == 1);
    CHECK(one[0].hint ==
          "write a percentage in quotes: target = \"100%\" for a share of one (1 × 100), or target = \"1%\" if you "
          "meant 1 percent");
}

TEST_CASE("a target of another type", "[load]") {
    const auto ds = diagnostics_of(plan_with_target("true"));
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "7:10: 'target' must be a percentage string or an integer count, not a boolean");
    CHECK(ds[0].hint == "write target = \"30%\" (a share of total) or target = 35 (a count)");
}

TEST_CASE("a count target above the total", "[load]") {
    const auto ds = diagnostics_of(plan_with_target("11"));  // total = 10
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "7:10: target 11 is more than the plan's total of 10");
    CHECK(ds[0].hint == "a count target may not exceed total; raise total or lower the target");
}

TEST_CASE("a count target equal to the total is fine", "[load]") {
    const Plan plan = parse_plan(plan_with_target("10"), "plan.toml");
    REQUIRE(plan.milestones.size() == 1);
    CHECK(plan.milestones[0].required == 10);
}

TEST_CASE("a count target of zero or less", "[load]") {
    const std::string hint = "give a count of units, or a percentage in quotes: target = \"30%\"";
    SECTION("0") {
        const auto ds = diagnostics_of(plan_with_target("0"));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target must be at least 1 unit, not 0");
        CHECK(ds[0].hint == hint);
    }
    SECTION("-5") {
        const auto ds = diagnostics_of(plan_with_target("-5"));
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "7:10: target must be at least 1 unit, not -5");
        CHECK(ds[0].hint == hint);
    }
}

// --------------------------------------------------------------- milestones

TEST_CASE("deadlines must strictly increase", "[load]") {
    const std::string hint = "list milestones in order of their deadlines, each later than the one before";
    SECTION("out of order") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 100

[[milestone]]
deadline = 2027-12-31
target = "30%"

[[milestone]]
deadline = 2025-12-31
target = "45%"
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "10:12: deadline 2025-12-31 is not after the previous milestone's 2027-12-31 (line 5)");
        CHECK(ds[0].hint == hint);
    }
    SECTION("equal") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 100

[[milestone]]
deadline = 2025-12-31
target = "30%"

[[milestone]]
deadline = 2025-12-31
target = "45%"
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "10:12: deadline 2025-12-31 is not after the previous milestone's 2025-12-31 (line 5)");
        CHECK(ds[0].hint == hint);
    }
}

TEST_CASE("targets may not decrease", "[load]") {
    const std::string hint = "targets are cumulative: each milestone requires at least as many units as the one before";
    SECTION("45% then 30%") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 100

[[milestone]]
deadline = 2025-12-31
target = "45%"

[[milestone]]
deadline = 2027-12-31
target = "30%"
)toml");
        REQUIRE(ds.size() == 1);
        // 45% and 30% of 100 are 45 and 30.
        CHECK(located(ds[0]) ==
              "11:10: target requires 30 units, fewer than the 45 of the previous milestone (line 5)");
        CHECK(ds[0].hint == hint);
    }
    SECTION("count 40 then 30") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 100

[[milestone]]
deadline = 2025-12-31
target = 40

[[milestone]]
deadline = 2027-12-31
target = 30
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) ==
              "11:10: target requires 30 units, fewer than the 40 of the previous milestone (line 5)");
        CHECK(ds[0].hint == hint);
    }
    SECTION("a percentage then a smaller count, compared after rounding up") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 10

[[milestone]]
deadline = 2025-12-31
target = "31%"

[[milestone]]
deadline = 2027-12-31
target = 3
)toml");
        REQUIRE(ds.size() == 1);
        // 31% of 10 = 3.1, rounded up to 4.
        CHECK(located(ds[0]) == "11:10: target requires 3 units, fewer than the 4 of the previous milestone (line 5)");
    }
}

TEST_CASE("equal requirements in a row are allowed", "[load]") {
    const Plan plan = parse_plan(R"toml([plan]
name = "A"
total = 100

[[milestone]]
deadline = 2025-12-31
target = "45%"

[[milestone]]
deadline = 2027-12-31
target = 45
)toml",
                                 "plan.toml");
    REQUIRE(plan.milestones.size() == 2);
    CHECK(plan.milestones[0].required == 45);
    CHECK(plan.milestones[1].required == 45);
}

TEST_CASE("a plan without milestones is allowed", "[load]") {
    // Provincial targets are not published: the report shows coverage and judges nothing.
    SECTION("absent") {
        const Plan plan = parse_plan(R"toml([plan]
name = "A"
total = 5
)toml",
                                     "p.toml");
        CHECK(plan.total == 5);
        CHECK(plan.milestones.empty());
    }
    SECTION("an empty array") {
        const Plan plan = parse_plan(R"toml(milestone = []
[plan]
name = "A"

[[locality]]
name = "X"
)toml",
                                     "p.toml");
        CHECK(plan.total == 1);
        CHECK(plan.milestones.empty());
    }
}

TEST_CASE("milestone written as a single table", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[milestone]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "5:1: 'milestone' must be an array of tables, not a table");
    CHECK(ds[0].hint == "write each entry under its own [[milestone]] header");
}

TEST_CASE("locality written as a single table", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1

[locality]
name = "X"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "9:1: 'locality' must be an array of tables, not a table");
    CHECK(ds[0].hint == "write each entry under its own [[locality]] header");
}

// -------------------------------------------------------------------- total

TEST_CASE("total smaller than the number of localities", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 1

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = "X"

[[locality]]
name = "Y"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "3:9: total is 1 but the plan lists 2 localities");
    CHECK(ds[0].hint ==
          "total may not be smaller than the number of [[locality]] entries; raise it to at least 2 or leave it out");
}

TEST_CASE("total of zero or less", "[load]") {
    SECTION("0") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 0

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "3:9: total must be at least 1, not 0");
    }
    SECTION("-3") {
        const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = -3

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "3:9: total must be at least 1, not -3");
    }
}

TEST_CASE("a plan with no localities and no total", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"

[[milestone]]
deadline = 2025-12-31
target = "30%"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the plan has no total and no localities");
    CHECK(ds[0].hint == "add total = N under [plan], or list the localities as [[locality]]");
}

// ---------------------------------------------------------- several errors

TEST_CASE("several errors in one file are all reported and sorted by line", "[load]") {
    // The loader reads [plan], then the localities, then the milestones; the
    // report follows the file.
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 10
illustrative = "yes"

[[locality]]
name = "X"
certified = "2025-06-30"

[[milestone]]
deadline = 2025-12-31
target = "0%"

[[locality]]
name = "Y"
kind = 3
)toml");
    REQUIRE(ds.size() == 4);
    CHECK(located(ds[0]) == "4:16: 'illustrative' must be true or false, not a string");
    CHECK(located(ds[1]) == "8:13: 'certified' is a date written as a string");
    CHECK(located(ds[2]) == "12:10: target \"0%\" is not a percentage in (0, 100]");
    CHECK(located(ds[3]) == "16:8: 'kind' must be a string, not an integer");
    CHECK(ds[3].excerpt == "kind = 3");
    for (const Diagnostic& d : ds) CHECK(d.file == "plan.toml");
}

TEST_CASE("errors on one line are sorted by column", "[load]") {
    // In "locality = [{ id = 5, name = 7 }]" the loader looks at name (column
    // 30) before id (column 20); the report puts id first.
    const auto ds = diagnostics_of(R"toml(locality = [{ id = 5, name = 7 }]
[plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "1:20: 'id' must be a string, not an integer");
    CHECK(located(ds[1]) == "1:30: 'name' must be a string, not an integer");
}

TEST_CASE("an invalid locality does not also shrink the default total", "[load]") {
    // Two localities, one with a bad date, no total: the plan's total is 2
    // whatever is wrong with Y, so target = 2 is no error of its own. Only
    // the date is reported.
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"

[[milestone]]
deadline = 2025-12-31
target = 2

[[locality]]
name = "X"

[[locality]]
name = "Y"
certified = "2025-06-30"
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "13:13: 'certified' is a date written as a string");
}

TEST_CASE("an invalid only locality is not reported as 'no localities'", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"

[[milestone]]
deadline = 2025-12-31
target = "30%"

[[locality]]
name = "X"
revoked = 2025-06-30
)toml");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "10:11: revoked on 2025-06-30 before it was ever certified");
}

// ---------------------------------------------------------------- load_plan on a file given back piece by piece

namespace {

// Every field of a Plan, or every diagnostic with its excerpt, as text.
std::string outcome_of(const std::function<Plan()>& load) {
    try {
        const Plan p = load();
        std::string s = p.file + " " + p.name + " " + std::to_string(p.total) + "\n";
        for (const ontrack::Milestone& m : p.milestones)
            s += m.name + " " + ontrack::to_iso(m.deadline) + " " + std::to_string(m.required) + "\n";
        for (const ontrack::Locality& l : p.localities) {
            s += l.id + "|" + l.name + "|" + l.kind + "|" + std::to_string(l.pos.line) + ":" +
                 std::to_string(l.pos.column) + "|" + (l.planned.empty() ? "-" : ontrack::to_iso(l.planned.last()));
            for (const ontrack::Event& e : l.events)
                s += (e.kind == EventKind::certified ? " +" : " -") + ontrack::to_iso(e.date);
            s += "\n";
        }
        return s;
    } catch (const InputError& e) {
        std::string s;
        for (const Diagnostic& d : e.diagnostics()) s += ontrack::format_diagnostic(d) + "|" + d.excerpt + "\n";
        return s;
    }
}

// A plan of `n` localities, about 100 bytes each; `last` is appended to the last one.
std::string many_localities(int n, const std::string& last = "") {
    std::string text = "[plan]\nname = \"Many\"\n\n[[milestone]]\ndeadline = 2026-12-31\ntarget = \"50%\"\n\n";
    for (int k = 0; k < n; ++k) {
        text += "[[locality]]\nid = \"" + std::to_string(1000 + k) + "\"\nname = \"Xã Hải " + std::to_string(k) +
                "\"\ncertified = 2025-0" + std::to_string(1 + k % 9) + "-01\n";
        if (k + 1 == n) text += last;
        text += "\n";
    }
    return text;
}

// load_plan() in small pieces on two threads, against the plain way: read_plan_file(), then a
// whole-file parse_plan().
void loads_like_whole_parse(const std::string& text) {
    const ontrack::test::TempDir dir;
    const std::string path = dir.write("plan.toml", text);
    const ontrack::LoadTuning pieces{0, 2048, 2};
    const ontrack::LoadTuning whole{SIZE_MAX, 0, 1};
    const std::string expected = outcome_of([&] { return parse_plan(ontrack::read_plan_file(path), path, whole); });
    CHECK(outcome_of([&] { return ontrack::load_plan(path, pieces); }) == expected);
}

}  // namespace

TEST_CASE("a plan file whose text is given back as it is parsed loads like a whole-file parse", "[load]") {
    const std::string text = many_localities(2000);  // 145 KB: about 70 pieces
    REQUIRE(text.size() > 140'000);
    loads_like_whole_parse(text);
}

TEST_CASE("problems found after the text was given back are reported as by a whole-file parse", "[load]") {
    SECTION("a duplicate name in the last locality") {
        loads_like_whole_parse(many_localities(2000) + "[[locality]]\nname = \"Xã Hải 7\"\n");
    }
    SECTION("a syntax error in the last piece") {
        loads_like_whole_parse(many_localities(2000, "kind = \n"));
    }
    SECTION("a wrong type in the last locality") {
        loads_like_whole_parse(many_localities(2000, "kind = 3\n"));
    }
    SECTION("a table other than [[locality]] at the end") {
        loads_like_whole_parse(many_localities(2000) + "[other]\nx = 1\n");
    }
    SECTION("invalid UTF-8 at the end") {
        loads_like_whole_parse(many_localities(2000, "# \xff\n"));
    }
}

// ---------------------------------------------------------------- text as typed

TEST_CASE("text rules: each rejected class is named with its column", "[load][text]") {
    struct Case {
        std::string line;
        std::string expected;
    };
    // The locality's name line is line 10; the excerpt's columns count code points.
    const Case cases[] = {
        {"name = \"Hai\xe2\x80\x8b\"", "10:12: 'name' contains U+200B, an invisible or control character"},
        {"name = \"Hai\xc2\xa0"
         "An\"",
         "10:12: 'name' contains U+00A0, a space that is not an ordinary space"},
        {"name = \"\xe2\x80\x8fHai\"", "10:9: 'name' contains U+200F, an invisible or control character"},
        {"name = \"Hai\xc2\xad"
         "An\"",
         "10:12: 'name' contains U+00AD, an invisible or control character"},
        {"name = \" Hai\"", "10:9: 'name' begins or ends with a space"},
        {"name = \"Hai \"", "10:12: 'name' begins or ends with a space"},
        {"name = \"Hai  An\"", "10:12: 'name' has two spaces in a row"},
        {"name = \"   \"", "10:8: 'name' is only spaces"},
    };
    for (const Case& c : cases) {
        INFO(c.line);
        std::string text = plan_with_locality;
        text.replace(text.find("name = \"X\""), 10, c.line);
        const auto ds = diagnostics_of(text);
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == c.expected);
    }
    // An id and a kind follow the same rules; an empty id is refused too.
    CHECK(located(diagnostics_of(plan_with_locality + "id = \"11506\xe2\x80\x8b\"\n")[0]) ==
          "11:12: 'id' contains U+200B, an invisible or control character");
    CHECK(located(diagnostics_of(plan_with_locality + "id = \"\"\n")[0]) == "11:6: 'id' is empty");
    CHECK(located(diagnostics_of(plan_with_locality + "kind = \"x\xc3\xa3 \"\n")[0]) ==
          "11:11: 'kind' begins or ends with a space");
    // The plan's other texts: the character rule only; a note may hold line breaks.
    std::string plan_text = plan_with_locality;
    plan_text.replace(plan_text.find("name = \"A\""), 10, "name = \"A\xe2\x80\x8b\"");
    CHECK(located(diagnostics_of(plan_text)[0]) == "2:10: 'name' contains U+200B, an invisible or control character");
    std::string noted = plan_with_locality;
    noted.replace(noted.find("total = 10"), 10, "total = 10\nnote = \"\"\"one\ntwo  spaced \"\"\"");
    CHECK(parse_plan(noted, "plan.toml").note == "one\ntwo  spaced ");
    // issuer and place follow the same rule (the quote at column 10, C 11, Ô 12, N 13, G 14, U+200B 15).
    std::string issued = plan_with_locality;
    issued.replace(issued.find("total = 10"), 10, "total = 10\nissuer = \"C\u00d4NG\u200bAN\"");
    CHECK(located(diagnostics_of(issued)[0]) == "4:15: 'issuer' contains U+200B, an invisible or control character");
    std::string placed = plan_with_locality;
    placed.replace(placed.find("total = 10"), 10, "total = 10\nplace = \"H\u1ea3i\u200bPh\u00f2ng\"");
    CHECK(located(diagnostics_of(placed)[0]) == "4:13: 'place' contains U+200B, an invisible or control character");
}

TEST_CASE("issuer and place are read as typed", "[load]") {
    const Plan plan = parse_plan(R"toml([plan]
name = "A"
total = 5
issuer = "CÔNG AN THÀNH PHỐ HẢI PHÒNG"
place = "Hải Phòng"

[[milestone]]
deadline = 2025-12-31
target = 1
)toml",
                                 "plan.toml");
    CHECK(plan.issuer == "CÔNG AN THÀNH PHỐ HẢI PHÒNG");
    CHECK(plan.place == "Hải Phòng");
}

TEST_CASE("a misspelt issuer or place is unknown and suggests the key", "[load]") {
    const auto ds = diagnostics_of(R"toml([plan]
name = "A"
total = 5
issuers = "X"
plase = "Y"

[[milestone]]
deadline = 2025-12-31
target = 1
)toml");
    REQUIRE(ds.size() == 2);
    CHECK(located(ds[0]) == "4:1: unknown key 'issuers' in [plan]");
    CHECK(ds[0].hint == "did you mean 'issuer'?");
    CHECK(located(ds[1]) == "5:1: unknown key 'plase' in [plan]");
    CHECK(ds[1].hint == "did you mean 'place'?");
}

TEST_CASE("names are read in NFC and unique regardless of case and tone-mark placement", "[load][text]") {
    const std::string head = "[plan]\nname = \"A\"\n\n[[milestone]]\ndeadline = 2025-12-31\ntarget = 1\n";
    // NFD "Hồng Bàng" is stored in NFC.
    const Plan plan = parse_plan(head + "\n[[locality]]\nname = \"Ho\xcc\x82\xcc\x80ng Ba\xcc\x80ng\"\n", "p.toml");
    CHECK(plan.localities.at(0).name == "H\xe1\xbb\x93ng B\xc3\xa0ng");
    // "Hoà Bình" (line 9) and "HÒA BÌNH" (line 12): one name.
    const auto ds =
        diagnostics_of(head +
                       "\n[[locality]]\nname = \"Ho\xc3\xa0 B\xc3\xacnh\"\n\n[[locality]]\nname = \"H\xc3\x92"
                       "A B\xc3\x8cNH\"\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) ==
          "12:8: duplicate locality name 'H\xc3\x92"
          "A B\xc3\x8cNH'");
    CHECK(ds[0].hint ==
          "it is the name 'Ho\xc3\xa0 B\xc3\xacnh' of line 9 but for letter case or the place of a tone "
          "mark; names must be unique");
    // Cẩm Giang and Cẩm Giàng differ in a tone: two names.
    CHECK(parse_plan(head + "\n[[locality]]\nname = \"C\xe1\xba\xa9m Giang\"\n\n[[locality]]\nname = \"C\xe1\xba\xa9m "
                            "Gi\xc3\xa0ng\"\n",
                     "p.toml")
              .localities.size() == 2);
}

TEST_CASE("uniqueness is judged for a locality with another error too", "[load][text]") {
    const std::string head = "[plan]\nname = \"A\"\n\n[[milestone]]\ndeadline = 2025-12-31\ntarget = 1\n";
    const auto ds = diagnostics_of(head +
                                   "\n[[locality]]\nid = \"1\"\nname = \"B\"\nrevoked = 2025-01-01\n"
                                   "\n[[locality]]\nid = \"1\"\nname = \"B\"\n");
    REQUIRE(ds.size() == 3);
    CHECK(located(ds[0]) == "11:11: revoked on 2025-01-01 before it was ever certified");
    CHECK(located(ds[1]) == "14:6: duplicate locality id '1'");
    CHECK(located(ds[2]) == "15:8: duplicate locality name 'B'");
}

TEST_CASE("declared kinds: every locality has one of them, with did you mean", "[load][kinds]") {
    const std::string head =
        "[plan]\nname = \"A\"\nkinds = [\"x\xc3\xa3\", \"ph\xc6\xb0\xe1\xbb\x9dng\"]\n\n"
        "[[milestone]]\ndeadline = 2025-12-31\ntarget = 1\n";
    const Plan ok = parse_plan(head + "\n[[locality]]\nname = \"B\"\nkind = \"x\xc3\xa3\"\n", "p.toml");
    CHECK(ok.kinds == std::vector<std::string>{"x\xc3\xa3", "ph\xc6\xb0\xe1\xbb\x9dng"});
    const auto ds = diagnostics_of(head + "\n[[locality]]\nname = \"B\"\nkind = \"X\xc3\xa3\"\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "11:8: kind 'X\xc3\xa3' is not one of the plan's kinds");
    CHECK(ds[0].hint == "did you mean 'x\xc3\xa3'? [plan] kinds lists: \"x\xc3\xa3\", \"ph\xc6\xb0\xe1\xbb\x9dng\"");
    const auto twice = diagnostics_of(
        "[plan]\nname = \"A\"\nkinds = [\"a\", \"a\"]\ntotal = 1\n\n[[milestone]]\ndeadline = 2025-12-31\ntarget = "
        "1\n");
    REQUIRE_FALSE(twice.empty());
    CHECK(located(twice[0]) == "3:15: kind 'a' is listed twice");
}

// ---------------------------------------------------------------- decisions and planned histories

TEST_CASE("An event is a date, an inline table with its decision, or an array mixing both", "[load][decision]") {
    SECTION("a plain date has no decision") {
        const Plan plan = parse_plan(plan_with_locality + "certified = 2025-06-30\n", "plan.toml");
        const auto& e = plan.localities[0].events;
        REQUIRE(e.size() == 1);
        CHECK(e[0].date == ymd(2025, 6, 30));
        CHECK(e[0].decision().empty());
        CHECK(e[0].note().empty());
        CHECK_FALSE(e[0].text);  // no allocation for a plain date
    }
    SECTION("an inline table alone") {
        const Plan plan =
            parse_plan(plan_with_locality +
                           "revoked = { date = 2026-01-15, decision = \"655/QĐ-UBND\", note = \"a\\nb\" }\n"
                           "certified = 2025-06-30\n",
                       "plan.toml");
        const auto& e = plan.localities[0].events;
        REQUIRE(e.size() == 2);
        CHECK(e[1].kind == ontrack::EventKind::revoked);
        CHECK(e[1].date == ymd(2026, 1, 15));
        CHECK(e[1].decision() == "655/QĐ-UBND");
        CHECK(e[1].note() == "a\nb");
    }
    SECTION("an array mixing dates and tables, sorted by date with the revocation") {
        const Plan plan =
            parse_plan(plan_with_locality +
                           "certified = [{ date = 2026-09-15, decision = \"2710/QĐ-UBND\" }, 2025-06-30]\n"
                           "revoked = 2026-03-10\n",
                       "plan.toml");
        const auto& e = plan.localities[0].events;
        REQUIRE(e.size() == 3);
        CHECK(e[0].date == ymd(2025, 6, 30));
        CHECK(e[0].decision().empty());
        CHECK(e[1].date == ymd(2026, 3, 10));
        CHECK(e[2].date == ymd(2026, 9, 15));
        CHECK(e[2].decision() == "2710/QĐ-UBND");
        CHECK(e[2].note().empty());
    }
    SECTION("a table without its date") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = [2025-01-01, { decision = \"1/QĐ\" }]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:26: certified has no 'date'");
        CHECK(ds[0].hint == "add the day: certified = { date = 2025-06-30, ... }");
    }
    SECTION("an unknown key, with did you mean") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = { date = 2025-01-01, desicion = \"1/QĐ\" }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:34: unknown key 'desicion' in certified");
        CHECK(ds[0].hint == "did you mean 'decision'?");
    }
    SECTION("a decision with a line break or a no-break space; a note may break lines") {
        auto ds = diagnostics_of(plan_with_locality + "certified = { date = 2025-01-01, decision = \"1/QĐ\\n\" }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:50: 'decision' contains U+000A, an invisible or control character");
        ds = diagnostics_of(plan_with_locality + "certified = { date = 2025-01-01, decision = \"1/QĐ\u00a0UBND\" }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:50: 'decision' contains U+00A0, a space that is not an ordinary space");
        ds = diagnostics_of(plan_with_locality + "certified = { date = 2025-01-01, note = \"a\\u200bb\" }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:43: 'note' contains U+200B, an invisible or control character");
    }
    SECTION("a decision that is not a string") {
        const auto ds = diagnostics_of(plan_with_locality + "certified = { date = 2025-01-01, decision = 1234 }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:45: 'decision' must be a string, not an integer");
    }
}

TEST_CASE("planned is a date, an entry with the day it was set, or their history", "[load][planned]") {
    SECTION("a plain date") {
        const Plan plan = parse_plan(plan_with_locality + "planned = 2027-06-30\n", "plan.toml");
        const auto& p = plan.localities[0].planned;
        REQUIRE(p.size() == 1);
        CHECK(p.date(0) == ymd(2027, 6, 30));
        CHECK_FALSE(p.set(0));
        CHECK(p.note(0).empty());
    }
    SECTION("an array in the order set, entries with and without set") {
        const Plan plan =
            parse_plan(plan_with_locality +
                           "planned = [2026-12-31, { date = 2027-06-30, set = 2026-11-30, note = \"n\" }, "
                           "{ date = 2027-03-31 }, { date = 2027-09-30, set = 2026-11-30 }]\n",
                       "plan.toml");
        const auto& p = plan.localities[0].planned;
        REQUIRE(p.size() == 4);
        CHECK(p.date(0) == ymd(2026, 12, 31));
        CHECK_FALSE(p.set(0));
        CHECK(p.date(1) == ymd(2027, 6, 30));
        CHECK(p.set(1) == ymd(2026, 11, 30));
        CHECK(p.note(1) == "n");
        CHECK_FALSE(p.set(2));
        CHECK(p.set(3) == ymd(2026, 11, 30));  // equal set days are in order
        CHECK(p.last() == ymd(2027, 9, 30));
    }
    SECTION("set days that go back") {
        const auto ds = diagnostics_of(plan_with_locality +
                                       "planned = [{ date = 2027-06-30, set = 2026-12-01 }, 2027-01-01, "
                                       "{ date = 2027-09-30, set = 2026-11-30 }]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:92: planned date set on 2026-11-30, before the one before it (set on 2026-12-01)");
        CHECK(ds[0].hint == "planned dates are listed in the order they were set, the current plan last (see line 11)");
    }
    SECTION("an unknown key, a missing date, a quoted set day") {
        auto ds = diagnostics_of(plan_with_locality + "planned = { date = 2027-06-30, decision = \"1/QĐ\" }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:32: unknown key 'decision' in planned");
        ds = diagnostics_of(plan_with_locality + "planned = [{ set = 2026-11-30 }]\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:12: planned has no 'date'");
        ds = diagnostics_of(plan_with_locality + "planned = { date = 2027-06-30, set = \"2026-11-30\" }\n");
        REQUIRE(ds.size() == 1);
        CHECK(located(ds[0]) == "11:38: 'set' is a date written as a string");
    }
}
