// Which file a path names, whatever the spelling: its device and inode, as
// the kernel sees it after following symbolic links, "./", "../" and hard
// links alike. The one rule for "the same file": a report's output against
// the plans it reads, a roll-up's parts, plans given at once, the order in
// which several files are locked.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <tuple>

namespace ontrack {

struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;

    friend bool operator==(const FileIdentity& a, const FileIdentity& b) {
        return a.device == b.device && a.inode == b.inode;
    }
    friend bool operator!=(const FileIdentity& a, const FileIdentity& b) { return !(a == b); }
    friend bool operator<(const FileIdentity& a, const FileIdentity& b) {
        return std::tie(a.device, a.inode) < std::tie(b.device, b.inode);
    }
};

// The identity of the file `path` names ("-" and "<stdin>": standard input),
// or nothing when it cannot be reached (it does not exist, a folder on the
// way cannot be searched).
std::optional<FileIdentity> identity_of(const std::string& path);

}  // namespace ontrack
