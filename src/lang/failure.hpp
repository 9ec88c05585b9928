// What an exception means for the person who ran ontrack (ccache's Error
// and Fatal): an error of theirs (bad input, a file that cannot be read or
// written, a lock held: exit 2, the message) or a bug of ours (a broken
// internal rule: exit 70, EX_SOFTWARE, saying so and naming the version).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace ontrack {

inline constexpr int exit_error = 2;
inline constexpr int exit_internal = 70;  // EX_SOFTWARE (sysexits.h)
// Several files were to change together, one could not, and restoring those
// already replaced failed as well: the message names the files left changed.
inline constexpr int exit_files_left_changed = 3;

class FilesLeftChanged : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

struct Failure {
    int status = exit_error;
    std::string text;  // for standard error, every line ending in '\n'
};

// Within a catch block: the exception being handled. InputError lists its
// diagnostics; std::runtime_error is the user's error; std::bad_alloc is
// out of memory; std::logic_error and anything else are bugs.
Failure current_failure(std::string_view version);

}  // namespace ontrack
