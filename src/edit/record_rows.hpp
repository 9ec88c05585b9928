// The rows of a records file read as records, with where each field
// stands: in the form with an event and a date column (one record a row),
// or with one date column per event (a record for each date a row fills).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.hpp"
#include "import.hpp"
#include "record_columns.hpp"

namespace ontrack {

struct Place {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// A record with where its fields stand, and the optional name column's value.
struct PlacedRecord {
    Record record;
    Place key_at, event_at, date_at, name_at, set_at;  // event_at is the date's cell in the per-event form
    std::string name;      // from a "name" column beside a "code" or "unit" column; may be empty
    bool trimmed = false;  // some cell had spaces or no-break spaces around it
};

// The records file's document: the separator found from its header, the
// header matched as soon as it is read (a bad header stops the reading,
// after the notes naming the columns not read went to `notes`).
CsvDocument read_records_document(std::string_view text, const std::string& file, const std::string& sheet,
                                  RecordColumns& cols, std::vector<CsvNote>& notes);

// The well-formed records of `doc`, each row's in date order; every problem
// goes to `out`, notes to `notes`.
std::vector<PlacedRecord> read_placed(const CsvDocument& doc, const RecordColumns& cols, DateOrder forced,
                                      std::vector<Diagnostic>& out, std::vector<CsvNote>& notes);

}  // namespace ontrack
