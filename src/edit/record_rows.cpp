#include "record_rows.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "csv_header.hpp"
#include "i18n.hpp"
#include "suggest.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

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

Place place_of(const CsvField& f) {
    return Place{f.line, f.column};
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

SlashOrder decide_order(const CsvDocument& doc, const std::vector<std::size_t>& columns, DateOrder forced,
                        std::vector<Diagnostic>& out, std::vector<CsvNote>& notes) {
    if (forced != DateOrder::automatic) return SlashOrder{forced, false};
    std::optional<std::pair<std::uint32_t, std::string>> day_first, month_first, either;
    std::optional<CsvField> second;  // the date cell that contradicts the first
    for (const CsvRow& row : doc.rows) {
        if (is_blank_row(doc, row)) continue;
        for (const std::size_t column : columns) {
            if (row.fields.size() <= column) continue;
            const std::string text(trim_blanks(row.fields.text(column)));
            const auto parts = split_slash_date(text);
            if (!parts) continue;
            if (parts->first > 12 && !day_first) {
                day_first.emplace(row.line, text);
                if (month_first && !second) second = row.fields[column];
            } else if (parts->second > 12 && parts->first <= 12 && !month_first) {
                month_first.emplace(row.line, text);
                if (day_first && !second) second = row.fields[column];
            } else if (parts->first <= 12 && parts->second <= 12 && parts->first != parts->second && !either) {
                either.emplace(row.line, text);
            }
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

// A date cell read in the file's order; false after reporting it (once for
// a file whose slash order is in conflict, by decide_order()).
bool read_date(const CsvDocument& doc, const CsvField& cell, const SlashOrder& order, Date& date,
               std::vector<Diagnostic>& out) {
    const std::string_view text = trim_blanks(cell.text);
    std::string why;
    if (order.conflict && split_slash_date(text)) return false;
    if (const auto d = parse_sheet_date(text, order.order, &why)) {
        date = *d;
        return true;
    }
    out.push_back(
        doc.error(cell,
                  text.empty() ? std::string(tr("the date is empty"))
                               : trf("'{}' is not a date: {}", quoted_value(text), tr(why.c_str())),
                  order.order == DateOrder::mdy
                      ? std::string(tr("write dates as YYYY-MM-DD or, as this file does, mm/dd/yyyy: 12/31/2025"))
                      : std::string(tr("write dates as YYYY-MM-DD or dd/mm/yyyy, e.g. 2025-12-31 or 31/12/2025"))));
    return false;
}

std::string empty_unit_message(const RecordColumns& cols) {
    switch (cols.key_field) {
        case RecordField::unit:
            return cols.name ? tr("the unit and name cells are empty") : tr("the unit cell is empty");
        case RecordField::name: return tr("the name cell is empty");
        default: return cols.name ? tr("the code and name cells are empty") : tr("the code cell is empty");
    }
}

// The unit of a row (its key, its name), and what every record of it shares.
// False after reporting a row that names no unit.
bool read_unit(const CsvDocument& doc, const CsvRow& row, const RecordColumns& cols, PlacedRecord& p,
               std::vector<Diagnostic>& out) {
    const CsvField key = row.fields[cols.key];
    p.record.line = row.line;
    p.key_at = place_of(key);
    if (cols.name) {
        const CsvField name = row.fields[*cols.name];
        p.name_at = place_of(name);
        p.name = std::string(trim_blanks(name.text));
    }
    for (const CsvField& f : row.fields)
        if (trim_blanks(f.text).size() != f.text.size()) p.trimmed = true;
    p.record.key = std::string(trim_blanks(key.text));
    if (p.record.key.empty() && !p.name.empty()) {
        // The row fills only the name: the unit is found by it.
        p.record.key = std::move(p.name);
        p.name.clear();
        p.key_at = p.name_at;
    }
    if (!p.record.key.empty()) return true;
    out.push_back(doc.error(key, empty_unit_message(cols),
                            cols.lookalike.empty()
                                ? std::string(tr("say which unit the record is for, by its code or its name"))
                                : trf("say which unit the record is for, by its code or its name; the column '{}' "
                                      "is not read: head it mã or tên",
                                      cols.lookalike)));
    return false;
}

// One record a row: the event and date columns.
bool read_pair_row(const CsvDocument& doc, const CsvRow& row, const RecordColumns& cols, const SlashOrder& order,
                   PlacedRecord p, std::vector<PlacedRecord>& records, std::vector<Diagnostic>& out) {
    const CsvField event = row.fields[*cols.event];
    const CsvField date = row.fields[*cols.date];
    p.event_at = place_of(event);
    p.date_at = place_of(date);
    bool ok = true;
    const std::string_view event_text = trim_blanks(event.text);
    p.record.event = event_of(event_text);
    if (p.record.event.empty()) {
        std::string lower(event_text);
        for (char& c : lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const std::string guess =
            lower.empty() ? std::string() : closest_match(lower, {std::begin(event_words), std::end(event_words)});
        out.push_back(doc.error(event,
                                event_text.empty() ? std::string(tr("the event is empty"))
                                                   : trf("unknown event '{}'", quoted_value(event_text)),
                                guess.empty()
                                    ? std::string(tr("the event is certified, revoked or planned"))
                                    : trf("did you mean '{}'? the event is certified, revoked or planned", guess)));
        ok = false;
    }
    ok = read_date(doc, date, order, p.record.date, out) && ok;
    if (cols.decision) ok = read_text_cell(doc, row.fields[*cols.decision], false, p.record.decision, out) && ok;
    if (cols.note) ok = read_text_cell(doc, row.fields[*cols.note], true, p.record.note, out) && ok;
    if (ok && !p.record.decision.empty() && p.record.event == "planned") {
        out.push_back(doc.error(row.fields[*cols.decision], tr("a planned record has no decision"),
                                tr("a decision certifies or revokes; leave the cell empty, or use the note")));
        ok = false;
    }
    if (cols.set && !trim_blanks(row.fields.text(*cols.set)).empty()) {
        const CsvField set = row.fields[*cols.set];
        if (ok && p.record.event != "planned") {
            out.push_back(doc.error(set, tr("a day the plan was made is given for an event that is not planned"),
                                    tr("the day the plan was made goes only with a planned date; leave the cell "
                                       "empty")));
            ok = false;
        } else {
            Date day;
            p.set_at = place_of(set);
            if (read_date(doc, set, order, day, out))
                p.record.set = day;
            else
                ok = false;
        }
    }
    if (ok) records.push_back(std::move(p));
    return ok;
}

// A record for each date the row fills, in date order; the decision and the
// note go to its certification, else its revocation (the note, else, to its
// planned date), the day the plan was made to its planned date.
bool read_event_columns_row(const CsvDocument& doc, const CsvRow& row, const RecordColumns& cols,
                            const SlashOrder& order, const PlacedRecord& base, std::vector<PlacedRecord>& records,
                            std::vector<Diagnostic>& out) {
    std::vector<PlacedRecord> mine;
    bool ok = true;
    for (const auto& [column, event] : {std::pair{cols.certified, "certified"}, std::pair{cols.revoked, "revoked"},
                                        std::pair{cols.planned, "planned"}}) {
        if (!column || trim_blanks(row.fields.text(*column)).empty()) continue;
        const CsvField cell = row.fields[*column];
        PlacedRecord p = base;
        p.record.event = event;
        p.event_at = p.date_at = place_of(cell);
        if (read_date(doc, cell, order, p.record.date, out))
            mine.push_back(std::move(p));
        else
            ok = false;
    }
    auto owner = [&](std::initializer_list<const char*> events) -> PlacedRecord* {
        for (const char* e : events)
            for (PlacedRecord& p : mine)
                if (p.record.event == e) return &p;
        return nullptr;
    };
    std::string decision, note;
    if (cols.decision) ok = read_text_cell(doc, row.fields[*cols.decision], false, decision, out) && ok;
    if (cols.note) ok = read_text_cell(doc, row.fields[*cols.note], true, note, out) && ok;
    if (!decision.empty()) {
        if (PlacedRecord* p = owner({"certified", "revoked"})) {
            p->record.decision = decision;
        } else if (ok) {
            out.push_back(doc.error(row.fields[*cols.decision],
                                    tr("a decision on a row with no certified or revoked date"),
                                    tr("a decision certifies or revokes: give its date, or leave the cell empty")));
            ok = false;
        }
    }
    if (!note.empty())
        if (PlacedRecord* p = owner({"certified", "revoked", "planned"})) p->record.note = note;
    if (cols.set && !trim_blanks(row.fields.text(*cols.set)).empty()) {
        const CsvField set = row.fields[*cols.set];
        PlacedRecord* planned = owner({"planned"});
        Date day;
        if (!planned) {
            if (ok)
                out.push_back(doc.error(set, tr("a day the plan was made, but no planned date"),
                                        tr("the day the plan was made goes only with a planned date; give it, or "
                                           "leave the cell empty")));
            ok = false;
        } else if (read_date(doc, set, order, day, out)) {
            planned->record.set = day;
            planned->set_at = place_of(set);
        } else {
            ok = false;
        }
    }
    if (!ok) return false;
    std::stable_sort(mine.begin(), mine.end(),
                     [](const PlacedRecord& a, const PlacedRecord& b) { return a.record.date < b.record.date; });
    for (PlacedRecord& p : mine) records.push_back(std::move(p));
    return true;
}

// Whether a row of the per-event form fills no date, decision or day the
// plan was made: a unit with nothing to record yet.
bool has_nothing_to_record(const CsvRow& row, const RecordColumns& cols) {
    for (const auto& c : {cols.certified, cols.revoked, cols.planned, cols.decision, cols.set})
        if (c && !trim_blanks(row.fields.text(*c)).empty()) return false;
    return true;
}

}  // namespace

CsvDocument read_records_document(std::string_view text, const std::string& file, const std::string& sheet,
                                  RecordColumns& cols, std::vector<CsvNote>& notes) {
    CsvOptions options;
    options.sheet = sheet;
    options.separator = detect_separator(text, record_specs());
    options.on_header = [&](const CsvDocument& doc) {
        std::vector<Diagnostic> out;
        std::optional<CsvNote> unread, form;
        const bool ok = match_record_columns(doc, cols, unread, form, out);
        notes.insert(notes.end(), doc.notes.begin(), doc.notes.end());
        if (unread) notes.push_back(*unread);
        if (form) notes.push_back(*form);
        if (!ok) throw_if_any(std::move(out));
    };
    return read_csv(text, file, options);
}

std::vector<PlacedRecord> read_placed(const CsvDocument& doc, const RecordColumns& cols, DateOrder forced,
                                      std::vector<Diagnostic>& out, std::vector<CsvNote>& notes) {
    const SlashOrder order = decide_order(doc, cols.date_columns(), forced, out, notes);
    std::vector<PlacedRecord> records;
    std::size_t undated = 0;
    std::uint32_t first_undated = 0;
    for (const CsvRow& row : doc.rows) {
        if (too_many_problems(doc, row.line, out)) break;
        if (is_blank_row(doc, row)) continue;
        if (!check_field_count(doc, row, out)) continue;
        if (cols.per_event() && has_nothing_to_record(row, cols)) {
            if (undated++ == 0) first_undated = row.line;
            continue;
        }
        PlacedRecord base;
        if (!read_unit(doc, row, cols, base, out)) continue;
        if (cols.per_event())
            read_event_columns_row(doc, row, cols, order, base, records, out);
        else
            read_pair_row(doc, row, cols, order, std::move(base), records, out);
    }
    if (undated)
        notes.push_back(
            doc.note(first_undated, trn("{} row gives no date: nothing to record for its unit",
                                        "{} rows give no date: nothing to record for their units", undated, undated)));
    return records;
}

}  // namespace ontrack
