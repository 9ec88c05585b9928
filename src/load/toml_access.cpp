#include "toml_access.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "i18n.hpp"
#include "suggest.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

const char* type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return tr("a string");
        case toml::node_type::integer: return tr("an integer");
        case toml::node_type::floating_point: return tr("a decimal number");
        case toml::node_type::boolean: return tr("a boolean");
        case toml::node_type::date: return tr("a date");
        case toml::node_type::time: return tr("a time");
        case toml::node_type::date_time: return tr("a date-time");
        case toml::node_type::array: return tr("an array");
        case toml::node_type::table: return tr("a table");
        default: return tr("nothing");
    }
}

// The table's keys in the order they stand in the file (toml++ sorts them).
std::vector<const toml::key*> keys_in_file_order(const toml::table& table) {
    std::vector<const toml::key*> keys;
    keys.reserve(table.size());
    for (auto&& entry : table) keys.push_back(&entry.first);
    std::sort(keys.begin(), keys.end(), [](const toml::key* a, const toml::key* b) {
        const auto& pa = a->source().begin;
        const auto& pb = b->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    return keys;
}

}  // namespace

SourcePos TomlContext::pos(const toml::source_region& region) const {
    return {(region.begin.line == 0 ? 1 : region.begin.line) + line_offset_,
            region.begin.column == 0 ? 1 : region.begin.column};
}

void TomlContext::error(SourcePos at, std::string message, std::string hint) {
    diagnostics_.push_back(Diagnostic{file_, at.line, at.column, std::move(message), std::move(hint), {}});
}

void TomlContext::check_keys(const toml::table& table, const std::vector<std::string_view>& allowed,
                             std::string_view where) {
    // Nearly always every key is allowed: then there is nothing to sort.
    const bool all_allowed = std::all_of(table.begin(), table.end(), [&](auto&& entry) {
        return std::find(allowed.begin(), allowed.end(), entry.first.str()) != allowed.end();
    });
    if (all_allowed) return;
    for (const toml::key* key : keys_in_file_order(table)) {
        const std::string_view name = key->str();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        const std::string guess = closest_match(name, allowed);
        std::string expected;
        for (std::string_view a : allowed) expected += fmt::format("{}{}", expected.empty() ? "" : ", ", a);
        error(pos(key->source()), trf("unknown key '{}' in {}", name, where),
              guess.empty() ? trf("the keys allowed here are: {}", expected) : trf("did you mean '{}'?", guess));
    }
}

void TomlContext::wrong_type(const toml::node& node, std::string_view key, std::string_view expected,
                             std::string hint) {
    error(pos(node.source()), trf("'{}' must be {}, not {}", key, expected, type_name(node)), std::move(hint));
}

void TomlContext::missing(const toml::table& table, std::string_view key, std::string_view where, std::string hint) {
    error(pos(table.source()), trf("{} has no '{}'", where, key), std::move(hint));
}

std::optional<std::string> TomlContext::get_string(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    return as_string(*node, key);
}

std::optional<std::string> TomlContext::as_string(const toml::node& node, std::string_view key) {
    if (const auto* s = node.as_string()) return s->get();
    wrong_type(node, key, tr("a string"), trf("write it in quotes: {} = \"...\"", key));
    return std::nullopt;
}

std::optional<Date> TomlContext::as_date(const toml::node& node, std::string_view key, bool in_array) {
    if (const auto* d = node.as_date()) {
        const toml::date v = d->get();
        if (!is_valid_ymd(v.year, v.month, v.day)) {
            error(pos(node.source()), trf("'{}' is not a date between 0001-01-01 and 9999-12-31", key));
            return std::nullopt;
        }
        return Date::from_ymd(v.year, v.month, v.day);
    }
    if (const auto* s = node.as_string()) {
        std::string why;
        // "2025-03-31" or "31/03/2025": the hint shows the day in TOML's form.
        const auto parsed = parse_date(s->get(), &why);
        std::string hint;
        if (!parsed)
            hint = trf("{}; write it unquoted, e.g. {} = 2025-12-31", tr(why.c_str()), key);
        else if (in_array)
            hint = trf("write the dates in the array unquoted: {} = [..., {}, ...]", key, to_iso(*parsed));
        else
            hint = trf("write it unquoted: {} = {}", key, to_iso(*parsed));
        error(pos(node.source()), trf("'{}' is a date written as a string", key), std::move(hint));
        return std::nullopt;
    }
    if (node.is_date_time()) {
        wrong_type(node, key, tr("a date"), tr("give the day only, as YYYY-MM-DD"));
        return std::nullopt;
    }
    wrong_type(node, key, tr("a date"), trf("write it as YYYY-MM-DD, unquoted: {} = 2025-12-31", key));
    return std::nullopt;
}

std::optional<TextProblem> text_problem(std::string_view key, std::string_view text, TextRule rule) {
    if (const auto bad = find_bad_character(text, rule == TextRule::note)) {
        const std::string name = code_point_name(bad->code_point);
        if (bad->is_space)
            return TextProblem{bad->code_points_before,
                               trf("'{}' contains {}, a space that is not an ordinary space", key, name),
                               tr("replace it with an ordinary space")};
        return TextProblem{bad->code_points_before,
                           trf("'{}' contains {}, an invisible or control character", key, name),
                           tr("delete it: such characters come from copying out of web pages, word processors or "
                              "spreadsheets, and make two texts that look alike differ")};
    }
    if (rule != TextRule::label) return std::nullopt;
    if (text.empty())
        return TextProblem{std::nullopt, trf("'{}' is empty", key), tr("write the text, or leave the key out")};
    if (text.find_first_not_of(' ') == std::string_view::npos)
        return TextProblem{std::nullopt, trf("'{}' is only spaces", key), tr("write the text, or leave the key out")};
    std::size_t before = 0;  // code points before i
    for (std::size_t i = 0; i < text.size(); ++before) {
        const std::size_t start = i;
        const char32_t c = next_code_point(text, i);
        if (c != ' ') continue;
        const bool edge = start == 0 || i == text.size();
        if (edge || text[i] == ' ')
            return TextProblem{
                before, edge ? trf("'{}' begins or ends with a space", key) : trf("'{}' has two spaces in a row", key),
                edge ? tr("remove the spaces around the text") : tr("leave a single space between words")};
    }
    return std::nullopt;
}

bool TomlContext::check_text(const toml::node& node, std::string_view key, std::string_view text, TextRule rule) {
    const auto problem = text_problem(key, text, rule);
    if (!problem) return true;
    SourcePos at = pos(node.source());
    // The code point's column in a one-line basic string.
    if (problem->code_points_before)
        at = SourcePos{at.line, at.column + 1 + static_cast<std::uint32_t>(*problem->code_points_before)};
    error(at, problem->message, problem->hint);
    return false;
}

std::optional<Date> TomlContext::get_date(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    return node ? as_date(*node, key) : std::nullopt;
}

}  // namespace ontrack
