// A plan file's text in memory of its own, so that the parts already parsed
// can be given back to the system while the rest is parsed: a 90 MB plan then
// does not stay resident next to its model. Backed by huge pages.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ontrack {

class PlanText {
   public:
    PlanText() = default;
    PlanText(PlanText&& other) noexcept;
    PlanText& operator=(PlanText&& other) noexcept;
    PlanText(const PlanText&) = delete;
    PlanText& operator=(const PlanText&) = delete;
    ~PlanText();

    // The text; the parts given back read as zero bytes.
    std::string_view view() const { return {data_, size_}; }

    // Gives back the whole pages before byte `end` not given back yet.
    void release_before(std::size_t end);

    // Whether any byte was given back: the text is then no longer whole.
    bool released() const { return released_to_ > 0; }

    // For read_plan_text(): `size` writable bytes, zero-filled.
    static std::optional<PlanText> allocate(std::size_t size);
    char* data() { return data_; }

   private:
    void* base_ = nullptr;  // the mapping, and its length
    std::size_t mapped_ = 0;
    char* data_ = nullptr;  // 2 MiB-aligned inside the mapping
    std::size_t size_ = 0;
    std::size_t released_to_ = 0;  // bytes before this were given back (a page multiple)
};

// The text of `path` when it is a regular file of more than `larger_than`
// bytes (and at least one) and at most max_plan_bytes that reads without surprises
// (its size unchanged) and is UTF-8; nullopt in every other case, where
// read_plan_file() says what is wrong, if anything. A small plan gains
// nothing from a mapping of its own: it would cost a huge page.
std::optional<PlanText> read_plan_text(const std::string& path, std::size_t larger_than = 0);

}  // namespace ontrack
