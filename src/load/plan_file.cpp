#include "plan_file.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "diagnostic.hpp"
#include "i18n.hpp"
#include "unique_fd.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

[[noreturn]] void fail(const std::string& path, std::string message, std::string hint = {}, std::uint32_t line = 1,
                       std::uint32_t column = 1) {
    throw InputError(Diagnostic{path, line, column, std::move(message), std::move(hint), {}});
}

[[noreturn]] void fail_too_large(const std::string& path) {
    fail(path, trf("the file is larger than {} MiB", max_plan_bytes >> 20),
         tr("split the plan, or check that this is a plan file"));
}

const char* file_type_name(mode_t mode) {
    if (S_ISDIR(mode)) return tr("a directory");
    if (S_ISFIFO(mode)) return tr("a FIFO");
    if (S_ISCHR(mode)) return tr("a character device");
    if (S_ISBLK(mode)) return tr("a block device");
    if (S_ISSOCK(mode)) return tr("a socket");
    return tr("not a regular file");
}

// Reads to the end of fd. With a size hint (a regular file's size) the bytes
// go straight into the string, usually with one read(); a file that grew or
// shrank meanwhile is still read correctly.
std::string read_all(const std::string& path, int fd, std::uint64_t size_hint) {
    std::string text;
    std::size_t size = 0;
    auto read_into = [&](char* at, std::size_t room) -> std::size_t {
        for (;;) {
            const ssize_t n = ::read(fd, at, room);
            if (n >= 0) return static_cast<std::size_t>(n);
            if (errno != EINTR) fail(path, trf("cannot read the file: {}", system_error_text(errno)));
        }
    };
    if (size_hint > 0) {
        text.resize(static_cast<std::size_t>(size_hint));
        while (size < text.size()) {
            const std::size_t n = read_into(&text[size], text.size() - size);
            if (n == 0) break;
            size += n;
        }
        text.resize(size);
        if (size < size_hint) return text;  // shrank: at its end already
    }
    char buffer[1 << 16];
    for (;;) {
        const std::size_t n = read_into(buffer, sizeof buffer);
        if (n == 0) break;
        if (text.size() + n > max_plan_bytes) fail_too_large(path);
        text.append(buffer, n);
    }
    return text;
}

void check_utf8(const std::string& path, const std::string_view text) {
    const auto bad = find_invalid_utf8(text);
    if (!bad) return;
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < *bad; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    std::uint32_t column = 1;
    for (std::size_t i = line_start; i < *bad;) {
        next_code_point(text, i);
        ++column;
    }
    fail(path, trf("the file is not valid UTF-8 (byte 0x{:02x})", static_cast<unsigned char>(text[*bad])),
         tr("save the plan as UTF-8; Vietnamese text in a legacy encoding (TCVN3, VNI, Windows-1258) must be "
            "converted"),
         line, column);
}

}  // namespace

std::string read_input_file(const std::string& path, InputKind kind) {
    const bool plan = kind == InputKind::plan;
    if (path == "-") return read_all("<stdin>", STDIN_FILENO, 0);
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        const int err = errno;
        fail(path, trf(plan ? "cannot open the plan: {}" : N_("cannot open the file: {}"), system_error_text(err)),
             err != ENOENT ? ""
             : plan        ? tr("check the path; the plan is the first argument")
                           : tr("check the path"));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) fail(path, trf("cannot read the file: {}", system_error_text(errno)));
    if (!S_ISREG(st.st_mode))
        fail(
            path,
            trf(plan ? "cannot read a plan from {}" : N_("cannot read a CSV file from {}"), file_type_name(st.st_mode)),
            plan ? tr("give a plan file, or - to read the plan from standard input")
                 : tr("give a CSV file, or - to read standard input"));
    if (static_cast<std::uint64_t>(st.st_size) > max_plan_bytes) fail_too_large(path);
    return read_all(path, fd.get(), static_cast<std::uint64_t>(st.st_size));
}

std::string read_plan_file(const std::string& path) {
    std::string text = read_input_file(path, InputKind::plan);
    check_plan_text(path == "-" ? "<stdin>" : path, text);
    return text;
}

[[noreturn]] void fail_out_of_memory(const std::string& path, std::uint64_t bytes) {
    std::uint64_t available = 0;
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        available = static_cast<std::uint64_t>(limit.rlim_cur);
    else if (const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE); pages > 0 && page > 0)
        available = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
    const std::uint64_t mib = std::uint64_t{1} << 20;
    fail(path,
         bytes ? trf("too large to load: its {} MiB need more than the {} MiB of memory available",
                     (bytes + mib - 1) / mib, available / mib)
               : trf("too large to load: it needs more than the {} MiB of memory available", available / mib),
         tr("split the plan into several files, or run where more memory is available (ulimit -v)"));
}

std::uint64_t file_size_or_zero(const std::string& path) {
    struct stat st {};
    if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    return static_cast<std::uint64_t>(st.st_size);
}

void check_plan_text(const std::string& path, const std::string& text) {
    if (text.empty())
        fail(path, tr("the file is empty"), tr("a plan needs at least a [plan] table and one [[milestone]]"));
    check_utf8(path, text);
}

}  // namespace ontrack
