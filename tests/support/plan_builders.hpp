// Building Plan pieces by hand for the calculation tests.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "model.hpp"
#include "target.hpp"

namespace ontrack::test {

inline Date day(int y, unsigned m, unsigned d) {
    return Date::from_ymd(y, m, d);
}

// Events alternate certified, revoked, certified, ... as the loader enforces.
inline Locality locality(std::string name, std::vector<Date> event_dates, std::optional<Date> planned = std::nullopt) {
    Locality loc;
    loc.name = std::move(name);
    for (std::size_t k = 0; k < event_dates.size(); ++k) {
        Event e;
        e.date = event_dates[k];
        e.kind = k % 2 == 0 ? EventKind::certified : EventKind::revoked;
        loc.events.push_back(e);
    }
    loc.planned = planned;
    return loc;
}

inline Target count_target(std::int64_t n) {
    Target t;
    t.kind = Target::Kind::count;
    t.count = n;
    return t;
}

inline Target percent_target(const std::string& text) {
    std::string why;
    const auto p = parse_percent(text, why);
    REQUIRE(p.has_value());
    Target t;
    t.kind = Target::Kind::percent;
    t.percent = *p;
    return t;
}

// As the loader does: required is resolved against the plan's total.
inline void add_milestone(Plan& plan, Date deadline, Target target, std::string name = "") {
    Milestone m;
    m.name = std::move(name);
    m.deadline = deadline;
    m.target = target;
    m.required = required_count(target, plan.total);
    plan.milestones.push_back(m);
}

}  // namespace ontrack::test
