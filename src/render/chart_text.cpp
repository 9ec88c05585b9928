// The burn-up chart as text for a terminal.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "charts.hpp"
#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

__extension__ typedef __int128 int128;

// The series value on `day`: the last point on or before it (0 before the first).
std::int64_t value_on(const std::vector<ChartPoint>& series, Date day) {
    std::int64_t v = 0;
    for (const ChartPoint& p : series) {
        if (p.date > day) break;
        v = p.value;
    }
    return v;
}

enum class Cell { empty, actual, plan, target };

const char* const eighths[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

std::string paint(Cell kind, std::string_view text, bool color) {
    if (!color || kind == Cell::empty) return std::string(text);
    const char* code = kind == Cell::actual ? "32" : kind == Cell::plan ? "36" : "33";
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::string pad_left(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return std::string(width > w ? width - w : 0, ' ') + s;
}

}  // namespace

std::string render_chart_text(const ChartData& data, std::size_t width, std::size_t height, bool color) {
    const auto rows = static_cast<std::int64_t>(std::max<std::size_t>(height, 2));
    std::int64_t ymax = std::max<std::int64_t>(data.total, 1);
    for (const auto* series : {&data.actual, &data.plan, &data.targets})
        for (const ChartPoint& p : *series) ymax = std::max(ymax, p.value);

    // The row (0 = bottom) whose span (r, r+1] of rows holds the level of v.
    auto row_of = [&](std::int64_t v) {
        const int128 level = (static_cast<int128>(std::max<std::int64_t>(v, 0)) * rows + ymax - 1) / ymax;
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(level) - 1, 0, rows - 1);
    };
    // v as eighths of a row, rounded half up; at least one when v > 0.
    auto eighths_of = [&](std::int64_t v) {
        if (v <= 0) return std::int64_t{0};
        const int128 e = (static_cast<int128>(v) * rows * 16 + ymax) / (static_cast<int128>(ymax) * 2);
        return std::max<std::int64_t>(static_cast<std::int64_t>(e), 1);
    };

    // Y labels: 0 goes on the axis line; then total and the targets, first come first served.
    std::map<std::int64_t, std::string> labels;
    labels.emplace(row_of(data.total), fmt::format("{}", data.total));
    for (const ChartPoint& t : data.targets) labels.emplace(row_of(t.value), fmt::format("{}", t.value));
    std::size_t label_width = 1;
    for (const auto& [row, text] : labels) label_width = std::max(label_width, display_width(text));

    // The legend in two lengths, each with its display width (without colour).
    auto legend_long_in = [&](bool c) {
        return trf("{} drug-free to {}  {} planned  {} target", paint(Cell::actual, "█", c), human_date(data.as_of),
                   paint(Cell::plan, "·", c), paint(Cell::target, "━", c));
    };
    auto legend_short_in = [&](bool c) {
        return trf("{} actual  {} plan  {} target", paint(Cell::actual, "█", c), paint(Cell::plan, "·", c),
                   paint(Cell::target, "━", c));
    };
    const std::string legend_long = legend_long_in(color), legend_short = legend_short_in(color);
    const std::size_t legend_long_width = display_width(legend_long_in(false));
    const std::size_t legend_short_width = display_width(legend_short_in(false));
    constexpr std::size_t min_plot = 4;

    const std::size_t line_width = std::max({width, label_width + 2 + min_plot, legend_short_width});
    const std::size_t cols = line_width - label_width - 2;
    const auto n = static_cast<std::int64_t>(cols);

    // Column c covers the days [start(c), start(c + 1) - 1]; the last one is `to` alone.
    const std::int64_t span = std::max<std::int64_t>(days_between(data.from, data.to), 0);
    auto start = [&](std::int64_t c) {
        return Date{static_cast<std::int32_t>(data.from.days + (n > 1 ? c * span / (n - 1) : 0))};
    };
    auto end = [&](std::int64_t c) {
        if (c + 1 >= n) return data.to;
        return std::max(start(c), Date{start(c + 1).days - 1});
    };

    // The grid, column by column.
    std::vector<std::vector<Cell>> kind(static_cast<std::size_t>(rows), std::vector<Cell>(cols, Cell::empty));
    std::vector<std::vector<const char*>> glyph(static_cast<std::size_t>(rows), std::vector<const char*>(cols, " "));
    auto put = [&](std::int64_t r, std::int64_t c, Cell k, const char* g) {
        kind[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = k;
        glyph[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = g;
    };
    for (std::int64_t c = 0; c < n; ++c) {
        const bool past = start(c) <= data.as_of;
        const std::int64_t v = past ? value_on(data.actual, std::min(end(c), data.as_of)) : value_on(data.plan, end(c));
        // The first target whose deadline is not before the column's first day.
        const auto target = std::find_if(data.targets.begin(), data.targets.end(),
                                         [&](const ChartPoint& t) { return t.date >= start(c); });
        if (!past) put(row_of(v), c, Cell::plan, "·");
        if (target != data.targets.end()) put(row_of(target->value), c, Cell::target, "━");
        if (past) {
            const std::int64_t e = eighths_of(v);
            for (std::int64_t r = 0; r < rows && e > 8 * r; ++r)
                put(r, c, Cell::actual, eighths[std::min<std::int64_t>(e - 8 * r, 8)]);
        }
    }

    std::string out;
    for (std::int64_t r = rows - 1; r >= 0; --r) {
        const auto label = labels.find(r);
        out += pad_left(label == labels.end() ? "" : label->second, label_width);
        out += label == labels.end() ? " │" : " ┤";
        const auto& k = kind[static_cast<std::size_t>(r)];
        const auto& g = glyph[static_cast<std::size_t>(r)];
        for (std::size_t c = 0; c < cols;) {  // runs of one kind, painted once
            std::string run;
            std::size_t e = c;
            for (; e < cols && k[e] == k[c]; ++e) run += g[e];
            out += paint(k[c], run, color);
            c = e;
        }
        out += '\n';
    }

    // The x axis: a tick in the column holding each 1 January from `from` on, labelled where there is room.
    std::string axis = pad_left("0", label_width) + " └";
    std::string years(cols, ' ');
    std::int64_t free_from = 0;  // first column a label may use
    std::vector<bool> tick(cols, false);
    const bool from_jan1 = data.from.month() == 1 && data.from.day() == 1;
    for (int y = data.from.year() + (from_jan1 ? 0 : 1); y <= data.to.year(); ++y) {
        const Date jan1 = Date::from_ymd(y, 1, 1);
        std::int64_t c = 0;  // the first column whose days reach 1 January
        while (c + 1 < n && end(c) < jan1) ++c;
        tick[static_cast<std::size_t>(c)] = true;
        const std::string text = fmt::format("{}", y);
        const auto len = static_cast<std::int64_t>(text.size());
        if (c >= free_from && c + len <= n) {
            years.replace(static_cast<std::size_t>(c), text.size(), text);
            free_from = c + len + 1;
        }
    }
    if (free_from == 0) {  // no 1 January in view: the first year at the left
        const std::string text = fmt::format("{}", data.from.year());
        if (static_cast<std::int64_t>(text.size()) <= n) years.replace(0, text.size(), text);
    }
    for (std::size_t c = 0; c < cols; ++c) axis += tick[c] ? "┬" : "─";
    out += axis + '\n';
    out += std::string(label_width + 2, ' ') + years + '\n';

    // The legend, under the plot when it fits there.
    const bool long_fits = legend_long_width <= line_width;
    const std::string& legend = long_fits ? legend_long : legend_short;
    const std::size_t legend_width = long_fits ? legend_long_width : legend_short_width;
    const std::size_t indent = label_width + 2 + legend_width <= line_width ? label_width + 2 : 0;
    out += std::string(indent, ' ') + legend + std::string(line_width - indent - legend_width, ' ') + '\n';
    return out;
}

}  // namespace ontrack
