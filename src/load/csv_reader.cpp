#include "csv_reader.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::size_t max_excerpts = 20;

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

std::string field_count_message(const CsvDocument& doc, std::size_t have) {
    const std::size_t want = doc.header.fields.size();
    std::string names;
    for (const CsvField& f : doc.header.fields) names += (names.empty() ? "" : ", ") + std::string(trim_blanks(f.text));
    return trn("the row has {} field but the header has {} ({})", "the row has {} fields but the header has {} ({})",
               have, have, want, names);
}

class Parser {
   public:
    Parser(CsvDocument& doc, const CsvOptions& options)
        : doc_(doc), s_(doc.text), separator_(options.separator), on_header_(options.on_header) {
        doc_.line_starts.push_back(0);
    }

    // The rows after the header; the header goes to doc.header (and to the
    // hook) as soon as it is read. Of a row with more fields than the header
    // one extra field is kept (where the error is reported); the others are
    // counted, never stored.
    std::vector<CsvRow> run() {
        std::vector<CsvRow> rows;
        bool have_header = false;
        while (i_ < s_.size()) {
            if (at_line_end()) {  // an empty line
                newline();
                continue;
            }
            CsvRow row;
            row.line = line_;
            std::size_t count = 0;
            for (;;) {
                CsvField f = field();
                ++count;
                // Up to one field past the header's (where check_field_count()
                // reports the row); the rest are counted only.
                if (!have_header || count <= doc_.header.fields.size() + 1) row.fields.push_back(std::move(f));
                if (stopped_) return rows;
                if (i_ < s_.size() && s_[i_] == separator_) {
                    advance();
                    continue;
                }
                break;
            }
            row.end_line = line_;
            row.end_column = column_;
            if (!have_header) {
                doc_.header = std::move(row);
                have_header = true;
                if (on_header_) on_header_(doc_);
            } else {
                row.field_count = count;
                rows.push_back(std::move(row));
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
        return rows;
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
        doc_.line_starts.push_back(i_);
    }

    void error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint) {
        diagnostics_.push_back(doc_.error(line, column, std::move(message), std::move(hint)));
    }

    CsvField field() {
        CsvField f;
        f.line = line_;
        f.column = column_;
        if (i_ < s_.size() && s_[i_] == '"') {
            f.quoted = true;
            quoted(f);
        } else {
            unquoted(f);
        }
        return f;
    }

    void unquoted(CsvField& f) {
        bool reported = false;
        while (i_ < s_.size() && s_[i_] != separator_ && !at_line_end()) {
            if (s_[i_] == '"' && !reported) {
                error(line_, column_, tr("a quote inside a field that does not start with one"),
                      tr("enclose the whole field in quotes and double the quotes inside it: \"say \"\"hi\"\"\""));
                reported = true;
            }
            const std::size_t start = i_;
            advance();
            f.text.append(s_.substr(start, i_ - start));
        }
    }

    void quoted(CsvField& f) {
        advance();  // the opening quote
        for (;;) {
            if (i_ >= s_.size()) {
                error(f.line, f.column, tr("a quoted field is not closed"),
                      tr("add the closing quote; a quote inside a quoted field is written twice (\"\")"));
                stopped_ = true;
                return;
            }
            if (s_[i_] == '"') {
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
                    f.text += '"';
                    advance();
                    advance();
                    continue;
                }
                advance();  // the closing quote
                break;
            }
            if (at_line_end()) {
                const std::size_t start = i_;
                newline();
                f.text.append(s_.substr(start, i_ - start));
                continue;
            }
            const std::size_t start = i_;
            advance();
            f.text.append(s_.substr(start, i_ - start));
        }
        if (i_ < s_.size() && s_[i_] != separator_ && !at_line_end()) {
            error(line_, column_, tr("text after the closing quote of a field"),
                  tr("a quoted field ends at its closing quote; put the text inside the quotes, and write a quote "
                     "inside them twice (\"\")"));
            while (i_ < s_.size() && s_[i_] != separator_ && !at_line_end()) advance();
        }
    }
};

}  // namespace

std::string_view CsvDocument::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts.size()) return {};
    const std::size_t begin = line_starts[line - 1];
    std::size_t end = begin;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    return std::string_view(text).substr(begin, end - begin);
}

Diagnostic CsvDocument::error(std::uint32_t line, std::uint32_t column, std::string message, std::string hint) const {
    return Diagnostic{file, line, column, std::move(message), std::move(hint), std::string(line_text(line))};
}

std::optional<std::size_t> CsvDocument::find_column(std::string_view name) const {
    for (std::size_t k = 0; k < header.fields.size(); ++k)
        if (iequals_ascii(trim_blanks(header.fields[k].text), name)) return k;
    return std::nullopt;
}

CsvDocument read_csv(std::string_view text, const std::string& file, const CsvOptions& options) {
    const std::size_t bom = text.substr(0, 3) == utf8_bom ? 3 : 0;
    if (const auto bad = find_invalid_utf8(text)) not_utf8(text, file, *bad, bom);
    CsvDocument doc;
    doc.file = file;
    doc.text = std::string(text.substr(bom));
    Parser parser(doc, options);
    std::vector<CsvRow> rows = parser.run();
    throw_if_any(std::move(parser.diagnostics()));
    doc.rows = std::move(rows);
    return doc;
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

void throw_if_any(std::vector<Diagnostic> diagnostics) {
    if (diagnostics.empty()) return;
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (std::size_t k = max_excerpts; k < diagnostics.size(); ++k) diagnostics[k].excerpt.clear();
    throw InputError(std::move(diagnostics));
}

}  // namespace ontrack
