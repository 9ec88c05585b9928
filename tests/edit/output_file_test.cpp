#include "output_file.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using ontrack::write_file_atomically;

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        char name[] = "/tmp/ontrack-out-XXXXXX";
        path = ::mkdtemp(name);
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        DIR* d = ::opendir(path.c_str());
        while (const dirent* e = ::readdir(d))
            if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.push_back(e->d_name);
        ::closedir(d);
        return names;
    }
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("write_file_atomically writes the whole text and leaves no temporary file", "[output]") {
    TempDir dir;
    const std::string out = dir.path + "/report.csv";
    write_file_atomically(out, "a,b\n1,2\n", {});
    CHECK(slurp(out) == "a,b\n1,2\n");
    write_file_atomically(out, "replaced\n", {});
    CHECK(slurp(out) == "replaced\n");
    CHECK(dir.entries() == std::vector<std::string>{"report.csv"});
}

TEST_CASE("write_file_atomically never writes over a plan being read", "[output]") {
    TempDir dir;
    const std::string plan = dir.path + "/plan.toml";
    std::ofstream(plan) << "[plan]\n";
    // The same file spelt another way is still the plan.
    CHECK_THROWS_WITH(write_file_atomically(dir.path + "/./plan.toml", "x", {"other.toml", plan}),
                      Catch::Contains("refusing to write the report over the plan it reads"));
    CHECK(slurp(plan) == "[plan]\n");
}

TEST_CASE("write_file_atomically refuses what is not a regular file and names the problem", "[output]") {
    TempDir dir;
    CHECK_THROWS_WITH(write_file_atomically(dir.path, "x", {}), Catch::Contains("not a regular file"));
    CHECK_THROWS_WITH(write_file_atomically("/dev/null", "x", {}), Catch::Contains("not a regular file"));
    // A missing folder is named as such, not as a lock file that cannot be made.
    CHECK_THROWS_WITH(write_file_atomically(dir.path + "/missing/report.csv", "x", {}),
                      Catch::EndsWith("/missing/report.csv: the folder " + dir.path +
                                      "/missing does not exist; create it first"));
    CHECK(dir.entries().empty());
}
