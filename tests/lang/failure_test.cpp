// Error vs Fatal: each kind of exception, its exit status and its words.
#include "failure.hpp"

#include <new>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "diagnostic.hpp"

using ontrack::current_failure;
using ontrack::Failure;

namespace {
template <typename E>
Failure failure_of(const E& e) {
    try {
        throw e;
    } catch (...) {
        return current_failure("9.9.9");
    }
}
}  // namespace

TEST_CASE("The user's errors exit 2 with their message", "[failure]") {
    const Failure f = failure_of(std::runtime_error("plan.toml: cannot lock"));
    CHECK(f.status == 2);
    CHECK(f.text == "ontrack: error: plan.toml: cannot lock\n");
    const Failure m = failure_of(std::bad_alloc());
    CHECK(m.status == 2);
    CHECK(m.text == "ontrack: error: out of memory\n");
    const Failure d = failure_of(ontrack::InputError(ontrack::Diagnostic{"p.toml", 3, 5, "bad", "fix it", "x = 1"}));
    CHECK(d.status == 2);
    CHECK(d.text == "p.toml:3:5: error: bad\n    x = 1\n        ^\n  hint: fix it\n");
}

TEST_CASE("A broken internal rule is a bug: exit 70, said so, with the version", "[failure]") {
    const Failure f = failure_of(std::logic_error("plan_edit: a value is not where the parser placed it"));
    CHECK(f.status == 70);
    CHECK(f.text ==
          "ontrack: internal error: plan_edit: a value is not where the parser placed it\n"
          "This is a bug in ontrack 9.9.9; please report it with the command and the plan that caused it.\n");
    CHECK(failure_of(42).status == 70);
}
