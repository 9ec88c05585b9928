#include <unistd.h>

#include <fmt/format.h>

#include "commands.hpp"
#include "i18n.hpp"
#include "load.hpp"
#include "output_file.hpp"
#include "plan_file.hpp"
#include "roster.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {

InitCommand::InitCommand(CLI::App& app) {
    command_ = app.add_subcommand("init", tr("Write a new plan from a roster CSV (columns code,name,type)"));
    command_->add_option("--units", units_, tr("The roster: a CSV file with columns code,name,type"))
        ->required()
        ->option_text(std::string(tr("FILE.csv")) + " " + tr("REQUIRED"));
    command_
        ->add_option("--milestone", milestones_,
                     tr("DEADLINE=TARGET, e.g. 2025-12-31=30% or 2027-12-31=52; repeat (default: the Hai Phong "
                        "phases)"))
        ->option_text(tr("DEADLINE=TARGET"));
    command_->add_option("--name", name_, tr("The plan's name (default: from the roster's file name)"))
        ->option_text(tr("NAME"));
    command_->add_option("--source", source_, tr("Where the plan comes from (free text)"))->option_text(tr("TEXT"));
    command_->add_option("--output,-o", output_, tr("Write the plan to this file instead of standard output"))
        ->option_text(tr("FILE"));
    command_->add_flag("--force", force_, tr("Replace the --output file if it exists"));
    add_lock_timeout_option(*command_, lock_timeout_);
}

int InitCommand::run() const {
    std::vector<MilestoneSpec> specs;
    for (const std::string& text : milestones_) {
        std::string why;
        const auto spec = parse_milestone_spec(text, why);
        if (!spec) throw CLI::ValidationError("--milestone", fmt::format("'{}': {}", text, why));
        specs.push_back(*spec);
    }
    if (specs.empty()) specs = haiphong_default_milestones();
    std::vector<CsvNote> notes;
    const std::vector<RosterUnit> units =
        csv_within_memory(units_, [&] { return read_roster(read_input_file(units_, InputKind::csv), units_, &notes); });
    print_notes(units_, notes);
    const std::string problem = check_milestone_specs(specs, static_cast<std::int64_t>(units.size()));
    if (!problem.empty()) throw CLI::ValidationError("--milestone", problem);
    std::string name = name_;
    if (name.empty()) {
        const auto slash = units_.rfind('/');
        // The file name shown inert: a plan's name may hold no control character.
        name = trf("Drug-free localities ({})",
                   make_inert(slash == std::string::npos ? units_ : units_.substr(slash + 1)));
    }
    const std::string plan = plan_toml_from_roster(name, units, specs, source_);
    const bool to_stdout = output_.empty() || output_ == "-";
    parse_plan(plan, to_stdout ? "<new plan>" : output_);  // never write a plan that does not load
    if (to_stdout) {
        fmt::print("{}", plan);
    } else {
        if (is_one_of(output_, {units_}))
            throw std::runtime_error(
                trf("{}: refusing to write the plan over the roster it reads", make_inert(output_)));
        FileReplacement target(output_, lock_wait(lock_timeout_));
        if (!force_ && target.exists())
            throw std::runtime_error(trf("{}: exists; use --force to replace it", make_inert(output_)));
        target.commit(plan);
        print_message(stderr, trf("{}: {}, {}", make_inert(output_), count_of_localities(units.size()),
                                  count_of_milestones(specs.size())));
    }
    return 0;
}

}  // namespace ontrack
