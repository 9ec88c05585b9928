#include "render.hpp"

#include <optional>
#include <stdexcept>

#include "compute.hpp"
#include "i18n.hpp"
#include "name_table.hpp"

namespace ontrack {

std::optional<Format> parse_format(std::string_view name) {
    return parse_name<Format>(format_names, name);
}

std::optional<Format> format_of_file_name(std::string_view path) {
    const auto dot = path.rfind('.');
    const auto slash = path.rfind('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == "xlsx") return Format::xlsx;
    if (ext == "html" || ext == "htm") return Format::html;
    if (ext == "csv") return Format::csv;
    if (ext == "json") return Format::json;
    if (ext == "md" || ext == "markdown") return Format::markdown;
    return std::nullopt;
}

namespace {

Analysis analysis_of(const Report& report) {
    Analysis a;
    a.report = report;
    return a;
}

}  // namespace

std::string render_table(const Report& report, const RenderOptions& options) {
    return render_table(analysis_of(report), options);
}

std::string render_table(const Analysis& analysis, const RenderOptions& options) {
    return render_table(document_of(analysis, options.lang), options);
}

std::string render_markdown(const Report& report, Lang lang) {
    return render_markdown(analysis_of(report), lang);
}

std::string render_markdown(const Analysis& analysis, Lang lang) {
    return render_markdown(document_of(analysis, lang));
}

std::string render_html(const Analysis& analysis, const RenderOptions& options) {
    return render_html(document_of(analysis, options.lang), options);
}

std::string render(const Report& report, Format format, const RenderOptions& options) {
    std::optional<LanguageScope> english;  // csv and json: stable English whatever the language
    if (format == Format::json || format == Format::csv) english.emplace(Lang::en);
    switch (format) {
        case Format::table: return render_table(report, options);
        case Format::json: return render_json(report);
        case Format::csv: return render_csv(report);
        case Format::markdown: return render_markdown(report, options.lang);
        case Format::html:
        case Format::xlsx: break;
    }
    throw std::invalid_argument("html and xlsx need the whole analysis");
}

std::string render(const std::vector<Analysis>& analyses, Format format, const RenderOptions& options) {
    if (format == Format::xlsx) return render_xlsx(analyses, options.league_sort, options.lang);
    if (format == Format::csv && options.bom) {
        RenderOptions plain = options;
        plain.bom = false;
        return "\xEF\xBB\xBF" + render(analyses, format, plain);
    }
    std::optional<LanguageScope> english;  // csv and json: stable English whatever the language
    if (format == Format::json || format == Format::csv) english.emplace(Lang::en);
    if (analyses.size() == 1) {
        const Analysis& a = analyses.front();
        switch (format) {
            case Format::table: return render_table(a, options);
            case Format::json: return render_json(a);
            case Format::csv: return render_csv(a);
            case Format::markdown: return render_markdown(a, options.lang);
            case Format::html: return render_html(a, options);
            case Format::xlsx: break;
        }
    }
    Rollup rollup;
    std::vector<const Report*> reports;
    for (const Analysis& a : analyses) {
        add_to_rollup(rollup, a.report);
        reports.push_back(&a.report);
    }
    const League plans = league(reports, options.league_sort);
    switch (format) {
        case Format::table: return render_table(document_of(analyses, rollup, plans, options.lang), options);
        case Format::json: return render_json_many(analyses, rollup, plans);
        case Format::csv: return render_csv_many(analyses);
        case Format::markdown: return render_markdown(document_of(analyses, rollup, plans, options.lang));
        case Format::html:
        case Format::xlsx: break;
    }
    throw std::invalid_argument("--format html takes one plan");
}

}  // namespace ontrack
