// Messages that CLI11 and toml++ write in English, in the current language.
// Each library message is matched against patterns written in fmt syntax
// ("{}" a piece of the message, "{{" and "}}" literal braces); the matching
// pattern's catalogue translation is filled with the pieces, and pieces that
// are themselves catalogued phrases ("decimal digit", "comma") are
// translated too. A message that matches no pattern stays as it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ontrack {

// The pieces of `text` that fill the "{}" of `pattern`, or nullopt when the
// text does not have the pattern's shape. Each piece is non-empty and as
// short as possible, except the last, which runs to the pattern's end.
std::optional<std::vector<std::string>> match_pattern(std::string_view pattern, std::string_view text);

// A CLI11 error message (CLI::Error::what()), e.g. "--bogus is required".
std::string translate_cli_message(std::string_view message);

// A toml++ parse error description, "Error while parsing SCOPE: DETAIL".
std::string translate_toml_message(std::string_view description);

// Whether a toml++ parse error says a key or table is defined twice
// ("cannot redefine existing ..."): the loader's hint for it names headers.
bool is_toml_redefinition(std::string_view description);

// The phrases that reach tr() only at run time (toml++'s words and details,
// texts formatted in English first), for tests: each has a translation.
std::vector<const char*> run_time_phrases();

}  // namespace ontrack
