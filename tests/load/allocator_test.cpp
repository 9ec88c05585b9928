// keep_freed_memory(): large blocks come from the heap, and freed memory
// stays with the process for the next allocation.
#include "allocator.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc

#include <catch2/catch.hpp>

// AddressSanitizer replaces glibc's malloc, whose counters mallinfo2() reads.
#if defined(__SANITIZE_ADDRESS__)
#define ONTRACK_OWN_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ONTRACK_OWN_MALLOC 1
#endif
#endif

#if defined(__GLIBC__) && !defined(ONTRACK_OWN_MALLOC)
#include <malloc.h>

TEST_CASE("after keep_freed_memory a large block has no mapping of its own and is kept once freed", "[allocator]") {
    ontrack::keep_freed_memory();
    ontrack::keep_freed_memory();  // twice is harmless
    constexpr std::size_t big = std::size_t{48} << 20;
    const struct mallinfo2 before = mallinfo2();
    // volatile: the allocation must happen, not be optimised away.
    void* volatile block = std::malloc(big);
    REQUIRE(block != nullptr);
    const struct mallinfo2 during = mallinfo2();
    // Without the setting, glibc maps a block this large on its own (hblks
    // grows by one) and unmaps it on free().
    CHECK(during.hblks == before.hblks);
    CHECK(during.uordblks >= before.uordblks + big);
    std::free(block);
    const struct mallinfo2 after = mallinfo2();
    CHECK(after.arena == during.arena);  // the heap is not trimmed: the pages stay for reuse
    CHECK(after.fordblks >= big);
}

#endif
