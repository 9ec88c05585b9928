// The command line as a whole: the app, its global options, the report and
// the subcommands, parsed; the chosen command runs.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "i18n.hpp"
#include "suggest.hpp"

namespace ontrack {
namespace {

// An unknown --option: "did you mean" the closest option of the command it
// was given to (or of any command), as a usage error; nothing when none is near.
void suggest_option(CLI::App& app, int argc, char** argv) {
    CLI::App* command = &app;
    for (CLI::App* sub : app.get_subcommands({}))
        if (sub->parsed()) command = sub;
    std::vector<std::string> names;
    for (const CLI::App* owner : {&app, command})
        for (const CLI::Option* option : owner->get_options())
            for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    std::vector<std::string_view> candidates(names.begin(), names.end());
    for (int k = 1; k < argc; ++k) {
        const std::string_view arg = argv[k];
        if (arg == "--") break;
        if (arg.size() < 3 || arg.substr(0, 2) != "--") continue;
        const std::string_view name = arg.substr(0, arg.find('='));
        if (std::find(candidates.begin(), candidates.end(), name) != candidates.end()) continue;
        const std::string near = closest_match(name, candidates);
        if (!near.empty())
            throw CLI::ValidationError(std::string(name), trf("unknown option (did you mean {}?)", near));
    }
}

}  // namespace

int run_command_line(int argc, char** argv) {
    CLI::App app{tr("Is the plan to make every locality drug-free on track? Reads a TOML plan and reports, for each\n"
                    "milestone, the units required and covered, the shortfall, and a verdict."),
                 "ontrack"};
    translate_help(app);
    app.fallthrough();
    std::string lang;
    app.add_option(
           "--lang", lang,
           tr("Language of the report and messages: vi or en (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"))
        ->check(CLI::IsMember({"vi", "en"}))
        ->option_text("{vi,en}");
    add_quiet_flag(app);
    ReportCommand report(app);
    CheckCommand check(app);
    RecordCommand record(app);
    InitCommand init(app);
    ImportCommand import(app);
    for (CLI::App* command : app.get_subcommands({})) translate_subcommand_help(*command);
    app.require_subcommand(0, 1);
    app.set_version_flag("--version",
                         "ontrack " ONTRACK_VERSION
                         "\n"
                         "Copyright (C) 2025-2026 The ontrack authors\n"
                         "License: MIT <https://opensource.org/licenses/MIT>",
                         tr("Display program version information and exit"));
    app.footer(
        tr("Exit status: 0 every milestone met or on-track, 1 any missed or behind, 2 usage or input error (no "
           "file changed), 3 files left changed after a failed restore, 70 an internal error (a bug)."));
    return run_guarded([&] {
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        } catch (const CLI::ExtrasError&) {
            suggest_option(app, argc, argv);
            throw;
        }
        // A subcommand's extra arguments fall through to the report's files:
        // `record PLAN extra --id …` must not ignore "extra".
        if ((check.chosen() || record.chosen() || init.chosen() || import.chosen()) && !report.files().empty())
            throw CLI::ExtrasError(report.files());
        if (!lang.empty()) set_language(*parse_lang(lang));
        const int status = check.chosen()    ? check.run()
                           : record.chosen() ? record.run()
                           : init.chosen()   ? init.run()
                           : import.chosen() ? import.run()
                                             : report.run();
        finish_stdout();
        return status;
    });
}

}  // namespace ontrack
