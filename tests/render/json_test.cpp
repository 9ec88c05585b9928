// render_json: the output must be valid JSON (checked by the strict parser
// of tests/support), carry the report's numbers under stable keys,
// and escape every name so that it survives a round trip.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_parser.hpp"
#include "render.hpp"
#include "report.hpp"
#include "report_builders.hpp"
#include "utf8.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

// ---------------------------------------------------------------- reports

// Hai Phong on 2026-11-23 (see tests/e2e/README.md for the arithmetic).
Report sample() {
    Report r;
    r.file = "data/haiphong.toml";
    r.plan = "Hai Phong";
    r.source = "resolution";
    r.note = "illustrative dates";
    r.illustrative = true;
    r.as_of = Date::from_ymd(2026, 11, 23);
    r.total = 114;
    r.listed = 114;
    r.covered = 41;
    r.milestones.push_back(
        milestone("Phase 1", Date::from_ymd(2025, 12, 31), percent(30, 0), false, 35, 37, 0, 0, Verdict::met));
    r.milestones.push_back(
        milestone("Phase 2", Date::from_ymd(2027, 12, 31), percent(45, 0), true, 52, 52, 11, 0, Verdict::on_track));
    r.milestones.push_back(
        milestone("Phase 3", Date::from_ymd(2030, 12, 31), percent(60, 0), true, 69, 57, 16, 12, Verdict::behind));
    r.milestones.push_back(
        milestone("", Date::from_ymd(2035, 12, 31), count(114), true, 114, 57, 16, 57, Verdict::behind));
    r.overdue.push_back(locality("An Lão", "11629", Date::from_ymd(2026, 6, 30), "xã"));
    r.planned_ahead = 16;
    r.unplanned.push_back(locality("Hòa Bình", "11533", std::nullopt, "phường"));
    r.unlisted = 0;
    r.no_plan = 1;
    return r;
}

}  // namespace

TEST_CASE("the JSON parser of this test rejects what it must", "[render][json]") {
    // The validator is only worth something if it can say no.
    CHECK_NOTHROW(parse_json(R"({"a": [1, -2.5e3, true, false, null, "x\u00e9\ud83d\ude00"]})"));
    CHECK_THROWS(parse_json(R"({"a": 1,})"));
    CHECK_THROWS(parse_json(R"({"a": 1} x)"));
    CHECK_THROWS(parse_json("{\"a\": \"raw\x01control\"}"));
    CHECK_THROWS(parse_json(R"({"a": "\x41"})"));
    CHECK_THROWS(parse_json(R"({"a": "\ud800"})"));
    CHECK_THROWS(parse_json(R"({"a": 1, "a": 2})"));
    CHECK_THROWS(parse_json(R"({"a": 01})"));
    CHECK_THROWS(parse_json(R"(['a'])"));
    CHECK(parse_json(R"("\u00e9\ud83d\ude00")").text == "\u00e9\U0001F600");
}

TEST_CASE("render_json gives valid JSON with the report's fields", "[render][json]") {
    const std::string out = render_json(sample());
    Json doc;
    REQUIRE_NOTHROW(doc = parse_json(out));
    REQUIRE(doc.type == Json::Type::object);
    CHECK(doc.at("plan").text == "Hai Phong");
    CHECK(doc.at("file").text == "data/haiphong.toml");
    CHECK(doc.at("as_of").text == "2026-11-23");
    CHECK(doc.at("total").integer() == 114);
    CHECK(doc.at("listed").integer() == 114);
    CHECK(doc.at("covered").integer() == 41);
    CHECK(doc.at("illustrative").type == Json::Type::boolean);
    CHECK(doc.at("illustrative").boolean);
    CHECK(doc.at("planned_ahead").integer() == 16);
    CHECK(doc.at("unlisted").integer() == 0);
    // one unplanned listed unit + 0 unlisted
    CHECK(doc.at("uncovered_without_plan").integer() == 1);

    const Json& ms = doc.at("milestones");
    REQUIRE(ms.type == Json::Type::array);
    REQUIRE(ms.items.size() == 4);
    for (const Json& m : ms.items)
        for (const char* key :
             {"name", "deadline", "target", "status", "required", "covered", "planned", "shortfall", "verdict"})
            CHECK(m.has(key));

    const Json& p1 = ms.items[0];
    CHECK(p1.at("name").text == "Phase 1");
    CHECK(p1.at("deadline").text == "2025-12-31");
    CHECK(p1.at("target").text == "30%");
    CHECK(p1.at("status").text == "past");
    CHECK(p1.at("required").integer() == 35);
    CHECK(p1.at("covered").integer() == 37);
    CHECK(p1.at("shortfall").integer() == 0);
    CHECK(p1.at("verdict").text == "met");
    // A past milestone counts no planned date: null, where the table shows "-".
    CHECK(p1.at("planned").type == Json::Type::null);
    CHECK(doc.at("schema_version").integer() == 1);

    const Json& p3 = ms.items[2];
    CHECK(p3.at("status").text == "upcoming");
    CHECK(p3.at("required").integer() == 69);
    CHECK(p3.at("covered").integer() == 57);
    CHECK(p3.at("planned").integer() == 16);
    CHECK(p3.at("shortfall").integer() == 12);
    CHECK(p3.at("verdict").text == "behind");

    CHECK(ms.items[1].at("verdict").text == "on-track");
    // An unnamed milestone's name is null, its label the one the tables show;
    // a count target is a string like a percentage.
    CHECK(ms.items[3].at("name").type == Json::Type::null);
    CHECK(ms.items[3].at("label").text == "Milestone 4");
    CHECK(ms.items[2].at("label").text == ms.items[2].at("name").text);
    CHECK(ms.items[3].at("target").text == "114");

    const Json& overdue = doc.at("overdue");
    REQUIRE(overdue.items.size() == 1);
    CHECK(overdue.items[0].at("name").text == "An Lão");
    CHECK(overdue.items[0].at("id").text == "11629");
    CHECK(overdue.items[0].at("kind").text == "xã");
    CHECK(overdue.items[0].at("planned").text == "2026-06-30");
    const Json& unplanned = doc.at("unplanned");
    REQUIRE(unplanned.items.size() == 1);
    CHECK(unplanned.items[0].at("planned").type == Json::Type::null);
}

TEST_CASE("render_json: every verdict has its word", "[render][json]") {
    Report r = sample();
    r.milestones[0].verdict = Verdict::missed;
    const Json doc = parse_json(render_json(r));
    CHECK(doc.at("milestones").items[0].at("verdict").text == "missed");
}

TEST_CASE("render_json escapes names so that they round-trip", "[render][json]") {
    const std::vector<std::string> names = {
        "say \"hi\"",                   // quotes
        "C:\\plans\\new",               // backslashes
        "\\\"",                         // backslash then quote
        "a\x01z",                       // C0 control
        "tab\there, line\nbreak\rcr",   // the short escapes
        "esc \x1b[31mred\x1b[0m",       // terminal escape
        "del \x7f",                     // DEL
        "js \u2028 line \u2029 para",   // JavaScript line terminators
        "bidi \u202e override",         // allowed raw in JSON, must round-trip
        "Hồng Bàng",                    // precomposed Vietnamese
        "Ho\u0302\u0300ng Ba\u0300ng",  // decomposed
        "emoji \U0001F600 and </script>",
    };
    for (const std::string& name : names) {
        INFO("name: " << name);
        Report r = sample();
        r.plan = name;
        r.source = name;
        r.note = name;
        r.file = name;
        r.milestones[0].name = name;
        r.overdue[0].name = name;
        r.overdue[0].id = name;
        r.overdue[0].kind = name;
        r.unplanned[0].name = name;
        const std::string out = render_json(r);
        Json doc;
        REQUIRE_NOTHROW(doc = parse_json(out));
        CHECK(doc.at("plan").text == name);
        CHECK(doc.at("source").text == name);
        CHECK(doc.at("note").text == name);
        CHECK(doc.at("file").text == name);
        CHECK(doc.at("milestones").items[0].at("name").text == name);
        CHECK(doc.at("overdue").items[0].at("name").text == name);
        CHECK(doc.at("overdue").items[0].at("id").text == name);
        CHECK(doc.at("overdue").items[0].at("kind").text == name);
        CHECK(doc.at("unplanned").items[0].at("name").text == name);
        // Valid JSON already excludes raw C0 controls; also keep out the
        // characters that break JavaScript or a terminal.
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find('\x7f') == std::string::npos);
        CHECK(out.find("\u2028") == std::string::npos);
        CHECK(out.find("\u2029") == std::string::npos);
        CHECK_FALSE(find_invalid_utf8(out).has_value());
    }
}

TEST_CASE("render_json: specific escapes", "[render][json]") {
    Report r = sample();
    r.plan =
        "a\"b\\c\x01"
        "d\u2028e";
    const std::string out = render_json(r);
    CHECK(out.find(R"("plan": "a\"b\\c\u0001d\u2028e")") != std::string::npos);
}

TEST_CASE("render_json: a report with no milestones or localities is still valid", "[render][json]") {
    Report r;
    r.plan = "Empty";
    r.as_of = Date::from_ymd(2026, 1, 1);
    r.total = 3;
    r.unlisted = 3;
    r.no_plan = 3;
    Json doc;
    REQUIRE_NOTHROW(doc = parse_json(render_json(r)));
    CHECK(doc.at("milestones").items.empty());
    CHECK(doc.at("overdue").items.empty());
    CHECK(doc.at("unplanned").items.empty());
    CHECK(doc.at("uncovered_without_plan").integer() == 3);
    CHECK(doc.at("as_of").text == "2026-01-01");
}

TEST_CASE("render_json: large counts stay exact integers", "[render][json]") {
    Report r = sample();
    r.total = 9007199254740993;  // 2^53 + 1: would be rounded by a double
    const Json doc = parse_json(render_json(r));
    CHECK(doc.at("total").text == "9007199254740993");
}

TEST_CASE("json --list rows carry the decision, the note, the moves and the planned history", "[json][decision]") {
    Analysis a;
    a.report = sample();
    Listing l;
    l.kind = ListKind::revoked;
    l.as_of = a.report.as_of;
    ListRow with;
    with.name = "K";
    with.revoked = Date::from_ymd(2026, 3, 10);
    with.decision = "655/QĐ-UBND";
    with.note = "line one\nline two";
    with.has_event = true;
    with.plan_moves = 1;
    with.planned_history = {PlannedEntry{Date::from_ymd(2026, 3, 31), std::nullopt, ""},
                            PlannedEntry{Date::from_ymd(2026, 6, 30), Date::from_ymd(2026, 2, 15), "council"}};
    ListRow without;
    without.name = "U";
    l.rows = {with, without};
    a.listing = l;
    const Json doc = parse_json(render_json(a));
    const Json& rows = doc.at("list").at("rows");
    REQUIRE(rows.items.size() == 2);
    CHECK(rows.items[0].at("decision").text == "655/QĐ-UBND");
    CHECK(rows.items[0].at("note").text == "line one\nline two");
    CHECK(rows.items[0].at("plan_moves").integer() == 1);
    const Json& history = rows.items[0].at("planned_history");
    REQUIRE(history.items.size() == 2);
    CHECK(history.items[0].at("date").text == "2026-03-31");
    CHECK(history.items[0].at("set").type == Json::Type::null);
    CHECK(history.items[0].at("note").type == Json::Type::null);
    CHECK(history.items[1].at("set").text == "2026-02-15");
    CHECK(history.items[1].at("note").text == "council");
    CHECK(rows.items[1].at("decision").type == Json::Type::null);
    CHECK(rows.items[1].at("note").type == Json::Type::null);
    CHECK(rows.items[1].at("plan_moves").integer() == 0);
    CHECK(rows.items[1].at("planned_history").items.empty());
}
