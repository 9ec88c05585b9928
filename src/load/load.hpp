// TOML text to a validated Plan, with every problem located in the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace ontrack {

// How a large plan is parsed: cut at its [[locality]] headers into batches
// that are parsed on all cores, each folded into the model and its tree
// dropped. Results and errors are identical to a whole-file parse.
struct LoadTuning {
    std::size_t split_above_bytes = std::size_t{256} << 10;  // smaller files are parsed whole
    std::size_t batch_bytes = std::size_t{128} << 10;
    unsigned threads = 0;  // 0: one per core
};

// Parses and validates a plan. Throws InputError listing every problem found,
// in file order. `file` is the name used in diagnostics.
Plan parse_plan(std::string_view text, const std::string& file, const LoadTuning& tuning = {});

// read_plan_file() then parse_plan().
Plan load_plan(const std::string& path, const LoadTuning& tuning = {});

// Several plans, loaded in parallel, in the order given. Throws InputError
// with every file's problems, file by file, if any has one.
std::vector<Plan> load_plans(const std::vector<std::string>& paths, const LoadTuning& tuning = {});

}  // namespace ontrack
