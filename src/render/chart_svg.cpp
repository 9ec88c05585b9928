// The burn-up chart as inline SVG for the HTML page.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "charts.hpp"
#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// The drawing's own units (the viewBox); the page scales it to fit.
// The view starts at y = view_top: the legend is the page's (render_chart_legend).
constexpr double view_width = 560, view_height = 316, view_top = 20;
constexpr double left = 52, right = 536, top = 44, bottom = 296;

const char* const color_actual = "#0969da";
const char* const color_plan = "#0969da";
const char* const color_target = "#bc4c00";
const char* const color_axis = "#57606a";

class Scale {
   public:
    explicit Scale(const ChartData& d) : from_(d.from) {
        span_ = std::max<std::int64_t>(days_between(d.from, d.to), 1);
        ymax_ = std::max<std::int64_t>(d.total, 1);
        for (const auto* series : {&d.actual, &d.plan, &d.targets})
            for (const ChartPoint& p : *series) ymax_ = std::max(ymax_, p.value);
    }
    double x(Date d) const {
        const double t = static_cast<double>(days_between(from_, d)) / static_cast<double>(span_);
        return std::clamp(left + t * (right - left), left, right);
    }
    double y(std::int64_t v) const {
        return bottom - static_cast<double>(v) / static_cast<double>(ymax_) * (bottom - top);
    }
    std::int64_t ymax() const { return ymax_; }

   private:
    Date from_;
    std::int64_t span_ = 1;
    std::int64_t ymax_ = 1;
};

std::string num(double v) {
    return fmt::format("{:.1f}", v);
}

// A step function as polyline points: level until the next point's date, then up or down
// (no corner where the value stays).
std::string step_points(const std::vector<ChartPoint>& series, const Scale& s) {
    std::string out;
    for (std::size_t k = 0; k < series.size(); ++k) {
        if (k > 0 && series[k].value != series[k - 1].value)
            out += fmt::format(" {},{}", num(s.x(series[k].date)), num(s.y(series[k - 1].value)));
        out += fmt::format("{}{},{}", out.empty() ? "" : " ", num(s.x(series[k].date)), num(s.y(series[k].value)));
    }
    return out;
}

// 1, 2 or 5 times a power of ten: the smallest step giving at most 6
// intervals. No product overflows: at p = 10^18, 5p < 2^63 and every ymax
// up to 2^63 - 1 is at most 6 steps of 2p.
std::int64_t nice_step(std::int64_t ymax) {
    for (std::int64_t p = 1;; p *= 10) {
        for (std::int64_t m : {1, 2, 5})
            if (ymax / (m * p) <= 6) return m * p;
        if (p > ymax / 10) return ymax;
    }
}

// A value axis label that fits the 46 units left of the axis: up to six
// digits as they are, beyond that two significant digits times a power of
// ten ("1.5·10⁶"), one from 10¹⁰ on ("9·10¹⁸"); the exact total is in the
// text above and below the chart.
std::string axis_label(std::int64_t v) {
    if (v < 10000) return human_count(v);  // grouped as the text's counts are: 3,321 / 3.321
    if (v < 1000000) return fmt::format("{}", v);
    int exponent = 0;
    std::int64_t scaled = v;
    while (scaled >= 100) {
        scaled /= 10;
        ++exponent;
    }
    ++exponent;  // scaled holds two digits: d.d times 10^exponent
    static const char* const superscript[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string power;
    for (const char c : std::to_string(exponent)) power += superscript[c - '0'];
    // With a two-digit power there is room for one significant digit only.
    const std::string mantissa = scaled % 10 == 0 || exponent >= 10 ? fmt::format("{}", scaled / 10)
                                                                    : fmt::format("{}.{}", scaled / 10, scaled % 10);
    return human_decimal(mantissa) + "·10" + power;  // 1,5·10⁶ in Vietnamese
}

// The labelled values: 0, step, 2 step, ... up to ymax, and ymax itself
// (the one before dropped when too close to it). Counted, not summed, so
// that no value passes INT64_MAX.
std::vector<std::int64_t> tick_values(std::int64_t ymax) {
    const std::int64_t step = nice_step(ymax);
    std::vector<std::int64_t> values;
    for (std::int64_t k = 0; k <= ymax / step; ++k) values.push_back(k * step);
    if (values.back() != ymax) {
        if (ymax - values.back() < step - (ymax - values.back())) values.pop_back();  // too close to the total's label
        values.push_back(ymax);
    }
    return values;
}

}  // namespace

std::string render_chart_svg(const ChartData& d) {
    const Scale s(d);
    std::string out = fmt::format(
        "<svg class=\"chart\" viewBox=\"0 {} {} {}\" width=\"100%\" style=\"height:auto;max-width:100%\" "
        "role=\"img\" aria-labelledby=\"chart-title\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,"
        "sans-serif\" font-size=\"13\">\n",
        view_top, view_width, view_height);
    out += fmt::format("<title id=\"chart-title\">{}</title>\n",
                       trf("Burn-up: drug-free units from {} to {} (as of {}), the plan and the targets",
                           human_date(d.from), human_date(d.to), human_date(d.as_of)));

    // Value ticks and grid lines, with the total always labelled.
    const std::vector<std::int64_t> values = tick_values(s.ymax());
    out += "<g class=\"y-axis\" fill=\"#24292f\" text-anchor=\"end\">\n";
    for (std::int64_t v : values)
        out += fmt::format(
            "<line x1=\"{l}\" x2=\"{r}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>"
            "<text x=\"{tx}\" y=\"{ty}\">{v}</text>\n",
            fmt::arg("l", left), fmt::arg("r", right), fmt::arg("y", num(s.y(v))), fmt::arg("tx", left - 6),
            fmt::arg("ty", num(s.y(v) + 4.5)), fmt::arg("v", axis_label(v)));
    out += "</g>\n";

    // Date ticks: each 1 January in view, every k-th labelled so that at most 10 are.
    std::vector<Date> jan1s;
    for (int y = d.from.year(); y <= d.to.year(); ++y) {
        const Date j = Date::from_ymd(y, 1, 1);
        if (j >= d.from && j <= d.to) jan1s.push_back(j);
    }
    out += "<g class=\"x-axis\" fill=\"#24292f\" text-anchor=\"middle\">\n";
    out += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", left,
                       right, bottom, bottom, color_axis);
    out += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", left,
                       left, top, bottom, color_axis);
    const std::size_t every = jan1s.size() <= 10 ? 1 : (jan1s.size() + 9) / 10;
    const std::size_t labelled = (jan1s.size() + every - 1) / every;
    for (std::size_t k = 0; k < jan1s.size(); ++k) {
        const std::string x = num(s.x(jan1s[k]));
        out +=
            fmt::format("<line x1=\"{x}\" x2=\"{x}\" y1=\"{b}\" y2=\"{b6}\" stroke=\"{c}\" stroke-width=\"1\"/>",
                        fmt::arg("x", x), fmt::arg("b", bottom), fmt::arg("b6", bottom + 6), fmt::arg("c", color_axis));
        // With more than 5 labels, every other one is "minor": the page hides those on a phone's larger font.
        const bool minor = labelled > 5 && (k / every) % 2 == 1;
        if (k % every == 0)
            out += fmt::format("<text x=\"{}\" y=\"{}\"{}>{}</text>", x, bottom + 20, minor ? " class=\"minor\"" : "",
                               jan1s[k].year());
        out += '\n';
    }
    if (jan1s.empty())  // less than a year in view: the two ends as dates
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text><text x=\"{}\" y=\"{}\" "
            "text-anchor=\"end\">{}</text>\n",
            left, bottom + 20, to_iso(d.from), right, bottom + 20, to_iso(d.to));
    out += "</g>\n";

    // As of: a vertical line with its date.
    const double xa = s.x(d.as_of);
    const bool label_left = xa > (left + right) / 2;
    out += fmt::format(
        "<g class=\"as-of\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{t}\" y2=\"{b}\" stroke=\"{c}\" stroke-width=\"1\" "
        "stroke-dasharray=\"2 3\"/><text x=\"{tx}\" y=\"{ty}\" fill=\"{c}\" text-anchor=\"{a}\">{d}</text></g>\n",
        fmt::arg("x", num(xa)), fmt::arg("t", top - 4), fmt::arg("b", bottom), fmt::arg("c", color_axis),
        fmt::arg("tx", num(label_left ? xa - 4 : xa + 4)), fmt::arg("ty", top + 8),
        fmt::arg("a", label_left ? "end" : "start"), fmt::arg("d", trf("as of {}", human_date(d.as_of))));

    // The targets: a step line from each previous deadline to the next, a marker and the count.
    out += fmt::format("<g id=\"targets\" class=\"targets\" fill=\"{}\">\n", color_target);
    if (!d.targets.empty()) {
        std::vector<ChartPoint> steps{{d.from, d.targets.front().value}};
        for (std::size_t k = 0; k < d.targets.size(); ++k) {
            steps.push_back({d.targets[k].date, d.targets[k].value});
            if (k + 1 < d.targets.size()) steps.push_back({d.targets[k].date, d.targets[k + 1].value});
        }
        std::string points;
        for (const ChartPoint& p : steps)
            points += fmt::format("{}{},{}", points.empty() ? "" : " ", num(s.x(p.date)), num(s.y(p.value)));
        out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", points,
                           color_target);
        for (const ChartPoint& t : d.targets) {
            const double x = s.x(t.date), y = s.y(t.value);
            // Left of its marker, or right of it when the marker is near the
            // value axis (a count ending at the marker would cross the axis).
            const std::string label = human_count(t.value);
            const bool near_axis = x - 5 - 7.5 * static_cast<double>(display_width(label)) < left + 2;
            out += fmt::format(
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", num(x),
                num(y), num(near_axis ? x + 6 : x - 5), num(y - 6), near_axis ? "start" : "end", label);
        }
    }
    out += "</g>\n";

    // The coverage so far (a shaded area under a solid step line), then the plan, dashed.
    if (!d.actual.empty()) {
        const std::string pts = step_points(d.actual, s);
        out += fmt::format("<polygon class=\"area\" points=\"{} {},{} {},{}\" fill=\"{}\" fill-opacity=\"0.12\"/>\n",
                           pts, num(s.x(d.actual.back().date)), num(s.y(0)), num(s.x(d.actual.front().date)),
                           num(s.y(0)), color_actual);
        out += fmt::format(
            "<polyline id=\"actual\" class=\"actual\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
            "stroke-linejoin=\"round\"/>\n",
            pts, color_actual);
    }
    if (!d.plan.empty())
        out += fmt::format(
            "<polyline id=\"plan\" class=\"plan\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
            "stroke-dasharray=\"6 4\"/>\n",
            step_points(d.plan, s), color_plan);

    out += "</svg>\n";
    return out;
}

std::string render_chart_legend() {
    auto item = [](const std::string& swatch, const char* label) {
        return fmt::format(
            "<li><svg viewBox=\"0 0 28 14\" width=\"28\" height=\"14\" aria-hidden=\"true\">{}</svg>{}</li>\n", swatch,
            tr(label));
    };
    std::string out = "<ul class=\"legend\">\n";
    out += item(
        fmt::format("<line x1=\"2\" x2=\"26\" y1=\"7\" y2=\"7\" stroke=\"{}\" stroke-width=\"2.5\"/>", color_actual),
        N_("Drug-free"));
    out += item(fmt::format("<line x1=\"2\" x2=\"26\" y1=\"7\" y2=\"7\" stroke=\"{}\" stroke-width=\"2\" "
                            "stroke-dasharray=\"6 4\"/>",
                            color_plan),
                N_("Planned"));
    out +=
        item(fmt::format("<polyline points=\"2,11 14,11 14,3 26,3\" fill=\"none\" stroke=\"{c}\" stroke-width=\"1.5\"/>"
                         "<circle cx=\"14\" cy=\"11\" r=\"3\" fill=\"{c}\"/>",
                         fmt::arg("c", color_target)),
             N_("Target"));
    out += item(fmt::format("<line x1=\"14\" x2=\"14\" y1=\"0\" y2=\"14\" stroke=\"{}\" stroke-dasharray=\"2 3\"/>",
                            color_axis),
                N_("As of"));
    return out + "</ul>\n";
}

}  // namespace ontrack
