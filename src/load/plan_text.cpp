#include "plan_text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <utility>

#include "huge_pages.hpp"
#include "plan_file.hpp"
#include "unique_fd.hpp"
#include "utf8.hpp"

namespace ontrack {

PlanText::PlanText(PlanText&& other) noexcept
    : base_(std::exchange(other.base_, nullptr)),
      mapped_(std::exchange(other.mapped_, 0)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      released_to_(std::exchange(other.released_to_, 0)) {}

PlanText& PlanText::operator=(PlanText&& other) noexcept {
    if (this != &other) {
        PlanText gone(std::move(*this));
        base_ = std::exchange(other.base_, nullptr);
        mapped_ = std::exchange(other.mapped_, 0);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        released_to_ = std::exchange(other.released_to_, 0);
    }
    return *this;
}

PlanText::~PlanText() {
    if (base_) ::munmap(base_, mapped_);
}

std::optional<PlanText> PlanText::allocate(std::size_t size) {
    // One huge page more than needed, so that the text can start on one.
    const std::size_t length = size + 2 * huge_page_bytes;
    void* base = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return std::nullopt;
    PlanText text;
    text.base_ = base;
    text.mapped_ = length;
    const auto at = reinterpret_cast<std::uintptr_t>(base);
    text.data_ = reinterpret_cast<char*>((at + huge_page_bytes - 1) & ~std::uintptr_t{huge_page_bytes - 1});
    text.size_ = size;
    advise_huge_pages(text.data_, size + huge_page_bytes);
    return text;
}

void PlanText::release_before(std::size_t end) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t to = (end < size_ ? end : size_) / page * page;
    if (to <= released_to_) return;
    // Private anonymous memory: the pages read as zeros afterwards.
    if (::madvise(data_ + released_to_, to - released_to_, MADV_DONTNEED) == 0) released_to_ = to;
}

namespace {

// Reads exactly `size` bytes and then finds the end of the file.
bool read_exactly(int fd, char* at, std::size_t size) {
    std::size_t done = 0;
    for (;;) {
        char probe = 0;
        const bool all = done == size;
        const ssize_t n = all ? ::read(fd, &probe, 1) : ::read(fd, at + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (all) return n == 0;    // more bytes: the file grew
        if (n == 0) return false;  // it shrank
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::optional<PlanText> read_plan_text(const std::string& path, std::size_t larger_than) {
    if (path == "-") return std::nullopt;
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        static_cast<std::uint64_t>(st.st_size) <= larger_than ||
        static_cast<std::uint64_t>(st.st_size) > max_plan_bytes)
        return std::nullopt;
    std::optional<PlanText> text = PlanText::allocate(static_cast<std::size_t>(st.st_size));
    if (!text || !read_exactly(fd.get(), text->data(), static_cast<std::size_t>(st.st_size)) ||
        find_invalid_utf8(text->view()))
        return std::nullopt;
    return text;
}

}  // namespace ontrack
