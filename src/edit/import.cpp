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
#include "suggest.hpp"
#include "unicode.hpp"

namespace ontrack {
namespace {

// The words of each event, in English and Vietnamese, and the folded keys
// (fold_key()) they are recognised by.
constexpr std::string_view event_words[] = {"certified", "revoked", "planned", "công nhận", "thu hồi", "dự kiến"};
// A clerk may also write the word as a phrase: "được công nhận", "đã công
// nhận", "bị thu hồi", "đã thu hồi".
constexpr std::string_view event_keys[][4] = {{"certified", "congnhan", "duoccongnhan", "dacongnhan"},
                                              {"revoked", "thuhoi", "bithuhoi", "dathuhoi"},
                                              {"planned", "dukien", "dukien", "dukien"}};

struct Place {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

Place place_of(const CsvField& f) {
    return Place{f.line, f.column};
}

// A record with where its fields stand, and the optional name column's value.
struct PlacedRecord {
    Record record;
    Place key_at, event_at, date_at, name_at;
    std::string name;      // from a "name" column beside a "code" or "unit" column; may be empty
    bool trimmed = false;  // some cell had spaces or no-break spaces around it
};

struct Columns {
    std::size_t key = 0, event = 0, date = 0;
    std::optional<std::size_t> name;  // a name column checked against the key's locality
    std::optional<std::size_t> decision, note;
    std::string key_header;  // "code", "unit" or "name", whichever language the header is in
    std::optional<CsvNote> unread;
};

// The fields of a records file and every header that names each; the unit
// is named by a code, a unit or a name column (the first present, in this
// order), and a name column beside a code or unit is checked against it.
enum class RecordField { code, unit, name, event, date, decision, note };

constexpr HeaderSynonym<RecordField> record_headers[] = {
    {"code", RecordField::code},           {"mã", RecordField::code},
    {"mã số", RecordField::code},          {"mã đơn vị", RecordField::code},
    {"unit", RecordField::unit},           {"đơn vị", RecordField::unit},
    {"name", RecordField::name},           {"tên", RecordField::name},
    {"tên đơn vị", RecordField::name},     {"event", RecordField::event},
    {"sự kiện", RecordField::event},       {"date", RecordField::date},
    {"ngày", RecordField::date},           {"decision", RecordField::decision},
    {"quyết định", RecordField::decision}, {"số quyết định", RecordField::decision},
    {"note", RecordField::note},           {"ghi chú", RecordField::note},
};

// The word the messages use for the unit's column, by the field it names.
const char* key_word(RecordField field) {
    switch (field) {
        case RecordField::code: return N_("code");
        case RecordField::unit: return N_("unit");
        default: return N_("name");
    }
}

std::vector<ColumnSpec> record_specs() {
    using F = RecordField;
    return {
        {headers_naming(record_headers, {F::code, F::unit, F::name}), true,
         tr("the header has no 'code', 'unit' or 'name' column")},
        {headers_naming(record_headers, {F::event}), true, {}},
        {headers_naming(record_headers, {F::date}), true, {}},
        // checked against the key's locality, when the key is not the name
        {headers_naming(record_headers, {F::name}), false, {}},
        {headers_naming(record_headers, {F::decision}), false, {}},
        {headers_naming(record_headers, {F::note}), false, {}},
    };
}

bool find_columns(const CsvDocument& doc, const std::vector<ColumnSpec>& specs, Columns& cols,
                  std::vector<Diagnostic>& out) {
    std::vector<HeaderColumn> columns;
    const bool ok = match_header(
        doc, specs,
        [](const std::string& names) {
            return trf(
                "the first row must name the columns code (or unit, or name), event and date, in any order, in "
                "English or Vietnamese (mã, tên, sự kiện, ngày); it names: {}",
                names);
        },
        columns, out);
    cols.key = columns[0].index.value_or(0);
    cols.key_header = tr(key_word(columns[0].index ? field_named(record_headers, columns[0].name) : RecordField::name));
    cols.event = columns[1].index.value_or(0);
    cols.date = columns[2].index.value_or(0);
    cols.name = columns[3].index;
    cols.decision = columns[4].index;
    cols.note = columns[5].index;
    cols.unread = unread_columns_note(doc, columns);
    return ok;
}

// The records file's document: the separator found from its header, the
// header matched as soon as it is read (a bad header stops the reading).
CsvDocument read_records_document(std::string_view text, const std::string& file, const std::string& sheet,
                                  Columns& cols) {
    const std::vector<ColumnSpec> specs = record_specs();
    CsvOptions options;
    options.sheet = sheet;
    options.separator = detect_separator(text, specs);
    options.on_header = [&](const CsvDocument& doc) {
        std::vector<Diagnostic> out;
        if (!find_columns(doc, specs, cols, out)) throw_if_any(std::move(out));
    };
    return read_csv(text, file, options);
}

// A decision or note cell, trimmed and in NFC, under the plan's text rules
// (a note may hold line breaks); false after reporting a bad character.
bool read_text_cell(const CsvDocument& doc, const CsvField& field, bool note, std::string& text,
                    std::vector<Diagnostic>& out) {
    const std::string_view cell = trim_blanks(field.text);
    if (const auto bad = find_bad_character(cell, note)) {
        out.push_back(doc.error(field,
                                trf("the {} contains {}, an invisible or control character", note ? "note" : "decision",
                                    code_point_name(bad->code_point)),
                                tr("delete it: such characters come from copying out of web pages, word processors or "
                                   "spreadsheets, and make two texts that look alike differ")));
        return false;
    }
    text = to_nfc(cell);
    return true;
}

// A date cell: YYYY-MM-DD, or d/m/yyyy in `order` (dmy or mdy).
std::optional<Date> parse_sheet_date(std::string_view text, DateOrder order, std::string* why) {
    if (text.find('/') == std::string_view::npos) return parse_iso_date(text, why);
    const auto parts = split_slash_date(text);
    if (order != DateOrder::mdy || !parts) return parse_date(text, why);
    return date_of(parts->year, parts->first, parts->second, why);
}

// The date a cell is read as, as dates are shown (YYYY-MM-DD; dd/mm/yyyy in Vietnamese).
std::string shown_date(const std::string& text, DateOrder order) {
    const auto d = parse_sheet_date(text, order, nullptr);
    return d ? human_date(*d) : text;
}

// The order of the file's dates written with slashes (see DateOrder): forced,
// or decided by the first date whose first part is above 12 (day first) or
// whose second part is (month first). Reports a file with both; notes the
// order when nothing decided it and some date could be read either way.
struct SlashOrder {
    DateOrder order = DateOrder::dmy;
    bool conflict = false;
};

SlashOrder decide_order(const CsvDocument& doc, const Columns& cols, DateOrder forced, std::vector<Diagnostic>& out,
                        std::vector<CsvNote>& notes) {
    if (forced != DateOrder::automatic) return SlashOrder{forced, false};
    std::optional<std::pair<std::uint32_t, std::string>> day_first, month_first, either;
    std::optional<CsvField> second;  // the date cell that contradicts the first
    for (const CsvRow& row : doc.rows) {
        if (row.fields.size() <= cols.date || is_blank_row(doc, row)) continue;
        const std::string text(trim_blanks(row.fields.text(cols.date)));
        const auto parts = split_slash_date(text);
        if (!parts) continue;
        if (parts->first > 12 && !day_first) {
            day_first.emplace(row.line, text);
            if (month_first && !second) second = row.fields[cols.date];
        } else if (parts->second > 12 && parts->first <= 12 && !month_first) {
            month_first.emplace(row.line, text);
            if (day_first && !second) second = row.fields[cols.date];
        } else if (parts->first <= 12 && parts->second <= 12 && parts->first != parts->second && !either) {
            either.emplace(row.line, text);
        }
    }
    if (day_first && month_first) {
        out.push_back(doc.error(*second,
                                trf("line {} writes the day first ({}) but line {} writes the month first ({})",
                                    day_first->first, day_first->second, month_first->first, month_first->second),
                                tr("write every date of the file in one order, or as YYYY-MM-DD; --date-order dmy "
                                   "or --date-order mdy says which order the file uses")));
        return SlashOrder{DateOrder::dmy, true};
    }
    if (month_first) {
        notes.push_back(
            doc.note(month_first->first, trf("dates are read month first, as an English Excel writes them ({} is {})",
                                             month_first->second, shown_date(month_first->second, DateOrder::mdy))));
        return SlashOrder{DateOrder::mdy, false};
    }
    if (!day_first && either)
        notes.push_back(doc.note(either->first,
                                 trf("dates such as {} are read day first ({}), the Vietnamese order: nothing in the "
                                     "file says otherwise; --date-order mdy reads them month first",
                                     either->second, shown_date(either->second, DateOrder::dmy))));
    return SlashOrder{DateOrder::dmy, false};
}

// The event a cell names, in English or Vietnamese, or "".
std::string event_of(std::string_view text) {
    const std::string key = fold_key(text);
    for (const auto& k : event_keys)
        if (std::find(std::begin(k), std::end(k), key) != std::end(k)) return std::string(k[0]);
    return {};
}

// The well-formed records of `doc`; every problem goes to `out`, notes to `notes`.
std::vector<PlacedRecord> read_placed(const CsvDocument& doc, const Columns& cols, DateOrder forced,
                                      std::vector<Diagnostic>& out, std::vector<CsvNote>& notes) {
    notes.insert(notes.end(), doc.notes.begin(), doc.notes.end());
    if (cols.unread) notes.push_back(*cols.unread);
    const SlashOrder order = decide_order(doc, cols, forced, out, notes);
    std::vector<PlacedRecord> records;
    for (const CsvRow& row : doc.rows) {
        if (too_many_problems(doc, row.line, out)) break;
        if (is_blank_row(doc, row)) continue;
        if (!check_field_count(doc, row, out)) continue;
        const CsvField key = row.fields[cols.key];
        const CsvField event = row.fields[cols.event];
        const CsvField date = row.fields[cols.date];
        PlacedRecord p;
        p.record.line = row.line;
        p.key_at = place_of(key);
        p.event_at = place_of(event);
        p.date_at = place_of(date);
        if (cols.name) {
            const CsvField name = row.fields[*cols.name];
            p.name_at = place_of(name);
            p.name = std::string(trim_blanks(name.text));
        }
        bool ok = true;
        for (const CsvField& f : row.fields)
            if (trim_blanks(f.text).size() != f.text.size()) p.trimmed = true;
        p.record.key = std::string(trim_blanks(key.text));
        if (p.record.key.empty() && !p.name.empty()) {
            // The row fills only the name: the unit is found by it.
            p.record.key = std::move(p.name);
            p.name.clear();
            p.key_at = p.name_at;
        }
        if (p.record.key.empty()) {
            out.push_back(doc.error(key,
                                    cols.name ? trf("the {} and the name are empty", cols.key_header)
                                              : trf("the {} is empty", cols.key_header),
                                    tr("say which unit the record is for, by its code or its name")));
            ok = false;
        }
        const std::string_view event_text = trim_blanks(event.text);
        p.record.event = event_of(event_text);
        if (p.record.event.empty()) {
            std::string lower(event_text);
            for (char& c : lower)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            const std::string guess =
                lower.empty() ? std::string() : closest_match(lower, {std::begin(event_words), std::end(event_words)});
            out.push_back(doc.error(
                event,
                event_text.empty() ? std::string(tr("the event is empty")) : trf("unknown event '{}'", event_text),
                guess.empty() ? std::string(tr("the event is certified, revoked or planned"))
                              : trf("did you mean '{}'? the event is certified, revoked or planned", guess)));
            ok = false;
        }
        const std::string_view date_text = trim_blanks(date.text);
        std::string why;
        if (order.conflict && split_slash_date(date_text)) {
            ok = false;  // reported once, by decide_order()
        } else if (const auto d = parse_sheet_date(date_text, order.order, &why)) {
            p.record.date = *d;
        } else {
            out.push_back(doc.error(
                date,
                date_text.empty() ? std::string(tr("the date is empty"))
                                  : trf("'{}' is not a date: {}", date_text, tr(why.c_str())),
                order.order == DateOrder::mdy
                    ? std::string(tr("write dates as YYYY-MM-DD or, as this file does, mm/dd/yyyy: 12/31/2025"))
                    : std::string(tr("write dates as YYYY-MM-DD or dd/mm/yyyy, e.g. 2025-12-31 or 31/12/2025"))));
            ok = false;
        }
        if (cols.decision) ok = read_text_cell(doc, row.fields[*cols.decision], false, p.record.decision, out) && ok;
        if (cols.note) ok = read_text_cell(doc, row.fields[*cols.note], true, p.record.note, out) && ok;
        if (ok && !p.record.decision.empty() && p.record.event == "planned") {
            out.push_back(doc.error(row.fields[*cols.decision], tr("a planned record has no decision"),
                                    tr("a decision certifies or revokes; leave the cell empty, or use the note")));
            ok = false;
        }
        if (ok) records.push_back(std::move(p));
    }
    return records;
}

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
bool check_history(const CsvDocument& doc, const Locality& loc, const std::vector<const PlacedRecord*>& fresh,
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
    const auto problem = ontrack::check_history(sorted);
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
    return a;
}

}  // namespace

std::vector<Record> read_records(std::string_view csv_text, const std::string& csv_file, DateOrder order,
                                 const std::string& sheet) {
    Columns cols;
    const CsvDocument doc = read_records_document(csv_text, csv_file, sheet, cols);
    std::vector<Diagnostic> problems;
    std::vector<CsvNote> notes;
    std::vector<PlacedRecord> placed = read_placed(doc, cols, order, problems, notes);
    throw_if_any(std::move(problems));
    std::vector<Record> records;
    records.reserve(placed.size());
    for (PlacedRecord& p : placed) records.push_back(std::move(p.record));
    return records;
}

ImportPlan plan_import(const Plan& plan, std::string_view csv_text, const std::string& csv_file,
                       std::optional<Date> not_after, DateOrder order, const std::string& sheet) {
    Columns cols;
    const CsvDocument doc = read_records_document(csv_text, csv_file, sheet, cols);
    std::vector<Diagnostic> problems;
    ImportPlan out_plan;
    std::vector<PlacedRecord> records = read_placed(doc, cols, order, problems, out_plan.notes);
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
    for (const PlacedRecord& p : records) {
        if (too_many_problems(doc, p.record.line, problems)) break;
        const std::string key = to_nfc(p.record.key);
        std::optional<std::size_t> index;
        if (const auto it = by_id.find(key); it != by_id.end())
            index = it->second;
        else
            index = names.find(key);
        if (!index) {
            if (const auto alike = names.folded_matches(key); !alike.empty()) {
                problems.push_back(doc.error(
                    p.key_at.line, p.key_at.column,
                    trf("unknown unit '{}': no locality of the plan has this code or name", key),
                    trf("names are taken as written, or preceded by their kind; written without care, this is: {}",
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
            problems.push_back(doc.error(p.key_at.line, p.key_at.column,
                                         trf("unknown unit '{}': no locality of the plan has this code or name", key),
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
            problems.push_back(doc.error(p.name_at.line, p.name_at.column,
                                         trf("the unit '{}' is '{}' in the plan, not '{}'", key, loc.name, p.name),
                                         other + tr("correct the code or the name so that they agree")));
            continue;
        }
        of_locality[*index].push_back(&p);
    }

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
                const bool current = !loc.planned.empty() && loc.planned.last() == r.date;
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
        if (!fresh_events.empty()) ok = check_history(doc, loc, fresh_events, problems) && ok;
        if (!ok) continue;
        fresh_all.insert(fresh_all.end(), fresh.begin(), fresh.end());
        known_all.insert(known_all.end(), known.begin(), known.end());
    }
    throw_if_any(std::move(problems));

    auto by_line = [](const std::pair<const PlacedRecord*, std::size_t>& a,
                      const std::pair<const PlacedRecord*, std::size_t>& b) {
        return a.first->record.line < b.first->record.line;
    };
    std::sort(fresh_all.begin(), fresh_all.end(), by_line);
    std::sort(known_all.begin(), known_all.end(), by_line);
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
