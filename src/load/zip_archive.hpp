// A zip archive held in memory (a workbook), read member by member with
// caps: a member is streamed to the caller in chunks and never inflated
// beyond a limit, whatever its header claims, so that a zip bomb costs a
// bounded amount of time and no memory.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ontrack {

class ZipArchive {
   public:
    // The bytes must outlive the archive. Throws WorkbookError when they are not
    // a zip archive libzip can read.
    explicit ZipArchive(std::string_view bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& member) const;

    // Streams the member's inflated bytes to `chunk`. Throws WorkbookError when
    // it is missing, damaged, encrypted, or inflates past `max_bytes`, or
    // when all the members read so far inflate past max_total_bytes.
    void read(const std::string& member, const std::function<void(std::string_view)>& chunk,
              std::uint64_t max_bytes) const;

    // The whole member as a string (for small members: the mimetype).
    std::string read_all(const std::string& member, std::uint64_t max_bytes) const;

    // What all the members read from one archive may inflate to.
    static constexpr std::uint64_t max_total_bytes = std::uint64_t{1} << 30;

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Why a workbook (its archive, a member, its XML) cannot be read, in words
// (translated).
struct WorkbookError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace ontrack
