// Work spread over the machine's cores, with one thread budget for the whole
// process: however calls nest (a roll-up's parts loaded in parallel, each
// part's batches parsed in parallel), no more threads run work than there
// are cores.
#pragma once

#include <cstddef>
#include <functional>

namespace ontrack {

struct ParallelOptions {
    unsigned max_threads = 0;  // this call's own limit, the calling thread included; 0: none
    std::size_t chunk = 1;     // indices a thread takes at a time
};

// Calls body(k) once for every k in [0, n), on the calling thread and on as
// many helper threads as the budget has free (none when it has none: then
// everything runs on the calling thread). Returns when every call has
// returned. If a body throws, the indices not yet started are skipped and the
// first exception caught is thrown here once every thread has stopped.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& body, ParallelOptions options = {});

// The budget: the most threads that may run bodies at once, the process's
// main thread included. Starts as the number of cores (at least 1).
unsigned thread_budget();

// Sets the budget (at least 1) while no parallel_for runs: for tests.
void set_thread_budget(unsigned threads);

// The most threads that have run at once in parallel_for since the last
// reset (the calling thread included), and the reset: for tests.
unsigned peak_parallel_threads();
void reset_peak_parallel_threads();

}  // namespace ontrack
