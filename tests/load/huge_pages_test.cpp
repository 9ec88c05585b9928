// Huge-page advice changes nothing but speed: the vectors hold what they would.
#include "huge_pages.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using ontrack::advise_huge_pages;
using ontrack::reserve_huge;
using ontrack::resize_huge;

TEST_CASE("resize_huge gives n value-initialised elements", "[huge_pages]") {
    std::vector<std::uint64_t> big;
    resize_huge(big, 3'000'000);  // 24 MB: whole huge pages inside
    REQUIRE(big.size() == 3'000'000);
    CHECK(big.front() == 0);
    CHECK(big[1'234'567] == 0);
    CHECK(big.back() == 0);

    std::vector<std::string> small{"kept"};
    resize_huge(small, 3);
    CHECK(small == std::vector<std::string>{"kept", "", ""});
}

TEST_CASE("reserve_huge reserves and leaves the elements alone", "[huge_pages]") {
    std::vector<int> v{1, 2};
    reserve_huge(v, 1'000'000);
    CHECK(v.capacity() >= 1'000'000);
    CHECK(v == std::vector<int>{1, 2});
}

TEST_CASE("advice on small or unaligned ranges is harmless", "[huge_pages]") {
    char buffer[100] = {'a'};
    advise_huge_pages(buffer, sizeof buffer);
    advise_huge_pages(buffer + 1, 0);
    advise_huge_pages(nullptr, 0);
    CHECK(buffer[0] == 'a');
}
