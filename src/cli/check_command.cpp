#include "commands.hpp"

#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "feasibility.hpp"
#include "feasibility_words.hpp"
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
    // Its options are set up only when the command is named: a report does not
    // pay for them (CLI11 calls the pre-parse callback as the name is read).
    command_->preparse_callback([this](std::size_t) { add_options(); });
}

void CheckCommand::add_options() {
    command_->add_option(tr("FILE"), files_, tr("The plans to check"))
        ->required()
        ->option_text(std::string("... ") + tr("REQUIRED"));
    add_quiet_flag(*command_);
}

int CheckCommand::run() const {
    for (const Plan& plan : load_plans(files_)) {
        // Each file behind a roll-up on its own: names repeat across provinces.
        std::vector<LocalitySource> sources = plan.sources;
        if (sources.empty()) sources.push_back({plan.file, 0, plan.localities.size(), plan.name});
        for (const LocalitySource& source : sources) {
            const auto first = plan.localities.begin() + static_cast<std::ptrdiff_t>(source.first);
            const auto last = first + static_cast<std::ptrdiff_t>(source.count);
            // Notes that change nothing in the exit status: stale planned dates.
            for (auto loc = first; loc != last; ++loc)
                if (has_stale_plan(*loc))
                    print_stale_plan_warning(source.file, loc->pos.line, loc->name, loc->planned.last(),
                                             loc->events.back());
            // Names equal once diacritics are removed are allowed (Cẩm Giang and
            // Cẩm Giàng), but mentioned: a typing slip looks the same.
            std::unordered_map<std::string, const Locality*> folded;
            for (auto loc = first; loc != last; ++loc)
                if (const auto [it, fresh] = folded.emplace(fold_for_search(loc->name), &*loc); !fresh)
                    print_notice(
                        trf("{}:{}: note: '{}' and '{}' (line {}) differ only in their diacritics; "
                            "both are kept",
                            source.file, loc->pos.line, make_inert(loc->name), make_inert(it->second->name),
                            it->second->pos.line));
        }
        // Months the plan fills beyond the office's best month: a warning, the status unchanged.
        std::int64_t best = 0;
        int months = 0;
        for (const BunchedMonth& b : bunched_months(plan, today(), best, months))
            print_message(stderr, trf("{}: warning: {}", plan.file, bunching_text(b, best, months)));
        print_message(stdout, trf("{}: ok: {}, {}", plan.file, count_of_localities(plan.localities.size()),
                                  count_of_milestones(plan.milestones.size())));
    }
    return 0;
}

}  // namespace ontrack
