#include "output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

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
    CHECK_THROWS_WITH(write_file_atomically(dir.path() + "/missing/report.csv", "x", {}),
                      Catch::Contains("report.csv.lock: cannot create the lock file: No such file or directory"));
    CHECK(dir.entries().empty());
}
