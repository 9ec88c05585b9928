// Reading an input file that is not a plan (a CSV file).
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <sys/stat.h>

#include <fmt/format.h>

#include "../diagnostic.hpp"
#include "../i18n.hpp"
#include "../plan_file.hpp"
#include "commands.hpp"

namespace ontrack {

std::string read_input_file(const std::string& path) {
    auto fail = [&](std::string message, std::string hint) {
        throw InputError(Diagnostic{path, 1, 1, std::move(message), std::move(hint), {}});
    };
    std::stringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
        return text.str();
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        fail(tr("cannot open the file: No such file or directory"), tr("check the path"));
    if (!S_ISREG(st.st_mode)) fail(tr("not a regular file"), tr("give a CSV file, or - to read standard input"));
    if (static_cast<std::uint64_t>(st.st_size) > max_plan_bytes) fail(tr("the file is larger than 1 GiB"), "");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(tr("cannot read the file"), tr("check its permissions"));
    text << in.rdbuf();
    return text.str();
}

}  // namespace ontrack
