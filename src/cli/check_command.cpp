#include "commands.hpp"

#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "history.hpp"
#include "i18n.hpp"
#include "load.hpp"
#include "unicode.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {

CheckCommand::CheckCommand(CLI::App& app) {
    command_ =
        app.add_subcommand("check", tr("Validate plans only: list every problem; exit 0 or 2 (for pre-commit hooks)"));
    command_->add_option("FILE", files_, tr("The plans to check"))
        ->required()
        ->option_text(std::string("... ") + tr("REQUIRED"));
}

int CheckCommand::run() const {
    for (const Plan& plan : load_plans(files_)) {
        // Notes that change nothing in the exit status: stale planned dates.
        for (const Locality& loc : plan.localities)
            if (has_stale_plan(loc))
                print_message(stderr,
                              trf("{}:{}: warning: {}: planned {} is not after its latest event ({} {}); it was "
                                  "fulfilled or overtaken and counts as no plan: give a new planned date or remove it",
                                  plan.file, loc.pos.line, make_inert(loc.name), to_iso(loc.planned.last()),
                                  tr(loc.events.back().kind == EventKind::certified ? "certified" : "revoked"),
                                  to_iso(loc.events.back().date)));
        // Names equal once diacritics are removed are allowed (Cẩm Giang and
        // Cẩm Giàng), but mentioned: a typing slip looks the same.
        std::unordered_map<std::string, const Locality*> folded;
        for (const Locality& loc : plan.localities)
            if (const auto [it, fresh] = folded.emplace(fold_for_search(loc.name), &loc); !fresh)
                print_message(stderr,
                              trf("{}:{}: note: '{}' and '{}' (line {}) differ only in their diacritics; both are kept",
                                  plan.file, loc.pos.line, make_inert(loc.name), make_inert(it->second->name),
                                  it->second->pos.line));
        print_message(stdout, trf("{}: ok: {}, {}", plan.file, count_of_localities(plan.localities.size()),
                                  count_of_milestones(plan.milestones.size())));
    }
    return 0;
}

}  // namespace ontrack
