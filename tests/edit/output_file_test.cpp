#include "output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "temp_dir.hpp"

using ontrack::write_file_atomically;

using ontrack::test::TempDir;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("write_file_atomically writes the whole text and leaves no temporary file", "[output]") {
    TempDir dir;
    const std::string out = dir.path() + "/report.csv";
    write_file_atomically(out, "a,b\n1,2\n", {});
    CHECK(slurp(out) == "a,b\n1,2\n");
    write_file_atomically(out, "replaced\n", {});
    CHECK(slurp(out) == "replaced\n");
    CHECK(dir.entries() == std::vector<std::string>{"report.csv"});
}

TEST_CASE("write_file_atomically never writes over a plan being read", "[output]") {
    TempDir dir;
    const std::string plan = dir.path() + "/plan.toml";
    std::ofstream(plan) << "[plan]\n";
    // The same file spelt another way is still the plan.
    CHECK_THROWS_WITH(write_file_atomically(dir.path() + "/./plan.toml", "x", {"other.toml", plan}),
                      Catch::Contains("refusing to write the report over the plan it reads"));
    CHECK(slurp(plan) == "[plan]\n");
}

TEST_CASE("write_file_atomically refuses what is not a regular file and names the problem", "[output]") {
    TempDir dir;
    CHECK_THROWS_WITH(write_file_atomically(dir.path(), "x", {}), Catch::Contains("not a regular file"));
    CHECK_THROWS_WITH(write_file_atomically("/dev/null", "x", {}), Catch::Contains("not a regular file"));
    // A missing folder is named as such, not as a lock file that cannot be made.
    CHECK_THROWS_WITH(
        write_file_atomically(dir.path() + "/missing/report.csv", "x", {}),
        Catch::EndsWith("/missing/report.csv: the folder " + dir.path() + "/missing does not exist; create it first"));
    CHECK(dir.entries().empty());
}

TEST_CASE("a FileReplacement prepared but not replaced changes nothing", "[output]") {
    TempDir dir;
    const std::string plan = dir.path() + "/plan.toml";
    std::ofstream(plan) << "old\n";
    {
        ontrack::FileReplacement target(plan);
        target.prepare("new\n");
        CHECK(slurp(plan) == "old\n");     // prepared: the text is beside it, flushed, not yet in place
        CHECK(dir.entries().size() == 3);  // the plan, its lock and the temporary
    }
    CHECK(slurp(plan) == "old\n");
    CHECK(dir.entries() == std::vector<std::string>{"plan.toml"});
    {
        ontrack::FileReplacement target(plan);
        target.prepare("new\n");
        target.replace();
    }
    CHECK(slurp(plan) == "new\n");
    CHECK(dir.entries() == std::vector<std::string>{"plan.toml"});
}

TEST_CASE("FileSetReplacement replaces every file, new or existing, and leaves nothing beside them", "[output]") {
    TempDir dir;
    const std::string a = dir.path() + "/a.toml", b = dir.path() + "/b.toml", c = dir.path() + "/c.toml";
    std::ofstream(a) << "a0\n";
    std::ofstream(b) << "b0\n";
    {
        ontrack::FileSetReplacement files({a, b, c});
        CHECK(files.at(0).exists());
        CHECK(!files.at(2).exists());
        files.prepare(0, "a1\n");
        files.prepare(2, "c1\n");  // b is locked but does not change
        files.replace_all();
    }
    CHECK(slurp(a) == "a1\n");
    CHECK(slurp(b) == "b0\n");
    CHECK(slurp(c) == "c1\n");
    auto names = dir.entries();
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"a.toml", "b.toml", "c.toml"});
}

TEST_CASE("FileSetReplacement restores the files already replaced when one cannot be", "[output]") {
    TempDir dir;
    const std::string a = dir.path() + "/a.toml", b = dir.path() + "/b.toml", c = dir.path() + "/c.toml",
                      d = dir.path() + "/d.toml";
    std::ofstream(a) << "a0\n";
    std::ofstream(b) << "b0\n";
    std::ofstream(d) << "d0\n";
    const struct stat before = [&] {
        struct stat st {};
        ::stat(a.c_str(), &st);
        return st;
    }();
    {
        ontrack::FileSetReplacement files({a, b, c, d});
        for (std::size_t i = 0; i < 4; ++i) files.prepare(i, "new\n");
        // b's prepared text vanishes: renaming it over b fails, whichever
        // place b has in the order of the locks.
        for (const std::string& name : dir.entries())
            if (name.rfind(".b.toml.ontrack-", 0) == 0) REQUIRE(::unlink((dir.path() + "/" + name).c_str()) == 0);
        CHECK_THROWS_WITH(files.replace_all(), Catch::Contains("b.toml: cannot replace"));
    }
    CHECK(slurp(a) == "a0\n");
    CHECK(slurp(b) == "b0\n");
    CHECK(slurp(d) == "d0\n");
    CHECK(::access(c.c_str(), F_OK) != 0);  // made by the set, removed by the restore
    struct stat after {};
    ::stat(a.c_str(), &after);
    CHECK(after.st_ino == before.st_ino);  // the very file, not a copy
    CHECK(after.st_nlink == 1);
    auto names = dir.entries();
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"a.toml", "b.toml", "d.toml"});
}

TEST_CASE("FileSetReplacement refuses one file named twice, whatever the spelling", "[output]") {
    TempDir dir;
    const std::string a = dir.path() + "/a.toml";
    std::ofstream(a) << "a0\n";
    REQUIRE(::symlink("a.toml", (dir.path() + "/link.toml").c_str()) == 0);
    CHECK_THROWS_WITH(ontrack::FileSetReplacement({a, dir.path() + "/link.toml"}),
                      Catch::Contains("are the same file"));
    CHECK_THROWS_WITH(ontrack::FileSetReplacement({dir.path() + "/n.toml", dir.path() + "/./n.toml"}),
                      Catch::Contains("are the same file"));
}
