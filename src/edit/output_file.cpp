#include "output_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "console.hpp"
#include "failure.hpp"
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

// The paths a signal handler removes before the process ends (temporary
// files, backups, locks): a list changed only while those signals are held.
RemovedOnSignal* doomed = nullptr;
std::size_t doomed_count = 0;
struct sigaction previous[3];
constexpr int caught[3] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_and_die(int sig) {
    for (const RemovedOnSignal* r = doomed; r; r = r->next()) ::unlink(r->path());
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// SIGINT, SIGTERM and SIGHUP held (delivered when it ends) for its lifetime.
class SignalsHeld {
   public:
    SignalsHeld() {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : caught) sigaddset(&set, sig);
        ::pthread_sigmask(SIG_BLOCK, &set, &before_);
    }
    ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &before_, nullptr); }
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;

   private:
    sigset_t before_;
};

std::string group_name(gid_t gid) {
    if (const group* g = ::getgrgid(gid)) return g->gr_name;
    return std::to_string(gid);
}

// The temporary files and backups of earlier runs on `target`:
// ".NAME.ontrack-XXXXXX" and ".NAME.ontrack-XXXXXX.old". Only the holder of
// the lock writes them, so under the lock any is stale.
void remove_stale_temporaries(const std::string& target) {
    const std::string folder = folder_of(target);
    const std::string prefix = "." + base_of(target) + ".ontrack-";
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    std::vector<std::string> stale;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name.substr(0, prefix.size()) != prefix) continue;
        if (name.size() == prefix.size() + 6 ||
            (name.size() == prefix.size() + 10 && name.substr(prefix.size() + 6) == ".old"))
            stale.emplace_back(name);
    }
    ::closedir(dir);
    for (const std::string& name : stale) {
        const std::string path = folder + "/" + name;
        if (::unlink(path.c_str()) == 0)
            write_stderr(trf("ontrack: removed {}, a temporary file left by an interrupted run", make_inert(path)) +
                         "\n");
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

// Flushes the folder `folder` to disk after a rename in it. The file is
// replaced already, so a failure is a warning, not an error.
void flush_folder(const std::string& folder, const std::string& shown) {
    const UniqueFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid() || ::fsync(dir.get()) == 0 || errno == EINVAL) return;
    write_stderr(trf("ontrack: warning: {}: replaced, but its folder could not be flushed to disk: {}",
                     make_inert(shown), system_error_text(errno)) +
                 "\n");
}

}  // namespace

RemovedOnSignal::RemovedOnSignal() = default;

RemovedOnSignal::~RemovedOnSignal() {
    clear();
}

void RemovedOnSignal::set(const std::string& path) {
    const SignalsHeld held;
    const bool listed = path_[0] != '\0';
    const std::size_t n = std::min(path.size(), sizeof path_ - 1);
    std::memcpy(path_, path.data(), n);
    path_[n] = '\0';
    if (listed) return;
    next_ = doomed;
    prev_ = nullptr;
    if (doomed) doomed->prev_ = this;
    doomed = this;
    if (doomed_count++ == 0) {
        struct sigaction action {};
        action.sa_handler = remove_and_die;
        sigemptyset(&action.sa_mask);
        for (int k = 0; k < 3; ++k) ::sigaction(caught[k], &action, &previous[k]);
    }
}

void RemovedOnSignal::clear() {
    if (path_[0] == '\0') return;
    const SignalsHeld held;
    if (prev_)
        prev_->next_ = next_;
    else
        doomed = next_;
    if (next_) next_->prev_ = prev_;
    next_ = prev_ = nullptr;
    path_[0] = '\0';
    if (--doomed_count == 0)
        for (int k = 0; k < 3; ++k) ::sigaction(caught[k], &previous[k], nullptr);
}

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
    lock_cleanup_.set(lock_->path());
    // Before the checks: a backup left by a killed run is a second link.
    remove_stale_temporaries(target_);
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
}

FileReplacement::~FileReplacement() {
    drop_backup();
    if (temp_.path()[0]) ::unlink(temp_.path());
    temp_.clear();
    lock_.reset();
    lock_cleanup_.clear();
}

void FileReplacement::prepare(std::string_view text) {
    if (temp_.path()[0]) {
        ::unlink(temp_.path());
        temp_.clear();
    }
    const std::string folder = folder_of(target_);
    std::string name = folder + "/." + base_of(target_) + ".ontrack-XXXXXX";
    UniqueFd fd;
    {
        const SignalsHeld held;  // the name is known to the handler as soon as the file exists
        fd = UniqueFd(::mkstemp(name.data()));
        if (fd.valid()) temp_.set(name);
    }
    if (!fd.valid()) fail(path_, N_("create a temporary file beside it"), errno);
    auto abandon = [&](const char* what, int err) {
        fd.reset();
        ::unlink(name.c_str());
        temp_.clear();
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
            ::unlink(name.c_str());
            temp_.clear();
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
}

void FileReplacement::rename_into_place() {
    if (!temp_.path()[0]) throw std::logic_error("FileReplacement: replace() without prepare()");
    if (::rename(temp_.path(), target_.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp_.path());
        temp_.clear();
        fail(path_, N_("replace"), err);
    }
    temp_.clear();
}

void FileReplacement::replace() {
    rename_into_place();
    flush_folder(folder_of(target_), path_);
}

void FileReplacement::commit(std::string_view text) {
    prepare(text);
    replace();
}

void FileReplacement::keep_backup() {
    backed_up_ = true;
    if (!existing_) return;  // restored by removing the new file
    std::string name = std::string(temp_.path()) + ".old";
    {
        const SignalsHeld held;
        if (::link(target_.c_str(), name.c_str()) == 0) {
            backup_.set(name);
            return;
        }
    }
    const int err = errno;
    backed_up_ = false;
    fail(path_, N_("keep a copy to restore should another file fail"), err);
}

bool FileReplacement::restore() noexcept {
    if (!backed_up_) return false;
    backed_up_ = false;
    if (!existing_) return ::unlink(target_.c_str()) == 0 || errno == ENOENT;
    if (::rename(backup_.path(), target_.c_str()) != 0) return false;
    backup_.clear();
    return true;
}

void FileReplacement::drop_backup() noexcept {
    backed_up_ = false;
    if (!backup_.path()[0]) return;
    ::unlink(backup_.path());
    backup_.clear();
}

FileSetReplacement::FileSetReplacement(const std::vector<std::string>& paths, std::chrono::milliseconds wait)
    : files_(paths.size()), prepared_(paths.size(), false) {
    // The order of the locks: (device, inode) of the file, or, for a file
    // still to be made, of its folder and then its name.
    using Key = std::tuple<FileIdentity, std::string>;
    std::vector<std::pair<Key, std::size_t>> keys;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string target = follow_links(paths[i]);
        Key key;
        if (const auto id = identity_of(target))
            key = {*id, std::string()};
        else if (const auto folder = identity_of(folder_of(target)))
            key = {*folder, base_of(target)};
        else
            key = {FileIdentity{}, target};
        keys.emplace_back(std::move(key), i);
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 1; k < keys.size(); ++k)
        if (keys[k].first == keys[k - 1].first)
            throw std::runtime_error(trf("{} and {} are the same file; name each file once",
                                         make_inert(paths[keys[k - 1].second]), make_inert(paths[keys[k].second])));
    for (const auto& [key, i] : keys) {
        files_[i] = std::make_unique<FileReplacement>(paths[i], wait);
        lock_order_.push_back(i);
    }
}

void FileSetReplacement::prepare(std::size_t i, std::string_view text) {
    files_[i]->prepare(text);
    prepared_[i] = true;
}

void FileSetReplacement::replace_all() {
    std::vector<FileReplacement*> changing;
    for (std::size_t i : lock_order_)
        if (prepared_[i]) changing.push_back(files_[i].get());
    const SignalsHeld held;  // a signal now would leave some files replaced and others not
    try {
        for (FileReplacement* f : changing) f->keep_backup();
    } catch (...) {
        for (FileReplacement* f : changing) f->drop_backup();
        throw;
    }
    std::size_t replaced = 0;
    try {
        for (; replaced < changing.size(); ++replaced) changing[replaced]->rename_into_place();
    } catch (const std::runtime_error& e) {
        std::vector<std::string> left;
        for (std::size_t k = 0; k < replaced; ++k)
            if (!changing[k]->restore()) left.push_back(make_inert(changing[k]->path()));
        for (FileReplacement* f : changing) f->drop_backup();
        if (left.empty())
            throw std::runtime_error(replaced == 0
                                         ? std::string(e.what())
                                         : trn("{}; {} file already replaced was restored: nothing was changed",
                                               "{}; {} files already replaced were restored: nothing was changed",
                                               replaced, e.what(), replaced));
        std::string names;
        for (const std::string& name : left) names += (names.empty() ? "" : ", ") + name;
        throw FilesLeftChanged(
            trf("{}; these files were replaced and could not be restored, so they hold the new text while the "
                "others hold the old: {}",
                e.what(), names));
    }
    for (FileReplacement* f : changing) f->drop_backup();
    std::set<std::string> folders;
    for (FileReplacement* f : changing)
        if (folders.insert(folder_of(f->target())).second) flush_folder(folder_of(f->target()), f->path());
}

bool is_one_of(const std::string& path, const std::vector<std::string>& inputs) {
    const auto out = identity_of(path);
    if (!out) return false;
    for (const std::string& input : inputs)
        if (identity_of(input) == out) return true;
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
