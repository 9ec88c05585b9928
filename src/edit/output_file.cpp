#include "output_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "i18n.hpp"
#include "unique_fd.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

[[noreturn]] void fail(const std::string& path, const char* what, int err) {
    throw std::runtime_error(trf("{}: cannot {}: {}", make_inert(path), tr(what), system_error_text(err)));
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// `path` with every symbolic link along the last component followed (the
// folders may be links too: rename works through them).
std::string follow_links(const std::string& path) {
    std::string current = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
        std::string link(static_cast<std::size_t>(PATH_MAX), '\0');
        const ssize_t n = ::readlink(current.c_str(), link.data(), link.size());
        if (n < 0) fail(path, N_("follow the symbolic link"), errno);
        link.resize(static_cast<std::size_t>(n));
        current = link.front() == '/' ? link : folder_of(current) + "/" + link;
    }
    fail(path, N_("follow the symbolic link"), ELOOP);
}

// What a signal handler removes before the process ends: the temporary file
// being written and the lock. Plain buffers, since a handler may not allocate.
char temp_to_remove[PATH_MAX + 64];
char lock_to_remove[PATH_MAX + 64];
struct sigaction previous[3];
constexpr int caught[3] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_and_die(int sig) {
    if (temp_to_remove[0]) ::unlink(temp_to_remove);
    if (lock_to_remove[0]) ::unlink(lock_to_remove);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void copy_path(char* to, const std::string& from) {
    const std::size_t n = std::min(from.size(), static_cast<std::size_t>(PATH_MAX + 63));
    std::memcpy(to, from.data(), n);
    to[n] = '\0';
}

void install_handlers() {
    struct sigaction action {};
    action.sa_handler = remove_and_die;
    sigemptyset(&action.sa_mask);
    for (int k = 0; k < 3; ++k) ::sigaction(caught[k], &action, &previous[k]);
}

void restore_handlers() {
    for (int k = 0; k < 3; ++k) ::sigaction(caught[k], &previous[k], nullptr);
    lock_to_remove[0] = '\0';
    temp_to_remove[0] = '\0';
}

std::string group_name(gid_t gid) {
    if (const group* g = ::getgrgid(gid)) return g->gr_name;
    return std::to_string(gid);
}

// The temporary files of earlier runs on `target`: ".NAME.ontrack-XXXXXX".
// Only the holder of the lock writes them, so under the lock any is stale.
void remove_stale_temporaries(const std::string& target) {
    const std::string folder = folder_of(target);
    const std::string prefix = "." + base_of(target) + ".ontrack-";
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    std::vector<std::string> stale;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name.size() == prefix.size() + 6 && name.substr(0, prefix.size()) == prefix) stale.emplace_back(name);
    }
    ::closedir(dir);
    for (const std::string& name : stale) {
        const std::string path = folder + "/" + name;
        if (::unlink(path.c_str()) == 0)
            fmt::print(stderr, "{}\n",
                       trf("ontrack: removed {}, a temporary file left by an interrupted run", make_inert(path)));
    }
}

// 0, or the errno of the write that failed.
int write_all(int fd, std::string_view text) {
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace

FileReplacement::FileReplacement(const std::string& path, std::chrono::milliseconds wait)
    : path_(path), target_(follow_links(path)) {
    struct stat st {};
    // The folder first: a missing one would otherwise be reported as a lock
    // file that cannot be created.
    const std::string folder = folder_of(target_);
    if (::stat(folder.c_str(), &st) != 0 && errno == ENOENT)
        throw std::runtime_error(
            trf("{}: the folder {} does not exist; create it first", make_inert(path_), make_inert(folder)));
    if (::stat(target_.c_str(), &st) == 0 && !S_ISREG(st.st_mode))  // before a lock file is made beside it
        throw std::runtime_error(trf("{}: not a regular file; give a file name", make_inert(path_)));
    lock_ = std::make_unique<FileLock>(target_, wait);
    copy_path(lock_to_remove, lock_->path());
    install_handlers();
    if (::stat(target_.c_str(), &st) == 0) {
        const std::string shown = make_inert(path_);
        if (!S_ISREG(st.st_mode)) throw std::runtime_error(trf("{}: not a regular file; give a file name", shown));
        if (st.st_nlink > 1)
            throw std::runtime_error(
                trf("{}: has {} hard links, which replacing it would split; edit a copy that has one link", shown,
                    static_cast<unsigned long>(st.st_nlink)));
        if ((st.st_mode & 0222) == 0)
            throw std::runtime_error(trf("{}: is read-only (mode {:04o}); make it writable first (chmod u+w)", shown,
                                         static_cast<unsigned>(st.st_mode & 07777)));
        if (::access(target_.c_str(), W_OK) != 0) fail(path_, N_("write"), errno);
        existing_ = st;
    } else if (errno != ENOENT) {
        fail(path_, N_("read"), errno);
    }
    remove_stale_temporaries(target_);
}

FileReplacement::~FileReplacement() {
    lock_.reset();
    restore_handlers();
}

void FileReplacement::commit(std::string_view text) {
    const std::string folder = folder_of(target_);
    copy_path(temp_to_remove, folder + "/." + base_of(target_) + ".ontrack-XXXXXX");
    UniqueFd fd(::mkstemp(temp_to_remove));
    if (!fd.valid()) {
        const int err = errno;
        temp_to_remove[0] = '\0';
        fail(path_, N_("create a temporary file beside it"), err);
    }
    const std::string temp = temp_to_remove;
    auto discard = [&] {
        ::unlink(temp.c_str());
        temp_to_remove[0] = '\0';
    };
    auto abandon = [&](const char* what, int err) {
        fd.reset();
        discard();
        fail(path_, what, err);
    };
    if (existing_) {
        const struct stat& st = *existing_;
        // As root the owner is kept too; anyone else becomes the owner, as
        // in a git repository shared by a group, but keeps the group.
        if (::geteuid() == 0) {
            if (::fchown(fd.get(), st.st_uid, st.st_gid) != 0) abandon(N_("keep the owner and group"), errno);
        } else if (st.st_gid != ::getegid() && ::fchown(fd.get(), static_cast<uid_t>(-1), st.st_gid) != 0) {
            fd.reset();
            discard();
            throw std::runtime_error(
                trf("{}: cannot keep its group '{}', of which you are not a member; nothing "
                    "was changed",
                    make_inert(path_), make_inert(group_name(st.st_gid))));
        }
        if (::fchmod(fd.get(), st.st_mode & 07777) != 0) abandon(N_("keep its permissions"), errno);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        if (::fchmod(fd.get(), 0666 & ~mask) != 0) abandon(N_("set permissions"), errno);
    }
    if (const int err = write_all(fd.get(), text)) abandon(N_("write"), err);
    if (::fsync(fd.get()) != 0) abandon(N_("flush to disk"), errno);
    if (::close(fd.release()) != 0) abandon(N_("write"), errno);
    if (::rename(temp.c_str(), target_.c_str()) != 0) abandon(N_("replace"), errno);
    temp_to_remove[0] = '\0';
    const UniqueFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.valid() && ::fsync(dir.get()) != 0 && errno != EINVAL) fail(path_, N_("flush its folder to disk"), errno);
}

bool is_one_of(const std::string& path, const std::vector<std::string>& inputs) {
    struct stat out {};
    if (::stat(path.c_str(), &out) != 0) return false;
    for (const std::string& input : inputs) {
        struct stat in {};
        const int ok = input == "-" ? ::fstat(STDIN_FILENO, &in) : ::stat(input.c_str(), &in);
        if (ok == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return true;
    }
    return false;
}

void write_file_atomically(const std::string& path, std::string_view text, const std::vector<std::string>& inputs,
                           std::chrono::milliseconds wait) {
    if (is_one_of(path, inputs))
        throw std::runtime_error(trf("{}: refusing to write the report over the plan it reads", make_inert(path)));
    FileReplacement replacement(path, wait);
    replacement.commit(text);
}

}  // namespace ontrack
