#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostic.hpp"
#include "i18n.hpp"
#include "import.hpp"
#include "load.hpp"
#include "output_file.hpp"
#include "plan_edit.hpp"
#include "plan_file.hpp"
#include "wording.hpp"

namespace ontrack {

ImportCommand::ImportCommand(CLI::App& app) {
    command_ = app.add_subcommand("import", tr("Read certification records (CSV: code or name, event, date) and report "
                                               "what they would add to a plan; --apply adds them"));
    // Its options are set up only when the command is named: a report does not
    // pay for them (CLI11 calls the pre-parse callback as the name is read).
    command_->preparse_callback([this](std::size_t) { add_options(); });
}

void ImportCommand::add_options() {
    command_
        ->add_option(tr("RECORDS"), records_, tr("The records: a CSV file with columns code (or name), event, date"))
        ->required()
        ->option_text(tr("REQUIRED"));
    command_->add_option("--plan", plan_, tr("The plan the records belong to"))
        ->required()
        ->option_text(std::string(tr("FILE")) + " " + tr("REQUIRED"));
    command_->add_flag("--apply", apply_,
                       tr("Add the records to the plan in place (all or nothing, validated, written atomically)"));
    command_->add_flag("--allow-future", allow_future_,
                       tr("Accept certified or revoked dates after today (a date still to come is planned)"));
    command_
        ->add_option("--date-order", date_order_,
                     tr("Read dates written with slashes day first (dmy: 31/12/2025) or month first (mdy: "
                        "12/31/2025); default: as the file shows, else day first"))
        ->check(CLI::IsMember({"dmy", "mdy"}))
        ->option_text("{dmy,mdy}");
    add_sheet_option(*command_, sheet_);
    add_lock_timeout_option(*command_, lock_timeout_);
    add_quiet_flag(*command_);
}

int ImportCommand::run() const {
    std::optional<FileReplacement> target;  // --apply: one writer at a time, from reading to replacing
    if (apply_) {
        require_file_name(plan_, "--plan");
        ignore_broken_pipe();
        target.emplace(plan_, lock_wait(lock_timeout_));
    }
    const std::string plan_text = read_plan_file(plan_);
    const Plan plan = parse_plan(plan_text, plan_);
    refuse_rollup_edit(plan);
    ImportOptions options;
    options.not_after = allow_future_ ? std::nullopt : std::optional<Date>(today());
    options.order = date_order_ == "dmy"   ? DateOrder::dmy
                    : date_order_ == "mdy" ? DateOrder::mdy
                                           : DateOrder::automatic;
    options.sheet = sheet_;
    options.today = today();
    // The notes (the columns not read first) are shown before any error.
    std::vector<CsvNote> notes;
    options.notes = &notes;
    std::optional<ImportPlan> read;
    try {
        read.emplace(csv_within_memory(
            records_, [&] { return plan_import(plan, read_input_file(records_, InputKind::csv), records_, options); }));
    } catch (...) {
        print_notes(records_, notes);
        throw;
    }
    const ImportPlan& import = *read;
    print_notes(records_, notes);
    if (import.trimmed_rows)
        print_notice(trn("{}:{}: note: {} row had spaces or no-break spaces around a cell; they were removed",
                         "{}:{}: note: {} rows had spaces or no-break spaces around a cell; they were removed",
                         import.trimmed_rows, records_, import.first_trimmed_line, import.trimmed_rows));
    // Where the row is: its line, or its row of a workbook's sheet.
    auto row = [](const ImportAddition& a) { return a.place.empty() ? std::to_string(a.line) : a.place; };
    // "Hòa Bình (11533)": the unit as the clerk checks it against the sheet.
    auto unit = [](const ImportAddition& a) {
        return a.locality_id.empty() ? a.locality_name : fmt::format("{} ({})", a.locality_name, a.locality_id);
    };
    // The event, its date and its decision, as the sheet's row gives them.
    auto event = [](const ImportAddition& a) {
        return fmt::format("{} {}{}", tr(a.event.c_str()), human_date(a.date), decision_suffix(a.decision));
    };
    for (const ImportAddition& a : import.additions)
        print_message(stdout, trf("{}:{}: add: {}: {}", records_, row(a), unit(a), event(a)));
    for (const ImportAddition& a : import.already_recorded)
        print_message(stdout, trf("{}:{}: already recorded: {}: {}", records_, row(a), unit(a), event(a)));
    print_message(stdout,
                  trf("{} to add, {} already recorded{}", import.additions.size(), import.already_recorded.size(),
                      apply_ || import.additions.empty() ? "" : tr("; run again with --apply to add them")));
    if (!apply_ || import.additions.empty()) return 0;
    // Every record was checked against the plan's histories and set days by
    // plan_import(), with the loader's rules: the edits need no second reading.
    const Date stamp = today();  // planned records are appended, set on this day
    std::vector<EditRequest> requests;
    std::vector<EditTarget> targets;
    requests.reserve(import.additions.size());
    targets.reserve(import.additions.size());
    for (const ImportAddition& a : import.additions) {
        targets.push_back(EditTarget{a.locality_name, a.locality_id, a.locality_line, std::nullopt});
        EditRequest request;
        request.id = a.locality_id;
        request.name = a.locality_id.empty() ? a.locality_name : std::string();
        request.kind = a.event == "certified" ? EditKind::certified
                       : a.event == "revoked" ? EditKind::revoked
                                              : EditKind::planned;
        request.date = a.date;
        request.decision = a.decision;
        request.note = a.note;
        if (request.kind == EditKind::planned) request.set = a.set.value_or(stamp);
        requests.push_back(std::move(request));
    }
    target->prepare(add_events(plan_text, plan_, targets, requests, Recheck::done_by_caller).text);
    // Said, and seen to be said, before the plan is replaced (as record does).
    print_message(stdout, trn("{}: {} event added", "{}: {} events added", import.additions.size(), plan_,
                              import.additions.size()));
    finish_stdout();
    target->replace();
    return 0;
}

}  // namespace ontrack
