#include "csv_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <new>
#include <tuple>

#include <fmt/format.h>

#include "i18n.hpp"
#include "utf8.hpp"
#include "workbook.hpp"

namespace ontrack {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Line and column (in code points) of byte `offset`, counting CRLF, LF and CR as line ends.
std::pair<std::uint32_t, std::uint32_t> position_of(std::string_view text, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if (c != '\r' && !is_continuation(c)) {
            ++column;
        }
    }
    return {line, column};
}

[[noreturn]] void not_utf8(std::string_view text, const std::string& file, std::size_t bad, std::size_t bom) {
    const auto byte = static_cast<unsigned char>(text[bad]);
    if (bad == 0 && text.size() >= 2 &&
        ((byte == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
         (byte == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF)))
        throw InputError(Diagnostic{file,
                                    1,
                                    1,
                                    tr("the file is UTF-16, not UTF-8"),
                                    tr("save it as \"CSV UTF-8 (comma delimited)\" (Excel) or as UTF-8 text"),
                                    {}});
    const auto [line, column] = position_of(text.substr(bom), bad - bom);
    throw InputError(Diagnostic{file,
                                line,
                                column,
                                trf("the file is not valid UTF-8 (byte 0x{:02x})", byte),
                                tr("save it as \"CSV UTF-8 (comma delimited)\" (Excel) or as UTF-8 text; Vietnamese "
                                   "text in a legacy encoding (TCVN3, VNI, Windows-1258) must be converted first"),
                                {}});
}

bool ends_with_ascii_ci(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && iequals_ascii(text.substr(text.size() - suffix.size()), suffix);
}

// An .xls workbook (an OLE2 file) given where CSV is expected, or a file
// named as a workbook that is neither a zip archive nor UTF-8 text.
void refuse_workbook(std::string_view text, const std::string& file) {
    const bool ole = is_ole2(text);
    const bool xls = ends_with_ascii_ci(file, ".xls");
    const bool named = xls || ends_with_ascii_ci(file, ".xlsx") || ends_with_ascii_ci(file, ".ods");
    if (!ole && !(named && find_invalid_utf8(text))) return;
    if (ole || xls)
        throw InputError(Diagnostic{file,
                                    1,
                                    1,
                                    tr("the file is an Excel 97-2003 workbook (.xls), which is not read"),
                                    tr("open it in Excel or LibreOffice and save it as an .xlsx workbook (Excel: "
                                       "File > Save As > Excel Workbook), then give the .xlsx file"),
                                    {}});
    throw InputError(Diagnostic{file,
                                1,
                                1,
                                tr("the file is named as a workbook but is not one (not a zip archive)"),
                                tr("open it in Excel or LibreOffice: if it opens, save it again as .xlsx"),
                                {}});
}

std::string field_count_message(const CsvDocument& doc, std::size_t have) {
    const std::size_t want = doc.header.fields.size();
    return trn("the row has {} field but the header has {} ({})", "the row has {} fields but the header has {} ({})",
               have, have, want, header_names(doc));
}

}  // namespace

class CsvParser {
   public:
    CsvParser(CsvDocument& doc, const CsvOptions& options)
        : doc_(doc), s_(doc.text), separator_(options.separator), on_header_(options.on_header) {}

    // Reserves what the text can need at most, so that no vector grows by
    // doubling (which would hold the old and the new array at once): a
    // field ends at a separator, a line end or the end; a row holds at least
    // one character that is not a line end.
    void reserve() {
        std::size_t separators = 0, line_ends = 0, rows = 0;
        bool content = false;
        for (std::size_t i = 0; i < s_.size(); ++i) {
            const char c = s_[i];
            if (c == '\n' || c == '\r') {
                if (c == '\n' || i + 1 >= s_.size() || s_[i + 1] != '\n') ++line_ends;
                if (content) ++rows;
                content = false;
            } else {
                content = true;
                if (c == separator_) ++separators;
            }
        }
        if (content) ++rows;
        doc_.line_starts.reserve(line_ends + 1);
        doc_.row_spans_.reserve(rows);
        doc_.spans_.reserve(separators + rows);
    }

    // Reads the rows; the header goes to the hook as soon as it is read. Of
    // a row with more fields than the header one extra field is kept (where
    // the error is reported); the others are counted, never stored.
    void run() {
        doc_.line_starts.push_back(0);
        bool have_header = false;
        std::size_t header_size = 0;
        while (i_ < s_.size()) {
            if (at_line_end()) {  // an empty line
                newline();
                continue;
            }
            CsvDocument::RowSpan row{static_cast<std::uint32_t>(doc_.spans_.size()), 0};
            std::uint32_t count = 0;
            for (;;) {
                const CsvDocument::FieldRange f = field();
                ++count;
                // Up to one field past the header's (where check_field_count()
                // reports the row); the rest are counted only.
                if (!have_header || count <= header_size + 1) doc_.spans_.push_back(f);
                if (stopped_) return;
                if (i_ < s_.size() && s_[i_] == separator_) {
                    advance();
                    continue;
                }
                break;
            }
            row.count = count;
            doc_.row_spans_.push_back(row);
            if (!have_header) {
                have_header = true;
                header_size = count;
                doc_.header = doc_.row(0);
                if (on_header_) on_header_(doc_);
            }
            if (i_ < s_.size()) newline();
        }
        if (!have_header)
            throw InputError(Diagnostic{doc_.file,
                                        1,
                                        1,
                                        tr("the file has no header row"),
                                        tr("a CSV file starts with a row naming its columns, e.g. code,name,type"),
                                        {}});
    }

    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

   private:
    CsvDocument& doc_;
    std::string_view s_;
    char separator_;
    const std::function<void(const CsvDocument&)>& on_header_;
    std::size_t i_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
    bool stopped_ = false;
    std::vector<Diagnostic> diagnostics_;

    bool at_line_end() const { return i_ < s_.size() && (s_[i_] == '\n' || s_[i_] == '\r'); }

    // Moves past one character that is not a line end.
    void advance() {
        ++i_;
        while (i_ < s_.size() && is_continuation(s_[i_])) ++i_;
        ++column_;
    }

    // Moves past one line end (CRLF, LF or CR).
    void newline() {
        if (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
        ++i_;
        ++line_;
        column_ = 1;
        doc_.line_starts.push_back(static_cast<std::uint32_t>(i_));
    }

    void error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint) {
        if (too_many_problems(doc_, line, diagnostics_)) {
            stopped_ = true;
            return;
        }
        diagnostics_.push_back(doc_.error(line, column, std::move(message), std::move(hint)));
    }

    CsvDocument::FieldRange field() {
        const auto begin = static_cast<std::uint32_t>(i_);
        if (i_ < s_.size() && s_[i_] == '"')
            quoted();
        else
            unquoted();
        return CsvDocument::FieldRange{begin, static_cast<std::uint32_t>(i_)};
    }

    void unquoted() {
        bool reported = false;
        while (i_ < s_.size() && s_[i_] != separator_ && !at_line_end()) {
            if (s_[i_] == '"' && !reported) {
                error(line_, column_, tr("a quote inside a field that does not start with one"),
                      tr("enclose the whole field in quotes and double the quotes inside it: \"say \"\"hi\"\"\""));
                reported = true;
            }
            advance();
        }
    }

    void quoted() {
        const std::uint32_t line = line_, column = column_;
        advance();  // the opening quote
        for (;;) {
            if (i_ >= s_.size()) {
                error(line, column, tr("a quoted field is not closed"),
                      tr("add the closing quote; a quote inside a quoted field is written twice (\"\")"));
                stopped_ = true;
                return;
            }
            if (s_[i_] == '"') {
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
                    advance();
                    advance();
                    continue;
                }
                advance();  // the closing quote
                break;
            }
            if (at_line_end())
                newline();
            else
                advance();
        }
        if (i_ < s_.size() && s_[i_] != separator_ && !at_line_end()) {
            error(line_, column_, tr("text after the closing quote of a field"),
                  tr("a quoted field ends at its closing quote; put the text inside the quotes, and write a quote "
                     "inside them twice (\"\")"));
            while (i_ < s_.size() && s_[i_] != separator_ && !at_line_end()) advance();
        }
    }
};

// ---------------------------------------------------------------- views

CsvField CsvFields::operator[](std::size_t k) const {
    std::size_t at = static_cast<std::size_t>(-1);
    std::uint32_t line = 0, column = 0;
    return doc_->field(first_ + static_cast<std::uint32_t>(k), at, line, column);
}

std::string CsvFields::text(std::size_t k) const {
    return doc_->field_text(first_ + static_cast<std::uint32_t>(k));
}

CsvFields::iterator CsvFields::begin() const {
    return iterator(doc_, first_);
}

CsvFields::iterator CsvFields::end() const {
    return iterator(doc_, first_ + size_);
}

CsvField CsvFields::iterator::operator*() const {
    return doc_->field(index_, at_, line_, column_);
}

std::size_t CsvRows::size() const {
    return doc_->row_spans_.empty() ? 0 : doc_->row_spans_.size() - 1;
}

CsvRow CsvRows::operator[](std::size_t k) const {
    return doc_->row(k + 1);
}

CsvRow CsvRows::iterator::operator*() const {
    return doc_->row(index_ + 1);
}

std::pair<std::uint32_t, std::uint32_t> CsvDocument::position(std::size_t offset) const {
    const auto next = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    const auto line = static_cast<std::uint32_t>(next - line_starts.begin());
    if (!sheet_rows_.empty()) {
        // The sheet's row, and the column of the field the offset is in.
        const auto field = std::upper_bound(spans_.begin(), spans_.end(), offset,
                                            [](std::size_t at, const FieldRange& f) { return at < f.begin; });
        const auto index = static_cast<std::uint32_t>(field == spans_.begin() ? 0 : field - spans_.begin() - 1);
        const auto row = std::upper_bound(row_spans_.begin(), row_spans_.end(), index,
                                          [](std::uint32_t i, const RowSpan& r) { return i < r.first; });
        const std::uint32_t first = row == row_spans_.begin() ? 0 : (row - 1)->first;
        const std::uint32_t sheet_row =
            sheet_rows_[std::min<std::size_t>(line == 0 ? 0 : line - 1, sheet_rows_.size() - 1)];
        return {sheet_row, first_column_ + index - first};
    }
    std::uint32_t column = 1;
    for (std::size_t i = line == 0 ? 0 : line_starts[line - 1]; i < offset && i < text.size(); ++i)
        if (!is_continuation(text[i])) ++column;
    return {line == 0 ? 1 : line, column};
}

std::string CsvDocument::field_text(std::uint32_t index) const {
    const FieldRange span = spans_[index];
    const std::string_view raw = std::string_view(text).substr(span.begin, span.end - span.begin);
    if (raw.empty() || raw.front() != '"') return std::string(raw);
    // Quoted (and closed, or the document would not exist): the text between
    // the quotes, with doubled quotes undone.
    const std::string_view inner = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
    std::string out;
    out.reserve(inner.size());
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out += inner[i];
        if (inner[i] == '"') ++i;  // the second of a pair
    }
    return out;
}

CsvField CsvDocument::field(std::uint32_t index, std::size_t& at, std::uint32_t& line, std::uint32_t& column) const {
    const std::size_t begin = spans_[index].begin;
    // From the last position, when it is on the same line before this one;
    // else from the start of the line.
    const bool same_line = sheet_rows_.empty() && at != static_cast<std::size_t>(-1) && at <= begin &&
                           (line >= line_starts.size() || begin < line_starts[line]);
    if (same_line) {
        for (std::size_t i = at; i < begin; ++i)
            if (!is_continuation(text[i])) ++column;
    } else {
        std::tie(line, column) = position(begin);
    }
    at = begin;
    CsvField f;
    f.text = field_text(index);
    f.line = line;
    f.column = column;
    f.quoted = begin < text.size() && text[begin] == '"' && spans_[index].end > begin;
    return f;
}

std::uint32_t CsvDocument::stored_fields(std::size_t index) const {
    const std::size_t next = index + 1 < row_spans_.size() ? row_spans_[index + 1].first : spans_.size();
    return static_cast<std::uint32_t>(next - row_spans_[index].first);
}

CsvRow CsvDocument::row(std::size_t index) const {
    const RowSpan span = row_spans_[index];
    CsvRow row;
    row.fields = CsvFields(this, span.first, stored_fields(index));
    row.line = position(spans_[span.first].begin).first;
    std::tie(row.end_line, row.end_column) = position(spans_[span.first + row.fields.size() - 1].end);
    row.field_count = span.count;
    return row;
}

std::string_view CsvDocument::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts.size()) return {};
    const std::size_t begin = line_starts[line - 1];
    std::size_t end = begin;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    return std::string_view(text).substr(begin, end - begin);
}

Diagnostic CsvDocument::error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint) const {
    if (!sheet_rows_.empty()) return sheet_error(line, column, std::move(message), std::move(hint));
    return Diagnostic{file, line, column, std::move(message), std::move(hint), std::string(line_text(line))};
}

std::optional<std::size_t> CsvDocument::find_column(std::string_view name) const {
    for (std::size_t k = 0; k < header.fields.size(); ++k)
        if (iequals_ascii(trim_blanks(header.fields.text(k)), name)) return k;
    return std::nullopt;
}

CsvNote CsvDocument::note(std::uint32_t line, std::string message) const {
    return CsvNote{line, std::move(message),
                   sheet.empty() ? std::string() : cell_reference(sheet, line, first_column_)};
}

CsvDocument::CsvDocument(std::string_view bytes, const std::string& name, const CsvOptions& options) : file(name) {
    if (is_zip(bytes)) {
        read_sheet(bytes, options.sheet, options.separator);
        CsvParser parser(*this, options);
        parser.reserve();
        parser.run();
        throw_if_any(std::move(parser.diagnostics()));
        return;
    }
    const std::size_t bom = bytes.substr(0, 3) == utf8_bom ? 3 : 0;
    refuse_workbook(bytes, file);
    if (const auto bad = find_invalid_utf8(bytes)) not_utf8(bytes, file, *bad, bom);
    // Offsets are 32-bit: the input limit (96 MiB) is far below 4 GiB.
    if (bytes.size() - bom >= UINT32_MAX) throw std::bad_alloc();
    this->text = std::string(bytes.substr(bom));
    CsvParser parser(*this, options);
    parser.reserve();
    parser.run();
    throw_if_any(std::move(parser.diagnostics()));
}

CsvDocument read_csv(std::string_view text, const std::string& file, const CsvOptions& options) {
    return CsvDocument(text, file, options);
}

CsvDocument read_csv(std::string_view text, const std::string& file) {
    return read_csv(text, file, CsvOptions{});
}

std::string_view trim_blanks(std::string_view text) {
    // Spaces, tabs and no-break spaces (U+00A0, which spreadsheets add).
    for (;;) {
        if (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
            text.remove_prefix(1);
        else if (text.substr(0, 2) == "\xC2\xA0")
            text.remove_prefix(2);
        else
            break;
    }
    for (;;) {
        if (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
        else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0")
            text.remove_suffix(2);
        else
            break;
    }
    return text;
}

std::string header_names(const CsvDocument& doc) {
    constexpr std::size_t max_names = 20;
    std::string names;
    const std::size_t n = std::min(doc.header.fields.size(), max_names);
    for (std::size_t k = 0; k < n; ++k)
        names += (names.empty() ? "" : ", ") + std::string(trim_blanks(doc.header.fields.text(k)));
    if (doc.header.fields.size() > max_names) names += ", …";
    return names;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        char x = a[k], y = b[k];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool check_field_count(const CsvDocument& doc, const CsvRow& row, std::vector<Diagnostic>& out) {
    const std::size_t want = doc.header.fields.size(), have = std::max(row.fields.size(), row.field_count);
    if (have == want) return true;
    const std::string message = field_count_message(doc, have);
    if (have < want)
        out.push_back(doc.error(row.end_line, row.end_column, message,
                                tr("give every column a value, separated by commas, even if it is empty")));
    else
        out.push_back(doc.error(row.fields[want], message,
                                tr("a value that contains a comma must be in quotes: \"Hai Phong, Viet Nam\"")));
    return false;
}

bool too_many_problems(const CsvDocument& doc, std::uint32_t line, std::vector<Diagnostic>& out) {
    if (out.size() < max_problems) return false;
    if (out.size() == max_problems)
        out.push_back(doc.error(line, 1, trf("stopped at line {} after {} problems", line, max_problems),
                                tr("correct these and run again to see the rest")));
    return true;
}

void throw_if_any(std::vector<Diagnostic> diagnostics) {
    if (!diagnostics.empty()) throw_in_file_order(std::move(diagnostics));
}

}  // namespace ontrack
