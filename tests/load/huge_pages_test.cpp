// Huge-page advice: which whole 2 MiB pages of a range are advised.
#include "huge_pages.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <memory>

#include <catch2/catch.hpp>

using ontrack::advise_huge_pages;
using ontrack::huge_page_bytes;

#ifdef MADV_HUGEPAGE

TEST_CASE("only the whole huge pages inside the range are advised", "[huge_pages]") {
    const std::size_t page = huge_page_bytes;
    const std::unique_ptr<char, decltype(&std::free)> buffer(static_cast<char*>(std::aligned_alloc(page, 6 * page)),
                                                             &std::free);
    REQUIRE(buffer);
    char* const at = buffer.get();
    CHECK(advise_huge_pages(at, 6 * page) == 6 * page);
    CHECK(advise_huge_pages(at, 6 * page - 1) == 5 * page);      // the last page is not whole
    CHECK(advise_huge_pages(at + 1, 6 * page - 1) == 5 * page);  // nor the first
    CHECK(advise_huge_pages(at + 1, 4 * page) == 3 * page);
    CHECK(advise_huge_pages(at + page, page) == page);
}

#endif

TEST_CASE("a range holding no whole huge page is not advised", "[huge_pages]") {
    char buffer[100] = {'a'};
    CHECK(advise_huge_pages(buffer, sizeof buffer) == 0);
    CHECK(advise_huge_pages(buffer + 1, 0) == 0);
    CHECK(advise_huge_pages(nullptr, 0) == 0);
    CHECK(buffer[0] == 'a');
}
