#include "allocator.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ontrack {

void keep_freed_memory() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);              // no block gets a mapping of its own, which free() would unmap
    mallopt(M_TRIM_THRESHOLD, 1 << 30);  // freed memory at the top of the heap is kept
    mallopt(M_TOP_PAD, 64 << 20);        // and the heap grows 64 MiB at a time
#endif
}

}  // namespace ontrack
