#include "import.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "csv_header.hpp"
#include "csv_reader.hpp"
#include "history.hpp"
#include "i18n.hpp"
#include "name_lookup.hpp"
#include "record_rows.hpp"
#include "suggest.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

std::string event_name(EventKind kind) {
    return kind == EventKind::certified ? N_("certified") : N_("revoked");
}

// One event of a locality's merged history: from the plan (record == nullptr) or from the file.
struct HistoryEvent {
    Event event;
    const PlacedRecord* record = nullptr;
};

std::string where(const HistoryEvent& e) {
    return e.record ? trf("line {}", e.record->record.line) : std::string(tr("in the plan"));
}

const char* const alternate_hint =
    N_("certified and revoked dates must alternate in time; add the missing event or remove this row");

// Checks the plan's events of `loc` merged with the file's new ones against
// the history rule (history.hpp); reports the first problem, at the row that
// causes it, and returns false.
bool report_merged_history(const CsvDocument& doc, const Locality& loc, const std::vector<const PlacedRecord*>& fresh,
                           std::vector<Diagnostic>& out) {
    std::vector<HistoryEvent> events;
    events.reserve(loc.events.size() + fresh.size());
    for (const Event& e : loc.events) events.push_back({e, nullptr});
    for (const PlacedRecord* r : fresh)
        events.push_back(
            {Event{r->record.date, r->record.event == "certified" ? EventKind::certified : EventKind::revoked, nullptr},
             r});
    // By date; on one day the plan's event first, then the file's in line order.
    std::stable_sort(events.begin(), events.end(), [](const HistoryEvent& a, const HistoryEvent& b) {
        if (a.event.date != b.event.date) return a.event.date < b.event.date;
        const std::uint32_t la = a.record ? a.record->record.line : 0, lb = b.record ? b.record->record.line : 0;
        return la < lb;
    });
    std::vector<Event> sorted;
    sorted.reserve(events.size());
    for (const HistoryEvent& e : events) sorted.push_back(e.event);
    const auto problem = first_history_problem(sorted);
    if (!problem) return true;
    auto report = [&](const PlacedRecord& r, std::string message, std::string hint) {
        out.push_back(doc.error(r.event_at.line, r.event_at.column, std::move(message), std::move(hint)));
        return false;
    };
    const HistoryEvent& e = events[problem->at];
    switch (problem->fault) {
        case HistoryFault::same_day: {
            // events[at] is from the file: the plan has no such pair.
            const HistoryEvent& before = events[problem->at - 1];
            return report(*e.record, trf("'{}' would have two events on {}", loc.name, human_date(e.event.date)),
                          trf("a unit is certified or revoked at most once a day, and {} {} it on that day",
                              before.record ? trf("line {}", before.record->record.line) : std::string(tr("the plan")),
                              tr(before.event.kind == EventKind::certified ? N_("certifies") : N_("revokes"))));
        }
        case HistoryFault::starts_revoked:  // from the file: the plan's history starts with a certification
            return report(
                *e.record,
                trf("'{}' would be revoked on {} before it was ever certified", loc.name, human_date(e.event.date)),
                tr("a history starts with a certification; add the earlier certified date"));
        case HistoryFault::repeated: break;
    }
    const HistoryEvent& before = events[problem->at - 1];
    const std::string kind = event_name(e.event.kind);
    if (e.record)
        return report(*e.record,
                      trf("'{}' would be {} on {} while already {} since {} ({})", loc.name, tr(kind.c_str()),
                          human_date(e.event.date), tr(kind.c_str()), human_date(before.event.date), where(before)),
                      tr(alternate_hint));
    // e is the plan's; the plan alone alternates, so `before` is from the file.
    return report(*before.record,
                  trf("'{}' would be {} on {} and again on {} ({}) with nothing in between", loc.name, tr(kind.c_str()),
                      human_date(before.event.date), human_date(e.event.date), where(e)),
                  tr(alternate_hint));
}

ImportAddition addition(const Locality& loc, const Record& r) {
    ImportAddition a;
    a.locality_name = loc.name;
    a.locality_id = loc.id;
    a.locality_line = loc.pos.line;
    a.event = r.event;
    a.date = r.date;
    a.line = r.line;
    a.decision = r.decision;
    a.note = r.note;
    a.set = r.set;
    return a;
}

// A planned record's day the plan was made: on or before today and the
// planned date, and not before the unit's last plan (set days do not go back
// along a unit's planned dates). False after reporting it.
bool check_set(const CsvDocument& doc, const Locality& loc, const PlacedRecord& p, std::optional<Date> today,
               std::vector<Diagnostic>& out) {
    const Date set = *p.record.set;
    auto report = [&](std::string message, std::string hint) {
        out.push_back(doc.error(p.set_at.line, p.set_at.column, std::move(message), std::move(hint)));
        return false;
    };
    if (today && set > *today)
        return report(trf("the plan is said to be made on {}, after today ({})", human_date(set), human_date(*today)),
                      tr("the day a plan was made is a day already passed; check the date"));
    if (set > p.record.date)
        return report(trf("the plan is said to be made on {}, after the date it plans ({})", human_date(set),
                          human_date(p.record.date)),
                      tr("a plan is made before the day it plans; check the two dates"));
    std::optional<Date> last;
    for (std::size_t k = 0; k < loc.planned.size(); ++k)
        if (const auto s = loc.planned.set(k); s && (!last || *s > *last)) last = s;
    if (last && set < *last)
        return report(trf("'{}' already has a plan made on {}; a plan made on {}, earlier, cannot be added after it",
                          loc.name, human_date(*last), human_date(set)),
                      tr("a unit's planned dates are kept in the order they were made; an older plan is replaced "
                         "by the newer one and is not added again"));
    return true;
}

// A planned record without its day is made today and goes after the unit's
// planned dates: none of them may have been made later (the loader's rule
// on the order of set days). False after reporting it.
bool check_stamp(const CsvDocument& doc, const Locality& loc, const PlacedRecord& p, Date today,
                 std::vector<Diagnostic>& out) {
    for (std::size_t k = 0; k < loc.planned.size(); ++k)
        if (const auto set = loc.planned.set(k); set && *set > today) {
            out.push_back(doc.error(
                p.record.line, 1,
                trf("the plan of {} was set on {}, after today ({})", loc.name, to_iso(*set), to_iso(today)),
                tr("a new planned date is set today and goes after the plan's own dates; check the machine's date "
                   "and TZ")));
            return false;
        }
    return true;
}

}  // namespace

std::vector<Record> read_records(std::string_view csv_text, const std::string& csv_file, DateOrder order,
                                 const std::string& sheet) {
    RecordColumns cols;
    std::vector<CsvNote> notes;
    const CsvDocument doc = read_records_document(csv_text, csv_file, sheet, cols, notes);
    std::vector<Diagnostic> problems;
    std::vector<PlacedRecord> placed = read_placed(doc, cols, order, problems, notes);
    throw_if_any(std::move(problems));
    std::vector<Record> records;
    records.reserve(placed.size());
    for (PlacedRecord& p : placed) records.push_back(std::move(p.record));
    return records;
}

ImportPlan plan_import(const Plan& plan, std::string_view csv_text, const std::string& csv_file,
                       std::optional<Date> not_after, DateOrder order, const std::string& sheet) {
    ImportOptions options;
    options.not_after = not_after;
    options.order = order;
    options.sheet = sheet;
    return plan_import(plan, csv_text, csv_file, options);
}

ImportPlan plan_import(const Plan& plan, std::string_view csv_text, const std::string& csv_file,
                       const ImportOptions& options) {
    const std::optional<Date> not_after = options.not_after;
    RecordColumns cols;
    ImportPlan out_plan;
    std::vector<CsvNote>& notes = options.notes ? *options.notes : out_plan.notes;
    const CsvDocument doc = read_records_document(csv_text, csv_file, options.sheet, cols, notes);
    std::vector<Diagnostic> problems;
    std::vector<PlacedRecord> records = read_placed(doc, cols, options.order, problems, notes);
    if (not_after)
        records.erase(std::remove_if(records.begin(), records.end(),
                                     [&](const PlacedRecord& p) {
                                         if (p.record.event == "planned" || p.record.date <= *not_after) return false;
                                         if (too_many_problems(doc, p.record.line, problems)) return true;
                                         problems.push_back(doc.error(
                                             p.date_at.line, p.date_at.column,
                                             trf("{} {} is after today ({})", tr(p.record.event.c_str()),
                                                 human_date(p.record.date), human_date(*not_after)),
                                             tr("an event is recorded once it has happened; a date still to come is "
                                                "a planned record, and --allow-future imports it anyway")));
                                         return true;
                                     }),
                      records.end());

    for (const PlacedRecord& p : records)
        if (p.trimmed && out_plan.trimmed_rows++ == 0) out_plan.first_trimmed_line = p.record.line;

    std::unordered_map<std::string_view, std::size_t> by_id;
    std::vector<std::string_view> candidates;
    for (std::size_t k = 0; k < plan.localities.size(); ++k) {
        const Locality& loc = plan.localities[k];
        if (!loc.id.empty()) by_id.emplace(loc.id, k);
    }

    // The records of each locality, in file order.
    std::vector<std::vector<const PlacedRecord*>> of_locality(plan.localities.size());
    const NameLookup names(plan);
    std::size_t padded = 0;
    std::uint32_t first_padded = 0;
    std::string padded_example;
    for (const PlacedRecord& p : records) {
        if (too_many_problems(doc, p.record.line, problems)) break;
        const std::string key = to_nfc(p.record.key);
        std::optional<std::size_t> index;
        if (const auto it = by_id.find(key); it != by_id.end()) {
            index = it->second;
        } else if ((index = names.find_padded_code(key))) {
            if (padded++ == 0) {
                first_padded = p.record.line;
                padded_example = trf("{} is {}", key, plan.localities[*index].id);
            }
        } else {
            index = names.find(key);
        }
        if (!index) {
            if (const auto alike = names.folded_matches(key); !alike.empty()) {
                problems.push_back(doc.error(
                    p.key_at.line, p.key_at.column,
                    trf("unknown unit '{}': no locality of the plan has this code or name", quoted_value(key)),
                    trf("a name is taken in any letter case or tone placement, alone or after its kind, but with "
                        "every mark; written without some, this is: {}",
                        names.describe(alike))));
                continue;
            }
            if (candidates.empty()) {
                for (const Locality& loc : plan.localities) {
                    if (!loc.id.empty()) candidates.push_back(loc.id);
                    candidates.push_back(loc.name);
                }
            }
            const std::string guess = closest_match(key, candidates);
            problems.push_back(
                doc.error(p.key_at.line, p.key_at.column,
                          trf("unknown unit '{}': no locality of the plan has this code or name", quoted_value(key)),
                          guess.empty() ? std::string(tr("check the code or the name against the plan"))
                                        : trf("did you mean '{}'?", guess)));
            continue;
        }
        const Locality& loc = plan.localities[*index];
        if (const auto named = p.name.empty() ? index : names.find(p.name); named != index) {
            const std::string other = !named ? std::string()
                                      : plan.localities[*named].id.empty()
                                          ? trf("'{}' is another unit; ", p.name)
                                          : trf("'{}' is another unit ({}); ", p.name, plan.localities[*named].id);
            problems.push_back(doc.error(
                p.name_at.line, p.name_at.column,
                trf("the unit '{}' is '{}' in the plan, not '{}'", quoted_value(key), loc.name, quoted_value(p.name)),
                other + tr("correct the code or the name so that they agree")));
            continue;
        }
        of_locality[*index].push_back(&p);
    }

    if (padded)
        notes.push_back(doc.note(first_padded, trn("{} code was read with the leading zeros a spreadsheet dropped ({})",
                                                   "{} codes were read with the leading zeros a spreadsheet dropped "
                                                   "(the first: {})",
                                                   padded, padded, padded_example)));
    // Per locality: duplicates, the planned date, the merged history.
    std::vector<std::pair<const PlacedRecord*, std::size_t>> fresh_all, known_all;  // record, locality
    for (std::size_t k = 0; k < of_locality.size(); ++k) {
        if (too_many_problems(doc, doc.header.line, problems)) break;
        const Locality& loc = plan.localities[k];
        const PlacedRecord* planned = nullptr;
        std::vector<const PlacedRecord*> fresh_events;
        std::vector<std::pair<const PlacedRecord*, std::size_t>> fresh, known;
        bool ok = true;
        const auto& rs = of_locality[k];
        // The first record of each event and date: linear however many rows a locality has.
        std::map<std::pair<std::string_view, std::int32_t>, const PlacedRecord*> first;
        for (std::size_t i = 0; i < rs.size(); ++i) {
            if (too_many_problems(doc, rs[i]->record.line, problems)) break;
            const Record& r = rs[i]->record;
            const auto [same, fresh_record] =
                first.emplace(std::make_pair(std::string_view(r.event), r.date.days), rs[i]);
            if (!fresh_record) {
                problems.push_back(doc.error(rs[i]->key_at.line, rs[i]->key_at.column,
                                             trf("the same record as line {}", same->second->record.line),
                                             tr("remove one of the two rows")));
                ok = false;
                continue;
            }
            if (r.event == "planned") {
                if (planned) {
                    problems.push_back(doc.error(rs[i]->date_at.line, rs[i]->date_at.column,
                                                 trf("a second planned date for '{}': line {} plans {}", loc.name,
                                                     planned->record.line, human_date(planned->record.date)),
                                                 tr("a locality has one planned date; keep one of the rows")));
                    ok = false;
                    continue;
                }
                planned = rs[i];
                if (r.set && !check_set(doc, loc, *rs[i], options.today, problems)) {
                    ok = false;
                    continue;
                }
                const bool current = !loc.planned.empty() && loc.planned.last() == r.date;
                if (!current && !r.set && options.today && !check_stamp(doc, loc, *rs[i], *options.today, problems)) {
                    ok = false;
                    continue;
                }
                (current ? known : fresh).push_back({rs[i], k});
                continue;
            }
            const EventKind kind = r.event == "certified" ? EventKind::certified : EventKind::revoked;
            const bool in_plan = std::any_of(loc.events.begin(), loc.events.end(),
                                             [&](const Event& e) { return e.kind == kind && e.date == r.date; });
            if (in_plan) {
                known.push_back({rs[i], k});
            } else {
                fresh.push_back({rs[i], k});
                fresh_events.push_back(rs[i]);
            }
        }
        if (!fresh_events.empty()) ok = report_merged_history(doc, loc, fresh_events, problems) && ok;
        if (!ok) continue;
        fresh_all.insert(fresh_all.end(), fresh.begin(), fresh.end());
        known_all.insert(known_all.end(), known.begin(), known.end());
    }
    throw_if_any(std::move(problems));

    auto by_line = [](const std::pair<const PlacedRecord*, std::size_t>& a,
                      const std::pair<const PlacedRecord*, std::size_t>& b) {
        return a.first->record.line < b.first->record.line;
    };
    std::stable_sort(fresh_all.begin(), fresh_all.end(), by_line);
    std::stable_sort(known_all.begin(), known_all.end(), by_line);
    ImportPlan result = std::move(out_plan);
    result.additions.reserve(fresh_all.size());
    for (const auto& [p, k] : fresh_all) {
        ImportAddition a = addition(plan.localities[k], p->record);
        const PlannedDates& planned = plan.localities[k].planned;
        if (p->record.event == "planned" && !planned.empty()) a.replaces_planned = planned.last();
        a.place = doc.note(a.line, {}).place;
        result.additions.push_back(std::move(a));
    }
    for (const auto& [p, k] : known_all) {
        result.already_recorded.push_back(addition(plan.localities[k], p->record));
        result.already_recorded.back().place = doc.note(p->record.line, {}).place;
    }
    return result;
}

}  // namespace ontrack
