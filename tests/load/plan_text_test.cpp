// read_plan_text() and PlanText on real files in a temporary directory.
#include "plan_text.hpp"

#include <unistd.h>

#include <string>

#include <catch2/catch.hpp>

#include "temp_dir.hpp"

using ontrack::PlanText;
using ontrack::read_plan_text;
using ontrack::test::TempDir;

TEST_CASE("read_plan_text reads a regular UTF-8 file byte for byte", "[plan_text]") {
    const TempDir dir;
    const std::string text = "[plan]\nname = \"Hải Phòng\"\n";
    const auto read = read_plan_text(dir.write("plan.toml", text));
    REQUIRE(read);
    CHECK(read->view() == text);
    CHECK_FALSE(read->released());
}

TEST_CASE("read_plan_text leaves a plan too small to split to the plain reader", "[plan_text]") {
    const TempDir dir;
    const std::string text = "[plan]\nname = \"Hải Phòng\"\n";  // 29 bytes: ả is 3, ò is 2
    const std::string path = dir.write("plan.toml", text);
    REQUIRE(text.size() == 29);
    CHECK_FALSE(read_plan_text(path, 29));
    const auto read = read_plan_text(path, 28);
    REQUIRE(read);
    CHECK(read->view() == text);
}

TEST_CASE("read_plan_text leaves what read_plan_file refuses to read_plan_file", "[plan_text]") {
    const TempDir dir;
    CHECK_FALSE(read_plan_text("-"));
    CHECK_FALSE(read_plan_text(dir.path() + "/missing.toml"));
    CHECK_FALSE(read_plan_text(dir.path()));
    CHECK_FALSE(read_plan_text(dir.write("empty.toml", "")));
    CHECK_FALSE(read_plan_text(dir.write("latin1.toml", "name = \"H\xe1i\"\n")));
}

TEST_CASE("pages given back read as zeros and the rest of the text is intact", "[plan_text]") {
    const TempDir dir;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    std::string text(3 * page + 10, 'x');
    text.back() = '\n';
    auto read = read_plan_text(dir.write("plan.toml", text));
    REQUIRE(read);

    read->release_before(page - 1);  // no whole page before it
    CHECK_FALSE(read->released());
    CHECK(read->view() == text);

    read->release_before(2 * page + 5);  // the first two pages
    CHECK(read->released());
    const std::string_view v = read->view();
    REQUIRE(v.size() == text.size());
    CHECK(v.substr(0, 2 * page) == std::string(2 * page, '\0'));
    CHECK(v.substr(2 * page) == std::string_view(text).substr(2 * page));

    PlanText moved = std::move(*read);
    CHECK(moved.released());
    CHECK(moved.view().substr(2 * page) == std::string_view(text).substr(2 * page));
}
