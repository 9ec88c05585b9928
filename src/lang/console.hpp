// Standard error is best effort: a message that cannot be written (stderr
// closed, full, a pipe whose reader has gone) has nowhere else to go, so the
// failure is ignored and the run's exit status stays what it would have been.
// Every message of ontrack reaches standard error through here.
#pragma once

#include <string_view>

namespace ontrack {

// Writes `text` to standard error as it is; never throws, never raises
// SIGPIPE (the signal is blocked for the write, and a pending one dropped).
void write_stderr(std::string_view text) noexcept;

}  // namespace ontrack
