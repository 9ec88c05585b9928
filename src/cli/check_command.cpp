#include "commands.hpp"

#include <fmt/format.h>

#include "i18n.hpp"
#include "load.hpp"
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
    for (const Plan& plan : load_plans(files_))
        print_message(stdout, trf("{}: ok: {}, {}", plan.file, count_of_localities(plan.localities.size()),
                                  count_of_milestones(plan.milestones.size())));
    return 0;
}

}  // namespace ontrack
