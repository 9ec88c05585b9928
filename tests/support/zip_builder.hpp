// A zip archive made in a test (libzip), for workbooks written by hand.
#pragma once

#include <zip.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "temp_dir.hpp"

namespace ontrack::test {

// The bytes of a zip archive holding `members` (name, content), deflated.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
    TempDir dir;
    const std::string path = dir.path() + "/a.zip";
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip != nullptr);
    for (const auto& [name, content] : members) {
        zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
        REQUIRE(source != nullptr);
        REQUIRE(zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(zip) == 0);
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace ontrack::test
