#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

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
    // Its options are set up only when the command is named: a report does not
    // pay for them (CLI11 calls the pre-parse callback as the name is read).
    command_->preparse_callback([this](std::size_t) { add_options(); });
}

void InitCommand::add_options() {
    command_->add_option("--units", units_, tr("The roster: a CSV file with columns code,name,type"))
        ->required()
        ->option_text(std::string(tr("FILE.csv")) + " " + tr("REQUIRED"));
    command_
        ->add_option("--milestone", milestones_,
                     tr("DEADLINE=TARGET, e.g. 2025-12-31=30% or 2027-12-31=52; repeat (default: the Hai Phong "
                        "phases; none for a province of a national roster, the national milestones for the roll-up "
                        "of --all-provinces)"))
        ->option_text(tr("DEADLINE=TARGET"));
    auto* province =
        command_
            ->add_option("--province", province_,
                         tr("The province of a national roster (columns province_code,province) to write the plan "
                            "of: its code or its name"))
            ->option_text(tr("CODE|NAME"));
    command_
        ->add_flag("--all-provinces", all_provinces_,
                   tr("Write one plan per province of a national roster into the folder --output, and a roll-up "
                      "plan national.toml over them with the national milestones"))
        ->excludes(province);
    add_sheet_option(*command_, sheet_);
    command_->add_option("--name", name_, tr("The plan's name (default: from the roster's file name)"))
        ->option_text(tr("NAME"));
    command_->add_option("--source", source_, tr("Where the plan comes from (free text)"))->option_text(tr("TEXT"));
    command_->add_option("--output,-o", output_, tr("Write the plan to this file instead of standard output"))
        ->option_text(tr("FILE"));
    command_->add_flag("--force", force_, tr("Replace the --output file if it exists"));
    add_lock_timeout_option(*command_, lock_timeout_);
    add_quiet_flag(*command_);
}

int InitCommand::run() const {
    std::vector<MilestoneSpec> specs;
    for (const std::string& text : milestones_) {
        std::string why;
        const auto spec = parse_milestone_spec(text, why);
        if (!spec) throw CLI::ValidationError("--milestone", fmt::format("'{}': {}", text, why));
        specs.push_back(*spec);
    }
    std::vector<CsvNote> notes;
    std::vector<RosterUnit> units = csv_within_memory(
        units_, [&] { return read_roster(read_input_file(units_, InputKind::csv), units_, &notes, sheet_); });
    print_notes(units_, notes);
    const bool national = !units.front().province_code.empty() || !units.front().province.empty();
    if ((!province_.empty() || all_provinces_) && !national)
        throw CLI::ValidationError(province_.empty() ? "--all-provinces" : "--province",
                                   trf("{} has no province_code and province columns", make_inert(units_)));
    std::string name = name_;
    if (national) {
        std::vector<Province> provinces = provinces_of(std::move(units));
        if (all_provinces_) return write_all_provinces(provinces, specs);
        const Province* chosen = nullptr;
        if (!province_.empty()) {
            chosen = find_province(provinces, province_);
            if (!chosen)
                throw CLI::ValidationError("--province",
                                           trf("'{}' is not a province of {}; it lists: {}", make_inert(province_),
                                               make_inert(units_), make_inert(province_list(provinces))));
        } else if (provinces.size() == 1) {
            chosen = &provinces.front();
        } else {
            throw CLI::ValidationError(
                "--units", trf("{} lists {} provinces: give --province CODE|NAME or --all-provinces; they are: {}",
                               make_inert(units_), provinces.size(), make_inert(province_list(provinces))));
        }
        if (name.empty()) name = chosen->name;  // as the league table of a roll-up names its parts
        units = chosen->units;
        // Provincial targets are not published: no milestones unless given.
    } else if (specs.empty()) {
        specs = haiphong_default_milestones();
    }
    const std::string problem =
        specs.empty() ? std::string() : check_milestone_specs(specs, static_cast<std::int64_t>(units.size()));
    if (!problem.empty()) throw CLI::ValidationError("--milestone", problem);
    if (name.empty()) {
        const auto slash = units_.rfind('/');
        // The file name shown inert: a plan's name may hold no control character.
        name = trf("Drug-free localities ({})",
                   make_inert(slash == std::string::npos ? units_ : units_.substr(slash + 1)));
    }
    const std::string plan = plan_toml_from_roster(name, units, specs, source_, today());
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

int InitCommand::write_all_provinces(const std::vector<Province>& provinces,
                                     const std::vector<MilestoneSpec>& given) const {
    if (output_.empty() || output_ == "-")
        throw CLI::ValidationError("--all-provinces", tr("give the folder to write the plans into: -o DIR"));
    const std::vector<MilestoneSpec> specs = given.empty() ? national_milestones() : given;
    std::int64_t total = 0;
    for (const Province& p : provinces) total += static_cast<std::int64_t>(p.units.size());
    const std::string problem = check_milestone_specs(specs, total);
    if (!problem.empty()) throw CLI::ValidationError("--milestone", problem);
    if (::mkdir(output_.c_str(), 0777) != 0 && errno != EEXIST)
        throw std::runtime_error(trf("{}: cannot make the folder: {}", make_inert(output_), system_error_text(errno)));
    const std::string dir = output_.back() == '/' ? output_ : output_ + "/";
    // Every text first, each checked to load: nothing is written unless all are good.
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::string> parts;
    for (const Province& p : provinces) {
        const std::string file = province_file_name(p);
        std::string text = plan_toml_from_roster(p.name, p.units, {}, source_, today());
        parse_plan(text, dir + file);
        parts.push_back(file);
        files.emplace_back(dir + file, std::move(text));
    }
    const std::string rollup = dir + "national.toml";
    files.emplace_back(
        rollup,
        rollup_plan_toml(name_.empty() ? tr("Drug-free localities: national roll-up") : name_, parts, specs,
                         source_.empty() ? std::string(tr("Conclusion 132-KL/TW, Resolution 163/2024/QH15")) : source_,
                         today()));
    std::vector<std::string> paths;
    for (const auto& [path, text] : files) {
        if (is_one_of(path, {units_}))
            throw std::runtime_error(trf("{}: refusing to write the plan over the roster it reads", make_inert(path)));
        paths.push_back(path);
    }
    FileSetReplacement targets(paths, lock_wait(lock_timeout_));
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!force_ && targets.at(i).exists())
            throw std::runtime_error(trf("{}: exists; use --force to replace it", make_inert(files[i].first)));
        targets.prepare(i, files[i].second);
    }
    targets.replace_all();
    print_message(stderr,
                  trn("{}: {} province plan ({}) and the roll-up {}, {}",
                      "{}: {} province plans ({}) and the roll-up {}, {}", provinces.size(), make_inert(output_),
                      provinces.size(), count_of_localities(static_cast<std::uint64_t>(total)), make_inert(rollup),
                      count_of_milestones(specs.size())));
    return 0;
}

}  // namespace ontrack
