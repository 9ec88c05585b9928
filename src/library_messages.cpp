#include "library_messages.hpp"

#include <cstdint>

#include <fmt/args.h>
#include <fmt/format.h>

#include "i18n.hpp"

namespace ontrack {
namespace {

// A pattern and which of its pieces are phrases to translate (bit k: piece k).
struct Pattern {
    const char* english;
    std::uint32_t phrases;
};

// CLI11 2.1's messages for the errors a user can cause (Error.hpp and
// Validators.hpp). Our own validators' texts are translated where they are
// written, so they need no pattern here.
constexpr Pattern cli_patterns[] = {
    {"The following argument was not expected: {}", 0},
    {"The following arguments were not expected: {}", 0},
    {"A subcommand is required", 0},
    {"{}: Value {} not in range {} to {}", 0},
    {"{}: {} required {} missing", 0},
    {"{}: {} not in {}", 0},
    {"{}: too many inputs for a flag", 0},
    {"{}: Should be true/false or a number", 0},
    {"{}: At least {} required but received {}", 0},
    {"{}: At Most {} required but received {}", 0},
    {"{}: Too many positional arguments with unlimited expected args", 0},
    {"Could not convert: {} = {}", 0},
    {"The value {} is not an allowed value for {}", 0},
    {"Expected exactly {} arguments to {}, got {}", 0},
    {"Expected at least {} arguments to {}, got {}", 0},
    {"{} was given a disallowed flag override", 0},
    {"{} excludes {}", 0},
    {"{} requires {}", 0},
    {"{} is required", 0},
    {"{} not found", 0},
};

// toml++ 3.3's details (parser.inl), the specific before the general.
// Details without pieces are plain catalogue phrases.
constexpr Pattern toml_patterns[] = {
    {"expected day between 1 and {} (inclusive), saw {}", 0},
    {"expected month between 1 and 12 (inclusive), saw {}", 0},
    {"expected hour between 0 and 23 (inclusive), saw {}", 0},
    {"expected hour between 0 to 59 (inclusive), saw {}", 0},
    {"expected minute between 0 and 59 (inclusive), saw {}", 0},
    {"expected second between 0 and 59 (inclusive), saw {}", 0},
    {"expected {}, saw {}", 0b11},
    {"cannot redefine existing table '{}'", 0},
    {"cannot redefine existing {} '{}' as {}", 0b101},
    {"cannot redefine existing {} as dotted key-value pair", 0b1},
    {"cannot redefine existing {} '{}'", 0b1},
    {"cannot insert '{}' into existing inline table", 0},
    {"'{}' could not be interpreted as a value", 0},
    {"'{}' is not representable in 64 bits", 0},
    {"an unspecified error occurred while trying to interpret '{}' as a value", 0},
    {"exceeds length limit of {} digits (consider using exponent notation)", 0},
    {"exceeds length limit of {} digits", 0},
    {"fractional component exceeds maximum precision of {}", 0},
    {"fragment exceeeds maximum length of {} characters", 0},
    {"numeric value too long to identify type - cannot exceed {} characters", 0},
    {"exceeded maximum nested value depth of {}", 0},
    {"unknown escape sequence '\\{}'", 0},
};

// Literal text as a fmt format string, and back.
std::string escape_braces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '{' || c == '}') out += c;
    }
    return out;
}

std::string unescape_braces(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) ++i;
    }
    return out;
}

// The catalogue's translation of a literal phrase, or nullopt.
std::optional<std::string> phrase(std::string_view text) {
    const std::string key = escape_braces(text);
    const char* translated = tr(key.c_str());
    if (translated == key.c_str()) return std::nullopt;
    return unescape_braces(translated);
}

// The message in the current language by the first pattern it matches.
std::optional<std::string> by_patterns(std::string_view message, const Pattern* first, const Pattern* last) {
    for (const Pattern* p = first; p != last; ++p) {
        const auto pieces = match_pattern(p->english, message);
        if (!pieces) continue;
        fmt::dynamic_format_arg_store<fmt::format_context> args;
        for (std::size_t k = 0; k < pieces->size(); ++k) {
            const auto translated = (p->phrases >> k & 1) ? phrase((*pieces)[k]) : std::nullopt;
            args.push_back(translated ? *translated : (*pieces)[k]);
        }
        return fmt::vformat(tr(p->english), args);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::vector<std::string>> match_pattern(std::string_view pattern, std::string_view text) {
    // The literal runs of the pattern, unescaped: n + 1 of them for n pieces.
    std::vector<std::string> literals(1);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{}") == 0) {
            literals.emplace_back();
            ++i;
        } else {
            literals.back() += pattern[i];
            if ((pattern[i] == '{' || pattern[i] == '}') && i + 1 < pattern.size() && pattern[i + 1] == pattern[i]) ++i;
        }
    }
    if (text.substr(0, literals.front().size()) != literals.front()) return std::nullopt;
    std::vector<std::string> pieces;
    std::size_t at = literals.front().size();
    for (std::size_t k = 1; k < literals.size(); ++k) {
        const std::string& next = literals[k];
        std::size_t end;
        if (k + 1 == literals.size()) {
            if (text.size() < at + 1 + next.size() || text.substr(text.size() - next.size()) != next)
                return std::nullopt;
            end = text.size() - next.size();
        } else {
            end = text.find(next, at + 1);
            if (end == std::string_view::npos) return std::nullopt;
        }
        pieces.emplace_back(text.substr(at, end - at));
        at = end + next.size();
    }
    if (literals.size() == 1 && text.size() != at) return std::nullopt;
    return pieces;
}

std::string translate_cli_message(std::string_view message) {
    if (language() == Lang::en) return std::string(message);
    if (auto text = by_patterns(message, std::begin(cli_patterns), std::end(cli_patterns))) return *text;
    return std::string(message);
}

std::string translate_toml_message(std::string_view description) {
    if (language() == Lang::en) return std::string(description);
    const auto parts = match_pattern("Error while parsing {}: {}", description);
    if (!parts) return phrase(description).value_or(std::string(description));
    const std::string& detail = (*parts)[1];
    std::string translated = phrase(detail).value_or("");
    if (translated.empty())
        translated = by_patterns(detail, std::begin(toml_patterns), std::end(toml_patterns)).value_or(detail);
    return trf("Error while parsing {}: {}", phrase((*parts)[0]).value_or((*parts)[0]), translated);
}

}  // namespace ontrack
