#include "console.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>

namespace ontrack {

void write_stderr(std::string_view text) noexcept {
    std::fflush(stderr);  // anything stdio still holds goes first (stderr is unbuffered; this is cheap)
    sigset_t pipe_only, before;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    const bool blocked = ::pthread_sigmask(SIG_BLOCK, &pipe_only, &before) == 0;
    bool broke = false;
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            broke = errno == EPIPE;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (!blocked) return;
    // The SIGPIPE our own write raised is ours to drop; one pending from
    // before stays pending.
    if (broke && !sigismember(&before, SIGPIPE)) {
        sigset_t pending;
        if (::sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
            const timespec zero{0, 0};
            ::sigtimedwait(&pipe_only, nullptr, &zero);
        }
    }
    ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

}  // namespace ontrack
