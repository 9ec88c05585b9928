// ontrack: is the plan to make every locality drug-free on track?
// The language is chosen before the command line is built (CLI11 keeps help
// texts as they are given); everything else is in cli/.
#include "allocator.hpp"
#include "commands.hpp"
#include "i18n.hpp"

int main(int argc, char** argv) {
    ontrack::hold_standard_streams();
    ontrack::keep_freed_memory();  // a large plan's model, report and output reuse each other's pages
    ontrack::init_language(ontrack::requested_language(argc, argv));
    return ontrack::run_command_line(argc, argv);
}
