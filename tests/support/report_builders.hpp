// Building Report pieces by hand for the renderer tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "report.hpp"

namespace ontrack::test {

inline Target percent(std::int64_t units, int scale) {
    Target t;
    t.kind = Target::Kind::percent;
    t.percent.units = units;
    t.percent.scale = scale;
    return t;
}

inline Target count(std::int64_t n) {
    Target t;
    t.kind = Target::Kind::count;
    t.count = n;
    return t;
}

inline MilestoneResult milestone(std::string name, Date deadline, Target target, bool upcoming, std::int64_t required,
                                 std::int64_t covered, std::int64_t planned, std::int64_t shortfall, Verdict verdict) {
    MilestoneResult m;
    m.name = std::move(name);
    m.deadline = deadline;
    m.target = target;
    m.upcoming = upcoming;
    m.required = required;
    m.covered = covered;
    m.planned = planned;
    m.shortfall = shortfall;
    m.verdict = verdict;
    return m;
}

inline LocalityRef locality(std::string name, std::string id, std::optional<Date> planned, std::string kind = "") {
    LocalityRef ref;
    ref.name = std::move(name);
    ref.id = std::move(id);
    ref.kind = std::move(kind);
    ref.planned = planned;
    return ref;
}

}  // namespace ontrack::test
