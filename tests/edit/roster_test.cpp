// read_roster(), milestone specs and plan_toml_from_roster(): a roster CSV to
// a plan that parse_plan() loads.
#include "roster.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "load.hpp"

using Catch::Matchers::Contains;
using ontrack::Date;
using ontrack::Diagnostic;
using ontrack::InputError;
using ontrack::MilestoneSpec;
using ontrack::parse_plan;
using ontrack::Plan;
using ontrack::read_roster;
using ontrack::RosterUnit;
using ontrack::Target;

namespace {

std::vector<Diagnostic> roster_errors(const std::string& text) {
    try {
        (void)read_roster(text, "units.csv");
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("read_roster accepted the roster");
    return {};
}

std::string located(const Diagnostic& d) {
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

// "CODE|NAME|TYPE@LINE" for each unit, so one CHECK compares a whole roster.
std::vector<std::string> summary(const std::vector<RosterUnit>& units) {
    std::vector<std::string> out;
    for (const RosterUnit& u : units)
        out.push_back(u.code + "|" + u.name + "|" + u.type + "@" + std::to_string(u.line));
    return out;
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

MilestoneSpec spec(const std::string& text) {
    std::string why;
    const auto m = ontrack::parse_milestone_spec(text, why);
    INFO(text << ": " << why);
    REQUIRE(m.has_value());
    return *m;
}

std::string spec_error(const std::string& text) {
    std::string why;
    const auto m = ontrack::parse_milestone_spec(text, why);
    INFO(text);
    CHECK_FALSE(m.has_value());
    CHECK_FALSE(why.empty());
    return why;
}

Date ymd(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

const std::string roster_path = ONTRACK_TEST_DATA "/../../shared/data/haiphong_units.csv";

}  // namespace

// ---------------------------------------------------------------- read_roster

TEST_CASE("a roster gives its units in file order with their lines", "[roster]") {
    const auto units = read_roster("code,name,type\n11560,Thủy Nguyên,phường\n11557,Thiên Hương,phường\n", "u.csv");
    CHECK(summary(units) == std::vector<std::string>{"11560|Thủy Nguyên|phường@2", "11557|Thiên Hương|phường@3"});
}

TEST_CASE("a roster with a byte order mark and CRLF reads the same as without", "[roster]") {
    const std::string body = "code,name,type\r\n11914,Cát Hải,đặc khu\r\n11948,Bạch Long Vĩ,đặc khu\r\n";
    const std::vector<std::string> expected{"11914|Cát Hải|đặc khu@2", "11948|Bạch Long Vĩ|đặc khu@3"};
    CHECK(summary(read_roster(body, "u.csv")) == expected);
    CHECK(summary(read_roster("\xEF\xBB\xBF" + body, "u.csv")) == expected);
}

TEST_CASE("roster columns in any order and any case with extra columns ignored", "[roster]") {
    const auto units = read_roster("Type,population, NAME ,Code\nxã,12000,An Lão,11713\n", "u.csv");
    CHECK(summary(units) == std::vector<std::string>{"11713|An Lão|xã@2"});
}

TEST_CASE("quoted roster names keep commas and doubled quotes", "[roster]") {
    const auto units = read_roster("code,name,type\n1,\"Ward \"\"A\"\", north\",phường\n 2 , B ,\n", "u.csv");
    // Surrounding spaces are dropped; an empty type is allowed.
    CHECK(summary(units) == std::vector<std::string>{"1|Ward \"A\", north|phường@2", "2|B|@3"});
}

TEST_CASE("a roster row with too few fields is reported at its line", "[roster]") {
    // Line 3 is `2,B`: it ends after column 3, so the problem is at column 4.
    const auto ds = roster_errors("code,name,type\n1,A,x\n2,B\n3,C,y\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "3:4: the row has 2 fields but the header has 3 (code, name, type)");
    CHECK(ds[0].file == "units.csv");
    CHECK(ds[0].excerpt == "2,B");
}

TEST_CASE("a duplicate roster code is reported at its second use", "[roster]") {
    const auto ds = roster_errors("code,name,type\n11560,A,x\n11560,B,x\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "3:1: duplicate code '11560'");
    CHECK_THAT(ds[0].hint, Contains("line 2"));
}

TEST_CASE("every bad roster row is reported in one error", "[roster]") {
    // Line 2: empty name at column 3. Line 4: name A again (first at line 3), column 3.
    // Line 5: `4,"D, E",x,y` - an unquoted comma would split, but it is quoted; y is the
    // 4th field: `4,` 2 + `"D, E"` 6 + `,x,` 3 = 11 columns, so y is column 12.
    // Line 6: code 3 again (first at line 4) at column 1, and line 7 is fine.
    const auto ds = roster_errors("code,name,type\n1,,x\n2,A,x\n3,A,x\n4,\"D, E\",x,y\n3,F,x\n5,G,x\n");
    REQUIRE(ds.size() == 4);
    CHECK(located(ds[0]) == "2:3: the unit's name is empty");
    CHECK(located(ds[1]) == "4:3: duplicate name 'A'");
    CHECK_THAT(ds[1].hint, Contains("line 3"));
    CHECK(located(ds[2]) == "5:12: the row has 4 fields but the header has 3 (code, name, type)");
    CHECK(located(ds[3]) == "6:1: duplicate code '3'");
    CHECK_THAT(ds[3].hint, Contains("line 4"));
}

TEST_CASE("a roster header without a required column or with one twice", "[roster]") {
    auto ds = roster_errors("code,name\n1,A\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the header has no 'type' column");
    CHECK_THAT(ds[0].hint, Contains("it names: code, name"));
    ds = roster_errors("code,name,type,Name\n1,A,x,B\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:16: a second 'name' column");  // "code,name,type," is 15 columns
}

TEST_CASE("a roster with no units is refused", "[roster]") {
    const auto ds = roster_errors(
        "\xEF\xBB\xBF"
        "code,name,type\r\n\r\n");
    REQUIRE(ds.size() == 1);
    CHECK(located(ds[0]) == "1:1: the roster lists no units");
}

TEST_CASE("the Hai Phong roster gives 114 units and a plan that loads", "[roster]") {
    const auto text = read_file(roster_path);
    if (!text) {
        WARN("skipped: " << roster_path << " is absent");
        return;
    }
    const auto units = read_roster(*text, "haiphong_units.csv");
    REQUIRE(units.size() == 114);
    std::map<std::string, int> by_type;
    for (const RosterUnit& u : units) ++by_type[u.type];
    CHECK(by_type == std::map<std::string, int>{{"phường", 45}, {"xã", 67}, {"đặc khu", 2}});
    CHECK(summary({units[0]}) == std::vector<std::string>{"11560|Thủy Nguyên|phường@2"});
    CHECK(summary({units[48]}) == std::vector<std::string>{"11914|Cát Hải|đặc khu@50"});
    CHECK(summary({units[113]}) == std::vector<std::string>{"10804|Kim Thành|xã@115"});

    const std::string toml = ontrack::plan_toml_from_roster(
        "Hai Phong drug-free communes", units, ontrack::haiphong_default_milestones(), "units from haiphong_units.csv");
    const Plan plan = parse_plan(toml, "init.toml");
    CHECK(plan.name == "Hai Phong drug-free communes");
    CHECK(plan.source == "units from haiphong_units.csv");
    CHECK(plan.total == 114);
    REQUIRE(plan.milestones.size() == 4);
    // ceil(30 * 114 / 100) = ceil(34.2) = 35; 45%: ceil(51.3) = 52; 60%: ceil(68.4) = 69; 100%: 114.
    CHECK(plan.milestones[0].required == 35);
    CHECK(plan.milestones[1].required == 52);
    CHECK(plan.milestones[2].required == 69);
    CHECK(plan.milestones[3].required == 114);
    CHECK(plan.milestones[0].deadline == ymd(2025, 12, 31));
    CHECK(plan.milestones[3].deadline == ymd(2035, 12, 31));
    CHECK(plan.milestones[0].name == "Phase 1: 30% by end of 2025");
    REQUIRE(plan.localities.size() == 114);
    for (std::size_t k = 0; k < units.size(); ++k) {
        INFO("unit " << k + 1);
        CHECK(plan.localities[k].id == units[k].code);
        CHECK(plan.localities[k].name == units[k].name);
        CHECK(plan.localities[k].kind == units[k].type);
        CHECK(plan.localities[k].events.empty());
        CHECK(plan.localities[k].planned.empty());
    }

    // data/haiphong.toml says its codes, names and kinds are copied byte for
    // byte, in the same order, from this roster.
    const auto shipped = read_file(ONTRACK_TEST_DATA "/../data/haiphong.toml");
    REQUIRE(shipped.has_value());
    const Plan reference = parse_plan(*shipped, "haiphong.toml");
    REQUIRE(reference.localities.size() == 114);
    for (std::size_t k = 0; k < units.size(); ++k) {
        INFO("unit " << k + 1);
        CHECK(reference.localities[k].id == units[k].code);
        CHECK(reference.localities[k].name == units[k].name);
        CHECK(reference.localities[k].kind == units[k].type);
    }
}

// ---------------------------------------------------------------- milestones

TEST_CASE("milestone specs with a percentage or a count", "[roster]") {
    MilestoneSpec m = spec("2025-12-31=30%");
    CHECK(m.deadline == ymd(2025, 12, 31));
    CHECK(m.target.kind == Target::Kind::percent);
    CHECK(m.target.percent.units == 30);
    CHECK(m.target.percent.scale == 0);
    CHECK(m.name.empty());

    m = spec("2027-12-31=52");
    CHECK(m.deadline == ymd(2027, 12, 31));
    CHECK(m.target.kind == Target::Kind::count);
    CHECK(m.target.count == 52);

    m = spec("2030-06-30=12.5%");
    CHECK(m.target.kind == Target::Kind::percent);
    CHECK(m.target.percent.units == 125);
    CHECK(m.target.percent.scale == 1);

    m = spec("2035-12-31=100%");
    CHECK(m.target.percent.units == 100);
}

TEST_CASE("a milestone's deadline may be written dd/mm/yyyy", "[roster]") {
    CHECK(spec("31/12/2025=30%").deadline == ontrack::Date::from_ymd(2025, 12, 31));
    CHECK(spec("1/6/2027=52").deadline == ontrack::Date::from_ymd(2027, 6, 1));
}

TEST_CASE("bad milestone specs say why", "[roster]") {
    CHECK_THAT(spec_error("2025-12-31"), Contains("DEADLINE=TARGET"));
    CHECK_THAT(spec_error("2025-13-01=30%"), Contains("the month must be 01 to 12"));
    CHECK_THAT(spec_error("2025-02-30=30%"), Contains("that day does not exist"));
    CHECK_THAT(spec_error("31/12/2025x=30%"), Contains("YYYY-MM-DD or dd/mm/yyyy"));
    CHECK_THAT(spec_error("31/13/2025=30%"), Contains("the month must be 01 to 12"));
    CHECK_THAT(spec_error("30/02/2025=30%"), Contains("that day does not exist"));
    CHECK_THAT(spec_error("=30%"), Contains("not a date"));
    CHECK_THAT(spec_error("2025-12-31=0%"), Contains("more than 0%"));
    CHECK_THAT(spec_error("2025-12-31=101%"), Contains("at most 100%"));
    CHECK_THAT(spec_error("2025-12-31=abc"), Contains("neither a percentage"));
    CHECK_THAT(spec_error("2025-12-31="), Contains("neither a percentage"));
    CHECK_THAT(spec_error("2025-12-31=-5"), Contains("neither a percentage"));
    CHECK_THAT(spec_error("2025-12-31=0"), Contains("at least 1"));
    CHECK_THAT(spec_error("2025-12-31=30%=x"), Contains("30%=x"));
}

TEST_CASE("the Hai Phong default milestones", "[roster]") {
    const auto ms = ontrack::haiphong_default_milestones();
    REQUIRE(ms.size() == 4);
    const Date deadlines[] = {ymd(2025, 12, 31), ymd(2027, 12, 31), ymd(2030, 12, 31), ymd(2035, 12, 31)};
    const std::int64_t percents[] = {30, 45, 60, 100};
    for (std::size_t k = 0; k < 4; ++k) {
        CHECK(ms[k].deadline == deadlines[k]);
        CHECK(ms[k].target.kind == Target::Kind::percent);
        CHECK(ms[k].target.percent.units == percents[k]);
        CHECK(ms[k].target.percent.scale == 0);
        CHECK_FALSE(ms[k].name.empty());
    }
}

TEST_CASE("check_milestone_specs takes the specs in deadline order", "[roster]") {
    using ontrack::check_milestone_specs;
    CHECK(check_milestone_specs(ontrack::haiphong_default_milestones(), 114).empty());
    CHECK(check_milestone_specs({spec("2030-12-31=60%"), spec("2025-12-31=30%")}, 114).empty());
    CHECK(check_milestone_specs({}, 114) == "there are no milestones");
    CHECK_THAT(check_milestone_specs({spec("2025-12-31=30%"), spec("2025-12-31=40%")}, 114),
               Contains("two milestones on 2025-12-31"));
    CHECK_THAT(check_milestone_specs({spec("2025-12-31=115")}, 114), Contains("more than the 114 units"));
    CHECK(check_milestone_specs({spec("2025-12-31=114")}, 114).empty());
    // 30% of 114 requires 35, so a later count of 34 goes backwards; 35 does not.
    CHECK_THAT(check_milestone_specs({spec("2025-12-31=30%"), spec("2027-12-31=34")}, 114),
               Contains("requires 34 units, fewer than the 35"));
    CHECK(check_milestone_specs({spec("2025-12-31=30%"), spec("2027-12-31=35")}, 114).empty());
}

// ---------------------------------------------------------------- TOML output

TEST_CASE("toml_quoted escapes quotes backslashes and control characters", "[roster]") {
    using ontrack::toml_quoted;
    CHECK(toml_quoted("Hải An") == "\"Hải An\"");
    CHECK(toml_quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(toml_quoted("t\tn\nr\rb\bf\f") == "\"t\\tn\\nr\\rb\\bf\\f\"");
    CHECK(toml_quoted(std::string("\x01\x1f\x7f\0", 4)) == "\"\\u0001\\u001F\\u007F\\u0000\"");
    CHECK(toml_quoted("a\xFF"
                      "b") ==
          "\"a\xEF\xBF\xBD"
          "b\"");  // a byte that is not UTF-8 becomes U+FFFD
    CHECK(toml_quoted("") == "\"\"");
}

TEST_CASE("awkward names survive the trip through TOML", "[roster]") {
    std::vector<RosterUnit> units(3);
    units[0].code = "A\"1";
    units[0].name = "Quote \" and back\\slash";
    units[0].type = "phường";
    units[1].name = "'single' and {braces} # not a comment";  // no code and no type
    units[2].code = "\\";
    units[2].name = "'''single''' and \"\"\"triple\"\"\"";
    units[2].type = "x = 1 [plan]";
    const std::vector<MilestoneSpec> ms{spec("2027-12-31=3"), spec("2025-12-31=33.3%")};  // given out of order
    const std::string toml = ontrack::plan_toml_from_roster("Plan \"X\" \\ 2025", units, ms, "");
    const Plan plan = parse_plan(toml, "init.toml");
    CHECK(plan.name == "Plan \"X\" \\ 2025");
    CHECK(plan.source.empty());
    CHECK(plan.total == 3);
    REQUIRE(plan.localities.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        INFO("unit " << k);
        CHECK(plan.localities[k].id == units[k].code);
        CHECK(plan.localities[k].name == units[k].name);
        CHECK(plan.localities[k].kind == units[k].type);
    }
    REQUIRE(plan.milestones.size() == 2);
    CHECK(plan.milestones[0].deadline == ymd(2025, 12, 31));
    CHECK(plan.milestones[0].target.kind == Target::Kind::percent);
    CHECK(plan.milestones[0].required == 1);  // ceil(33.3 * 3 / 100) = ceil(0.999) = 1
    CHECK(plan.milestones[1].deadline == ymd(2027, 12, 31));
    CHECK(plan.milestones[1].target.kind == Target::Kind::count);
    CHECK(plan.milestones[1].required == 3);
    CHECK(plan.milestones[1].name.empty());
}

TEST_CASE("the written plan has the documented layout", "[roster]") {
    std::vector<RosterUnit> units(1);
    units[0].code = "11560";
    units[0].name = "Thủy Nguyên";
    units[0].type = "phường";
    const std::string toml =
        ontrack::plan_toml_from_roster("P", units, {spec("2025-12-31=30%"), spec("2027-12-31=1")}, "roster.csv");
    CHECK_THAT(toml, Contains("[plan]\nname = \"P\"\ntotal = 1\nsource = \"roster.csv\"\nkinds = [\"phường\"]\n"));
    CHECK_THAT(toml, Contains("\n[[milestone]]\ndeadline = 2025-12-31\ntarget = \"30%\"\n"));
    CHECK_THAT(toml, Contains("\n[[milestone]]\ndeadline = 2027-12-31\ntarget = 1\n"));
    CHECK_THAT(toml, Contains("\n[[locality]]\nid = \"11560\"\nname = \"Thủy Nguyên\"\nkind = \"phường\"\n"));
}

TEST_CASE("a roster separated by semicolons or tabs, with Vietnamese headers", "[roster]") {
    for (const std::string text :
         {"Mã;Tên;Loại\n10888;Cẩm Giang;xã\n", "ma so\tTEN DON VI\tloai don vi\n10888\tCẩm Giang\txã\n"}) {
        const auto units = read_roster(text, "u.csv");
        REQUIRE(units.size() == 1);
        CHECK(units[0].code == "10888");
        CHECK(units[0].name == "Cẩm Giang");
        CHECK(units[0].type == "xã");
        CHECK(units[0].line == 2);
    }
    const auto ds = roster_errors("foo;bar\n1;2\n");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message ==
          "the first row names none of the columns this file needs (separators tried: ',', ';' or tab)");
}

TEST_CASE("a roster's blank rows are skipped; unread columns and trimmed cells are noted", "[roster]") {
    std::vector<ontrack::CsvNote> notes;
    const auto units = read_roster("code,name,type,Ghi chú\n1, A ,x,\n,,,\n2,B,y,z\n", "u.csv", &notes);
    REQUIRE(units.size() == 2);
    CHECK(units[0].name == "A");
    CHECK(units[1].line == 4);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].line == 1);
    CHECK(notes[0].message == "1 column is not read: 'Ghi chú'");
    CHECK(notes[1].line == 2);
    CHECK(notes[1].message == "1 row had spaces or no-break spaces around a cell; they were removed");
    const auto ds = roster_errors("code,name,type\n,,\n");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "the roster lists no units");
}

TEST_CASE("a roster cell the plan's text rule refuses is named in the roster, not in the plan made from it",
          "[roster]") {
    // U+200B inside a quoted name: column 6 (the quote at 3, A 4, n 5).
    auto errors = roster_errors("code,name,type\n1,\"An\xe2\x80\x8bL\xc3\xa3o\",x\xc3\xa3\n");
    REQUIRE(errors.size() == 1);
    CHECK(located(errors[0]) == "2:6: 'name' contains U+200B, an invisible or control character");
    CHECK(errors[0].file == "units.csv");
    errors = roster_errors(
        "code,name,type\n1,A,x\xc3\xa3\n2,C\xc2\xa0"
        "D,ph\xc6\xb0\xe1\xbb\x9dng\n3,E  F,x\xc3\xa3\n");
    REQUIRE(errors.size() == 2);
    CHECK(located(errors[0]) == "3:4: 'name' contains U+00A0, a space that is not an ordinary space");
    CHECK(located(errors[1]) == "4:4: 'name' has two spaces in a row");
}
