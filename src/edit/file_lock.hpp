// One writer at a time on a user's file, in the manner of git's index.lock:
// a lock file beside it ("plan.toml.lock") held with flock(2) for the whole
// read-edit-write cycle, removed when released. A lock left by a killed
// process blocks nobody, since the kernel drops a dead process's flock.
#pragma once

#include <chrono>
#include <string>

#include "unique_fd.hpp"

namespace ontrack {

class FileLock {
   public:
    // Locks `target` (a path that need not exist), waiting up to `wait`.
    // Throws std::runtime_error naming the lock file when it stays held, or
    // when the lock file cannot be created.
    FileLock(const std::string& target, std::chrono::milliseconds wait);
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    const std::string& path() const { return path_; }

   private:
    std::string path_;
    UniqueFd fd_;
};

// The default wait of a writer that finds the lock held.
inline constexpr std::chrono::milliseconds default_lock_wait{5000};

}  // namespace ontrack
