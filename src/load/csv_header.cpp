#include "csv_header.hpp"

#include <algorithm>

#include "i18n.hpp"

namespace ontrack {

bool match_header(const CsvDocument& doc, const std::vector<ColumnSpec>& specs,
                  const std::function<std::string(const std::string& names)>& hint, std::vector<HeaderColumn>& columns,
                  std::vector<Diagnostic>& out) {
    const auto& fields = doc.header.fields;
    std::string found;
    for (const CsvField& f : fields) found += (found.empty() ? "" : ", ") + std::string(trim_blanks(f.text));
    columns.assign(specs.size(), HeaderColumn{});
    bool ok = true;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        const ColumnSpec& spec = specs[s];
        HeaderColumn column;
        for (std::string_view name : spec.names)
            if (const auto k = doc.find_column(name)) {
                column = HeaderColumn{k, name};
                break;
            }
        const bool taken = column.index && std::any_of(columns.begin(), columns.begin() + s,
                                                       [&](const HeaderColumn& c) { return c.index == column.index; });
        if (taken) continue;
        if (!column.index) {
            if (spec.required) {
                out.push_back(doc.error(
                    doc.header.line, 1,
                    spec.missing.empty() ? trf("the header has no '{}' column", spec.names.front()) : spec.missing,
                    hint(found)));
                ok = false;
            }
            continue;
        }
        const std::size_t k = *column.index;
        for (std::size_t j = k + 1; j < fields.size(); ++j)
            if (iequals_ascii(trim_blanks(fields[j].text), column.name)) {
                out.push_back(
                    doc.error(fields[j], trf("a second '{}' column", column.name),
                              trf("column {} is already '{}'; rename or remove one of them", k + 1, column.name)));
                ok = false;
            }
        columns[s] = column;
    }
    return ok;
}

}  // namespace ontrack
