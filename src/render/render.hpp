// Turning a Report into text: one renderer per output format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../report.hpp"

namespace ontrack {

enum class Format { table, json, csv, markdown };

inline constexpr const char* format_names[] = {"table", "json", "csv", "markdown"};

std::optional<Format> parse_format(std::string_view name);

struct RenderOptions {
    bool color = false;  // ANSI colour in the table format
};

std::string render_table(const Report& report, const RenderOptions& options);
std::string render_json(const Report& report);
std::string render_csv(const Report& report);
std::string render_markdown(const Report& report);

// Several plans: each report, then the roll-up (table, markdown), or one
// document holding them all (json: {"plans": [...], "rollup": {...}}; csv:
// every plan's rows under one header).
std::string render_table_many(const std::vector<Report>& reports, const Rollup& rollup, const RenderOptions& options);
std::string render_json_many(const std::vector<Report>& reports, const Rollup& rollup);
std::string render_csv_many(const std::vector<Report>& reports);
std::string render_markdown_many(const std::vector<Report>& reports, const Rollup& rollup);

// The one entry point: switches on the format; one report is rendered alone.
std::string render(const std::vector<Report>& reports, Format format, const RenderOptions& options);
std::string render(const Report& report, Format format, const RenderOptions& options);

}  // namespace ontrack
