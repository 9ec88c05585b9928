#include "parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace ontrack {
namespace {

unsigned cores() {
    return std::max(1u, std::thread::hardware_concurrency());
}

std::atomic<unsigned> budget{cores()};
// Helper threads running now; the budget holds them and the one thread that
// started the outermost call.
std::atomic<unsigned> helpers{0};
std::atomic<unsigned> peak{1};

// Takes up to `wanted` helpers from the budget: how many it got.
unsigned take_helpers(unsigned wanted) {
    unsigned busy = helpers.load();
    for (;;) {
        const unsigned limit = budget.load();
        const unsigned free = limit > busy + 1 ? limit - 1 - busy : 0;
        const unsigned got = std::min(wanted, free);
        if (got == 0) return 0;
        if (helpers.compare_exchange_weak(busy, busy + got)) {
            unsigned seen = peak.load();
            while (seen < busy + got + 1 && !peak.compare_exchange_weak(seen, busy + got + 1)) {
            }
            return got;
        }
    }
}

}  // namespace

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& body, ParallelOptions options) {
    if (n == 0) return;
    const std::size_t chunk = std::max<std::size_t>(1, options.chunk);
    const std::size_t chunks = (n + chunk - 1) / chunk;
    std::size_t wanted = chunks - 1;
    if (options.max_threads) wanted = std::min<std::size_t>(wanted, options.max_threads - 1);
    const unsigned got = take_helpers(static_cast<unsigned>(std::min<std::size_t>(wanted, budget.load())));

    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr thrown;
    std::mutex thrown_mutex;
    auto work = [&] {
        for (std::size_t begin; !stop && (begin = next.fetch_add(chunk)) < n;) {
            const std::size_t end = std::min(n, begin + chunk);
            for (std::size_t k = begin; k < end && !stop; ++k) {
                try {
                    body(k);
                } catch (...) {
                    const std::lock_guard<std::mutex> lock(thrown_mutex);
                    if (!thrown) thrown = std::current_exception();
                    stop = true;
                }
            }
        }
    };
    std::vector<std::thread> pool;
    unsigned started = 0;
    try {
        for (; started < got; ++started) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones started and this one do it all.
    }
    helpers -= got - started;
    work();
    for (std::thread& t : pool) t.join();
    helpers -= started;
    if (thrown) std::rethrow_exception(thrown);
}

unsigned thread_budget() {
    return budget.load();
}

void set_thread_budget(unsigned threads) {
    budget = std::max(1u, threads);
}

unsigned peak_parallel_threads() {
    return peak.load();
}

void reset_peak_parallel_threads() {
    peak = 1;
}

}  // namespace ontrack
