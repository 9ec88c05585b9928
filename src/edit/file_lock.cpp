#include "file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// The pid written in a lock file, or 0.
long holder_of(int fd) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0) return 0;
    long pid = 0;
    for (ssize_t i = 0; i < n && buffer[i] >= '0' && buffer[i] <= '9' && pid < 100000000; ++i)
        pid = pid * 10 + (buffer[i] - '0');
    return pid;
}

bool same_inode(int fd, const std::string& path) {
    struct stat a {
    }, b{};
    return ::fstat(fd, &a) == 0 && ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

FileLock::FileLock(const std::string& target, std::chrono::milliseconds wait) : path_(target + ".lock") {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        UniqueFd fd(::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666));
        // A lock file we may only read still locks; when there is none to
        // read, the reason to give is the first (Permission denied), not the
        // second attempt's No such file or directory.
        const int first = fd.valid() ? 0 : errno;
        if (!fd.valid() && first == EACCES) fd = UniqueFd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        if (!fd.valid())
            throw std::runtime_error(trf("{}: cannot create the lock file: {}", make_inert(path_),
                                         system_error_text(errno == ENOENT ? first : errno)));
        if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) {
            // The holder before us may have removed the file while we
            // waited: then our lock is on a file nobody else will see.
            if (same_inode(fd.get(), path_)) {
                fd_ = std::move(fd);
                const std::string pid = fmt::format("{}\n", static_cast<long>(::getpid()));
                if (::ftruncate(fd_.get(), 0) == 0 && ::pwrite(fd_.get(), pid.data(), pid.size(), 0) < 0) {
                    // A lock file we may only read: the lock holds all the same.
                }
                return;
            }
            continue;
        }
        const int err = errno;
        if (err != EWOULDBLOCK && err != EINTR) {
            throw std::runtime_error(trf("{}: cannot lock: {}", make_inert(path_), system_error_text(err)));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const long pid = holder_of(fd.get());
            const double seconds = static_cast<double>(wait.count()) / 1000.0;
            throw std::runtime_error(
                pid > 0 ? trf("{}: another ontrack (process {}) is editing this file; gave up after {} s; try again, "
                              "or wait longer with --lock-timeout; if no ontrack is running, remove {}",
                              make_inert(path_), pid, seconds, make_inert(path_))
                        : trf("{}: another ontrack is editing this file; gave up after {} s; try again, or wait "
                              "longer with --lock-timeout; if no ontrack is running, remove {}",
                              make_inert(path_), seconds, make_inert(path_)));
        }
        fd.reset();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

FileLock::~FileLock() {
    if (!fd_.valid()) return;
    // Removed before it is released: a waiter that then gets the old file
    // sees that it is gone and starts again.
    ::unlink(path_.c_str());
    fd_.reset();
}

}  // namespace ontrack
