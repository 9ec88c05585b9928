// Turning a Report into text: one renderer per output format.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

// The one entry point: switches on the format.
std::string render(const Report& report, Format format, const RenderOptions& options);

}  // namespace ontrack
