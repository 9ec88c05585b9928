// Burn-up charts (terminal text and SVG) and the self-contained HTML page.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chart_data.hpp"
#include "i18n.hpp"
#include "report.hpp"

namespace ontrack {

// A burn-up chart for a terminal, `height` rows of plot (at least 2) and
// every line `width` columns wide (widened when the axis labels and the
// legend need more). Each plot column stands for a span of days and shows
// the values at the end of its span: block characters (▁..█, eighths of a
// row) for the drug-free units up to as-of, a dotted line (·) for the plan
// after as-of, and a step line (━) for each target from the previous
// deadline to its own. Where they meet, the actual blocks win over the
// targets and the targets over the plan. Y labels: 0 (on the axis), total
// and the target levels (a row keeps the first label it gets, in that
// order); the x axis has a tick (┬) and a label at each 1 January. The last
// line is the legend. ANSI colour only when `color`.
std::string render_chart_text(const ChartData& data, std::size_t width = 72, std::size_t height = 12,
                              bool color = false);

// An inline <svg> (no xmlns, no external references) that scales to its
// container: viewBox, width 100%, height auto. Series carry ids: "actual"
// (a solid step polyline), "plan" (a dashed polyline), "targets" (a group:
// a step polyline, a marker and a label per target); plus axes, yearly date
// ticks, value ticks and an "as of" line. The legend is render_chart_legend.
std::string render_chart_svg(const ChartData& data);

// The chart's legend as an html list (<ul class="legend">, a small inline
// svg swatch and a label per series) that wraps on a narrow screen instead
// of overlapping.
std::string render_chart_legend();

// The text made inert (utf8.hpp) with & < > " ' written as entities.
std::string html_escape(std::string_view text);

// The header of an administrative document (Decree 30/2020/NĐ-CP, Appendix
// I): in Vietnamese the issuer top left (upper case, bold, a short rule
// under it), the national heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and
// the motto "Độc lập - Tự do - Hạnh phúc" (bold, a rule under it) top
// right, and under them, in italics, the place and the day the report is
// made (vietnamese_dated_line; left out without made_on). In English the
// issuer line alone: the national heading is a Vietnamese form. Empty when
// the plan has neither issuer nor place (or, in English, no issuer).
std::string official_header(const Report& report, std::optional<Date> made_on, Lang lang);

// "Hải Phòng, ngày 05 tháng 02 năm 2026": the day before 10 and the months 1
// and 2 with a leading zero, as the decree asks; "Ngày …" without a place.
std::string vietnamese_dated_line(std::string_view place, Date day);

}  // namespace ontrack
