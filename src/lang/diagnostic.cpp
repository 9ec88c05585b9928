#include "diagnostic.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

std::string summary(const std::vector<Diagnostic>& ds) {
    return ds.empty() ? std::string(tr("invalid input")) : ds.front().message;
}

// The first `n` code points of `text` (text must be valid UTF-8).
std::string_view first_code_points(std::string_view text, std::uint32_t n) {
    std::size_t i = 0;
    for (std::uint32_t k = 0; k < n && i < text.size(); ++k) next_code_point(text, i);
    return text.substr(0, i);
}

constexpr std::size_t max_excerpt = 160;

}  // namespace

std::string_view line_of(std::string_view source, std::uint32_t line) {
    std::size_t begin = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        begin = source.find('\n', begin);
        if (begin == std::string_view::npos) return {};
        ++begin;
    }
    std::size_t end = source.find('\n', begin);
    if (end == std::string_view::npos) end = source.size();
    std::string_view text = source.substr(begin, end - begin);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(Diagnostic diagnostic) : InputError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

void throw_in_file_order(std::vector<Diagnostic> diagnostics, std::optional<std::string_view> text,
                         std::vector<Diagnostic> after) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (std::size_t k = 0; k < diagnostics.size(); ++k) {
        if (k >= max_excerpts)
            diagnostics[k].excerpt.clear();
        else if (text)
            diagnostics[k].excerpt = std::string(line_of(*text, diagnostics[k].line));
    }
    std::move(after.begin(), after.end(), std::back_inserter(diagnostics));
    throw InputError(std::move(diagnostics));
}

void Diagnostic::relate(std::function<std::string(std::uint32_t)> hint_for, std::uint32_t other_line) {
    hint_for_line = std::move(hint_for);
    related_line = other_line;
    hint = hint_for_line(other_line);
}

void Diagnostic::renumber(std::uint32_t other_line) {
    if (!hint_for_line) return;
    related_line = other_line;
    hint = hint_for_line(other_line);
}

std::string format_diagnostic(const Diagnostic& d) {
    // Line 0: about the file as a whole (a name given on the command line
    // that no locality has), not about a place in it.
    std::string out =
        (d.line == 0        ? trf("{}: error: {}", make_inert(d.file), make_inert(d.message))
         : !d.place.empty() ? trf("{}:{}: error: {}", make_inert(d.file), make_inert(d.place), make_inert(d.message))
                            : trf("{}:{}:{}: error: {}", make_inert(d.file), d.line, d.column, make_inert(d.message))) +
        "\n";
    const std::string_view text = d.excerpt;
    if (d.line > 0 && !text.empty() && text.size() <= max_excerpt && !find_invalid_utf8(text)) {
        std::string plain(text);
        std::replace(plain.begin(), plain.end(), '\t', ' ');
        const std::string shown = make_inert(plain);
        const std::string_view before = first_code_points(plain, d.column > 0 ? d.column - 1 : 0);
        const std::size_t pad = display_width(make_inert(before));
        out += fmt::format("    {}\n    {:>{}}\n", shown, "^", pad + 1);
    }
    if (!d.hint.empty()) out += trf("  hint: {}", make_inert(d.hint)) + "\n";
    return out;
}

}  // namespace ontrack
