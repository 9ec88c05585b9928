// keep_freed_memory() only changes where memory comes from, never what it holds.
#include "allocator.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

TEST_CASE("after keep_freed_memory large blocks are allocated freed and reused intact", "[allocator]") {
    ontrack::keep_freed_memory();
    ontrack::keep_freed_memory();  // twice is harmless
    std::vector<std::string> kept{"Xã Hải An", std::string(100, 'a')};
    for (int round = 0; round < 3; ++round) {
        std::vector<char> big(std::size_t{48} << 20, static_cast<char>('x' + round));
        CHECK(big.front() == static_cast<char>('x' + round));
        CHECK(big.back() == static_cast<char>('x' + round));
        std::string text(std::size_t{20} << 20, 'y');
        text += "end";
        CHECK(text.substr(text.size() - 4) == "yend");
    }
    CHECK(kept == std::vector<std::string>{"Xã Hải An", std::string(100, 'a')});
}
