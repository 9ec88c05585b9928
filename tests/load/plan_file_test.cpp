// read_plan_file() and load_plan() on real files in a temporary directory.
#include "plan_file.hpp"

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "load.hpp"
#include "temp_dir.hpp"

using Catch::Matchers::Contains;
using ontrack::Date;
using ontrack::Diagnostic;
using ontrack::InputError;
using ontrack::load_plan;
using ontrack::read_plan_file;
using ontrack::test::TempDir;

namespace {

// The single diagnostic read_plan_file() throws for `path`.
Diagnostic read_error(const std::string& path) {
    try {
        (void)read_plan_file(path);
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics().front();
    }
    FAIL("read_plan_file accepted " << path);
    return {};
}

}  // namespace

TEST_CASE("a regular UTF-8 file is read byte for byte", "[plan_file]") {
    const TempDir dir;
    const std::string text = "[plan]\nname = \"Hải Phòng\"\n";
    CHECK(read_plan_file(dir.write("plan.toml", text)) == text);
}

TEST_CASE("a missing file", "[plan_file]") {
    const TempDir dir;
    const std::string path = dir.path() + "/absent.toml";
    const Diagnostic d = read_error(path);
    CHECK(d.file == path);
    CHECK(d.line == 1);
    CHECK(d.column == 1);
    CHECK_THAT(d.message, Contains("No such file or directory"));
    CHECK(d.message == "cannot open the plan: No such file or directory");
    CHECK(d.hint == "check the path; the plan is the first argument");
    CHECK(d.excerpt.empty());
}

TEST_CASE("a directory is not a plan", "[plan_file]") {
    const TempDir dir;
    const Diagnostic d = read_error(dir.path());
    CHECK(d.file == dir.path());
    CHECK(d.line == 1);
    CHECK(d.column == 1);
    CHECK(d.message == "cannot read a plan from a directory");
    CHECK(d.hint == "give a plan file, or - to read the plan from standard input");
}

TEST_CASE("a character device is not a plan", "[plan_file]") {
    const Diagnostic d = read_error("/dev/null");
    CHECK(d.file == "/dev/null");
    CHECK(d.line == 1);
    CHECK(d.column == 1);
    CHECK(d.message == "cannot read a plan from a character device");
}

TEST_CASE("a FIFO is refused without blocking", "[plan_file]") {
    const TempDir dir;
    const std::string path = dir.path() + "/fifo";
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    const Diagnostic d = read_error(path);  // would hang if the open blocked for a writer
    CHECK(d.message == "cannot read a plan from a FIFO");
}

TEST_CASE("an empty file", "[plan_file]") {
    const TempDir dir;
    const std::string path = dir.write("empty.toml", "");
    const Diagnostic d = read_error(path);
    CHECK(d.file == path);
    CHECK(d.line == 1);
    CHECK(d.column == 1);
    CHECK(d.message == "the file is empty");
    CHECK(d.hint == "a plan needs at least a [plan] table and one [[milestone]]");
}

TEST_CASE("a file that is not UTF-8 is located at its first bad byte", "[plan_file]") {
    const TempDir dir;
    const std::string legacy =
        "save the plan as UTF-8; Vietnamese text in a legacy encoding (TCVN3, VNI, Windows-1258) must be converted";
    SECTION("a stray byte on line 2") {
        // "ab\ncd\xff": line 2 holds "cd" then the bad byte, at column 3.
        const Diagnostic d = read_error(dir.write("bad.toml", "ab\ncd\xff"));
        CHECK(d.line == 2);
        CHECK(d.column == 3);
        CHECK(d.message == "the file is not valid UTF-8 (byte 0xff)");
        CHECK(d.hint == legacy);
    }
    SECTION("columns count code points, not bytes") {
        // Line 2 is: name = "Hải then 0xC3 0x28 (a lead byte without its
        // continuation). 'name = "' is 8 code points, H, ả, i three more: the
        // bad byte is code point 12 (byte 14, since ả takes three bytes).
        const Diagnostic d = read_error(dir.write("bad.toml", "[plan]\nname = \"H\xe1\xba\xa3i\xc3\x28\"\n"));
        CHECK(d.line == 2);
        CHECK(d.column == 12);
        CHECK(d.message == "the file is not valid UTF-8 (byte 0xc3)");
    }
    SECTION("a Windows-1258 byte on line 1") {
        // "Hai Ph\xf2ng": 0xF2 is "ò" in Windows-1258, column 7.
        const Diagnostic d = read_error(dir.write("bad.toml", "Hai Ph\xf2ng\n"));
        CHECK(d.line == 1);
        CHECK(d.column == 7);
        CHECK(d.message == "the file is not valid UTF-8 (byte 0xf2)");
    }
    SECTION("a sequence cut off at the end of the file") {
        // "abc" then the first two bytes of a three-byte sequence: column 4.
        const Diagnostic d = read_error(dir.write("bad.toml", "abc\xe1\xba"));
        CHECK(d.line == 1);
        CHECK(d.column == 4);
        CHECK(d.message == "the file is not valid UTF-8 (byte 0xe1)");
    }
    SECTION("an overlong encoding") {
        const Diagnostic d = read_error(dir.write("bad.toml", "x\n\xc0\xaf"));
        CHECK(d.line == 2);
        CHECK(d.column == 1);
        CHECK(d.message == "the file is not valid UTF-8 (byte 0xc0)");
    }
    SECTION("a UTF-16 surrogate encoded in UTF-8") {
        const Diagnostic d = read_error(dir.write("bad.toml", "\xed\xa0\x80"));
        CHECK(d.line == 1);
        CHECK(d.column == 1);
        CHECK(d.message == "the file is not valid UTF-8 (byte 0xed)");
    }
}

TEST_CASE("a file with a UTF-8 BOM and CRLF line endings loads through load_plan", "[plan_file]") {
    const TempDir dir;
    const std::string path = dir.write("windows.toml",
                                       "\xef\xbb\xbf"
                                       "[plan]\r\n"
                                       "name = \"Hải Phòng\"\r\n"
                                       "\r\n"
                                       "[[milestone]]\r\n"
                                       "deadline = 2025-12-31\r\n"
                                       "target = \"50%\"\r\n"
                                       "\r\n"
                                       "[[locality]]\r\n"
                                       "id = \"11311\"\r\n"
                                       "name = \"Thủy Nguyên\"\r\n"
                                       "certified = 2025-06-30\r\n"
                                       "\r\n"
                                       "[[locality]]\r\n"
                                       "name = \"Cát Hải\"\r\n");
    const ontrack::Plan plan = load_plan(path);
    CHECK(plan.file == path);
    CHECK(plan.name == "Hải Phòng");
    CHECK(plan.total == 2);
    REQUIRE(plan.milestones.size() == 1);
    CHECK(plan.milestones[0].required == 1);  // ceil(50 * 2 / 100) = 1
    REQUIRE(plan.localities.size() == 2);
    CHECK(plan.localities[0].id == "11311");
    CHECK(plan.localities[0].name == "Thủy Nguyên");
    REQUIRE(plan.localities[0].events.size() == 1);
    CHECK(plan.localities[0].events[0].date == Date::from_ymd(2025, 6, 30));
    CHECK(plan.localities[1].name == "Cát Hải");
}

TEST_CASE("an error in a BOM and CRLF file: the BOM takes no column and the excerpt no CR", "[plan_file]") {
    const TempDir dir;
    const std::string path = dir.write("windows.toml",
                                       "\xef\xbb\xbf"
                                       "version = 2\r\n"
                                       "[plan]\r\n"
                                       "name = 5\r\n"
                                       "total = 1\r\n"
                                       "[[milestone]]\r\n"
                                       "deadline = 2025-12-31\r\n"
                                       "target = 1\r\n");
    try {
        (void)load_plan(path);
        FAIL("load_plan accepted the plan");
    } catch (const InputError& e) {
        const auto& ds = e.diagnostics();
        REQUIRE(ds.size() == 2);
        CHECK(ds[0].file == path);
        CHECK(ds[0].line == 1);
        CHECK(ds[0].column == 1);
        CHECK(ds[0].message == "unknown key 'version' in the plan file");
        CHECK(ds[1].line == 3);
        CHECK(ds[1].column == 8);
        CHECK(ds[1].message == "'name' must be a string, not an integer");
        CHECK(ds[1].excerpt == "name = 5");
    }
}

TEST_CASE("load_plan passes on read_plan_file's errors", "[plan_file]") {
    const TempDir dir;
    const std::string path = dir.path() + "/absent.toml";
    try {
        (void)load_plan(path);
        FAIL("load_plan accepted a missing file");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].file == path);
        CHECK_THAT(e.diagnostics()[0].message, Contains("No such file or directory"));
    }
}
