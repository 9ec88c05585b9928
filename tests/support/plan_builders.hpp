// Building Plan pieces by hand for the calculation tests.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model.hpp"

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

}  // namespace ontrack::test
