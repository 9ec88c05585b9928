#include "load.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "diagnostic.hpp"
#include "key_depth.hpp"
#include "plan_file.hpp"
#include "suggest.hpp"

namespace ontrack {
namespace {

SourcePos pos_of(const toml::source_region& region) {
    return {region.begin.line == 0 ? 1 : region.begin.line, region.begin.column == 0 ? 1 : region.begin.column};
}

const char* type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a decimal number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

// The table's keys in the order they stand in the file (toml++ sorts them).
std::vector<std::pair<const toml::key*, const toml::node*>> keys_in_file_order(const toml::table& table) {
    std::vector<std::pair<const toml::key*, const toml::node*>> keys;
    keys.reserve(table.size());
    for (auto&& [key, node] : table) keys.emplace_back(&key, &node);
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        const auto& pa = a.first->source().begin;
        const auto& pb = b.first->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    return keys;
}

// Beyond this many problems, diagnostics carry no excerpt (each costs a scan).
constexpr std::size_t max_excerpts = 20;

class Loader {
   public:
    Loader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    Plan run() {
        plan_.file = file_;
        if (const auto deep = find_too_deep_key(text_)) {
            error({deep->line, deep->column}, fmt::format("a key of more than {} dotted parts", max_key_parts),
                  "a plan nests keys two levels deep at most; this is not a plan");
            throw InputError(std::move(diagnostics_));
        }
        toml::table root;
        try {
            root = toml::parse(text_, std::string_view(file_));
        } catch (const toml::parse_error& e) {
            error(pos_of(e.source()), std::string(e.description()), syntax_hint(e.description()));
            throw InputError(std::move(diagnostics_));
        }
        read_root(root);
        if (!diagnostics_.empty()) {
            std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
                return a.line != b.line ? a.line < b.line : a.column < b.column;
            });
            throw InputError(std::move(diagnostics_));
        }
        return std::move(plan_);
    }

   private:
    std::string_view text_;
    const std::string& file_;
    Plan plan_;
    std::vector<Diagnostic> diagnostics_;

    void error(SourcePos at, std::string message, std::string hint = {}) {
        std::string excerpt;
        if (diagnostics_.size() < max_excerpts) excerpt = std::string(line_of(text_, at.line));
        diagnostics_.push_back(
            Diagnostic{file_, at.line, at.column, std::move(message), std::move(hint), std::move(excerpt)});
    }

    static std::string syntax_hint(std::string_view description) {
        if (description.find("cannot redefine") != std::string_view::npos)
            return "each key may appear once in a table; localities and milestones each need their own "
                   "[[locality]] or [[milestone]] header";
        return "see the plan format in README.md";
    }

    // Reports keys of `table` not in `allowed`, with a suggestion.
    void check_keys(const toml::table& table, const std::vector<std::string_view>& allowed, std::string_view where) {
        for (const auto& [key, node] : keys_in_file_order(table)) {
            (void)node;
            const std::string_view name = key->str();
            if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
            const std::string guess = closest_match(name, allowed);
            std::string expected;
            for (std::string_view a : allowed) expected += fmt::format("{}{}", expected.empty() ? "" : ", ", a);
            error(pos_of(key->source()), fmt::format("unknown key '{}' in {}", name, where),
                  guess.empty() ? fmt::format("the keys allowed here are: {}", expected)
                                : fmt::format("did you mean '{}'?", guess));
        }
    }

    void wrong_type(const toml::node& node, std::string_view key, std::string_view expected, std::string hint = {}) {
        error(pos_of(node.source()), fmt::format("'{}' must be {}, not {}", key, expected, type_name(node)),
              std::move(hint));
    }

    void missing(const toml::table& table, std::string_view key, std::string_view where, std::string hint) {
        error(pos_of(table.source()), fmt::format("{} has no '{}'", where, key), std::move(hint));
    }

    std::optional<std::string> get_string(const toml::table& table, std::string_view key) {
        const toml::node* node = table.get(key);
        if (!node) return std::nullopt;
        if (const auto* s = node->as_string()) return s->get();
        wrong_type(*node, key, "a string", fmt::format("write it in quotes: {} = \"...\"", key));
        return std::nullopt;
    }

    std::optional<Date> as_date(const toml::node& node, std::string_view key) {
        if (const auto* d = node.as_date()) {
            const toml::date v = d->get();
            if (!is_valid_ymd(v.year, v.month, v.day)) {
                error(pos_of(node.source()), fmt::format("'{}' is not a date between 0001-01-01 and 9999-12-31", key));
                return std::nullopt;
            }
            return Date::from_ymd(v.year, v.month, v.day);
        }
        if (const auto* s = node.as_string()) {
            std::string why;
            const auto parsed = parse_iso_date(s->get(), &why);
            error(pos_of(node.source()), fmt::format("'{}' is a date written as a string", key),
                  parsed ? fmt::format("write it unquoted: {} = {}", key, s->get())
                         : fmt::format("write a date unquoted, as YYYY-MM-DD: {} = 2025-12-31", key));
            return std::nullopt;
        }
        if (node.is_date_time()) {
            wrong_type(node, key, "a date", "give the day only, as YYYY-MM-DD");
            return std::nullopt;
        }
        wrong_type(node, key, "a date", fmt::format("write it as YYYY-MM-DD, unquoted: {} = 2025-12-31", key));
        return std::nullopt;
    }

    std::optional<Date> get_date(const toml::table& table, std::string_view key) {
        const toml::node* node = table.get(key);
        return node ? as_date(*node, key) : std::nullopt;
    }

    void read_root(const toml::table& root) {
        const toml::node* plan = root.get("plan");
        if (!plan) {
            // Without [plan] this is some other TOML file: say so, and only that.
            error({1, 1}, "not a plan: the file has no [plan] table",
                  "an ontrack plan starts with [plan] and name = \"...\"; see README.md");
            return;
        }
        check_keys(root, {"plan", "milestone", "locality"}, "the plan file");
        if (const auto* table = plan->as_table())
            read_plan(*table);
        else
            wrong_type(*plan, "plan", "a table", "write it as a [plan] header");
        if (const toml::node* locs = root.get("locality")) read_array_of_tables(*locs, "locality");
        const bool total_ok = resolve_total(plan->as_table());
        const toml::node* ms = root.get("milestone");
        if (!ms) {
            error(pos_of(plan->source()), "the plan has no [[milestone]]",
                  "add at least one: [[milestone]] with deadline = 2025-12-31 and target = \"30%\"");
        } else {
            read_array_of_tables(*ms, "milestone");
            if (total_ok) check_milestones();
        }
    }

    void read_array_of_tables(const toml::node& node, std::string_view key) {
        const auto* array = node.as_array();
        if (!array) {
            wrong_type(node, key, "an array of tables",
                       fmt::format("write each entry under its own [[{}]] header", key));
            return;
        }
        if (array->empty() && key == "milestone")
            error(pos_of(node.source()), "the plan has no [[milestone]]", "add at least one [[milestone]]");
        for (const toml::node& element : *array) {
            const auto* table = element.as_table();
            if (!table) {
                wrong_type(element, key, "a table", fmt::format("write each entry under its own [[{}]] header", key));
            } else if (key == "locality") {
                read_locality(*table);
            } else {
                read_milestone(*table);
            }
        }
    }

    void read_plan(const toml::table& table) {
        check_keys(table, {"name", "total", "source", "note", "illustrative", "start"}, "[plan]");
        if (auto name = get_string(table, "name")) {
            if (name->empty()) error(pos_of(table.get("name")->source()), "the plan's name is empty");
            plan_.name = std::move(*name);
        } else if (!table.get("name")) {
            missing(table, "name", "[plan]", "add name = \"...\" under [plan]");
        }
        plan_.source = get_string(table, "source").value_or("");
        plan_.note = get_string(table, "note").value_or("");
        if (const toml::node* node = table.get("illustrative")) {
            if (const auto* b = node->as_boolean())
                plan_.illustrative = b->get();
            else
                wrong_type(*node, "illustrative", "true or false");
        }
        plan_.start = get_date(table, "start");
    }

    // Applies [plan].total; false when it is unusable.
    bool resolve_total(const toml::table* plan) {
        const auto listed = static_cast<std::int64_t>(plan_.localities.size());
        const toml::node* node = plan ? plan->get("total") : nullptr;
        if (!node) {
            plan_.total = listed;
            if (listed == 0 && plan) {
                error(pos_of(plan->source()), "the plan has no total and no localities",
                      "add total = N under [plan], or list the localities as [[locality]]");
                return false;
            }
            return plan != nullptr;
        }
        const auto* value = node->as_integer();
        if (!value) {
            wrong_type(*node, "total", "an integer", "write the number of units, e.g. total = 114");
            return false;
        }
        plan_.total = value->get();
        if (plan_.total < 1) {
            error(pos_of(node->source()), fmt::format("total must be at least 1, not {}", plan_.total));
            return false;
        }
        if (plan_.total < listed) {
            error(pos_of(node->source()),
                  fmt::format("total is {} but the plan lists {} localities", plan_.total, listed),
                  fmt::format("total may not be smaller than the number of [[locality]] entries; raise it to at "
                              "least {} or leave it out",
                              listed));
            return false;
        }
        return true;
    }

    void read_milestone(const toml::table& table) {
        check_keys(table, {"name", "deadline", "target"}, "[[milestone]]");
        Milestone m;
        m.pos = pos_of(table.source());
        bool ok = true;
        m.name = get_string(table, "name").value_or("");
        if (const toml::node* node = table.get("deadline")) {
            const auto d = as_date(*node, "deadline");
            ok = ok && d.has_value();
            if (d) m.deadline = *d;
        } else {
            missing(table, "deadline", "[[milestone]]", "add deadline = YYYY-MM-DD (unquoted)");
            ok = false;
        }
        if (const toml::node* node = table.get("target")) {
            ok = read_target(*node, m.target) && ok;
        } else {
            missing(table, "target", "[[milestone]]",
                    "add target = \"30%\" (a share of total) or target = 35 (a count)");
            ok = false;
        }
        if (ok) {
            milestone_nodes_.push_back(&table);
            plan_.milestones.push_back(std::move(m));
        } else {
            milestones_complete_ = false;
        }
    }

    bool read_target(const toml::node& node, Target& target) {
        if (const auto* s = node.as_string()) {
            std::string why;
            const auto percent = parse_percent(s->get(), why);
            if (!percent) {
                error(pos_of(node.source()), fmt::format("target \"{}\" is not a percentage in (0, 100]", s->get()),
                      why + "; or give a count as a bare integer: target = 35");
                return false;
            }
            target.kind = Target::Kind::percent;
            target.percent = *percent;
            return true;
        }
        if (const auto* i = node.as_integer()) {
            target.kind = Target::Kind::count;
            target.count = i->get();
            if (target.count < 1) {
                error(pos_of(node.source()), fmt::format("target must be at least 1 unit, not {}", target.count),
                      "give a count of units, or a percentage in quotes: target = \"30%\"");
                return false;
            }
            return true;
        }
        if (const auto* f = node.as_floating_point()) {
            wrong_type(node, "target", "a percentage string or an integer count",
                       fmt::format("write a percentage in quotes: target = \"{}%\"", f->get()));
            return false;
        }
        wrong_type(node, "target", "a percentage string or an integer count",
                   "write target = \"30%\" (a share of total) or target = 35 (a count)");
        return false;
    }

    void check_milestones() {
        if (!milestones_complete_) return;
        const Milestone* previous = nullptr;
        for (std::size_t k = 0; k < plan_.milestones.size(); ++k) {
            Milestone& m = plan_.milestones[k];
            const toml::table& table = *milestone_nodes_[k];
            const SourcePos target_pos = pos_of(table.get("target")->source());
            m.required = required_count(m.target, plan_.total);
            if (m.target.kind == Target::Kind::count && m.target.count > plan_.total)
                error(target_pos,
                      fmt::format("target {} is more than the plan's total of {}", m.target.count, plan_.total),
                      "a count target may not exceed total; raise total or lower the target");
            if (previous) {
                if (m.deadline <= previous->deadline)
                    error(pos_of(table.get("deadline")->source()),
                          fmt::format("deadline {} is not after the previous milestone's {} (line {})",
                                      to_iso(m.deadline), to_iso(previous->deadline), previous->pos.line),
                          "list milestones in order of their deadlines, each later than the one before");
                else if (m.required < previous->required)
                    error(target_pos,
                          fmt::format("target requires {} units, fewer than the {} of the previous milestone (line {})",
                                      m.required, previous->required, previous->pos.line),
                          "targets are cumulative: each milestone requires at least as many units as the one "
                          "before");
            }
            previous = &m;
        }
    }

    void read_events(const toml::table& table, std::string_view key, EventKind kind,
                     std::vector<std::pair<Event, SourcePos>>& events, bool& ok) {
        const toml::node* node = table.get(key);
        if (!node) return;
        auto add = [&](const toml::node& value) {
            if (const auto d = as_date(value, key))
                events.push_back({Event{*d, kind}, pos_of(value.source())});
            else
                ok = false;
        };
        if (const auto* array = node->as_array())
            for (const toml::node& value : *array) add(value);
        else
            add(*node);
    }

    void read_locality(const toml::table& table) {
        check_keys(table, {"id", "name", "kind", "certified", "revoked", "planned"}, "[[locality]]");
        Locality loc;
        loc.pos = pos_of(table.source());
        bool ok = true;
        if (auto name = get_string(table, "name")) {
            loc.name = std::move(*name);
            const SourcePos at = pos_of(table.get("name")->source());
            if (loc.name.empty()) {
                error(at, "the locality's name is empty");
                ok = false;
            } else if (auto [it, fresh] = names_.emplace(loc.name, at); !fresh) {
                error(at, fmt::format("duplicate locality name '{}'", loc.name),
                      fmt::format("it is already used at line {}; names must be unique", it->second.line));
                ok = false;
            }
        } else {
            if (!table.get("name")) missing(table, "name", "[[locality]]", "add name = \"...\"");
            ok = false;
        }
        if (const toml::node* node = table.get("id")) {
            if (const auto* s = node->as_string()) {
                loc.id = s->get();
                if (auto [it, fresh] = ids_.emplace(loc.id, pos_of(node->source())); !fresh) {
                    error(pos_of(node->source()), fmt::format("duplicate locality id '{}'", loc.id),
                          fmt::format("it is already used at line {}; ids must be unique", it->second.line));
                    ok = false;
                }
            } else {
                wrong_type(*node, "id", "a string",
                           node->is_integer()
                               ? fmt::format("write the code in quotes: id = \"{}\"", *node->value<std::int64_t>())
                               : "write the code in quotes: id = \"11506\"");
                ok = false;
            }
        }
        loc.kind = get_string(table, "kind").value_or("");
        std::vector<std::pair<Event, SourcePos>> events;
        read_events(table, "certified", EventKind::certified, events, ok);
        read_events(table, "revoked", EventKind::revoked, events, ok);
        ok = check_history(events) && ok;
        if (const toml::node* node = table.get("planned")) {
            loc.planned = as_date(*node, "planned");
            ok = ok && loc.planned.has_value();
        }
        if (!ok) return;
        loc.events.reserve(events.size());
        for (const auto& e : events) loc.events.push_back(e.first);
        plan_.localities.push_back(std::move(loc));
    }

    // Sorts the events by date and checks that they alternate, starting with a
    // certification, no two on one day.
    bool check_history(std::vector<std::pair<Event, SourcePos>>& events) {
        std::sort(events.begin(), events.end(),
                  [](const auto& a, const auto& b) { return a.first.date < b.first.date; });
        for (std::size_t k = 0; k < events.size(); ++k) {
            const Event& e = events[k].first;
            const SourcePos at = events[k].second;
            const std::string day = to_iso(e.date);
            if (k == 0) {
                if (e.kind == EventKind::revoked) {
                    error(at, fmt::format("revoked on {} before it was ever certified", day),
                          "a history starts with a certification; add the earlier certified date");
                    return false;
                }
                continue;
            }
            const Event& before = events[k - 1].first;
            if (before.date == e.date) {
                error(at, fmt::format("two events on {}", day),
                      fmt::format("a locality is certified or revoked at most once a day (see line {})",
                                  events[k - 1].second.line));
                return false;
            }
            if (before.kind == e.kind) {
                error(at,
                      e.kind == EventKind::certified
                          ? fmt::format("certified on {} while still certified since {}", day, to_iso(before.date))
                          : fmt::format("revoked on {} while already revoked since {}", day, to_iso(before.date)),
                      "certified and revoked dates must alternate in time; add the missing event or remove this one");
                return false;
            }
        }
        return true;
    }

    std::vector<const toml::table*> milestone_nodes_;
    bool milestones_complete_ = true;
    std::unordered_map<std::string, SourcePos> names_;
    std::unordered_map<std::string, SourcePos> ids_;
};

}  // namespace

Plan parse_plan(std::string_view text, const std::string& file) {
    return Loader(text, file).run();
}

Plan load_plan(const std::string& path) {
    const std::string text = read_plan_file(path);
    return parse_plan(text, path);
}

}  // namespace ontrack
