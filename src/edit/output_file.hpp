// Replacing a user's file atomically while keeping it the user's file: the
// lock (file_lock.hpp) for the whole read-edit-write cycle, symbolic links
// followed, the mode and group kept, a temporary file beside it flushed to
// disk and renamed over it, the folder flushed, nothing left behind when
// interrupted.
#pragma once

#include <sys/stat.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_lock.hpp"

namespace ontrack {

class FileReplacement {
   public:
    // Follows `path` through symbolic links to the file it names, locks it
    // (waiting up to `wait`), and checks it if it exists: a regular file,
    // with one link, writable by its own permission bits and by us.
    // Removes the temporary files an interrupted run left beside it, saying
    // so on standard error. Throws std::runtime_error saying what is wrong.
    FileReplacement(const std::string& path, std::chrono::milliseconds wait = default_lock_wait);
    FileReplacement(const FileReplacement&) = delete;
    FileReplacement& operator=(const FileReplacement&) = delete;
    ~FileReplacement();

    // The file that is replaced: `path` with its links followed.
    const std::string& target() const { return target_; }
    bool exists() const { return existing_.has_value(); }

    // Writes `text` to a temporary file beside the target with the target's
    // mode and group (and owner, when run as root), flushes it, renames it
    // over the target and flushes the folder. SIGINT, SIGTERM and SIGHUP
    // meanwhile remove the temporary file before the process ends.
    void commit(std::string_view text);

   private:
    std::string path_;
    std::string target_;
    std::optional<struct stat> existing_;
    std::unique_ptr<FileLock> lock_;
};

// Whether `path` names the same file as any of `inputs` ("-": standard input).
bool is_one_of(const std::string& path, const std::vector<std::string>& inputs);

// A report or a new plan written to `path` through a FileReplacement;
// refuses to write over any of `inputs` (the files being read, "-" being
// standard input), whatever the spelling.
void write_file_atomically(const std::string& path, std::string_view text, const std::vector<std::string>& inputs,
                           std::chrono::milliseconds wait = default_lock_wait);

}  // namespace ontrack
