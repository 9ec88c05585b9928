// Located input errors and how they are printed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ontrack {

struct Diagnostic {
    std::string file;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::string message;
    std::string hint;     // may be empty
    std::string excerpt;  // the text of the line, shown with a caret; may be empty
    // When the hint names another line: that line, and how the hint is
    // worded for a line, so that an edit that moves lines words it again
    // with the new number; nothing looks for the number in the words.
    std::uint32_t related_line = 0;
    std::function<std::string(std::uint32_t)> hint_for_line = {};
    // A cell of a workbook ("Sheet1!C7"): shown instead of LINE:COLUMN,
    // which then place the excerpt's caret.
    std::string place = {};

    // Sets the hint to hint_for(other_line), and keeps both.
    void relate(std::function<std::string(std::uint32_t)> hint_for, std::uint32_t other_line);
    // The same hint naming another line; nothing when the hint names none.
    void renumber(std::uint32_t other_line);
};

// Thrown by the loader: one or more diagnostics, in file order.
class InputError : public std::runtime_error {
   public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    explicit InputError(Diagnostic diagnostic);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

   private:
    std::vector<Diagnostic> diagnostics_;
};

// The most diagnostics of one file shown with their line: each excerpt costs
// a scan of the file.
inline constexpr std::size_t max_excerpts = 20;

// Sorts `diagnostics` (all of one file) into file order, keeps the excerpts
// of the first max_excerpts only (taking them from `text` when given),
// appends `after` (complete diagnostics of other files: a roll-up's parts)
// and throws them all as one InputError.
[[noreturn]] void throw_in_file_order(std::vector<Diagnostic> diagnostics, std::optional<std::string_view> text = {},
                                      std::vector<Diagnostic> after = {});

// The text of line `line` (1-based) of `source`, without its line ending.
std::string_view line_of(std::string_view source, std::uint32_t line);

// "FILE:LINE:COLUMN: error: MESSAGE" ("FILE:PLACE: error: MESSAGE" for a
// workbook's cell), then the excerpt with a caret under the
// column, then "  hint: HINT". Control characters are shown inert. A
// diagnostic of line 0 is about the file as a whole: "FILE: error: MESSAGE".
std::string format_diagnostic(const Diagnostic& d);

}  // namespace ontrack
