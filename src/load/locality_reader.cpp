#include "locality_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "history.hpp"
#include "i18n.hpp"
#include "msgid.hpp"
#include "unicode.hpp"

namespace ontrack {
namespace {

struct PlacedEvent {
    Event event;
    SourcePos pos;
};

// An optional string of an inline table, checked against the text rules and
// in NFC; false after reporting a problem.
bool read_text(TomlContext& cx, const toml::table& table, std::string_view key, TextRule rule, std::string& out) {
    const toml::node* node = table.get(key);
    if (!node) return true;
    const auto text = cx.as_string(*node, key);
    if (!text || !cx.check_text(*node, key, *text, rule)) return false;
    out = to_nfc(*text);
    return true;
}

// The date of an inline table ({ date = 2025-06-30, ... }), required.
std::optional<Date> table_date(TomlContext& cx, const toml::table& table, std::string_view key) {
    const toml::node* node = table.get("date");
    if (!node) {
        cx.missing(table, "date", key, trf("add the day: {} = {{ date = 2025-06-30, ... }}", key));
        return std::nullopt;
    }
    return cx.as_date(*node, "date");
}

// certified or revoked: a date, an inline table { date, decision, note }, or
// an array of them. Plain dates take the path they always took.
void read_events(TomlContext& cx, const toml::node* node, std::string_view key, EventKind kind,
                 std::vector<PlacedEvent>& events, bool& ok) {
    if (!node) return;
    auto add = [&](const toml::node& value) {
        if (const auto* table = value.as_table()) {
            static const std::vector<std::string_view> keys = {"date", "decision", "note"};
            cx.check_keys(*table, keys, key);
            const bool known = std::all_of(table->begin(), table->end(), [](auto&& entry) {
                return std::find(keys.begin(), keys.end(), entry.first.str()) != keys.end();
            });
            EventText text;
            const auto d = table_date(cx, *table, key);
            // Both read, so that a bad decision and a bad note are both reported.
            const bool decision_ok = read_text(cx, *table, "decision", TextRule::line, text.decision);
            const bool note_ok = read_text(cx, *table, "note", TextRule::note, text.note);
            const bool texts = decision_ok && note_ok;
            if (!d || !texts || !known) {
                ok = false;
                return;
            }
            Event e{*d, kind, nullptr};
            if (!text.decision.empty() || !text.note.empty()) e.text = std::make_shared<EventText>(std::move(text));
            events.push_back({std::move(e), cx.pos(value.source())});
        } else if (const auto d = cx.as_date(value, key, node->is_array())) {
            events.push_back({Event{*d, kind, nullptr}, cx.pos(value.source())});
        } else {
            ok = false;
        }
    };
    if (const auto* array = node->as_array())
        for (const toml::node& value : *array) add(value);
    else
        add(*node);
}

// planned: a date, an inline table { date, set, note }, or an array of them
// in the order they were set, whose set days never go back.
std::optional<PlannedDates> read_planned(TomlContext& cx, const toml::node& node) {
    if (!node.is_array() && !node.is_table()) {
        const auto d = cx.as_date(node, "planned");
        if (!d) return std::nullopt;
        return PlannedDates(*d);
    }
    std::vector<PlannedEntry> entries;
    bool ok = true;
    std::optional<Date> last_set;
    std::uint32_t last_set_line = 0;
    auto add = [&](const toml::node& value) {
        const auto* table = value.as_table();
        if (!table) {
            if (const auto d = cx.as_date(value, "planned", node.is_array()))
                entries.push_back({*d, std::nullopt, {}});
            else
                ok = false;
            return;
        }
        static const std::vector<std::string_view> keys = {"date", "set", "note"};
        cx.check_keys(*table, keys, "planned");
        const bool known = std::all_of(table->begin(), table->end(), [](auto&& entry) {
            return std::find(keys.begin(), keys.end(), entry.first.str()) != keys.end();
        });
        PlannedEntry entry;
        const auto d = table_date(cx, *table, "planned");
        bool good = d.has_value() && known;
        if (d) entry.date = *d;
        if (const toml::node* set = table->get("set")) {
            entry.set = cx.as_date(*set, "set");
            if (!entry.set) {
                good = false;
            } else if (last_set && *entry.set < *last_set) {
                cx.error(cx.pos(set->source()), trf("planned date set on {}, before the one before it (set on {})",
                                                    human_date(*entry.set), human_date(*last_set)));
                cx.diagnostics().back().relate(
                    [](std::uint32_t line) {
                        return trf(
                            "planned dates are listed in the order they were set, the current plan last (see line {})",
                            line);
                    },
                    last_set_line);
                good = false;
            } else {
                last_set = entry.set;
                last_set_line = cx.pos(set->source()).line;
            }
        }
        if (!read_text(cx, *table, "note", TextRule::note, entry.note)) good = false;
        if (good)
            entries.push_back(std::move(entry));
        else
            ok = false;
    };
    if (const auto* array = node.as_array())
        for (const toml::node& value : *array) add(value);
    else
        add(node);
    if (!ok) return std::nullopt;
    return PlannedDates(std::move(entries));
}

// Sorts the events by date and checks them against the history rule
// (history.hpp), reporting the first problem at the event that causes it.
bool report_history(TomlContext& cx, std::vector<PlacedEvent>& events) {
    // By date, then by place in the file, so that of two events on one day
    // the later-written one is reported.
    std::sort(events.begin(), events.end(), [](const PlacedEvent& a, const PlacedEvent& b) {
        if (a.event.date != b.event.date) return a.event.date < b.event.date;
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
    });
    std::vector<Event> sorted;
    sorted.reserve(events.size());
    for (const PlacedEvent& e : events) sorted.push_back(e.event);
    const auto problem = first_history_problem(sorted);
    if (!problem) return true;
    const Event& e = sorted[problem->at];
    const SourcePos at = events[problem->at].pos;
    switch (problem->fault) {
        case HistoryFault::same_day:
            cx.error(at, trf("two events on {}", human_date(e.date)));
            cx.diagnostics().back().relate(
                [](std::uint32_t line) {
                    return trf("a locality is certified or revoked at most once a day (see line {})", line);
                },
                events[problem->at - 1].pos.line);
            break;
        case HistoryFault::starts_revoked:
            cx.error(at, trf("revoked on {} before it was ever certified", human_date(e.date)),
                     tr("a history starts with a certification; add the earlier certified date"));
            break;
        case HistoryFault::repeated: {
            const Event& before = sorted[problem->at - 1];
            const std::string day = human_date(e.date);
            cx.error(
                at,
                e.kind == EventKind::certified
                    ? trf("certified on {} while still certified since {}", day, human_date(before.date))
                    : trf("revoked on {} while already revoked since {}", day, human_date(before.date)),
                tr("certified and revoked dates must alternate in time; add the missing event or remove this one"));
            break;
        }
    }
    return false;
}

// The values of a [[locality]] table's keys, found in one pass over it: a
// lookup by key searches toml++'s map each time, and a plan may hold a
// million tables.
struct LocalityNodes {
    const toml::node* id = nullptr;
    const toml::node* name = nullptr;
    const toml::node* kind = nullptr;
    const toml::node* certified = nullptr;
    const toml::node* revoked = nullptr;
    const toml::node* planned = nullptr;
    bool all_known = true;
};

LocalityNodes nodes_of(const toml::table& table) {
    LocalityNodes n;
    for (auto&& [key, node] : table) {
        const std::string_view k = key.str();
        const toml::node* value = &node;
        if (k == "name")
            n.name = value;
        else if (k == "id")
            n.id = value;
        else if (k == "kind")
            n.kind = value;
        else if (k == "certified")
            n.certified = value;
        else if (k == "revoked")
            n.revoked = value;
        else if (k == "planned")
            n.planned = value;
        else
            n.all_known = false;
    }
    return n;
}

}  // namespace

LocalityDraft read_locality(TomlContext& cx, const toml::table& table) {
    static const std::vector<std::string_view> keys = {"id", "name", "kind", "certified", "revoked", "planned"};
    const LocalityNodes nodes = nodes_of(table);
    if (!nodes.all_known) cx.check_keys(table, keys, "[[locality]]");
    LocalityDraft draft;
    Locality& loc = draft.locality;
    loc.pos = cx.pos(table.source());
    bool ok = true;
    if (!nodes.name) {
        cx.missing(table, "name", "[[locality]]", tr("add name = \"...\""));
        ok = false;
    } else if (auto name = cx.as_string(*nodes.name, "name")) {
        if (name->empty()) {
            cx.error(cx.pos(nodes.name->source()), tr("the locality's name is empty"));
            ok = false;
        } else {
            if (!cx.check_text(*nodes.name, "name", *name, TextRule::label)) ok = false;
            loc.name = to_nfc(*name);
            draft.name_pos = cx.pos(nodes.name->source());
            draft.name_hash = identity_hash(loc.name);
        }
    } else {
        ok = false;
    }
    if (const toml::node* node = nodes.id) {
        if (const auto* s = node->as_string()) {
            if (!cx.check_text(*node, "id", s->get(), TextRule::label)) ok = false;
            loc.id = to_nfc(s->get());
            draft.id_pos = cx.pos(node->source());
        } else {
            cx.wrong_type(*node, "id", tr("a string"),
                          node->is_integer()
                              ? trf("write the code in quotes: id = \"{}\"", *node->value<std::int64_t>())
                              : tr("write the code in quotes: id = \"11506\""));
            ok = false;
        }
    }
    if (const toml::node* node = nodes.kind) {
        if (const auto* s = node->as_string()) {
            if (!cx.check_text(*node, "kind", s->get(), TextRule::label)) ok = false;
            loc.kind = to_nfc(s->get());
            draft.kind_pos = cx.pos(node->source());
        } else {
            cx.wrong_type(*node, "kind", tr("a string"), tr("write it in quotes: kind = \"...\""));
        }
    }
    // One buffer per thread, reused: most localities have one or two events.
    thread_local std::vector<PlacedEvent> events;
    events.clear();
    read_events(cx, nodes.certified, "certified", EventKind::certified, events, ok);
    read_events(cx, nodes.revoked, "revoked", EventKind::revoked, events, ok);
    ok = report_history(cx, events) && ok;
    if (const toml::node* node = nodes.planned) {
        if (auto planned = read_planned(cx, *node))
            loc.planned = std::move(*planned);
        else
            ok = false;
    }
    draft.ok = ok;
    if (!ok) return draft;
    loc.events.reserve(events.size());
    for (const PlacedEvent& e : events) loc.events.push_back(e.event);
    return draft;
}

}  // namespace ontrack
