// Large buffers backed by transparent huge pages: filling 100 MB of fresh
// memory page by page costs 25,000 page faults, each several microseconds
// (far more on a virtual machine); in 2 MiB pages it costs fifty.
#pragma once

#include <cstddef>
#include <vector>

namespace ontrack {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

// Advice to the kernel for the whole 2 MiB pages inside [p, p + bytes);
// nothing else changes, and nothing at all where it is not supported. The
// bytes of those pages: 0 when the range holds no whole page or the system
// has no such advice.
std::size_t advise_huge_pages(const void* p, std::size_t bytes);

// v.resize(n), its storage advised before it is first written.
template <class T>
void resize_huge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), v.capacity() * sizeof(T));
    v.resize(n);
}

// v.reserve(n), the storage advised.
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace ontrack
