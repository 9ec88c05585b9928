// chart_data(): the series of a burn-up chart, computed by hand from small plans.
#include "chart_data.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "plan_builders.hpp"

#include "load.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

// "2024-03-01=1 2024-05-01=3": readable in a failure message.
std::string text(const std::vector<ChartPoint>& series) {
    std::string out;
    for (const ChartPoint& p : series) out += (out.empty() ? "" : " ") + to_iso(p.date) + "=" + std::to_string(p.value);
    return out;
}

const char* const milestones = R"toml(
[[milestone]]
deadline = 2024-12-31
target = 2

[[milestone]]
deadline = 2026-06-30
target = "50%"
)toml";

// Ten units, nine listed. A is revoked after as-of (2025-06-30); B and C
// change on the same days; E is overdue, G planned after the last deadline,
// I drug-free on as-of with a planned date that must not count.
const char* const localities = R"toml(
[[locality]]
name = "A"
certified = 2024-03-01
revoked = 2025-09-01

[[locality]]
name = "B"
certified = [2024-05-01, 2025-02-01]
revoked = 2024-09-01

[[locality]]
name = "C"
certified = 2024-05-01
revoked = 2025-02-01
planned = 2026-01-15

[[locality]]
name = "D"
planned = 2025-09-15

[[locality]]
name = "E"
planned = 2025-03-01

[[locality]]
name = "F"
planned = 2026-06-30

[[locality]]
name = "G"
planned = 2026-09-01

[[locality]]
name = "H"
planned = 2025-09-15

[[locality]]
name = "I"
certified = 2025-06-30
planned = 2025-10-01
)toml";

Plan small_plan(const std::string& plan_table) {
    return parse_plan(plan_table + milestones + localities, "small.toml");
}

}  // namespace

TEST_CASE("chart data of a small plan with a start date", "[chart]") {
    const Plan plan = small_plan("[plan]\nname = \"Small\"\ntotal = 10\nstart = 2024-01-01\n");
    const ChartData c = chart_data(plan, day(2025, 6, 30));
    CHECK(c.from == day(2024, 1, 1));
    CHECK(c.to == day(2026, 6, 30));  // the last deadline
    CHECK(c.as_of == day(2025, 6, 30));
    CHECK(c.total == 10);
    // Nothing before the start: 0. 2024-03-01 A +1 = 1; 2024-05-01 B and C
    // +2 = 3; 2024-09-01 B revoked = 2; 2025-02-01 B +1 and C -1: still 2,
    // no point; 2025-06-30 (as-of) I +1 = 3. A's revocation is after as-of.
    CHECK(text(c.actual) == "2024-01-01=0 2024-03-01=1 2024-05-01=3 2024-09-01=2 2025-06-30=3");
    // 3 now; not drug-free on as-of and planned in (as-of, 2026-06-30]: D and
    // H on 2025-09-15 (5), C on 2026-01-15 (6), F on 2026-06-30 (7). E is
    // overdue, G after the last deadline, I drug-free already.
    CHECK(text(c.plan) == "2025-06-30=3 2025-09-15=5 2026-01-15=6 2026-06-30=7");
    // 2, and 50% of 10 = 5.
    CHECK(text(c.targets) == "2024-12-31=2 2026-06-30=5");
}

TEST_CASE("chart data starts at the first event without a start date", "[chart]") {
    const Plan plan = small_plan("[plan]\nname = \"Small\"\ntotal = 10\n");
    const ChartData c = chart_data(plan, day(2025, 6, 30));
    CHECK(c.from == day(2024, 3, 1));
    CHECK(text(c.actual) == "2024-03-01=1 2024-05-01=3 2024-09-01=2 2025-06-30=3");
}

TEST_CASE("chart data after the last deadline ends at as-of", "[chart]") {
    const Plan plan = small_plan("[plan]\nname = \"Small\"\ntotal = 10\nstart = 2024-01-01\n");
    const ChartData c = chart_data(plan, day(2026, 12, 31));
    CHECK(c.to == day(2026, 12, 31));
    // As before up to 2025-06-30 (3), then A revoked on 2025-09-01: 2.
    CHECK(text(c.actual) ==
          "2024-01-01=0 2024-03-01=1 2024-05-01=3 2024-09-01=2 2025-06-30=3 2025-09-01=2 2026-12-31=2");
    // No room after as-of: the plan is the one point at as-of.
    CHECK(text(c.plan) == "2026-12-31=2");
}

TEST_CASE("chart data never starts after as-of", "[chart]") {
    const Plan plan = small_plan("[plan]\nname = \"Small\"\ntotal = 10\nstart = 2026-01-01\n");
    const ChartData c = chart_data(plan, day(2025, 6, 30));
    CHECK(c.from == day(2025, 6, 30));
    CHECK(text(c.actual) == "2025-06-30=3");
    CHECK(text(c.plan) == "2025-06-30=3 2025-09-15=5 2026-01-15=6 2026-06-30=7");
}

TEST_CASE("chart data without events that have happened looks back one year", "[chart]") {
    const Plan plan = parse_plan(R"toml(
[plan]
name = "Nothing yet"

[[milestone]]
deadline = 2027-01-01
target = 1

[[locality]]
name = "Later"
certified = 2026-02-01
planned = 2026-02-01
)toml",
                                 "empty.toml");
    const ChartData c = chart_data(plan, day(2025, 6, 30));
    CHECK(c.from == day(2024, 6, 30));  // the only event is after as-of
    CHECK(c.to == day(2027, 1, 1));
    CHECK(text(c.actual) == "2024-06-30=0 2025-06-30=0");
    CHECK(text(c.plan) == "2025-06-30=0 2026-02-01=1 2027-01-01=1");
    CHECK(text(c.targets) == "2027-01-01=1");
}
