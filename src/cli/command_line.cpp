// What the command line names, read before CLI11 parses it (see commands.hpp).
#include "commands.hpp"

namespace ontrack {

CommandLine::CommandLine(int argc, const char* const* argv) {
    for (int k = 1; k < argc; ++k) {
        words_.emplace_back(argv[k]);
        if (words_.back() == "-h" || words_.back() == "--help") help_ = true;
    }
}

bool CommandLine::names(std::string_view names) const {
    if (help_) return true;
    while (!names.empty()) {
        const std::size_t comma = names.find(',');
        const std::string_view name = names.substr(0, comma);
        names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
        const bool is_short = name.size() == 2 && name[0] == '-' && name[1] != '-';
        for (const std::string_view word : words_) {
            if (word == name) return true;
            if (is_short ? word.substr(0, 2) == name
                         : name[0] == '-' && word.size() > name.size() && word.substr(0, name.size()) == name &&
                               word[name.size()] == '=')
                return true;
        }
    }
    return false;
}

}  // namespace ontrack
