#include "provinces.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "i18n.hpp"
#include "unicode.hpp"

namespace ontrack {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::vector<Province> provinces_of(std::vector<RosterUnit> units) {
    std::vector<Province> out;
    std::unordered_map<std::string, std::size_t> at;
    for (RosterUnit& u : units) {
        auto [it, fresh] = at.emplace(u.province_code, out.size());
        if (fresh) out.push_back({u.province_code, u.province, {}});
        out[it->second].units.push_back(std::move(u));
    }
    return out;
}

std::string province_key(std::string_view name) {
    std::string key = fold_for_search(name);
    // The type words, as written in full or short ("TP.", "TP").
    for (std::string_view word : {"thanh pho ", "tinh ", "tp. ", "tp.", "tp "})
        if (starts_with(key, word) && key.size() > word.size()) {
            key.erase(0, word.size());
            break;
        }
    while (!key.empty() && key.front() == ' ') key.erase(0, 1);
    return key;
}

const Province* find_province(const std::vector<Province>& provinces, std::string_view text) {
    for (const Province& p : provinces)
        if (!p.code.empty() && p.code == text) return &p;
    // A code typed without its leading zero: "1" for "01".
    for (const Province& p : provinces)
        if (!p.code.empty() && text.size() == 1 && p.code.size() == 2 && p.code[0] == '0' && p.code[1] == text[0])
            return &p;
    const std::string key = province_key(text);
    if (key.empty()) return nullptr;
    for (const Province& p : provinces)
        if (province_key(p.name) == key) return &p;
    return nullptr;
}

std::string province_list(const std::vector<Province>& provinces) {
    std::string out;
    for (const Province& p : provinces) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", p.code, p.name);
    return out;
}

std::string province_file_name(const Province& province) {
    std::string slug;
    for (char c : province_key(province.name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (c == ' ' && !slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "province";
    std::string code;
    for (char c : province.code)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) code += c;
    return code.empty() ? slug + ".toml" : code + "-" + slug + ".toml";
}

std::string rollup_plan_toml(const std::string& plan_name, const std::vector<std::string>& parts,
                             const std::vector<MilestoneSpec>& milestones, const std::string& source_note,
                             std::optional<Date> start) {
    std::string out =
        tr("# Written by ontrack init: a roll-up plan. Its total, coverage and planned dates are those of its\n"
           "# parts, listed below relative to this file; its milestones are judged on their sum.\n\n");
    out += "[plan]\n";
    out += fmt::format("name = {}\n", toml_quoted(plan_name));
    if (!source_note.empty()) out += fmt::format("source = {}\n", toml_quoted(source_note));
    if (start) out += fmt::format("start = {}\n", to_iso(*start));
    out += "parts = [\n";
    for (const std::string& p : parts) out += fmt::format("  {},\n", toml_quoted(p));
    out += "]\n";
    out += milestones_toml(milestones);
    return out;
}

std::vector<MilestoneSpec> national_milestones() {
    return {percent_milestone(2025, 12, 31, 20, tr("National: 20% by end of 2025")),
            percent_milestone(2030, 12, 31, 50, tr("National: 50% by end of 2030"))};
}

}  // namespace ontrack
