// ontrack: is the plan to make every locality drug-free on track?
// Command-line wiring only: the commands add their options, the line is
// parsed, the chosen command runs; errors become messages and exit 2.
#include <CLI/CLI.hpp>

#include <optional>

#include "allocator.hpp"
#include "cli/commands.hpp"
#include "i18n.hpp"

using namespace ontrack;

int main(int argc, char** argv) {
    keep_freed_memory();                            // a large plan's model, report and output reuse each other's pages
    init_language(requested_language(argc, argv));  // help texts are fixed as options are added
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
    // Options and subcommands are set up only when named (see CommandLine).
    const CommandLine line(argc, argv);
    ReportCommand report(app, line);
    std::optional<CheckCommand> check;
    std::optional<RecordCommand> record;
    std::optional<InitCommand> init;
    std::optional<ImportCommand> import;
    if (line.names("check")) check.emplace(app);
    if (line.names("record")) record.emplace(app);
    if (line.names("init")) init.emplace(app);
    if (line.names("import")) import.emplace(app);
    for (CLI::App* command : app.get_subcommands({})) translate_subcommand_help(*command);
    app.require_subcommand(0, 1);
    app.set_version_flag("--version",
                         "ontrack " ONTRACK_VERSION
                         "\n"
                         "Copyright (C) 2025-2026 The ontrack authors\n"
                         "License: MIT <https://opensource.org/licenses/MIT>",
                         tr("Display program version information and exit"));
    app.footer(tr("Exit status: 0 every milestone met or on-track, 1 any missed or behind, 2 usage or input error."));
    return run_guarded([&] {
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        }
        if (!lang.empty()) set_language(*parse_lang(lang));
        const int status = check && check->chosen()     ? check->run()
                           : record && record->chosen() ? record->run()
                           : init && init->chosen()     ? init->run()
                           : import && import->chosen() ? import->run()
                                                        : report.run();
        finish_stdout();
        return status;
    });
}
