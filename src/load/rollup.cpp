#include "rollup.hpp"

#include <glob.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "i18n.hpp"
#include "parallel_for.hpp"
#include "plan_file.hpp"

namespace ontrack {
namespace {

// The folder of the roll-up file, with its slash: "" for a file in the
// current folder or standard input.
std::string folder_of(const std::string& file) {
    if (file == "<stdin>" || file == "-") return {};
    const auto slash = file.rfind('/');
    return slash == std::string::npos ? std::string() : file.substr(0, slash + 1);
}

Diagnostic located(const std::string& file, SourcePos at, std::string message, std::string hint) {
    Diagnostic d;
    d.file = file;
    d.line = at.line;
    d.column = at.column;
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

// The line and column of a locality's id (its value) in the text of its
// file: the first `id = ` line from its [[locality]] header on.
SourcePos id_pos(std::string_view text, const Locality& loc) {
    for (std::uint32_t line = loc.pos.line; line < loc.pos.line + 64; ++line) {
        const std::string_view s = line_of(text, line);
        if (line > loc.pos.line && s.find("[[") != std::string_view::npos) break;
        std::size_t i = s.find_first_not_of(" \t");
        if (i == std::string_view::npos || s.substr(i, 2) != "id") continue;
        std::size_t j = s.find_first_not_of(" \t", i + 2);
        if (j == std::string_view::npos || s[j] != '=') continue;
        j = s.find_first_not_of(" \t", j + 1);
        return {line, static_cast<std::uint32_t>(j == std::string_view::npos ? i + 1 : j + 1)};
    }
    return loc.pos;
}

}  // namespace

RollupLink link_of(const std::string& shown) {
    RollupLink link{{}, shown};
    if (shown == "-" || shown == "<stdin>") return link;
    link.file = identity_of(shown);
    return link;
}

std::vector<std::string> files_read(const Plan& plan) {
    if (!plan.files_read.empty()) return plan.files_read;
    return {plan.file};
}

bool resolve_rollup(Plan& plan, const std::vector<RollupLink>& chain, const PartLoader& load_part,
                    std::vector<Diagnostic>& own, std::vector<Diagnostic>& foreign) {
    const std::string folder = folder_of(plan.file);
    struct FoundPart {
        std::string path;
        std::size_t pattern;
    };
    std::vector<FoundPart> found;
    std::map<FileIdentity, std::size_t> seen;  // the file -> index in found
    bool ok = true;
    for (std::size_t k = 0; k < plan.part_patterns.size(); ++k) {
        const PartPattern& pattern = plan.part_patterns[k];
        const std::string full = !pattern.text.empty() && pattern.text[0] == '/' ? pattern.text : folder + pattern.text;
        glob_t g{};
        const int rc = ::glob(full.c_str(), 0, nullptr, &g);
        if (rc != 0 || g.gl_pathc == 0) {
            own.push_back(located(plan.file, pattern.pos, trf("part '{}' matches no file", pattern.text),
                                  folder.empty()
                                      ? tr("parts are named relative to the roll-up's folder")
                                      : trf("parts are named relative to the roll-up's folder, {}", folder)));
            ok = false;
        }
        for (std::size_t i = 0; rc == 0 && i < g.gl_pathc; ++i) {
            std::string path = g.gl_pathv[i];
            const RollupLink link = link_of(path);
            const auto cycle = std::find_if(chain.begin(), chain.end(),
                                            [&](const RollupLink& l) { return l.file && l.file == link.file; });
            if (cycle != chain.end()) {
                std::string text;
                for (auto l = cycle; l != chain.end(); ++l) text += l->shown + " → ";
                own.push_back(located(plan.file, pattern.pos, trf("part '{}' makes a cycle: {}", path, text + path),
                                      tr("a roll-up may not include itself, directly or through its parts")));
                ok = false;
                continue;
            }
            const auto [it, fresh] =
                link.file ? seen.emplace(*link.file, found.size()) : std::make_pair(seen.end(), true);
            if (!fresh) {
                const PartPattern& first = plan.part_patterns[found[it->second].pattern];
                own.push_back(
                    located(plan.file, pattern.pos, trf("part '{}' is listed twice", path),
                            trf("\"{}\" (line {}) names it too; list each part once", first.text, first.pos.line)));
                ok = false;
                continue;
            }
            found.push_back({std::move(path), k});
        }
        globfree(&g);
    }

    // The parts, in parallel, in their order.
    std::vector<Plan> parts(found.size());
    std::vector<std::vector<Diagnostic>> problems(found.size());
    std::vector<std::exception_ptr> thrown(found.size());
    parallel_for(found.size(), [&](std::size_t k) {
        try {
            parts[k] = load_part(found[k].path, chain);
        } catch (const InputError& e) {
            problems[k] = e.diagnostics();
        } catch (...) {
            thrown[k] = std::current_exception();
        }
    });
    for (const std::exception_ptr& e : thrown)
        if (e) std::rethrow_exception(e);
    for (auto& p : problems) {
        if (!p.empty()) ok = false;
        std::move(p.begin(), p.end(), std::back_inserter(foreign));
    }
    if (!ok) return false;

    // The union.
    std::size_t n = 0;
    std::int64_t total = 0;
    for (const Plan& p : parts) {
        n += p.localities.size();
        if (__builtin_add_overflow(total, p.total, &total)) {
            own.push_back(located(plan.file, plan.part_patterns.front().pos,
                                  trf("the parts' totals add up to more than {}", INT64_MAX),
                                  tr("a roll-up's total is the sum of its parts' totals")));
            return false;
        }
    }
    plan.total = total;
    plan.files_read = {plan.file};
    for (const Plan& p : parts) {
        const std::vector<std::string> below = files_read(p);
        plan.files_read.insert(plan.files_read.end(), below.begin(), below.end());
    }
    plan.localities.clear();
    plan.localities.reserve(n);
    for (std::size_t k = 0; k < parts.size(); ++k) {
        Plan& p = parts[k];
        // Illustrative dates in any part make the whole illustrative: the report says so.
        plan.illustrative = plan.illustrative || p.illustrative;
        const std::size_t first = plan.localities.size();
        plan.parts.push_back({p.file, p.name, p.total, std::move(p.milestones), first, p.localities.size()});
        if (p.sources.empty())
            plan.sources.push_back({p.file, first, p.localities.size(), p.name});
        else
            for (LocalitySource s : p.sources) {
                s.first += first;
                plan.sources.push_back(std::move(s));
            }
        std::move(p.localities.begin(), p.localities.end(), std::back_inserter(plan.localities));
    }

    // A unit code once in the whole roll-up: the second use reported in its
    // file, naming the first.
    auto source_of = [&](std::size_t i) -> const LocalitySource& {
        return *std::prev(std::upper_bound(plan.sources.begin(), plan.sources.end(), i,
                                           [](std::size_t x, const LocalitySource& s) { return x < s.first; }));
    };
    std::map<std::string, std::string> texts;  // read only when a duplicate is found
    auto text_of = [&](const std::string& file) -> const std::string& {
        auto it = texts.find(file);
        if (it == texts.end()) {
            std::string text;
            try {
                text = read_plan_file(file);
            } catch (const InputError&) {
            }
            it = texts.emplace(file, std::move(text)).first;
        }
        return it->second;
    };
    std::unordered_map<std::string_view, std::size_t> ids;
    ids.reserve(n);
    std::size_t duplicates = 0;
    for (std::size_t i = 0; i < plan.localities.size(); ++i) {
        const Locality& loc = plan.localities[i];
        if (loc.id.empty()) continue;
        const auto [it, fresh] = ids.emplace(loc.id, i);
        if (fresh) continue;
        const LocalitySource& here = source_of(i);
        const LocalitySource& there = source_of(it->second);
        const SourcePos at = id_pos(text_of(here.file), loc);
        const SourcePos before = id_pos(text_of(there.file), plan.localities[it->second]);
        Diagnostic d =
            located(here.file, at, trf("unit code '{}' is in two parts of the roll-up {}", loc.id, plan.file),
                    trf("it is also in {}:{}; a unit may be in one part only", there.file, before.line));
        // As for any file's problems, only the first ones show their line.
        if (++duplicates <= max_excerpts) d.excerpt = std::string(line_of(text_of(here.file), at.line));
        foreign.push_back(std::move(d));
        ok = false;
    }
    return ok;
}

}  // namespace ontrack
