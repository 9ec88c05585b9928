#include "huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace ontrack {

std::size_t advise_huge_pages(const void* p, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
    const auto begin = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t lo = (begin + huge_page_bytes - 1) & ~std::uintptr_t{huge_page_bytes - 1};
    const std::uintptr_t hi = (begin + bytes) & ~std::uintptr_t{huge_page_bytes - 1};
    if (lo >= hi) return 0;
    ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);  // advice: failure is harmless
    return hi - lo;
#else
    (void)p;
    (void)bytes;
    return 0;
#endif
}

}  // namespace ontrack
