#include <fmt/format.h>

#include "commands.hpp"
#include "i18n.hpp"
#include "load.hpp"
#include "output_file.hpp"
#include "plan_edit.hpp"
#include "plan_file.hpp"

namespace ontrack {

RecordCommand::RecordCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "record",
        tr("Add an event to a plan in place: everything else kept byte for byte, validated, written atomically"));
    // Its options are set up only when the command is named: a report does not
    // pay for them (CLI11 calls the pre-parse callback as the name is read).
    command_->preparse_callback([this](std::size_t) { add_options(); });
}

void RecordCommand::add_options() {
    command_->add_option(tr("FILE"), file_, tr("The plan to edit"))->required()->option_text(tr("REQUIRED"));
    auto* id = command_->add_option("--id", id_, tr("The locality's id (official unit code)"))->option_text(tr("CODE"));
    command_->add_option("--name", name_, tr("The locality's name"))->excludes(id)->option_text(tr("NAME"));
    auto* certified =
        command_
            ->add_option("--certified", certified_, tr("Certified drug-free on this day (YYYY-MM-DD or dd/mm/yyyy)"))
            ->check(iso_date_validator())
            ->option_text(tr("DATE"));
    auto* revoked = command_->add_option("--revoked", revoked_, tr("Recognition withdrawn on this day"))
                        ->check(iso_date_validator())
                        ->option_text(tr("DATE"));
    auto* planned = command_->add_option("--planned", planned_, tr("The day its next certification is planned"))
                        ->check(iso_date_validator())
                        ->option_text(tr("DATE"));
    auto* decision = command_
                         ->add_option("--decision", decision_,
                                      tr("The decision behind the certified or revoked event, e.g. \"1234/QĐ-UBND\""))
                         ->option_text(tr("REF"));
    auto* note =
        command_->add_option("--note", note_, tr("A note on the event or the planned date"))->option_text(tr("TEXT"));
    auto* remove = command_->add_flag("--remove", remove_,
                                      tr("Remove the event (or planned date) of this day, with its decision"));
    auto* move_to = command_
                        ->add_option("--move-to", move_to_,
                                     tr("Move the event (or planned date) of this day to another day, keeping its "
                                        "decision"))
                        ->check(iso_date_validator())
                        ->option_text(tr("DATE"));
    remove->excludes(move_to);
    for (auto* change : {remove, move_to}) {
        change->excludes(decision);
        change->excludes(note);
    }
    decision->excludes(planned);
    command_->add_flag("--allow-future", allow_future_,
                       tr("Accept a certified or revoked date after today (a date still to come is --planned)"));
    certified->excludes(revoked)->excludes(planned);
    revoked->excludes(planned);
    add_lock_timeout_option(*command_, lock_timeout_);
    add_quiet_flag(*command_);
}

int RecordCommand::run() const {
    require_file_name(file_, tr("FILE"));
    if (id_.empty() && name_.empty()) throw CLI::ValidationError("record", tr("give --id CODE or --name NAME"));
    EditRequest request;
    request.id = id_;
    request.name = name_;
    const std::string& day = !certified_.empty() ? certified_ : !revoked_.empty() ? revoked_ : planned_;
    if (day.empty()) throw CLI::ValidationError("record", tr("give --certified, --revoked or --planned DATE"));
    request.kind = !certified_.empty() ? EditKind::certified
                   : !revoked_.empty() ? EditKind::revoked
                                       : EditKind::planned;
    request.date = *parse_date(day);
    request.decision = decision_;
    request.note = note_;
    if (remove_) request.action = EditAction::remove;
    if (!move_to_.empty()) {
        request.action = EditAction::move;
        request.new_date = *parse_date(move_to_);
        if (request.kind != EditKind::planned) refuse_future(request.new_date, today(), allow_future_, move_to_);
    } else if (request.kind != EditKind::planned && request.action == EditAction::add) {
        refuse_future(request.date, today(), allow_future_, day);
    }
    if (request.kind == EditKind::planned && request.action == EditAction::add) request.set = today();
    ignore_broken_pipe();
    // One writer at a time, from reading the plan to replacing it.
    FileReplacement target(file_, lock_wait(lock_timeout_));
    // The plan is loaded as a report loads it (its text given back as it is
    // parsed), the locality found, the model dropped; only then is the text
    // read again for the edit, so a large plan costs no more than a report.
    std::vector<EditTarget> where;
    try {
        where = find_localities(load_plan(file_), {request});
    } catch (const InputError& e) {
        throw with_excerpts(e, read_plan_file(file_));
    }
    const EditResult result = add_events(read_plan_file(file_), file_, where, {request});
    // The summary is written, and seen to be written, before the plan is
    // replaced: a failure to say what changed leaves the plan unchanged.
    target.prepare(result.text);
    print_message(stdout, result.summary);
    finish_stdout();
    target.replace();
    // A planned date on or before the latest event counts as no plan (the
    // stale-plan rule): recorded as asked, but said, as `check` says it.
    const std::optional<Event>& latest = where.front().latest;
    if (request.kind == EditKind::planned && request.action != EditAction::remove && latest) {
        const Date planned = request.action == EditAction::move ? request.new_date : request.date;
        if (planned <= latest->date)
            print_stale_plan_warning(file_, where.front().line, where.front().name, planned, *latest);
    }
    return 0;
}

}  // namespace ontrack
