// parse_baseline FILE: the parse-only baseline for the benchmark. Loads FILE
// with toml::parse_file and nothing else, then prints the number of top-level
// keys so that the parse cannot be optimised away. Exit 0 on success, 2 on a
// parse error.
#include <cstdio>
#include <string_view>

#include <toml++/toml.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: parse_baseline FILE\n", stderr);
        return 2;
    }
    try {
        const toml::table table = toml::parse_file(std::string_view{argv[1]});
        std::printf("%zu\n", table.size());
    } catch (const toml::parse_error& e) {
        std::fprintf(stderr, "parse_baseline: %s\n", e.what());
        return 2;
    }
    return 0;
}
