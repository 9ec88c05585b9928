// The columns of a records file (import) as offices name them: one table of
// {header, field}, and the header matched in one of its two forms, an
// event and a date column, or one date column per event.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_header.hpp"
#include "csv_reader.hpp"

namespace ontrack {

enum class RecordField {
    code,       // the unit's code
    unit,       // the unit, by code or name
    name,       // the unit's name
    event,      // certified, revoked or planned (with `date`)
    date,       // the event's date
    decision,   // of a certification or revocation
    note,       //
    certified,  // one date column per event: the day it was certified,
    revoked,    // revoked,
    planned,    // or is planned to be certified
    set,        // the day the planned date was decided
};

// The headers of one field, in order of preference (the first present names
// the column), compared by fold_key(): case, diacritics and spaces ignored.
std::vector<std::string_view> headers_of(RecordField field);

struct RecordColumns {
    std::size_t key = 0;  // code, else unit, else name
    RecordField key_field = RecordField::code;
    std::optional<std::size_t> event, date;                  // the pair form
    std::optional<std::size_t> certified, revoked, planned;  // one date column per event
    std::optional<std::size_t> name;                         // checked against the key's unit (key not a name)
    std::optional<std::size_t> decision, note, set;
    // An unread column whose header looks like a code or a name ("Tên xã
    // phường mới"), named where a row's unit is missing.
    std::string lookalike;
    bool per_event() const { return certified || revoked || planned; }
    // The columns holding dates, for deciding the order of d/m/y dates.
    std::vector<std::size_t> date_columns() const;
};

// The specs match_header() takes (and detect_separator() counts).
std::vector<ColumnSpec> record_specs();

// Matches the header. Reports to `out` a missing unit column (naming an
// unread column that looks like a code or a name), both forms at once (naming
// their columns), neither, or half of the pair; false when it reported
// anything. `unread` gets the note naming the columns not read, and `form`
// the note saying that one date column per event was read.
bool match_record_columns(const CsvDocument& doc, RecordColumns& cols, std::optional<CsvNote>& unread,
                          std::optional<CsvNote>& form, std::vector<Diagnostic>& out);

}  // namespace ontrack
