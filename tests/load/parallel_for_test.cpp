// One thread budget for the whole process, whatever the nesting.
#include "parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "load.hpp"
#include "temp_dir.hpp"

using ontrack::parallel_for;

namespace {

// Sets the budget for one test and puts the machine's back after it.
struct BudgetScope {
    explicit BudgetScope(unsigned threads) : saved(ontrack::thread_budget()) {
        ontrack::set_thread_budget(threads);
        ontrack::reset_peak_parallel_threads();
    }
    ~BudgetScope() { ontrack::set_thread_budget(saved); }
    unsigned saved;
};

// A plan of `n` localities, each [[locality]] a few dozen bytes.
std::string plan_text(const std::string& name, int n, int first_id) {
    std::string text = "[plan]\nname = \"" + name + "\"\n";
    for (int k = 0; k < n; ++k)
        text += "\n[[locality]]\nname = \"" + name + " " + std::to_string(k) + "\"\nid = \"" +
                std::to_string(first_id + k) + "\"\ncertified = 2024-01-0" + std::to_string(1 + k % 9) + "\n";
    return text;
}

}  // namespace

TEST_CASE("parallel_for calls the body once for every index", "[parallel]") {
    const BudgetScope budget(4);
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
        std::vector<std::atomic<int>> calls(1000);
        ontrack::ParallelOptions options;
        options.chunk = chunk;
        parallel_for(
            calls.size(), [&](std::size_t k) { ++calls[k]; }, options);
        CHECK(std::all_of(calls.begin(), calls.end(), [](const std::atomic<int>& c) { return c == 1; }));
    }
}

TEST_CASE("parallel_for throws the body's exception once every thread stopped", "[parallel]") {
    const BudgetScope budget(3);
    std::atomic<int> calls{0};
    CHECK_THROWS_AS(parallel_for(100,
                                 [&](std::size_t k) {
                                     ++calls;
                                     if (k == 5) throw std::runtime_error("five");
                                 }),
                    std::runtime_error);
    CHECK(calls <= 100);
    // The budget is whole again: a later call gets its helpers.
    std::atomic<int> after{0};
    parallel_for(10, [&](std::size_t) { ++after; });
    CHECK(after == 10);
}

TEST_CASE("nested parallel_for never runs more threads than the budget", "[parallel]") {
    const BudgetScope budget(3);
    std::atomic<int> running{0}, most{0};
    std::atomic<int> calls{0};
    parallel_for(8, [&](std::size_t) {
        parallel_for(8, [&](std::size_t) {
            // Threads inside a body at once, counted by the bodies themselves.
            const int now = ++running;
            int seen = most.load();
            while (seen < now && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::yield();
            --running;
            ++calls;
        });
    });
    CHECK(calls == 64);
    CHECK(most <= 3);
    CHECK(ontrack::peak_parallel_threads() <= 3);
}

TEST_CASE("a roll-up of large parts never runs more threads than cores", "[parallel][rollup]") {
    // Four parts, each split into batches parsed in parallel, themselves
    // loaded in parallel: before one budget, a pool per part inside a pool.
    const BudgetScope budget(std::max(1u, std::thread::hardware_concurrency()));
    ontrack::test::TempDir dir;
    std::string parts = "[plan]\nname = \"All\"\nparts = [";
    for (int p = 0; p < 4; ++p) {
        const std::string name = "part" + std::to_string(p);
        dir.write(name + ".toml", plan_text(name, 400, p * 1000));
        parts += std::string(p ? ", " : "") + "\"" + name + ".toml\"";
    }
    const std::string rollup = dir.write("all.toml", parts + "]\n");
    ontrack::LoadTuning tuning;
    tuning.split_above_bytes = 1024;  // every part is split ...
    tuning.batch_bytes = 1024;        // ... into a dozen batches
    const ontrack::Plan plan = ontrack::load_plan(rollup, tuning);
    CHECK(plan.localities.size() == 1600);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    CHECK(ontrack::peak_parallel_threads() <= cores);
    if (cores > 1) CHECK(ontrack::peak_parallel_threads() >= 2);  // it did run in parallel
}
