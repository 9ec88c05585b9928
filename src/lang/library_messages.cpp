#include "library_messages.hpp"

#include <cstdint>
#include <iterator>

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
    {N_("The following argument was not expected: {}"), 0},
    {N_("The following arguments were not expected: {}"), 0},
    {N_("A subcommand is required"), 0},
    {N_("{}: Value {} not in range {} to {}"), 0},
    {N_("{}: {} required {} missing"), 0},
    {N_("{}: {} not in {}"), 0},
    {N_("{}: too many inputs for a flag"), 0},
    {N_("{}: Should be true/false or a number"), 0},
    {N_("{}: At least {} required but received {}"), 0},
    {N_("{}: At Most {} required but received {}"), 0},
    {N_("{}: Too many positional arguments with unlimited expected args"), 0},
    {N_("Could not convert: {} = {}"), 0},
    {N_("The value {} is not an allowed value for {}"), 0},
    {N_("Expected exactly {} arguments to {}, got {}"), 0},
    {N_("Expected at least {} arguments to {}, got {}"), 0},
    {N_("{} was given a disallowed flag override"), 0},
    {N_("{} excludes {}"), 0},
    {N_("{} requires {}"), 0},
    {N_("{} is required"), 0},
    {N_("{} not found"), 0},
};

// toml++ 3.3's details (parser.inl), the specific before the general.
// Details without pieces are plain catalogue phrases.
constexpr Pattern toml_patterns[] = {
    {N_("expected day between 1 and {} (inclusive), saw {}"), 0},
    {N_("expected month between 1 and 12 (inclusive), saw {}"), 0},
    {N_("expected hour between 0 and 23 (inclusive), saw {}"), 0},
    {N_("expected hour between 0 to 59 (inclusive), saw {}"), 0},
    {N_("expected minute between 0 and 59 (inclusive), saw {}"), 0},
    {N_("expected second between 0 and 59 (inclusive), saw {}"), 0},
    {N_("expected {}, saw {}"), 0b11},
    {N_("cannot redefine existing table '{}'"), 0},
    {N_("cannot redefine existing {} '{}' as {}"), 0b101},
    {N_("cannot redefine existing {} as dotted key-value pair"), 0b1},
    {N_("cannot redefine existing {} '{}'"), 0b1},
    {N_("cannot insert '{}' into existing inline table"), 0},
    {N_("'{}' could not be interpreted as a value"), 0},
    {N_("'{}' is not representable in 64 bits"), 0},
    {N_("an unspecified error occurred while trying to interpret '{}' as a value"), 0},
    {N_("exceeds length limit of {} digits (consider using exponent notation)"), 0},
    {N_("exceeds length limit of {} digits"), 0},
    {N_("fractional component exceeds maximum precision of {}"), 0},
    {N_("fragment exceeeds maximum length of {} characters"), 0},
    {N_("numeric value too long to identify type - cannot exceed {} characters"), 0},
    {N_("exceeded maximum nested value depth of {}"), 0},
    {N_("unknown escape sequence '\\{}'"), 0},
};

// Texts that reach tr() only at run time, listed for xgettext (po/ontrack.pot):
// the words and details of toml++'s messages, looked up whole by phrase() and
// by_patterns(), and texts ontrack formats in English before translating them.
// clang-format off
constexpr const char* run_time_phrase_list[] = {
    // formatted by ontrack: "(no {})" of --by, parse_percent's reason for max_percent_decimals (12)
    N_("(no id)"),
    N_("(no kind)"),
    N_("(no name)"),
    N_("a percentage may have at most 12 decimals"),
    // toml++ 3.3 (parser.inl)
    N_("'\\n' after '\\r'"),
    N_("'x' or 'X'"),
    N_("2-digit day"),
    N_("2-digit hour"),
    N_("2-digit minute"),
    N_("2-digit month"),
    N_("2-digit second"),
    N_("4-digit year"),
    N_("An unspecified error occurred"),
    N_("EOF"),
    N_("[[array-of-table]] brackets must be contiguous (i.e. [ [ this ] ] is prohibited)"),
    N_("a comment or whitespace"),
    N_("array"),
    N_("array-of-tables"),
    N_("bare key starting character or string delimiter"),
    N_("binary integer"),
    N_("boolean"),
    N_("closing '}}' (dangling comma)"),
    N_("comma"),
    N_("comma or closing ']'"),
    N_("comma or closing '}}'"),
    N_("comment"),
    N_("control characters other than TAB (U+0009) are explicitly prohibited"),
    N_("control characters other than TAB (U+0009) are explicitly prohibited in comments"),
    N_("could not determine value type"),
    N_("date"),
    N_("date-time"),
    N_("date-time offset"),
    N_("decimal digit"),
    N_("decimal digit or '.'"),
    N_("decimal digit or exponent"),
    N_("decimal integer"),
    N_("digit"),
    N_("encountered end-of-file"),
    N_("escape sequence '\\e' is not supported in TOML 1.0.0 and earlier"),
    N_("escape sequence '\\x' is not supported in TOML 1.0.0 and earlier"),
    N_("expected digit or sign"),
    N_("exponent decimal digit or sign"),
    N_("exponent digit"),
    N_("exponent digit or sign"),
    N_("floating-point"),
    N_("fractional digits"),
    N_("hex digit"),
    N_("hexadecimal digit"),
    N_("hexadecimal digit or '.'"),
    N_("hexadecimal digit or exponent"),
    N_("hexadecimal floating-point"),
    N_("hexadecimal floating-point values are not supported in TOML 1.0.0 and earlier"),
    N_("hexadecimal integer"),
    N_("inline table"),
    N_("integer"),
    N_("key"),
    N_("key or closing '}}'"),
    N_("key-value pair"),
    N_("key-value pair or closing '}}'"),
    N_("keys, tables, whitespace or comments"),
    N_("leading zeroes are prohibited"),
    N_("line-ending backslashes must be the last non-whitespace character on the line"),
    N_("literal string"),
    N_("missing exponent"),
    N_("multi-line strings are prohibited in dotted keys"),
    N_("multi-line strings are prohibited in keys"),
    N_("octal integer"),
    N_("root table"),
    N_("space or tab"),
    N_("space, 'T' or 't'"),
    N_("string"),
    N_("table"),
    N_("table header"),
    N_("tables with blank bare keys are explicitly prohibited"),
    N_("time"),
    N_("underscores may only follow digits"),
    N_("underscores must be followed by digits"),
    N_("unescaped control characters other than TAB (U+0009) are explicitly prohibited"),
    N_("unescaped unicode surrogates (U+D800 to U+DFFF) are explicitly prohibited"),
    N_("unexpected control character"),
    N_("unicode scalar sequence"),
    N_("unicode surrogates (U+D800 - U+DFFF) are explicitly prohibited"),
    N_("unicode surrogates (U+D800 to U+DFFF) are explicitly prohibited in comments"),
    N_("value"),
    N_("value or closing ']'"),
    N_("value-terminator"),
    N_("values greater than U+10FFFF are invalid"),
    N_("values may not begin with underscores"),
    N_("vertical tabs '\\v' and form-feeds '\\f' are not legal line breaks in TOML"),
};
// clang-format on

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

std::vector<const char*> run_time_phrases() {
    return {std::begin(run_time_phrase_list), std::end(run_time_phrase_list)};
}

namespace {

// CLI11's type names in a missing value ("TEXT:NGÀY", "TEXT", "INT:INT in
// [1 - 12]"): the words are English and say nothing the placeholder after
// them does not, so "TEXT:" and "INT:" go, a bare TEXT or INT goes, and
// "in [" reads "trong khoảng [".
std::string without_type_names(std::string text) {
    for (const std::string_view prefix : {"TEXT:", "INT:", "UINT:", "FLOAT:"})
        for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
            text.erase(at, prefix.size());
    for (const std::string_view bare : {" TEXT", " INT", " UINT", " FLOAT"}) {
        const auto at = text.rfind(bare);
        if (at != std::string::npos && at + bare.size() == text.size()) text.erase(at);
    }
    for (auto at = text.find("INT in ["); at != std::string::npos; at = text.find("INT in [", at))
        text.replace(at, 8, "số trong khoảng [");
    return text;
}

}  // namespace

std::string translate_cli_message(std::string_view message) {
    if (language() == Lang::en) return std::string(message);
    if (auto text = by_patterns(message, std::begin(cli_patterns), std::end(cli_patterns)))
        return without_type_names(*text);
    return std::string(message);
}

bool is_toml_redefinition(std::string_view description) {
    return description.find("cannot redefine") != std::string_view::npos;
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
