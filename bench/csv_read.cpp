// csv_read FILE [SEPARATOR]: reads FILE with read_csv() as the commands do
// (the whole file in memory, then the document) and prints its row count.
// bench/csv_memory.sh measures its peak memory on the reader's worst cases.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "csv_reader.hpp"
#include "diagnostic.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: csv_read FILE [SEPARATOR]\n");
        return 64;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ontrack::CsvOptions options;
    if (argc > 2) options.separator = argv[2][0] == 't' ? '\t' : argv[2][0];
    try {
        const ontrack::CsvDocument doc = ontrack::read_csv(text, argv[1], options);
        std::printf("%zu rows, %zu header fields\n", doc.rows.size(), doc.header.fields.size());
    } catch (const ontrack::InputError& e) {
        std::printf("error: %s\n", e.diagnostics().front().message.c_str());
        return 2;
    }
    return 0;
}
