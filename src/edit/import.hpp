// Certification records from a spreadsheet (CSV) checked against a plan:
// which would be added, which the plan already has, and every bad row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_header.hpp"
#include "csv_reader.hpp"
#include "date.hpp"
#include "model.hpp"

namespace ontrack {

// The order of the dates of a records file written with slashes: decided
// by the file (a first part above 12 is a day, a second part above 12 is a
// day; both in one file is an error; else day first, with a note), or forced.
enum class DateOrder { automatic, dmy, mdy };

// One row of a records file. The separator (',', ';' or tab) is the one
// that splits the header into the most known names; the header names the
// columns, in any order, in English or Vietnamese, compared by fold_key()
// (case, diacritics and spaces ignored); other columns are noted, not read:
//   the unit: "code" (mã, mã số, mã đơn vị), else "unit" (đơn vị), else
//   "name" (tên, tên đơn vị): the first present; a row may fill only the
//   name when the file has both;
//   "event" (sự kiện): certified, revoked or planned, or công nhận, thu hồi,
//   dự kiến (compared by fold_key());
//   "date" (ngày): YYYY-MM-DD, or dd/mm/yyyy or d/m/yyyy (see DateOrder);
//   "decision" (quyết định, số quyết định; of a certified or revoked record)
//   and "note" (ghi chú): optional.
// Rows that are entirely empty are skipped.
struct Record {
    std::string key;    // a locality's id or name, without surrounding spaces
    std::string event;  // "certified", "revoked" or "planned", in lower case
    Date date;
    std::uint32_t line = 0;
    std::string decision;
    std::string note;
    std::optional<Date> set;  // a planned record: the day the plan was made, when given
};

// The records of a file, without a plan. Throws InputError listing every bad
// row: a field count unlike the header's, an empty unit, an unknown event, a
// bad date; also a header without the three columns or with one of them twice.
// Of a workbook, `sheet` names the sheet read (the first when empty).
std::vector<Record> read_records(std::string_view csv_text, const std::string& csv_file,
                                 DateOrder order = DateOrder::automatic, const std::string& sheet = {});

struct ImportAddition {
    std::string locality_name;
    std::string locality_id;          // may be empty
    std::uint32_t locality_line = 0;  // the line of its [[locality]] header in the plan
    std::string event;                // "certified", "revoked" or "planned"
    Date date;
    std::uint32_t line = 0;                // the record's line in the CSV file
    std::optional<Date> replaces_planned;  // a planned record: the plan's current planned date, if any
    std::string decision;                  // may be empty
    std::string note;                      // may be empty
    std::string place;                     // the row in a workbook ("Sheet1!A7"); empty in a CSV file
    std::optional<Date> set;               // a planned record: the day the plan was made, when given
};

struct ImportPlan {
    std::vector<ImportAddition> additions;         // in file order
    std::vector<ImportAddition> already_recorded;  // records the plan already holds exactly, in file order
    // Rows with a cell that had spaces or no-break spaces around it
    // (trimmed), and the line of the first: noted once, since spreadsheets
    // add them.
    std::size_t trimmed_rows = 0;
    std::uint32_t first_trimmed_line = 0;
    // The columns not read, and the order the dates were read in when the
    // file did not say it, or said month first.
    std::vector<CsvNote> notes;
};

// Matches each record to a locality of `plan` by id, else by name (when the
// unit column is "code" or "unit" and the file also has a "name" column, a
// non-empty name must be that locality's name). Throws InputError listing
// every bad row: the problems of read_records(), an unknown unit (with "did
// you mean"), a record given twice, a second planned date for one locality,
// and a certified or revoked record that would make its locality's history
// invalid: all of the file's events for a locality are merged with the plan's
// in date order, and the history must start with a certification, alternate,
// and have no two events on one day (one such problem is reported per
// locality). With `not_after` (today, unless --allow-future), a certified or
// revoked date after it is refused too. Returns only when every row is good.
ImportPlan plan_import(const Plan& plan, std::string_view csv_text, const std::string& csv_file,
                       std::optional<Date> not_after = std::nullopt, DateOrder order = DateOrder::automatic,
                       const std::string& sheet = {});

struct ImportOptions {
    std::optional<Date> not_after;  // as above
    DateOrder order = DateOrder::automatic;
    std::string sheet;  // of a workbook; the first when empty
    // Today: a day a plan was made ("set") may not be after it, and the day a
    // planned record without one is made; unchecked when none.
    std::optional<Date> today;
    // Where the notes go as soon as they are known (the columns not read
    // first), so that they can be shown before an error; else ImportPlan::notes.
    std::vector<CsvNote>* notes = nullptr;
};

// plan_import() with options; also checks each planned record's day the plan
// was made (today, when the record gives none): on or before today and the
// planned date, and not before the day of the unit's last plan.
ImportPlan plan_import(const Plan& plan, std::string_view csv_text, const std::string& csv_file,
                       const ImportOptions& options);

}  // namespace ontrack
