// A plan's text as toml++ places things in it: byte offsets for its line and
// column positions and back, the line's ending and indentation; and
// replacements of bytes applied to it at once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "utf8.hpp"

namespace ontrack {

// Byte offsets for toml++ positions (lines 1-based; columns 1-based, in code
// points, a byte order mark not counted), and back.
class TextMap {
   public:
    explicit TextMap(std::string_view text) : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF") {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }

    std::size_t offset(const toml::source_position& p) const {
        if (p.line == 0 || p.line > starts_.size()) throw std::logic_error("plan_edit: position outside the text");
        std::size_t i = content_start(p.line);
        for (std::uint32_t k = 1; k < p.column && i < text_.size() && text_[i] != '\n'; ++k) next_code_point(text_, i);
        return i;
    }

    std::uint32_t line_at(std::size_t offset) const {
        return static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
    }

    std::uint32_t column_at(std::size_t offset) const {
        std::uint32_t column = 1;
        for (std::size_t i = content_start(line_at(offset)); i < offset; ++column) next_code_point(text_, i);
        return column;
    }

    std::size_t line_start(std::size_t offset) const { return starts_[line_at(offset) - 1]; }

    // The line ending of the line holding `offset`, or the file's (that of
    // its first line) when that line has none; "\n" when no line has one.
    std::string line_ending(std::size_t offset) const {
        std::size_t nl = text_.find('\n', offset);
        if (nl == std::string_view::npos) nl = text_.find('\n');
        if (nl == std::string_view::npos) return "\n";
        return nl > 0 && text_[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    // The spaces and tabs that open the line holding `offset`, when only
    // they stand before it; else nullopt.
    std::optional<std::string> indent_before(std::size_t offset) const {
        const std::size_t start = line_start(offset);
        const std::string_view before = text_.substr(start, offset - start);
        if (before.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
        return std::string(before);
    }

    std::string leading_blanks(std::size_t offset) const {
        const std::size_t start = line_start(offset);
        const std::size_t end = text_.find_first_not_of(" \t", start);
        return std::string(text_.substr(start, (end == std::string_view::npos ? text_.size() : end) - start));
    }

   private:
    std::size_t content_start(std::uint32_t line) const { return starts_[line - 1] + (line == 1 && bom_ ? 3 : 0); }

    std::string_view text_;
    bool bom_;
    std::vector<std::size_t> starts_;
};

// One replacement of bytes [at, at + erase) of the old text; `date_at` is
// where the new date stands inside `insert` (npos when it is not there).
struct Edit {
    std::size_t at = 0;
    std::size_t erase = 0;
    std::string insert;
    std::size_t date_at = std::string::npos;
};

struct Applied {
    std::string text;
    std::size_t date_offset = std::string::npos;  // of the new date in the new text
};

// The text with the edits made (they do not overlap), in one pass.
Applied apply_edits(std::string_view text, std::vector<Edit> edits);

}  // namespace ontrack
