// The head of a plan file: [plan] (name, texts, kinds, parts, start), the
// total, and the [[milestone]] entries with their targets and their order.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "model.hpp"
#include "toml_access.hpp"

namespace ontrack {

class PlanHeadReader {
   public:
    PlanHeadReader(TomlContext& cx, Plan& plan) : cx_(cx), plan_(plan) {}

    // Reads [plan] and the milestones of the parsed file `root` into the
    // plan; a file without [plan] is reported as not a plan, and only that.
    void read(const toml::table& root);

    bool is_plan() const { return plan_node_ != nullptr; }
    // [plan] parts, when the plan is a roll-up.
    const toml::node* parts() const { return parts_node_; }
    // [plan] total, when written.
    const toml::node* total() const;

    // A locality's kind must be one of the declared kinds, when declared.
    void check_kind(const Locality& loc, SourcePos kind_pos);

    // Applies [plan] total (or the count of `entries` without one); false
    // when it is unusable.
    bool resolve_total(std::int64_t entries);

    // Resolves each milestone's required count against the plan's total and
    // reports every fault of their order (model/milestone_rule.hpp), when
    // every milestone was read.
    void check_milestones();

   private:
    TomlContext& cx_;
    Plan& plan_;
    const toml::node* plan_node_ = nullptr;
    const toml::node* parts_node_ = nullptr;
    const toml::node* milestones_node_ = nullptr;
    std::vector<const toml::table*> milestone_tables_;
    bool milestones_complete_ = true;
    std::vector<std::string_view> kinds_;  // plan_.kinds, for "did you mean"

    void read_plan(const toml::table& table);
    void read_parts(const toml::node& node);
    void read_kinds(const toml::table& table);
    void read_milestones(const toml::node& node);
    void read_milestone(const toml::table& table);
    bool read_target(const toml::node& node, Target& target);
};

}  // namespace ontrack
