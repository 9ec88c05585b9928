#include "record_columns.hpp"

#include <algorithm>

#include "i18n.hpp"

namespace ontrack {

namespace {

// Every header a records file may use and the field it names.
constexpr HeaderSynonym<RecordField> record_headers[] = {
    {"code", RecordField::code},
    {"mã", RecordField::code},
    {"mã số", RecordField::code},
    {"mã đơn vị", RecordField::code},
    {"mã ĐVHC", RecordField::code},
    {"mã xã", RecordField::code},
    {"mã đơn vị hành chính", RecordField::code},
    {"unit", RecordField::unit},
    {"đơn vị", RecordField::unit},
    {"name", RecordField::name},
    {"tên", RecordField::name},
    {"tên đơn vị", RecordField::name},
    {"tên xã/phường", RecordField::name},
    {"tên xã, phường, đặc khu", RecordField::name},
    {"tên đơn vị hành chính", RecordField::name},
    {"event", RecordField::event},
    {"sự kiện", RecordField::event},
    {"date", RecordField::date},
    {"ngày", RecordField::date},
    {"decision", RecordField::decision},
    {"quyết định", RecordField::decision},
    {"số quyết định", RecordField::decision},
    {"số QĐ", RecordField::decision},
    {"số quyết định công nhận", RecordField::decision},
    {"note", RecordField::note},
    {"ghi chú", RecordField::note},
    {"certified", RecordField::certified},
    {"ngày công nhận", RecordField::certified},
    {"revoked", RecordField::revoked},
    {"ngày thu hồi", RecordField::revoked},
    {"planned", RecordField::planned},
    {"ngày dự kiến", RecordField::planned},
    {"set", RecordField::set},
    {"ngày lập kế hoạch", RecordField::set},
};

}  // namespace

std::vector<std::string_view> headers_of(RecordField field) {
    return headers_naming(record_headers, {field});
}

std::vector<std::size_t> RecordColumns::date_columns() const {
    std::vector<std::size_t> out;
    for (const auto& c : {date, certified, revoked, planned, set})
        if (c) out.push_back(*c);
    return out;
}

namespace {

// The order of the specs record_specs() returns.
enum Spec : std::size_t { key, event, date, name, decision, note, certified, revoked, planned, set, count };

const RecordField spec_fields[] = {RecordField::event,    RecordField::date,    RecordField::name,
                                   RecordField::decision, RecordField::note,    RecordField::certified,
                                   RecordField::revoked,  RecordField::planned, RecordField::set};

// A header cell that was not read but looks like a code or a name column.
std::string lookalike(const CsvDocument& doc, const std::vector<HeaderColumn>& columns) {
    for (std::size_t k = 0; k < doc.header.fields.size(); ++k) {
        if (std::any_of(columns.begin(), columns.end(), [&](const HeaderColumn& c) { return c.index == k; })) continue;
        const std::string text(trim_blanks(doc.header.fields.text(k)));
        const std::string key = fold_key(text);
        if (key.rfind("ma", 0) == 0 || key.rfind("ten", 0) == 0 || key.find("code") != std::string::npos ||
            key.find("name") != std::string::npos)
            return text;
    }
    return {};
}

std::string quoted_list(const CsvDocument& doc, std::initializer_list<std::optional<std::size_t>> columns) {
    std::string out;
    for (const auto& c : columns)
        if (c) out += (out.empty() ? "'" : ", '") + std::string(trim_blanks(doc.header.fields.text(*c))) + "'";
    return out;
}

}  // namespace

std::vector<ColumnSpec> record_specs() {
    std::vector<ColumnSpec> specs;
    specs.push_back(
        ColumnSpec{headers_naming(record_headers, {RecordField::code, RecordField::unit, RecordField::name}), true,
                   tr("the header has no column for the unit: its code (mã) or its name (tên)")});
    for (RecordField f : spec_fields) specs.push_back(ColumnSpec{headers_of(f), false, {}});
    return specs;
}

bool match_record_columns(const CsvDocument& doc, RecordColumns& cols, std::optional<CsvNote>& unread,
                          std::optional<CsvNote>& form, std::vector<Diagnostic>& out) {
    const std::vector<ColumnSpec> specs = record_specs();
    std::vector<HeaderColumn> columns;
    auto hint = [](const std::string& names) {
        return trf(
            "the first row names the unit's column (mã or tên) and either the columns sự kiện and ngày or one date "
            "column per event (ngày công nhận, ngày thu hồi, ngày dự kiến); it names: {}",
            names);
    };
    const std::size_t before = out.size();
    bool ok = match_header(doc, specs, hint, columns, out);
    unread = unread_columns_note(doc, columns);
    cols.lookalike = lookalike(doc, columns);
    // A missing unit column: name the column that looks like one.
    if (!columns[key].index) {
        const std::string& like = cols.lookalike;
        for (std::size_t k = before; k < out.size(); ++k)
            if (!like.empty() && out[k].message == specs[key].missing)
                out[k].hint =
                    trf("'{}' is not read: the code is headed {}, the name {}", like, "mã, mã đơn vị, mã ĐVHC, mã xã",
                        "tên, tên đơn vị, tên xã/phường, tên đơn vị hành chính");
    }
    if (columns[key].index) {
        cols.key = *columns[key].index;
        cols.key_field = field_named(record_headers, columns[key].name);
    }
    cols.event = columns[event].index;
    cols.date = columns[date].index;
    cols.name = columns[name].index;
    cols.decision = columns[decision].index;
    cols.note = columns[note].index;
    cols.certified = columns[certified].index;
    cols.revoked = columns[revoked].index;
    cols.planned = columns[planned].index;
    cols.set = columns[set].index;
    if (!ok) return false;
    const bool pair = cols.event || cols.date;
    if (pair && cols.per_event()) {
        out.push_back(
            doc.error(doc.header.line, 1,
                      trf("the header has both an event and a date column ({}) and a date column per event ({})",
                          quoted_list(doc, {cols.event, cols.date}),
                          quoted_list(doc, {cols.certified, cols.revoked, cols.planned})),
                      tr("keep one form: either the columns sự kiện and ngày, or one date column per event")));
        return false;
    }
    if (!pair && !cols.per_event()) {
        out.push_back(doc.error(doc.header.line, 1,
                                tr("the header has no date column: neither sự kiện and ngày, nor a date column per "
                                   "event (ngày công nhận, ngày thu hồi, ngày dự kiến)"),
                                hint(header_names(doc))));
        return false;
    }
    if (pair && (!cols.event || !cols.date)) {
        out.push_back(doc.error(doc.header.line, 1,
                                !cols.event ? tr("the header has a date column but no event column (sự kiện)")
                                            : tr("the header has an event column but no date column (ngày)"),
                                hint(header_names(doc))));
        return false;
    }
    if (cols.per_event())
        form = doc.note(doc.header.line, trf("one date column per event was read: {}",
                                             quoted_list(doc, {cols.certified, cols.revoked, cols.planned})));
    return true;
}

}  // namespace ontrack
