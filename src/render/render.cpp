#include "render.hpp"

#include "../compute.hpp"

namespace ontrack {

std::optional<Format> parse_format(std::string_view name) {
    for (std::size_t k = 0; k < std::size(format_names); ++k)
        if (name == format_names[k]) return static_cast<Format>(k);
    return std::nullopt;
}

std::string render(const Report& report, Format format, const RenderOptions& options) {
    switch (format) {
        case Format::table: return render_table(report, options);
        case Format::json: return render_json(report);
        case Format::csv: return render_csv(report);
        case Format::markdown: return render_markdown(report);
    }
    return {};
}

std::string render(const std::vector<Report>& reports, Format format, const RenderOptions& options) {
    if (reports.size() == 1) return render(reports.front(), format, options);
    switch (format) {
        case Format::table: return render_table_many(reports, roll_up(reports), options);
        case Format::json: return render_json_many(reports, roll_up(reports));
        case Format::csv: return render_csv_many(reports);
        case Format::markdown: return render_markdown_many(reports, roll_up(reports));
    }
    return {};
}

}  // namespace ontrack
