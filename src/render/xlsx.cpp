// --format xlsx: a workbook for people who live in Excel, written with
// libxlsxwriter in its constant-memory mode (rows written in order, strings
// inline), into a temporary file whose bytes are returned.
//
// Numbers are numbers and dates are dates (shown dd/mm/yyyy in Vietnamese,
// YYYY-MM-DD in English); text is written as text, never as a formula, with
// control characters shown as visible escapes (libxlsxwriter would write
// them as _x001B_, which Excel turns back into the raw byte), and cut with
// "…" at Excel's 32,767 characters.
#include <dlfcn.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "compute.hpp"
#include "i18n.hpp"
#include "render.hpp"
#include "unicode.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

// libxlsxwriter is opened when a workbook is first written, not linked: it
// brings minizip and OpenSSL's libcrypto, whose relocations would cost every
// run of ontrack about 5 million instructions at start-up (twice a Hai Phong
// report), for a format most runs never use.
#define ONTRACK_LXW_FUNCTIONS(X)    \
    X(chart_add_series)             \
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
    X(worksheet_insert_chart_opt)   \
    X(worksheet_repeat_rows)        \
    X(worksheet_set_column)         \
    X(worksheet_set_landscape)      \
    X(worksheet_set_paper)          \
    X(worksheet_write_datetime)     \
    X(worksheet_write_number)       \
    X(worksheet_write_string)

struct Lxw {
#define ONTRACK_LXW_POINTER(name) decltype(&::name) name = nullptr;
    ONTRACK_LXW_FUNCTIONS(ONTRACK_LXW_POINTER)
#undef ONTRACK_LXW_POINTER
};

Lxw open_libxlsxwriter() {
    void* lib = nullptr;
    for (const char* name : {"libxlsxwriter.so.4", "libxlsxwriter.so"})
        if ((lib = ::dlopen(name, RTLD_NOW | RTLD_LOCAL))) break;
    if (!lib)
        throw std::runtime_error(
            trf("--format xlsx needs the library libxlsxwriter (Debian package libxlsxwriter4): {}", ::dlerror()));
    Lxw api;
#define ONTRACK_LXW_LOAD(name)                                            \
    api.name = reinterpret_cast<decltype(api.name)>(::dlsym(lib, #name)); \
    if (!api.name) throw std::runtime_error(trf("--format xlsx: libxlsxwriter has no function {}", #name));
    ONTRACK_LXW_FUNCTIONS(ONTRACK_LXW_LOAD)
#undef ONTRACK_LXW_LOAD
    return api;
}

const Lxw& lxw() {
    static const Lxw api = open_libxlsxwriter();
    return api;
}

constexpr std::size_t max_cell_chars = 32767;
constexpr lxw_row_t max_rows = 1048576;  // per sheet, the header included

// Text as a cell may hold it: inert, and at most 32,767 UTF-16 units.
std::string cell_text(std::string_view text) {
    std::string inert = make_inert(text);
    std::size_t units = 0, i = 0, cut = std::string::npos;
    while (i < inert.size()) {
        const std::size_t at = i;
        const char32_t c = next_code_point(inert, i);
        units += c > 0xFFFF ? 2 : 1;
        if (units > max_cell_chars - 1 && cut == std::string::npos) cut = at;
        if (units > max_cell_chars) {
            inert.resize(cut);
            inert += "…";
            break;
        }
    }
    return inert;
}

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
    void number(lxw_col_t col, double value, const char* format = nullptr) {
        lxw().worksheet_write_number(sheet_, row_, col, value, fmt(format));
        measure(col, 10);
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
    void maybe_date(lxw_col_t col, const std::optional<Date>& d) {
        if (d) date(col, *d);
    }
    void header(const std::vector<std::string>& names) {
        for (lxw_col_t c = 0; c < names.size(); ++c) text(c, names[c], "header");
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
    TempFile() {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/ontrack-xlsx-XXXXXX";
        const int fd = ::mkstemp(path_.data());
        if (fd < 0)
            throw std::runtime_error(
                trf("cannot create a temporary file for the workbook in {}", make_inert(dir && *dir ? dir : "/tmp")));
        ::close(fd);
    }
    ~TempFile() { ::unlink(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

   private:
    std::string path_;
};

double pace_per_month(const Pace& p) {
    return p.days == 0 ? 0.0 : static_cast<double>(p.units) * 365.2425 / 12.0 / static_cast<double>(p.days);
}

double share(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

const char* verdict_format(Verdict v) {
    return is_good(v) ? "good" : "bad";
}

class Workbook {
   public:
    explicit Workbook(const std::string& path) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        book_ = lxw().workbook_new_opt(path.c_str(), &options);
        if (!book_) throw std::runtime_error(tr("cannot start the workbook"));
        const bool vi = language() == Lang::vi;
        add_format("header", [](lxw_format* f) {
            lxw().format_set_bold(f);
            lxw().format_set_bg_color(f, 0xD9E1F2);
            lxw().format_set_text_wrap(f);
            lxw().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        });
        add_format("title", [](lxw_format* f) {
            lxw().format_set_bold(f);
            lxw().format_set_font_size(f, 14);
        });
        add_format("bold", [](lxw_format* f) { lxw().format_set_bold(f); });
        add_format("date", [vi](lxw_format* f) { lxw().format_set_num_format(f, vi ? "dd/mm/yyyy" : "yyyy-mm-dd"); });
        add_format("percent", [](lxw_format* f) { lxw().format_set_num_format(f, "0.0%"); });
        add_format("target", [](lxw_format* f) { lxw().format_set_num_format(f, "0.##%"); });
        add_format("decimal", [](lxw_format* f) { lxw().format_set_num_format(f, "0.00"); });
        add_format("good", [](lxw_format* f) {
            lxw().format_set_font_color(f, 0x006100);
            lxw().format_set_bg_color(f, 0xC6EFCE);
        });
        add_format("bad", [](lxw_format* f) {
            lxw().format_set_font_color(f, 0x9C0006);
            lxw().format_set_bg_color(f, 0xFFC7CE);
        });
        add_format("warning", [](lxw_format* f) {
            lxw().format_set_bold(f);
            lxw().format_set_font_color(f, 0x9C0006);
        });
    }
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
            throw std::runtime_error(trf("cannot write the workbook: {}", lxw().lxw_strerror(error)));
    }

   private:
    template <typename Setup>
    void add_format(const std::string& name, Setup setup) {
        lxw_format* f = lxw().workbook_add_format(book_);
        setup(f);
        formats_[name] = f;
    }

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

    lxw_workbook* book_ = nullptr;
    std::map<std::string, lxw_format*> formats_;
    std::vector<std::string> sheets_;
};

std::string status_word(const MilestoneResult& m) {
    return m.upcoming ? tr("upcoming") : tr("past");
}

void write_target(Sheet& s, lxw_col_t col, const Target& t) {
    if (t.kind == Target::Kind::count) {
        s.number(col, static_cast<double>(t.count));
        return;
    }
    double v = static_cast<double>(t.percent.units);
    for (int k = 0; k < t.percent.scale; ++k) v /= 10.0;
    s.number(col, v / 100.0, "target");
}

// The summary of one plan: what it is, where it stands, its milestones.
void write_summary(Sheet& s, const Analysis& a) {
    const Report& r = a.report;
    s.prose(0, r.plan, "title");
    s.next_row();
    if (!r.source.empty()) {
        s.text(0, tr("Source"), "bold");
        s.prose(1, r.source);
        s.next_row();
    }
    if (!r.note.empty()) {
        s.text(0, tr("Note"), "bold");
        s.prose(1, r.note);
        s.next_row();
    }
    if (r.illustrative) {
        s.prose(0, tr(illustrative_warning), "warning");
        s.next_row();
    }
    s.text(0, tr("As of"), "bold");
    s.date(1, r.as_of);
    s.next_row();
    s.text(0, tr("Units in the plan"), "bold");
    s.number(1, static_cast<double>(r.total));
    s.next_row();
    s.text(0, tr("Drug-free now"), "bold");
    s.number(1, static_cast<double>(r.covered));
    s.next_row();
    s.text(0, tr("Share drug-free now"), "bold");
    s.number(1, share(r.covered, r.total), "percent");
    s.next_row();
    s.next_row();
    const lxw_row_t header_row = s.row();
    s.header({tr("Milestone"), tr("Deadline"), tr("Target"), tr("Required"), tr("Status"),
              tr("Drug-free (on the deadline, or now)"), tr("Planned by the deadline"), tr("Expected at the deadline"),
              tr("Shortfall"), tr("Verdict")});
    for (std::size_t k = 0; k < r.milestones.size(); ++k) {
        const MilestoneResult& m = r.milestones[k];
        s.text(0, milestone_label(m, k));
        s.date(1, m.deadline);
        write_target(s, 2, m.target);
        s.number(3, static_cast<double>(m.required));
        s.text(4, status_word(m));
        s.number(5, static_cast<double>(m.upcoming ? m.covered - m.planned : m.covered));
        if (m.upcoming) {
            s.number(6, static_cast<double>(m.planned));
            s.number(7, static_cast<double>(m.covered));
        }
        s.number(8, static_cast<double>(m.shortfall));
        s.text(9, tr(to_string(m.verdict)), verdict_format(m.verdict));
        s.next_row();
    }
    if (r.milestones.empty()) {
        s.prose(0, tr(no_milestones_note));
        s.next_row();
    }
    s.next_row();
    s.prose(0, tr("For an upcoming milestone, the expected count adds to the units drug-free now those planned by the "
                  "deadline; for a past one, the units drug-free on the deadline."));
    s.next_row();
    s.finish(header_row);
}

// The burn-up chart's points as steps (straight lines between points; each
// change of value first gets a point at the old value).
struct ChartSeries {
    std::vector<ChartPoint> actual, plan, targets;
};

ChartSeries chart_series(const ChartData& c) {
    auto steps = [](const std::vector<ChartPoint>& points, Date end) {
        std::vector<ChartPoint> out;
        for (std::size_t k = 0; k < points.size(); ++k) {
            if (k > 0) out.push_back({points[k].date, points[k - 1].value});
            out.push_back(points[k]);
        }
        if (!points.empty() && points.back().date < end) out.push_back({end, points.back().value});
        return out;
    };
    return ChartSeries{steps(c.actual, c.as_of), steps(c.plan, c.to), c.targets};
}

// The chart on the summary sheet, drawing from the sheet `data_name` that
// write_chart_data() writes later.
void write_chart(Workbook& book, Sheet& summary, const std::string& data_name, const ChartData& c,
                 const ChartSeries& points) {
    lxw_chart* chart = lxw().workbook_add_chart(book.get(), LXW_CHART_SCATTER_STRAIGHT);
    auto series = [&](lxw_col_t x, std::size_t count, const std::string& name, std::uint32_t colour, bool markers) {
        if (count == 0) return;
        lxw_chart_series* s = lxw().chart_add_series(chart, nullptr, nullptr);
        lxw().chart_series_set_categories(s, data_name.c_str(), 1, x, static_cast<lxw_row_t>(count), x);
        lxw().chart_series_set_values(s, data_name.c_str(), 1, x + 1, static_cast<lxw_row_t>(count), x + 1);
        lxw().chart_series_set_name(s, name.c_str());
        lxw_chart_line line{};
        line.color = colour;
        line.width = 2.25;
        if (markers) line.none = LXW_TRUE;
        lxw().chart_series_set_line(s, &line);
        lxw().chart_series_set_marker_type(s, markers ? LXW_CHART_MARKER_DIAMOND : LXW_CHART_MARKER_NONE);
        if (markers) {
            lxw().chart_series_set_marker_size(s, 9);
            lxw_chart_fill fill{};
            fill.color = colour;
            lxw().chart_series_set_marker_fill(s, &fill);
            lxw_chart_line border{};
            border.color = colour;
            lxw().chart_series_set_marker_line(s, &border);
        }
    };
    series(0, points.actual.size(), tr("drug-free"), 0x2E7D32, false);
    series(2, points.plan.size(), tr("planned"), 0x1565C0, false);
    series(4, points.targets.size(), tr("target"), 0xC62828, true);
    lxw().chart_title_set_name(chart, tr("Units drug-free over time"));
    lxw().chart_axis_set_num_format(chart->x_axis, language() == Lang::vi ? "dd/mm/yyyy" : "yyyy-mm-dd");
    lxw().chart_axis_set_name(chart->y_axis, tr("units"));
    lxw().chart_axis_set_min(chart->y_axis, 0);
    lxw().chart_axis_set_max(chart->y_axis, static_cast<double>(std::max<std::int64_t>(c.total, 1)));
    lxw().chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options place{};
    place.x_scale = 1.6;
    place.y_scale = 1.3;
    lxw().worksheet_insert_chart_opt(summary.get(), summary.row() + 1, 0, chart, &place);
}

void write_chart_data(Workbook& book, const std::string& name, const ChartSeries& points) {
    Sheet data = book.add_claimed_sheet(name);
    data.header({tr("Date"), tr("Drug-free"), tr("Date"), tr("Planned"), tr("Date"), tr("Target")});
    const std::size_t n = std::max({points.actual.size(), points.plan.size(), points.targets.size()});
    for (std::size_t k = 0; k < n && data.row() < max_rows; ++k) {
        const std::vector<ChartPoint>* columns[] = {&points.actual, &points.plan, &points.targets};
        for (lxw_col_t c = 0; c < 3; ++c)
            if (k < columns[c]->size()) {
                data.date(2 * c, (*columns[c])[k].date);
                data.number(2 * c + 1, static_cast<double>((*columns[c])[k].value));
            }
        data.next_row();
    }
    data.finish(0);
}

// One row per locality, on as many sheets as Excel's row limit needs.
void write_units(Workbook& book, const std::vector<std::pair<const Analysis*, std::string>>& plans) {
    const bool with_plan = plans.size() > 1;
    std::vector<std::string> header;
    if (with_plan) header.push_back(tr("Plan"));
    for (const char* h : {N_("Code"), N_("Name"), N_("Kind"), N_("Status"), N_("Latest event"), N_("Event date"),
                          N_("Decision"), N_("Planned"), N_("Overdue"), N_("Plan moves")})
        header.push_back(tr(h));
    int part = 1;
    auto open = [&] {
        Sheet s = book.add_sheet(part == 1 ? std::string(tr("Units")) : fmt::format("{} {}", tr("Units"), part));
        s.header(header);
        lxw().worksheet_freeze_panes(s.get(), 1, 0);
        return s;
    };
    Sheet sheet = open();
    auto close = [&](Sheet& s) {
        if (s.row() > 1)
            lxw().worksheet_autofilter(s.get(), 0, 0, s.row() - 1, static_cast<lxw_col_t>(header.size() - 1));
        s.finish(0);
    };
    for (const auto& [analysis, plan_name] : plans) {
        if (!analysis->units) continue;
        for (const UnitStatus& u : *analysis->units) {
            if (sheet.row() >= max_rows) {
                close(sheet);
                ++part;
                sheet = open();
            }
            lxw_col_t c = 0;
            if (with_plan) sheet.text(c++, plan_name);
            sheet.text(c++, u.id);
            sheet.text(c++, u.name);
            sheet.text(c++, u.kind);
            sheet.text(c++, u.drug_free ? tr("drug-free") : tr("not drug-free"), u.drug_free ? "good" : nullptr);
            if (u.latest) {
                sheet.text(c++, tr(u.latest->kind == EventKind::certified ? N_("certified") : N_("revoked")));
                sheet.date(c++, u.latest->date);
                if (!u.latest->decision().empty()) sheet.text(c, u.latest->decision());
                ++c;
            } else {
                c += 3;
            }
            sheet.maybe_date(c++, u.planned);
            if (u.overdue) sheet.text(c, tr("overdue"), "bad");
            ++c;
            sheet.number(c, static_cast<double>(u.plan_moves));
            sheet.next_row();
        }
    }
    close(sheet);
}

void write_breakdown(Workbook& book, const Analysis& a) {
    const Breakdown& b = *a.breakdown;
    Sheet s = book.add_sheet(tr("Breakdown"));
    std::vector<std::string> header{tr(by_field_names[static_cast<int>(b.field)]), tr("Units"), tr("Drug-free now")};
    for (std::size_t k = 0; k < a.report.milestones.size(); ++k) {
        const std::string label = milestone_label(a.report.milestones[k], k);
        header.push_back(trf("{}: covered", label));
        header.push_back(trf("{}: shortfall share", label));
    }
    s.header(header);
    lxw().worksheet_freeze_panes(s.get(), 1, 1);
    for (const Group& g : b.groups) {
        s.text(0, g.value.empty() ? std::string(tr(g.label.c_str())) : g.label);
        s.number(1, static_cast<double>(g.count));
        s.number(2, static_cast<double>(g.drug_free));
        lxw_col_t c = 3;
        for (const GroupMilestone& m : g.milestones) {
            s.number(c++, static_cast<double>(m.covered));
            s.number(c++, static_cast<double>(m.share));
        }
        s.next_row();
    }
    s.finish(0);
}

// A roll-up's league table (issue 17), in its order.
void write_league(Workbook& book, const League& l, const std::vector<MilestoneResult>& rollup) {
    const bool by_next = l.next && rollup[*l.next].upcoming;
    Sheet s = book.add_sheet(tr("Parts"));
    std::vector<std::string> header{tr("Part"), tr("File"), tr("Units"), tr("Drug-free now"), tr("Share")};
    if (by_next) header.push_back(trf("Expected by {}", human_date(rollup[*l.next].deadline)));
    if (l.next) header.push_back(trf("Shortfall at the {} share", human_date(rollup[*l.next].deadline)));
    for (const char* h : {N_("Own next milestone"), N_("Deadline"), N_("Required"), N_("Shortfall"), N_("Verdict")})
        header.push_back(tr(h));
    for (const MilestoneResult& m : rollup) header.push_back(trf("Share of the {} shortfall", human_date(m.deadline)));
    s.header(header);
    lxw().worksheet_freeze_panes(s.get(), 1, 1);
    for (const LeagueRow& r : l.rows) {
        s.text(0, r.name);
        s.text(1, r.file);
        s.number(2, static_cast<double>(r.total));
        s.number(3, static_cast<double>(r.covered));
        s.number(4, share(r.covered, r.total), "percent");
        lxw_col_t c = 5;
        if (by_next) {
            if (r.by_next) s.number(c, static_cast<double>(*r.by_next));
            ++c;
        }
        if (l.next) {
            if (r.shortfall_at_share) s.number(c, static_cast<double>(*r.shortfall_at_share));
            ++c;
        }
        if (r.own_next) {
            const MilestoneResult& m = *r.own_next;
            s.text(c, m.name);
            s.text(c + 1, human_date(m.deadline));
            s.number(c + 2, static_cast<double>(m.required));
            s.number(c + 3, static_cast<double>(m.shortfall));
            s.text(c + 4, tr(to_string(m.verdict)), verdict_format(m.verdict));
        } else {
            s.text(c, "—");
        }
        c += 5;
        for (std::int64_t share_of : r.shares) s.number(c++, static_cast<double>(share_of));
        s.next_row();
    }
    s.finish(0);
}

void write_changes(Workbook& book, const Analysis& a) {
    const Changes& ch = *a.changes;
    Sheet s = book.add_sheet(tr("Changes"));
    s.prose(0, trf("From {} to {}", human_date(ch.since), human_date(ch.as_of)), "bold");
    s.next_row();
    s.header({tr("Code"), tr("Name"), tr("Kind"), tr("Change"), tr("Event"), tr("Date"), tr("Decision")});
    const lxw_row_t header_row = s.row() - 1;
    for (const LocalityChange& c : ch.localities)
        for (const Event& e : c.events) {
            s.text(0, c.locality.id);
            s.text(1, c.locality.name);
            s.text(2, c.locality.kind);
            s.text(3, tr(to_string(c.kind)));
            s.text(4, tr(e.kind == EventKind::certified ? N_("certified") : N_("revoked")));
            s.date(5, e.date);
            if (!e.decision().empty()) s.text(6, e.decision());
            s.next_row();
        }
    for (const LocalityRef& r : ch.slipped) {
        s.text(0, r.id);
        s.text(1, r.name);
        s.text(2, r.kind);
        s.text(3, tr("overdue"));
        s.text(4, tr("planned"));
        s.maybe_date(5, r.planned);
        s.next_row();
    }
    s.finish(header_row);
}

void write_forecast(Workbook& book, const Analysis& a) {
    const Forecast& f = *a.forecast;
    Sheet s = book.add_sheet(tr("Forecast"));
    s.header({tr("Milestone"), tr("Deadline"), tr("Required"), tr("Needed/month"), tr("Achieved/month"),
              tr("Projected"), tr("Reached on"), "R", tr("Progress")});
    for (const MilestoneForecast& m : f.milestones) {
        s.text(0, milestone_label(a.report.milestones[m.index], m.index));
        s.date(1, m.deadline);
        s.number(2, static_cast<double>(m.required));
        if (m.due_today)
            s.text(3, tr("due today"));
        else
            s.number(3, pace_per_month(m.required_pace), "decimal");
        s.number(4, pace_per_month(f.trend.pace), "decimal");
        s.number(5, static_cast<double>(m.projected));
        if (m.reached)
            s.date(6, *m.reached);
        else
            s.text(6, m.reached_after_calendar ? tr("after 9999") : tr("never"));
        if (m.nothing_needed)
            s.text(7, tr("reached"));
        else
            s.number(7, m.ratio.den == 0 ? 0.0 : static_cast<double>(m.ratio.num) / static_cast<double>(m.ratio.den),
                     "decimal");
        s.text(8, tr(to_string(m.progress)));
        s.next_row();
    }
    s.next_row();
    s.prose(0, tr(progress_rule));
    s.next_row();
    s.finish(0);
}

void write_listing(Workbook& book, const Analysis& a) {
    const Listing& l = *a.listing;
    Sheet s = book.add_sheet(capitalise_first(tr(to_string(l.kind))));
    s.header({tr("Code"), tr("Name"), tr("Kind"), tr("Certified"), tr("Revoked"), tr("Planned"), tr("Decision"),
              tr("Plan moves")});
    lxw().worksheet_freeze_panes(s.get(), 1, 0);
    for (const ListRow& r : l.rows) {
        s.text(0, r.id);
        s.text(1, r.name);
        s.text(2, r.kind);
        s.maybe_date(3, r.certified);
        s.maybe_date(4, r.revoked);
        s.maybe_date(5, r.planned);
        if (!r.decision.empty()) s.text(6, r.decision);
        s.number(7, static_cast<double>(r.plan_moves));
        s.next_row();
    }
    if (s.row() > 1) lxw().worksheet_autofilter(s.get(), 0, 0, s.row() - 1, 7);
    s.finish(0);
}

void write_rollup(Workbook& book, const std::vector<Analysis>& analyses) {
    Rollup rollup;
    for (const Analysis& a : analyses) add_to_rollup(rollup, a.report);
    Sheet s = book.add_sheet(tr("Roll-up"));
    s.header({tr("Plan"), tr("File"), tr("Units in the plan"), tr("Drug-free now"), tr("Share drug-free now"),
              tr("Milestones missed or behind")});
    for (const Analysis& a : analyses) {
        const Report& r = a.report;
        s.text(0, r.plan);
        s.text(1, r.file);
        s.number(2, static_cast<double>(r.total));
        s.number(3, static_cast<double>(r.covered));
        s.number(4, share(r.covered, r.total), "percent");
        std::int64_t bad = 0;
        for (const MilestoneResult& m : r.milestones) bad += !is_good(m.verdict);
        s.number(5, static_cast<double>(bad), bad ? "bad" : nullptr);
        s.next_row();
    }
    s.text(0, tr("All plans"), "bold");
    s.number(2, static_cast<double>(rollup.total));
    s.number(3, static_cast<double>(rollup.covered));
    s.number(4, share(rollup.covered, rollup.total), "percent");
    s.number(5, static_cast<double>(rollup.milestones_bad));
    s.next_row();
    s.finish(0);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof()) throw std::runtime_error(trf("cannot read back the workbook {}", make_inert(path)));
    return out.str();
}

}  // namespace

std::string render_xlsx(const std::vector<Analysis>& analyses, LeagueSort sort) {
    const TempFile file;
    {
        Workbook book(file.path());
        if (analyses.size() > 1) {
            write_rollup(book, analyses);
            std::vector<const Report*> reports;
            for (const Analysis& a : analyses) reports.push_back(&a.report);
            write_league(book, league(reports, sort), {});
        }
        std::vector<std::pair<const Analysis*, std::string>> plans;
        std::vector<std::pair<std::string, ChartSeries>> charts;  // written last, after the sheets people read
        for (const Analysis& a : analyses) {
            Sheet summary = book.add_sheet(analyses.size() > 1 ? a.report.plan : std::string(tr("Summary")));
            write_summary(summary, a);
            if (a.chart) {
                charts.emplace_back(book.claim_name(tr("Chart data")), chart_series(*a.chart));
                write_chart(book, summary, charts.back().first, *a.chart, charts.back().second);
            }
            plans.emplace_back(&a, a.report.plan);
        }
        write_units(book, plans);
        if (analyses.size() == 1) {
            const Analysis& a = analyses.front();
            if (a.league) write_league(book, *a.league, a.report.milestones);
            if (a.forecast) write_forecast(book, a);
            if (a.breakdown) write_breakdown(book, a);
            if (a.changes) write_changes(book, a);
            if (a.listing) write_listing(book, a);
        }
        for (const auto& [name, points] : charts) write_chart_data(book, name, points);
        book.close();
    }
    return read_bytes(file.path());
}

}  // namespace ontrack
