// Roll-up plans: [plan] parts = ["provinces/*.toml", ...] instead
// of [[locality]] entries. The loader resolves a roll-up into a Plan whose
// localities are the union of its parts' (in part order), whose total is the
// sum of theirs, and whose `parts` describe each part, so that every
// computation on a plan works unchanged on a roll-up.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "file_identity.hpp"
#include "model.hpp"

namespace ontrack {

// One plan file on the way from the top roll-up to a part: which file it is
// (device and inode, to find cycles and duplicates whatever the path, hard
// links too; nothing for standard input) and its name as shown.
struct RollupLink {
    std::optional<FileIdentity> file;
    std::string shown;
};

// The link of a file named `shown`.
RollupLink link_of(const std::string& shown);

// Every file read to make `plan`: its own, and for a roll-up every part's,
// nested roll-ups and their parts too.
std::vector<std::string> files_read(const Plan& plan);

// Loads one part: load_plan with the chain of roll-ups above it.
using PartLoader = std::function<Plan(const std::string& path, const std::vector<RollupLink>& chain)>;

// Resolves the roll-up `plan` (its part_patterns read, `chain` ending with
// its own link): expands each pattern relative to the folder of plan.file
// with glob(3), sorted; loads the parts in parallel with `load_part`; merges
// them into plan.localities, plan.total (checked sum), plan.parts and
// plan.sources. Problems located in the roll-up file itself (a pattern that
// matches nothing, a part listed twice, a cycle, totals that overflow) go to
// `own`, without excerpt; problems in the parts (their own errors, a unit
// code in two parts) to `foreign`, complete with excerpts. Returns false when
// anything was reported.
bool resolve_rollup(Plan& plan, const std::vector<RollupLink>& chain, const PartLoader& load_part,
                    std::vector<Diagnostic>& own, std::vector<Diagnostic>& foreign);

}  // namespace ontrack
