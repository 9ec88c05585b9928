// Typed, located access to toml++ nodes: every wrong type, misspelt key or
// quoted date becomes a Diagnostic at the right line and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "date.hpp"
#include "diagnostic.hpp"
#include "model.hpp"

namespace ontrack {

// What a string value of a plan may hold. Every text: no control, format,
// invisible or unassigned character and no space but U+0020 (unicode.hpp);
// a note may hold line breaks. A label (a locality's name, id or kind):
// besides, not empty, no space at either end and never two in a row.
enum class TextRule { label, line, note };

// What is wrong with a text value under `rule`, `key` naming it in the
// message: where (in code points from its start; nothing for the value as a
// whole), the message and the hint. The one text rule of plans, used by the
// loader and by init on a roster's cells before they become a plan.
struct TextProblem {
    std::optional<std::size_t> code_points_before;
    std::string message;
    std::string hint;
};
std::optional<TextProblem> text_problem(std::string_view key, std::string_view text, TextRule rule);

// The diagnostics of one parsed piece of a plan file. Positions from toml++
// are relative to the piece; line_offset turns them into file positions.
class TomlContext {
   public:
    TomlContext(const std::string& file, std::uint32_t line_offset) : file_(file), line_offset_(line_offset) {}

    SourcePos pos(const toml::source_region& region) const;
    void error(SourcePos at, std::string message, std::string hint = {});

    // Reports keys of `table` not in `allowed`, with "did you mean".
    void check_keys(const toml::table& table, const std::vector<std::string_view>& allowed, std::string_view where);
    void wrong_type(const toml::node& node, std::string_view key, std::string_view expected, std::string hint = {});
    void missing(const toml::table& table, std::string_view key, std::string_view where, std::string hint);

    std::optional<std::string> get_string(const toml::table& table, std::string_view key);
    // The string value of `node`, the value of `key`; an error when it is not one.
    std::optional<std::string> as_string(const toml::node& node, std::string_view key);
    // `in_array`: the node is one element of an array of dates (for the hint).
    std::optional<Date> as_date(const toml::node& node, std::string_view key, bool in_array = false);
    std::optional<Date> get_date(const toml::table& table, std::string_view key);

    // Checks a string value against the text rules (TextRule); false after
    // reporting the first problem, at its column (assuming the string is
    // written without escapes).
    bool check_text(const toml::node& node, std::string_view key, std::string_view text, TextRule rule);

    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

   private:
    const std::string& file_;
    std::uint32_t line_offset_;
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace ontrack
