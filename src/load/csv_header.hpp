// The columns of a CSV header row, found by name: one matcher for every CSV
// input (rosters, record files).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.hpp"
#include "diagnostic.hpp"

namespace ontrack {

struct ColumnSpec {
    // The names the column may have, in order of preference: the first name
    // that some header column has (ignoring ASCII case and surrounding
    // blanks) is the one used.
    std::vector<std::string_view> names;
    bool required = true;
    // The error when a required column is missing; empty for
    // "the header has no 'NAME' column" with the first accepted name.
    std::string missing;
};

struct HeaderColumn {
    std::optional<std::size_t> index;  // the column's 0-based index, when found
    std::string_view name;             // the accepted name it was found by
};

// One entry per spec, in the specs' order. A spec whose column was already
// taken by an earlier spec is left unfound. Reports to `out` every required
// column that is missing (at the header's start, with hint(NAMES), NAMES the
// header's names joined by ", ") and every column named a second time; false
// when it reported anything.
bool match_header(const CsvDocument& doc, const std::vector<ColumnSpec>& specs,
                  const std::function<std::string(const std::string& names)>& hint, std::vector<HeaderColumn>& columns,
                  std::vector<Diagnostic>& out);

}  // namespace ontrack
