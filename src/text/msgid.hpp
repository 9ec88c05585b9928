// N_(): marks an English literal for xgettext (po/ontrack.pot) that is
// translated later, in render or cli, where it reaches tr() as a variable.
// The one piece of the translation machinery a lower layer may use: it
// translates nothing.
#pragma once

namespace ontrack {

constexpr const char* N_(const char* english) {
    return english;
}

}  // namespace ontrack
