#include "csv_header.hpp"

#include <algorithm>
#include <unordered_map>

#include "i18n.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

constexpr std::size_t max_key_bytes = 200;
constexpr std::size_t max_named_columns = 10;

// A header cell as a name: without blanks, then without the quotes of a quoted cell.
std::string_view cell_name(std::string_view cell) {
    cell = trim_blanks(cell);
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
        cell = trim_blanks(cell.substr(1, cell.size() - 2));
    return cell;
}

}  // namespace

std::string fold_key(std::string_view text) {
    if (text.size() > max_key_bytes || find_invalid_utf8(text)) return {};
    std::string key = fold_for_search(text);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    return key;
}

char detect_separator(std::string_view text, const std::vector<ColumnSpec>& specs) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // The first line that is not empty.
    std::size_t begin = text.find_first_not_of("\r\n");
    if (begin == std::string_view::npos) return ',';
    const std::size_t end = text.find_first_of("\r\n", begin);
    const std::string_view line = text.substr(begin, end == std::string_view::npos ? text.size() - begin : end - begin);
    std::vector<std::string> keys;
    for (const ColumnSpec& spec : specs)
        for (std::string_view name : spec.names) keys.push_back(fold_key(name));
    char best = ',';
    std::size_t best_count = 0;
    for (const char separator : {',', ';', '\t'}) {
        std::size_t count = 0;
        for (std::size_t at = 0; at <= line.size();) {
            std::size_t next = line.find(separator, at);
            if (next == std::string_view::npos) next = line.size();
            const std::string_view cell = cell_name(line.substr(at, next - at));
            if (!cell.empty() && cell.size() <= max_key_bytes &&
                std::find(keys.begin(), keys.end(), fold_key(cell)) != keys.end())
                ++count;
            at = next + 1;
        }
        if (count > best_count) {
            best = separator;
            best_count = count;
        }
    }
    return best;
}

std::string separators_tried() {
    return tr("',', ';' or tab");
}

bool match_header(const CsvDocument& doc, const std::vector<ColumnSpec>& specs,
                  const std::function<std::string(const std::string& names)>& hint, std::vector<HeaderColumn>& columns,
                  std::vector<Diagnostic>& out) {
    const CsvFields& fields = doc.header.fields;
    const std::string found = header_names(doc);
    // Where each accepted name's key stands in the header: one pass over it.
    std::unordered_map<std::string, std::vector<std::size_t>> at;
    for (const ColumnSpec& spec : specs)
        for (std::string_view name : spec.names) at.emplace(fold_key(name), std::vector<std::size_t>{});
    at.erase(std::string());
    std::size_t k = 0;
    for (const CsvField& f : fields) {
        const std::string_view name = trim_blanks(f.text);
        if (!name.empty())
            if (const auto it = at.find(fold_key(name)); it != at.end()) it->second.push_back(k);
        ++k;
    }
    columns.assign(specs.size(), HeaderColumn{});
    bool any = false;
    for (std::size_t s = 0; s < specs.size(); ++s)
        for (std::string_view name : specs[s].names)
            if (const auto it = at.find(fold_key(name)); it != at.end() && !it->second.empty()) any = true;
    if (!any && !specs.empty()) {
        out.push_back(doc.error(
            doc.header.line, 1,
            trf("the first row names none of the columns this file needs (separators tried: {})", separators_tried()),
            hint(found)));
        return false;
    }
    bool ok = true;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        const ColumnSpec& spec = specs[s];
        HeaderColumn column;
        const std::vector<std::size_t>* same = nullptr;
        for (std::string_view name : spec.names) {
            const auto it = at.find(fold_key(name));
            if (it == at.end() || it->second.empty()) continue;
            column = HeaderColumn{it->second.front(), name};
            same = &it->second;
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
        for (std::size_t j = 1; j < same->size() && !too_many_problems(doc, doc.header.line, out); ++j) {
            out.push_back(doc.error(
                fields[(*same)[j]], trf("a second '{}' column", column.name),
                trf("column {} is already '{}'; rename or remove one of them", *column.index + 1, column.name)));
            ok = false;
        }
        columns[s] = column;
    }
    return ok;
}

std::optional<CsvNote> unread_columns_note(const CsvDocument& doc, const std::vector<HeaderColumn>& columns) {
    std::vector<bool> read(doc.header.fields.size(), false);
    for (const HeaderColumn& c : columns)
        if (c.index) read[*c.index] = true;
    std::string names;
    std::size_t count = 0, k = 0;
    for (const CsvField& f : doc.header.fields) {
        if (!read[k]) {
            if (++count <= max_named_columns) {
                const std::string_view name = trim_blanks(f.text);
                names += (names.empty() ? "" : ", ") +
                         (name.empty() ? trf("column {}", doc.column_label(k)) : "'" + std::string(name) + "'");
            }
        }
        ++k;
    }
    if (count == 0) return std::nullopt;
    if (count > max_named_columns) names += trf(" and {} more", count - max_named_columns);
    return doc.note(doc.header.line,
                    trn("{} column is not read: {}", "{} columns are not read: {}", count, count, names));
}

bool is_blank_row(const CsvDocument& doc, const CsvRow& row) {
    if (row.field_count > doc.header.fields.size()) return false;
    for (std::size_t k = 0; k < row.fields.size(); ++k)
        if (!trim_blanks(row.fields.text(k)).empty()) return false;
    return true;
}

}  // namespace ontrack
