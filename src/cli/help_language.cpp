// The words CLI11 puts around our help texts, and the language chosen before
// the app is built (the help texts are fixed when options are added).
#include <cstdlib>
#include <cstring>
#include <memory>

#include "commands.hpp"
#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// CLI11's layout, with the left column padded by display width rather than
// bytes, so that Vietnamese words (TỆP, BẮT BUỘC) keep the columns aligned.
class HelpFormatter : public CLI::Formatter {
   public:
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string description = make_option_desc(opt);
        const std::size_t width = display_width(name);
        std::string out = name;
        if (!description.empty()) {
            out += width >= column_width_ ? "\n" + std::string(column_width_, ' ')
                                          : std::string(column_width_ - width, ' ');
            for (const char c : description) {
                out += c;
                if (c == '\n') out += std::string(column_width_, ' ');
            }
        }
        return out + "\n";
    }
};

}  // namespace

Lang requested_language(int argc, const char* const* argv) {
    for (int k = 1; k < argc; ++k) {
        const char* arg = argv[k];
        if (std::strcmp(arg, "--") == 0) break;
        std::optional<Lang> lang;
        if (std::strcmp(arg, "--lang") == 0 && k + 1 < argc)
            lang = parse_lang(argv[k + 1]);
        else if (std::strncmp(arg, "--lang=", 7) == 0)
            lang = parse_lang(arg + 7);
        if (lang) return *lang;
    }
    return language_from_environment(std::getenv("LANGUAGE"), std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                                     std::getenv("LANG"));
}

void translate_help(CLI::App& app) {
    auto formatter = std::make_shared<HelpFormatter>();
    app.formatter(formatter);
    for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
                              N_("REQUIRED"), N_("Needs"), N_("Excludes"), N_("Env")})
        formatter->label(label, tr(label));
    app.option_defaults()->group(tr("Options"));
    app.set_help_flag("-h,--help", tr("Print this help message and exit"));
}

void translate_subcommand_help(CLI::App& command) {
    command.group(tr("Subcommands"));
    command.get_help_ptr()->group(tr("Options"));
}

}  // namespace ontrack
