#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "i18n.hpp"

namespace ontrack {
namespace {

[[noreturn]] void fail(const std::string& path, const char* what, int err) {
    throw std::runtime_error(trf("{}: cannot {}: {}", path, tr(what), system_error_text(err)));
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& text, const std::vector<std::string>& plans) {
    for (const std::string& plan : plans)
        if (plan != "-" && same_file(path, plan))
            throw std::runtime_error(trf("{}: refusing to write the report over the plan it reads", path));
    struct stat target {};
    if (::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode))
        throw std::runtime_error(trf("{}: not a regular file; give a file name for the report", path));
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    std::string temp = fmt::format("{}/.ontrack-XXXXXX", dir);
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, N_("create a temporary file beside it"), errno);
    auto abandon = [&](const char* what) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(path, what, err);
    };
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) abandon(N_("set permissions"));
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) abandon(N_("write"));
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) abandon(N_("flush to disk"));
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail(path, N_("write"), err);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail(path, N_("replace"), err);
    }
}

}  // namespace ontrack
