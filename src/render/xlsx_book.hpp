// The workbook as libxlsxwriter writes it: the library opened at run time,
// a sheet whose rows are written in order (constant memory) with its column
// widths measured as it goes, the workbook's formats and sheet names, and
// the temporary file it is written to.
#pragma once

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.hpp"
#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {

// run of ontrack about 5 million instructions at start-up (twice a Hai Phong
// report), for a format most runs never use.
#define ONTRACK_LXW_FUNCTIONS(X)    \
    X(chart_add_series)             \
    X(chart_axis_set_major_unit)    \
    X(chart_axis_set_max)           \
    X(chart_axis_set_min)           \
    X(chart_axis_set_name)          \
    X(chart_axis_set_num_format)    \
    X(chart_legend_set_position)    \
    X(chart_series_set_categories)  \
    X(chart_series_set_line)        \
    X(chart_series_set_marker_fill) \
    X(chart_series_set_marker_line) \
    X(chart_series_set_marker_size) \
    X(chart_series_set_marker_type) \
    X(chart_series_set_name)        \
    X(chart_series_set_values)      \
    X(chart_title_set_name)         \
    X(format_set_align)             \
    X(format_set_bg_color)          \
    X(format_set_bold)              \
    X(format_set_font_color)        \
    X(format_set_font_size)         \
    X(format_set_num_format)        \
    X(format_set_text_wrap)         \
    X(lxw_strerror)                 \
    X(workbook_add_chart)           \
    X(workbook_add_format)          \
    X(workbook_add_worksheet)       \
    X(workbook_close)               \
    X(workbook_new_opt)             \
    X(worksheet_autofilter)         \
    X(worksheet_fit_to_pages)       \
    X(worksheet_freeze_panes)       \
    X(worksheet_hide)               \
    X(worksheet_insert_chart_opt)   \
    X(worksheet_merge_range)        \
    X(worksheet_repeat_rows)        \
    X(worksheet_set_column)         \
    X(worksheet_set_landscape)      \
    X(worksheet_set_row)            \
    X(worksheet_set_paper)          \
    X(worksheet_write_datetime)     \
    X(worksheet_write_number)       \
    X(worksheet_write_string)

struct Lxw {
#define ONTRACK_LXW_POINTER(name) decltype(&::name) name = nullptr;
    ONTRACK_LXW_FUNCTIONS(ONTRACK_LXW_POINTER)
#undef ONTRACK_LXW_POINTER
};

const Lxw& lxw();

constexpr std::size_t max_cell_chars = 32767;
constexpr lxw_row_t max_rows = 1048576;  // per sheet, the header included

// Text as a cell may hold it: inert, and at most 32,767 UTF-16 units.
std::string cell_text(std::string_view text);

// One sheet: its rows written in order (constant memory), the width of each
// column measured as it goes.
class Sheet {
   public:
    Sheet(lxw_worksheet* sheet, const std::map<std::string, lxw_format*>& formats)
        : sheet_(sheet), formats_(&formats) {}

    lxw_worksheet* get() const { return sheet_; }
    lxw_row_t row() const { return row_; }
    void next_row() { ++row_; }
    void skip_rows(lxw_row_t n) { row_ += n; }

    void text(lxw_col_t col, std::string_view value, const char* format = nullptr) {
        const std::string shown = cell_text(value);
        lxw().worksheet_write_string(sheet_, row_, col, shown.c_str(), fmt(format));
        measure(col, display_width(shown));
    }
    // A sentence that may run across the empty cells to its right: it does
    // not widen its column.
    void prose(lxw_col_t col, std::string_view value, const char* format = nullptr) {
        const std::string shown = cell_text(value);
        lxw().worksheet_write_string(sheet_, row_, col, shown.c_str(), fmt(format));
    }
    // A number, its column as wide as `shown` (the text other formats show).
    void number(lxw_col_t col, double value, const char* format = nullptr, std::string_view shown = "0000000000") {
        lxw().worksheet_write_number(sheet_, row_, col, value, fmt(format));
        measure(col, display_width(shown));
    }
    void date(lxw_col_t col, Date d, const char* format = "date") {
        if (d.year() < 1900) {  // before Excel's calendar: as text
            text(col, to_iso(d));
            return;
        }
        lxw_datetime when{d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0.0};
        lxw().worksheet_write_datetime(sheet_, row_, col, &when, fmt(format));
        measure(col, 10);
    }
    // A sentence wrapped across the columns [0, last] of its own row, the
    // row as high as its lines: it never runs past the table to widen the
    // printed page.
    void note(lxw_col_t last, std::string_view value, double chars_per_line, const char* format = "wrap") {
        const std::string shown = cell_text(value);
        const double lines = std::max(1.0, std::ceil(static_cast<double>(display_width(shown)) / chars_per_line));
        lxw().worksheet_set_row(sheet_, row_, 15.0 * lines, nullptr);
        if (last == 0)
            lxw().worksheet_write_string(sheet_, row_, 0, shown.c_str(), fmt(format));
        else
            lxw().worksheet_merge_range(sheet_, row_, 0, row_, last, shown.c_str(), fmt(format));
        next_row();
    }
    // The width of column `col` so far, in characters.
    double width(lxw_col_t col) const {
        const auto it = widths_.find(col);
        return it == widths_.end() ? 0.0 : it->second;
    }
    void maybe_date(lxw_col_t col, const std::optional<Date>& d) {
        if (d) date(col, *d);
    }
    // Header cells wrap at spaces: a column is as wide as the header's longest word.
    void header(const std::vector<std::string>& names) {
        // Rows are written in order, before the widths are known: a header of
        // several words gets room for two lines.
        const bool two_lines = std::any_of(names.begin(), names.end(), [](const std::string& n) {
            return n.find(' ') != std::string::npos && display_width(n) > 10;
        });
        if (two_lines) lxw().worksheet_set_row(sheet_, row_, 30.0, nullptr);
        for (lxw_col_t c = 0; c < names.size(); ++c) {
            const std::string shown = cell_text(names[c]);
            lxw().worksheet_write_string(sheet_, row_, c, shown.c_str(), fmt("header"));
            std::size_t from = 0;
            while (from <= shown.size()) {
                std::size_t to = shown.find(' ', from);
                if (to == std::string::npos) to = shown.size();
                measure(c, display_width(std::string_view(shown).substr(from, to - from)));
                from = to + 1;
            }
        }
        next_row();
    }
    // Column widths from what was written, and the usual print setup: A4
    // landscape, one page wide, the header row repeated.
    void finish(std::optional<lxw_row_t> header_row = std::nullopt) {
        for (const auto& [col, width] : widths_)
            lxw().worksheet_set_column(sheet_, col, col, std::min<double>(60, std::max<double>(8, width + 2.0)),
                                       nullptr);
        lxw().worksheet_set_landscape(sheet_);
        lxw().worksheet_set_paper(sheet_, 9);  // A4
        lxw().worksheet_fit_to_pages(sheet_, 1, 0);
        if (header_row) lxw().worksheet_repeat_rows(sheet_, *header_row, *header_row);
    }
    // The widths measured so far, summed (what one printed page must hold).
    double total_width() const {
        double sum = 0;
        for (const auto& [col, w] : widths_) sum += std::min<double>(60, std::max<double>(8, w + 2.0));
        return sum;
    }

   private:
    lxw_format* fmt(const char* name) const {
        if (!name) return nullptr;
        const auto it = formats_->find(name);
        return it == formats_->end() ? nullptr : it->second;
    }
    void measure(lxw_col_t col, std::size_t width) {
        double& w = widths_[col];
        w = std::max(w, static_cast<double>(width));
    }

    lxw_worksheet* sheet_;
    const std::map<std::string, lxw_format*>* formats_;
    std::map<lxw_col_t, double> widths_;
    lxw_row_t row_ = 0;
};

// A temporary file for the workbook, removed whatever happens.

class TempFile {
   public:
    TempFile();
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

   private:
    std::string path_;
};

// The bytes of the file at `path`.
std::string read_bytes(const std::string& path);

class Workbook {
   public:
    // Dates and the words of errors in `lang`.
    Workbook(const std::string& path, Lang lang);
    ~Workbook() {
        if (book_) lxw().workbook_close(book_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    Sheet add_sheet(const std::string& wanted) { return add_claimed_sheet(claim_name(wanted)); }
    // A unique name for a sheet added later (the chart's data, referred to
    // by the chart before the sheet exists), then the sheet itself.
    std::string claim_name(const std::string& wanted) {
        const std::string name = unique_sheet_name(wanted);
        sheets_.push_back(name);
        return name;
    }
    Sheet add_claimed_sheet(const std::string& name) {
        lxw_worksheet* sheet = lxw().workbook_add_worksheet(book_, name.c_str());
        if (!sheet) throw std::logic_error("xlsx: a sheet name libxlsxwriter refused: " + name);
        return Sheet(sheet, formats_);
    }
    lxw_workbook* get() const { return book_; }

    void close() {
        const lxw_error error = lxw().workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR)
            throw std::runtime_error(Words(lang_).trf("cannot write the workbook: {}", lxw().lxw_strerror(error)));
    }

   private:
    lxw_format* add_format(const std::string& name) { return formats_[name] = lxw().workbook_add_format(book_); }

    // At most 31 characters, none of []:*?/\, not starting or ending with
    // an apostrophe, unique regardless of case (Excel's rules).
    std::string unique_sheet_name(const std::string& wanted) {
        std::string clean;
        std::size_t i = 0, chars = 0;
        const std::string inert = make_inert(wanted);
        while (i < inert.size() && chars < 28) {
            const std::size_t at = i;
            const char32_t c = next_code_point(inert, i);
            if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') continue;
            clean.append(inert, at, i - at);
            ++chars;
        }
        while (!clean.empty() && clean.front() == '\'') clean.erase(0, 1);
        while (!clean.empty() && clean.back() == '\'') clean.pop_back();
        if (clean.empty()) clean = "Sheet";
        std::string name = clean;
        for (int n = 2; taken(name); ++n) name = fmt::format("{} ({})", clean, n);
        return name;
    }
    bool taken(const std::string& name) const {
        auto lower = [](std::string s) {
            for (char& c : s)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            return s;
        };
        return std::any_of(sheets_.begin(), sheets_.end(),
                           [&](const std::string& s) { return lower(s) == lower(name); });
    }

    Lang lang_;
    lxw_workbook* book_ = nullptr;
    std::map<std::string, lxw_format*> formats_;
    std::vector<std::string> sheets_;
};

}  // namespace ontrack
