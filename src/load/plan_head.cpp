#include "plan_head.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "i18n.hpp"
#include "milestone_rule.hpp"
#include "suggest.hpp"
#include "unicode.hpp"

namespace ontrack {

void PlanHeadReader::read(const toml::table& root) {
    plan_node_ = root.get("plan");
    if (!plan_node_) {
        // Without [plan] this is some other TOML file: say so, and only that.
        cx_.error({1, 1}, tr("not a plan: the file has no [plan] table"),
                  tr("an ontrack plan starts with [plan] and name = \"...\"; see README.md"));
        return;
    }
    cx_.check_keys(root, {"plan", "milestone", "locality"}, tr("the plan file"));
    if (const auto* table = plan_node_->as_table())
        read_plan(*table);
    else
        cx_.wrong_type(*plan_node_, "plan", tr("a table"), tr("write it as a [plan] header"));
    milestones_node_ = root.get("milestone");
    if (milestones_node_) read_milestones(*milestones_node_);
}

const toml::node* PlanHeadReader::total() const {
    const auto* table = plan_node_ ? plan_node_->as_table() : nullptr;
    return table ? table->get("total") : nullptr;
}

// A locality's kind must be one of the declared kinds, when declared.
void PlanHeadReader::check_kind(const Locality& loc, SourcePos kind_pos) {
    if (plan_.kinds.empty() || loc.kind.empty() ||
        std::find(plan_.kinds.begin(), plan_.kinds.end(), loc.kind) != plan_.kinds.end())
        return;
    std::string listed;
    for (std::string_view k : kinds_) listed += fmt::format("{}\"{}\"", listed.empty() ? "" : ", ", k);
    std::string guess;
    for (std::string_view k : kinds_)
        if (identity_key(k) == identity_key(loc.kind)) guess = std::string(k);
    if (guess.empty()) guess = closest_match(loc.kind, kinds_);
    cx_.error(kind_pos, trf("kind '{}' is not one of the plan's kinds", loc.kind),
              guess.empty() ? trf("[plan] kinds lists: {}", listed)
                            : trf("did you mean '{}'? [plan] kinds lists: {}", guess, listed));
}

// [plan] parts = ["provinces/*.toml", ...]: file names or glob patterns.
void PlanHeadReader::read_parts(const toml::node& node) {
    parts_node_ = &node;
    const auto* array = node.as_array();
    const char* hint = N_("list the parts' plan files, e.g. parts = [\"provinces/*.toml\"]");
    if (!array || array->empty()) {
        cx_.wrong_type(node, "parts", tr("a non-empty array of file names"), tr(hint));
        return;
    }
    for (const toml::node& element : *array) {
        const auto* s = element.as_string();
        if (!s || s->get().empty()) {
            cx_.wrong_type(element, "parts", tr("a file name in quotes"), tr(hint));
            continue;
        }
        if (!cx_.check_text(element, "parts", s->get(), TextRule::line)) continue;
        plan_.part_patterns.push_back({s->get(), cx_.pos(element.source())});
    }
}

void PlanHeadReader::read_plan(const toml::table& table) {
    cx_.check_keys(table,
                   {"name", "total", "source", "note", "issuer", "place", "illustrative", "start", "kinds", "parts"},
                   "[plan]");
    if (const toml::node* parts = table.get("parts")) read_parts(*parts);
    read_kinds(table);
    for (auto [key, rule] :
         {std::pair{"name", TextRule::line}, std::pair{"source", TextRule::line}, std::pair{"issuer", TextRule::line},
          std::pair{"place", TextRule::line}, std::pair{"note", TextRule::note}})
        if (const toml::node* node = table.get(key); node && node->is_string())
            cx_.check_text(*node, key, node->as_string()->get(), rule);
    if (auto name = cx_.get_string(table, "name")) {
        if (name->empty())
            cx_.error(cx_.pos(table.get("name")->source()), tr("the plan's name is empty"),
                      tr("name the plan, e.g. name = \"Hai Phong drug-free communes, wards and special zones\""));
        plan_.name = std::move(*name);
    } else if (!table.get("name")) {
        cx_.missing(table, "name", "[plan]", tr("add name = \"...\" under [plan]"));
    }
    plan_.source = cx_.get_string(table, "source").value_or("");
    plan_.note = cx_.get_string(table, "note").value_or("");
    plan_.issuer = cx_.get_string(table, "issuer").value_or("");
    plan_.place = cx_.get_string(table, "place").value_or("");
    if (const toml::node* node = table.get("illustrative")) {
        if (const auto* b = node->as_boolean())
            plan_.illustrative = b->get();
        else
            cx_.wrong_type(*node, "illustrative", tr("true or false"), tr("write illustrative = true, unquoted"));
    }
    plan_.start = cx_.get_date(table, "start");
}

// [plan] kinds = ["xã", "phường", "đặc khu"]: labels, each once.
void PlanHeadReader::read_kinds(const toml::table& table) {
    const toml::node* node = table.get("kinds");
    if (!node) return;
    const auto* array = node->as_array();
    if (!array || array->empty()) {
        cx_.wrong_type(*node, "kinds", tr("a non-empty array of strings"),
                       tr("list the kinds of unit, e.g. kinds = [\"xã\", \"phường\", \"đặc khu\"]"));
        return;
    }
    for (const toml::node& element : *array) {
        const auto* s = element.as_string();
        if (!s) {
            cx_.wrong_type(element, "kinds", tr("a string"), tr("write each kind in quotes"));
            continue;
        }
        if (!cx_.check_text(element, "kinds", s->get(), TextRule::label)) continue;
        std::string kind = to_nfc(s->get());
        if (std::find(plan_.kinds.begin(), plan_.kinds.end(), kind) != plan_.kinds.end()) {
            cx_.error(cx_.pos(element.source()), trf("kind '{}' is listed twice", kind), tr("list each kind once"));
            continue;
        }
        plan_.kinds.push_back(std::move(kind));
    }
    kinds_.assign(plan_.kinds.begin(), plan_.kinds.end());
}

bool PlanHeadReader::resolve_total(std::int64_t entries) {
    const auto* plan_table = plan_node_->as_table();
    if (!plan_table) return false;
    const toml::table& plan = *plan_table;
    const toml::node* node = plan.get("total");
    if (!node) {
        plan_.total = entries;
        if (entries == 0) {
            cx_.error(cx_.pos(plan.source()), tr("the plan has no total and no localities"),
                      tr("add total = N under [plan], or list the localities as [[locality]]"));
            return false;
        }
        return true;
    }
    const auto* value = node->as_integer();
    if (!value) {
        cx_.wrong_type(*node, "total", tr("an integer"), tr("write the number of units, e.g. total = 114"));
        return false;
    }
    plan_.total = value->get();
    if (plan_.total < 1) {
        cx_.error(cx_.pos(node->source()), trf("total must be at least 1, not {}", plan_.total),
                  tr("total is the number of units the plan covers, e.g. total = 114"));
        return false;
    }
    if (plan_.total < entries) {
        cx_.error(cx_.pos(node->source()),
                  trn("total is {} but the plan lists {} locality", "total is {} but the plan lists {} localities",
                      entries, plan_.total, entries),
                  trf("total may not be smaller than the number of [[locality]] entries; raise it to "
                      "at least {} or leave it out",
                      entries));
        return false;
    }
    return true;
}

void PlanHeadReader::read_milestones(const toml::node& node) {
    const auto* array = node.as_array();
    if (!array) {
        cx_.wrong_type(node, "milestone", tr("an array of tables"),
                       tr("write each entry under its own [[milestone]] header"));
        milestones_complete_ = false;
        return;
    }
    for (const toml::node& element : *array) {
        if (const auto* table = element.as_table()) {
            read_milestone(*table);
        } else {
            cx_.wrong_type(element, "milestone", tr("a table"),
                           tr("write each entry under its own [[milestone]] header"));
            milestones_complete_ = false;
        }
    }
}

void PlanHeadReader::read_milestone(const toml::table& table) {
    static const std::vector<std::string_view> keys = {"name", "deadline", "target"};
    cx_.check_keys(table, keys, "[[milestone]]");
    Milestone m;
    m.pos = cx_.pos(table.source());
    bool ok = true;
    m.name = cx_.get_string(table, "name").value_or("");
    if (const toml::node* node = table.get("name"); node && node->is_string())
        ok = cx_.check_text(*node, "name", m.name, TextRule::line) && ok;
    if (const toml::node* node = table.get("deadline")) {
        const auto d = cx_.as_date(*node, "deadline");
        ok = ok && d.has_value();
        if (d) m.deadline = *d;
    } else {
        cx_.missing(table, "deadline", "[[milestone]]", tr("add deadline = YYYY-MM-DD (unquoted)"));
        ok = false;
    }
    if (const toml::node* node = table.get("target")) {
        ok = read_target(*node, m.target) && ok;
    } else {
        cx_.missing(table, "target", "[[milestone]]",
                    tr("add target = \"30%\" (a share of total) or target = 35 (a count)"));
        ok = false;
    }
    if (ok) {
        milestone_tables_.push_back(&table);
        plan_.milestones.push_back(std::move(m));
    } else {
        milestones_complete_ = false;
    }
}

bool PlanHeadReader::read_target(const toml::node& node, Target& target) {
    if (const auto* s = node.as_string()) {
        std::string why;
        const auto percent = parse_percent(s->get(), why);
        if (!percent) {
            const bool digits = !s->get().empty() && s->get().find_first_not_of("0123456789.") == std::string::npos;
            cx_.error(cx_.pos(node.source()), trf("target \"{}\" is not a percentage in (0, 100]", s->get()),
                      digits ? trf("{}: target = \"{}%\" for a share of total, or target = {} unquoted for "
                                   "a count",
                                   tr(why.c_str()), s->get(), s->get())
                             : trf("{}; or give a count as a bare integer: target = 35", tr(why.c_str())));
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
            cx_.error(cx_.pos(node.source()), trf("target must be at least 1 unit, not {}", target.count),
                      tr("give a count of units, or a percentage in quotes: target = \"30%\""));
            return false;
        }
        return true;
    }
    if (const auto* f = node.as_floating_point()) {
        const double v = f->get();
        if (v > 0 && v <= 1)
            cx_.wrong_type(node, "target", tr("a percentage string or an integer count"),
                           trf("write a percentage in quotes: target = \"{}%\" for a share of one ({} × 100), "
                               "or target = \"{}%\" if you meant {} percent",
                               v * 100, v, v, v));
        else
            cx_.wrong_type(node, "target", tr("a percentage string or an integer count"),
                           trf("write a percentage in quotes: target = \"{}%\"", v));
        return false;
    }
    cx_.wrong_type(node, "target", tr("a percentage string or an integer count"),
                   tr("write target = \"30%\" (a share of total) or target = 35 (a count)"));
    return false;
}

void PlanHeadReader::check_milestones() {
    if (!milestones_node_ || !milestones_complete_) return;
    for (const MilestoneFault& fault : resolve_milestones(plan_.milestones, plan_.total)) {
        const Milestone& m = plan_.milestones[fault.index];
        const toml::table& table = *milestone_tables_[fault.index];
        const SourcePos target_pos = cx_.pos(table.get("target")->source());
        switch (fault.kind) {
            case MilestoneFault::Kind::count_above_total:
                cx_.error(target_pos, trf("target {} is more than the plan's total of {}", m.target.count, plan_.total),
                          tr("a count target may not exceed total; raise total or lower the target"));
                break;
            case MilestoneFault::Kind::deadline_not_after: {
                const Milestone& previous = plan_.milestones[fault.index - 1];
                cx_.error(cx_.pos(table.get("deadline")->source()),
                          trf("deadline {} is not after the previous milestone's {} (line {})", human_date(m.deadline),
                              human_date(previous.deadline), previous.pos.line),
                          tr("list milestones in order of their deadlines, each later than the one before"));
                break;
            }
            case MilestoneFault::Kind::fewer_than_before: {
                const Milestone& previous = plan_.milestones[fault.index - 1];
                cx_.error(target_pos,
                          trn("target requires {} unit, fewer than the {} of the previous milestone (line {})",
                              "target requires {} units, fewer than the {} of the previous milestone (line {})",
                              static_cast<std::uint64_t>(m.required), m.required, previous.required, previous.pos.line),
                          tr("targets are cumulative: each milestone requires at least as many units as the one "
                             "before"));
                break;
            }
        }
    }
}

}  // namespace ontrack
