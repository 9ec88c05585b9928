#include "file_identity.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace ontrack {

std::optional<FileIdentity> identity_of(const std::string& path) {
    struct stat st {};
    const bool is_stdin = path == "-" || path == "<stdin>";
    if ((is_stdin ? ::fstat(STDIN_FILENO, &st) : ::stat(path.c_str(), &st)) != 0) return std::nullopt;
    return FileIdentity{st.st_dev, st.st_ino};
}

}  // namespace ontrack
