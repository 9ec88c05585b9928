// Replacing a user's file atomically while keeping it the user's file: the
// lock (file_lock.hpp) for the whole read-edit-write cycle, symbolic links
// followed, the mode and group kept, a temporary file beside it flushed to
// disk and renamed over it, the folder flushed, nothing left behind when
// interrupted. Several files are replaced all or none (FileSetReplacement).
#pragma once

#include <sys/stat.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_identity.hpp"
#include "file_lock.hpp"

namespace ontrack {

// A path removed if SIGINT, SIGTERM or SIGHUP ends the process while it is
// set (the handlers are installed while any is set).
class RemovedOnSignal {
   public:
    RemovedOnSignal();
    RemovedOnSignal(const RemovedOnSignal&) = delete;
    RemovedOnSignal& operator=(const RemovedOnSignal&) = delete;
    ~RemovedOnSignal();
    void set(const std::string& path);
    void clear();
    const char* path() const { return path_; }
    const RemovedOnSignal* next() const { return next_; }

   private:
    char path_[4160] = {};  // PATH_MAX and a temporary's suffix; a handler may not allocate
    RemovedOnSignal* next_ = nullptr;
    RemovedOnSignal* prev_ = nullptr;
};

// The way to change one file: construct (locks it), prepare(text) (the new
// text written beside it and flushed: nothing changed yet), then replace()
// (renamed over it). A command that must say something on standard output
// says it between the two, so that a failure to say it leaves the file as it
// was. Destroying a FileReplacement that was not replaced removes its
// temporary file and changes nothing.
class FileReplacement {
   public:
    // Follows `path` through symbolic links to the file it names, locks it
    // (waiting up to `wait`), removes the temporary files an interrupted run
    // left beside it (saying so on standard error), and checks it if it
    // exists: a regular file, with one link, writable by its own permission
    // bits and by us. Throws std::runtime_error saying what is wrong.
    FileReplacement(const std::string& path, std::chrono::milliseconds wait = default_lock_wait);
    FileReplacement(const FileReplacement&) = delete;
    FileReplacement& operator=(const FileReplacement&) = delete;
    ~FileReplacement();

    // The file that is replaced: `path` with its links followed.
    const std::string& target() const { return target_; }
    const std::string& path() const { return path_; }
    bool exists() const { return existing_.has_value(); }

    // Writes `text` to a temporary file beside the target with the target's
    // mode and group (and owner, when run as root) and flushes it to disk.
    // Throws std::runtime_error (the temporary removed) when it cannot.
    void prepare(std::string_view text);
    // Renames the prepared temporary over the target, then flushes the
    // folder: once renamed the file is replaced, so a failed flush is only a
    // warning on standard error. Throws std::runtime_error when the rename
    // fails (nothing changed).
    void replace();
    // prepare() then replace().
    void commit(std::string_view text);

   private:
    friend class FileSetReplacement;
    void rename_into_place();
    void keep_backup();
    bool restore() noexcept;
    void drop_backup() noexcept;

    std::string path_;
    std::string target_;
    std::optional<struct stat> existing_;
    RemovedOnSignal lock_cleanup_, temp_, backup_;
    std::unique_ptr<FileLock> lock_;
    bool backed_up_ = false;
};

// Several files changed together, all or none: init --all-provinces, an
// import whose rows fall in several parts of a roll-up. Use:
//
//     FileSetReplacement files(paths, wait);  // every file locked, in (device, inode) order
//     files.at(i).exists() ...                // checks before writing
//     files.prepare(i, text);                 // for each file that changes
//     ... print the summary on standard output ...
//     files.replace_all();                    // all replaced, or none
//
// replace_all() links each existing file to a backup beside it, renames
// every temporary over its file with SIGINT, SIGTERM and SIGHUP held, and,
// when a rename fails, renames the backups back over the files already
// replaced. It throws std::runtime_error when every file is as it was (exit
// 2), and FilesLeftChanged (failure.hpp: exit 3) naming the files that stay
// replaced when a restore fails too. Files never prepared are not touched.
class FileSetReplacement {
   public:
    // Locks every one of `paths`, in the order of their (device, inode)
    // (a file still to be made: its folder's, then its name), so that two
    // runs over overlapping sets cannot hold one lock each and wait for the
    // other. Two paths naming one file: std::runtime_error.
    FileSetReplacement(const std::vector<std::string>& paths, std::chrono::milliseconds wait = default_lock_wait);

    std::size_t size() const { return files_.size(); }
    FileReplacement& at(std::size_t i) { return *files_[i]; }
    void prepare(std::size_t i, std::string_view text);
    void replace_all();

   private:
    std::vector<std::unique_ptr<FileReplacement>> files_;  // in the order given
    std::vector<std::size_t> lock_order_;
    std::vector<bool> prepared_;
};

// Whether `path` names the same file as any of `inputs` ("-": standard input).
bool is_one_of(const std::string& path, const std::vector<std::string>& inputs);

// A report or a new plan written to `path` through a FileReplacement;
// refuses to write over any of `inputs` (the files being read, "-" being
// standard input), whatever the spelling.
void write_file_atomically(const std::string& path, std::string_view text, const std::vector<std::string>& inputs,
                           std::chrono::milliseconds wait = default_lock_wait);

}  // namespace ontrack
