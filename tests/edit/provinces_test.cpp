// The national roster: province columns, provinces found as people
// type them, the province plans' file names, the roll-up plan.
#include "provinces.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "load.hpp"

using ontrack::find_province;
using ontrack::InputError;
using ontrack::national_milestones;
using ontrack::parse_plan;
using ontrack::Province;
using ontrack::province_file_name;
using ontrack::province_key;
using ontrack::province_list;
using ontrack::provinces_of;
using ontrack::read_roster;
using ontrack::rollup_plan_toml;
using ontrack::Target;

namespace {

const char* const roster =
    "code,name,type,province_code,province\n"
    "00070,Hoàn Kiếm,phường,01,Thành phố Hà Nội\n"
    "11560,Thủy Nguyên,phường,31,Thành phố Hải Phòng\n"
    "00082,Cửa Nam,phường,01,Thành phố Hà Nội\n"
    "14000,Tân Phong,xã,38,Thanh Hóa\n"
    "11533,Tân Phong,xã,31,Thành phố Hải Phòng\n";

}  // namespace

TEST_CASE("the province columns are read; names are unique within a province", "[provinces]") {
    const auto units = read_roster(roster, "r.csv");
    REQUIRE(units.size() == 5);  // "Tân Phong" twice, in provinces 38 and 31: no error
    CHECK(units[1].province_code == "31");
    CHECK(units[1].province == "Thành phố Hải Phòng");
    try {
        read_roster("code,name,type,province_code,province\n1,A,xã,01,P\n2,a,xã,01,P\n", "r.csv");
        FAIL("no error");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].line == 3);
        CHECK(e.diagnostics()[0].message == "duplicate name 'a'");
    }
    // Without the columns, as before: one province with no code.
    const auto plain = read_roster("code,name,type\n1,A,xã\n", "r.csv");
    CHECK(plain[0].province_code.empty());
}

TEST_CASE("provinces in order of first appearance", "[provinces]") {
    const std::vector<Province> ps = provinces_of(read_roster(roster, "r.csv"));
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].code == "01");
    CHECK(ps[0].units.size() == 2);
    CHECK(ps[0].units[1].code == "00082");
    CHECK(ps[1].code == "31");
    CHECK(ps[1].name == "Thành phố Hải Phòng");
    CHECK(ps[2].code == "38");
    CHECK(province_list(ps) == "01 Thành phố Hà Nội, 31 Thành phố Hải Phòng, 38 Thanh Hóa");
}

TEST_CASE("a province as people type it", "[provinces]") {
    CHECK(province_key("Thành phố Hải Phòng") == "hai phong");
    CHECK(province_key("TP. Hồ Chí Minh") == "ho chi minh");
    CHECK(province_key("TP Hồ Chí Minh") == "ho chi minh");
    CHECK(province_key("tp.hồ chí minh") == "ho chi minh");
    CHECK(province_key("Tỉnh Thanh Hóa") == "thanh hoa");
    CHECK(province_key("  Đắk  Lắk ") == "dak lak");
    CHECK(province_key("Tỉnh") == "tinh");  // a type word alone is a name
    const std::vector<Province> ps = provinces_of(read_roster(roster, "r.csv"));
    for (const char* typed : {"31", "Hải Phòng", "TP. Hải Phòng", "hai phong", "HẢI PHÒNG", "Thành phố Hải Phòng"}) {
        const Province* p = find_province(ps, typed);
        REQUIRE(p);
        CHECK(p->code == "31");
    }
    REQUIRE(find_province(ps, "1"));
    CHECK(find_province(ps, "1")->code == "01");
    CHECK(find_province(ps, "Thanh Hoa")->code == "38");
    CHECK(find_province(ps, "Tỉnh Thanh Hóa")->code == "38");
    CHECK(find_province(ps, "Hai") == nullptr);
    CHECK(find_province(ps, "") == nullptr);
    CHECK(find_province(ps, "99") == nullptr);
}

TEST_CASE("province plans are named CODE-slug.toml", "[provinces]") {
    CHECK(province_file_name({"31", "Thành phố Hải Phòng", {}}) == "31-hai-phong.toml");
    CHECK(province_file_name({"79", "Thành phố Hồ Chí Minh", {}}) == "79-ho-chi-minh.toml");
    CHECK(province_file_name({"66", "Đắk Lắk", {}}) == "66-dak-lak.toml");
    CHECK(province_file_name({"", "Bà Rịa - Vũng Tàu", {}}) == "ba-ria-vung-tau.toml");
    CHECK(province_file_name({"../x", "?", {}}) == "x-province.toml");  // never a path
}

TEST_CASE("the national milestones and the roll-up plan", "[provinces]") {
    const auto ms = national_milestones();
    REQUIRE(ms.size() == 2);
    CHECK(ontrack::to_iso(ms[0].deadline) == "2025-12-31");
    CHECK(ms[0].target.kind == Target::Kind::percent);
    CHECK(ontrack::to_string(ms[0].target.percent) == "20%");
    CHECK(ontrack::to_iso(ms[1].deadline) == "2030-12-31");
    CHECK(ontrack::to_string(ms[1].target.percent) == "50%");
    const std::string text = rollup_plan_toml("N", {"01-ha-noi.toml", "31-hai-phong.toml"}, ms, "S");
    CHECK(text.find("[plan]\nname = \"N\"\nsource = \"S\"\nparts = [\n  \"01-ha-noi.toml\",\n  "
                    "\"31-hai-phong.toml\",\n]\n\n[[milestone]]\nname = \"National: 20% by end of 2025\"\n"
                    "deadline = 2025-12-31\ntarget = \"20%\"\n") != std::string::npos);
}
