#include "failure.hpp"

#include <exception>
#include <new>
#include <stdexcept>

#include "diagnostic.hpp"
#include "i18n.hpp"
#include "utf8.hpp"

namespace ontrack {

Failure current_failure(std::string_view version) {
    try {
        throw;
    } catch (const InputError& e) {
        Failure f;
        for (const Diagnostic& d : e.diagnostics()) f.text += format_diagnostic(d);
        return f;
    } catch (const FilesLeftChanged& e) {
        return Failure{exit_files_left_changed, trf("ontrack: error: {}", make_inert_lines(e.what())) + "\n"};
    } catch (const std::bad_alloc&) {
        return Failure{exit_error, trf("ontrack: error: {}", tr("out of memory")) + "\n"};
    } catch (const std::runtime_error& e) {
        return Failure{exit_error, trf("ontrack: error: {}", make_inert_lines(e.what())) + "\n"};
    } catch (const std::exception& e) {
        return Failure{exit_internal,
                       trf("ontrack: internal error: {}", make_inert(e.what())) + "\n" +
                           trf("This is a bug in ontrack {}; please report it with the command and the plan that "
                               "caused it.",
                               version) +
                           "\n"};
    } catch (...) {
        return Failure{exit_internal, trf("ontrack: internal error: {}", tr("an unknown exception")) + "\n" +
                                          trf("This is a bug in ontrack {}; please report it with the command and "
                                              "the plan that caused it.",
                                              version) +
                                          "\n"};
    }
}

}  // namespace ontrack
