#include "plan_edit.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "diagnostic.hpp"
#include "i18n.hpp"
#include "load.hpp"
#include "locality_editor.hpp"
#include "locality_reader.hpp"
#include "name_lookup.hpp"
#include "parallel_for.hpp"
#include "plan_split.hpp"
#include "roster.hpp"
#include "suggest.hpp"
#include "text_map.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {

void refuse_rollup_edit(const Plan& plan) {
    if (!plan.parts.empty())
        throw std::runtime_error(
            trf("{}: a roll-up plan has no localities of its own; record in the part that lists "
                "the unit",
                make_inert(plan.file)));
}

namespace {

EditTarget target_of(const Locality& loc) {
    EditTarget t{loc.name, loc.id, loc.pos.line, std::nullopt};
    if (!loc.events.empty()) t.latest = loc.events.back();
    return t;
}

}  // namespace

std::vector<EditTarget> find_localities(const Plan& plan, const std::vector<EditRequest>& requests) {
    refuse_rollup_edit(plan);
    std::unordered_map<std::string_view, std::size_t> by_id, by_name;
    by_id.reserve(plan.localities.size());
    by_name.reserve(plan.localities.size());
    for (std::size_t k = 0; k < plan.localities.size(); ++k) {
        const Locality& loc = plan.localities[k];
        if (!loc.id.empty()) by_id.emplace(loc.id, k);
        by_name.emplace(loc.name, k);
    }
    std::vector<EditTarget> out;
    out.reserve(requests.size());
    std::optional<NameLookup> names;
    for (const EditRequest& request : requests) {
        const bool by_id_wanted = !request.id.empty();
        const std::string wanted = to_nfc(by_id_wanted ? request.id : request.name);
        const auto& index = by_id_wanted ? by_id : by_name;
        if (const auto it = index.find(wanted); it != index.end()) {
            const Locality& loc = plan.localities[it->second];
            out.push_back(target_of(loc));
            continue;
        }
        std::vector<std::size_t> alike;
        if (by_id_wanted) {
            // A code whose leading zeros a spreadsheet dropped.
            if (!names) names.emplace(plan);
            if (const auto k = names->find_padded_code(wanted)) {
                out.push_back(target_of(plan.localities[*k]));
                continue;
            }
        } else {
            if (!names) names.emplace(plan);
            if (const auto k = names->find(wanted)) {
                const Locality& loc = plan.localities[*k];
                out.push_back(target_of(loc));
                continue;
            }
            alike = names->folded_matches(wanted);
        }
        std::string hint;
        std::vector<std::string_view> candidates;
        for (const Locality& loc : plan.localities)
            if (!(by_id_wanted ? loc.id : loc.name).empty()) candidates.push_back(by_id_wanted ? loc.id : loc.name);
        const auto& other_index = by_id_wanted ? by_name : by_id;
        if (!alike.empty()) {
            hint =
                trf("a name is taken in any letter case or tone placement, alone or after its kind, but with "
                    "every mark; written without some, this is: {}",
                    names->describe(alike));
        } else if (const auto other = other_index.find(wanted); other != other_index.end()) {
            hint = by_id_wanted ? trf("'{}' is the name of a locality, not its id: find it by name", wanted)
                                : trf("'{}' is the id of {}, not a name: find it by id", wanted,
                                      plan.localities[other->second].name);
        } else if (const std::string guess = closest_match(wanted, candidates); !guess.empty()) {
            const Locality& it = plan.localities[index.at(guess)];
            hint = by_id_wanted ? trf("did you mean '{}' ({})?", guess, it.name)
                                : (it.id.empty() ? trf("did you mean '{}'?", guess)
                                                 : trf("did you mean '{}' ({})?", guess, it.id));
        } else if (plan.localities.empty()) {
            hint = tr("the plan lists no [[locality]]; add the locality first");
        } else if (by_id_wanted && candidates.empty()) {
            hint = tr("no locality in this plan has an id: find it by name");
        } else {
            hint = by_id_wanted ? tr("ids are matched exactly, as written in id = \"...\"")
                                : tr("names are matched exactly, diacritics and case included");
        }
        const std::string message =
            by_id_wanted ? trf("no locality with id '{}'", wanted) : trf("no locality named '{}'", wanted);
        // About the plan as a whole: no line of it is wrong.
        throw InputError(Diagnostic{plan.file, 0, 0, message, hint, {}});
    }
    return out;
}

namespace {

// A stretch of the plan that holds whole [[locality]] tables and parses on
// its own: one table's block when the plan can be cut there, else the whole
// text. Positions inside are relative to it; `line_offset` lines precede it.
struct Block {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t line_offset = 0;
};

// The locality's table in a parsed section, by the file line of its header.
const toml::table* table_at(const toml::table& root, std::uint32_t line) {
    const toml::node* all = root.get("locality");
    if (all && all->is_array())
        for (const toml::node& element : *all->as_array())
            if (const auto* table = element.as_table(); table && table->source().begin.line == line) return table;
    return nullptr;
}

// One request applied to a section's text: the new text, its summary; the
// edited table is validated with the loader's own reader, and a problem is
// moved to the line as it would have been written.
std::string edit_section(std::string& section, const Block& where, const std::string& file, const EditTarget& loc,
                         const EditRequest& request, Recheck recheck) {
    const std::uint32_t offset = where.line_offset;
    const std::uint32_t header = loc.line - offset;
    const toml::table root = toml::parse(section, std::string_view(file));
    const toml::table* table = table_at(root, header);
    if (!table) throw std::logic_error("plan_edit: the locality's table is not where the loader found it");
    const LocalityTable locality{table, loc.name, loc.id};
    // Diagnostics in section lines, turned into file lines and excerpts.
    auto in_file = [&](std::vector<Diagnostic> ds, std::string_view text) {
        for (Diagnostic& d : ds) {
            d.excerpt = std::string(line_of(text, d.line));
            d.line += offset;
        }
        return InputError(std::move(ds));
    };
    if (locality.table->is_inline()) {
        const auto& at = locality.table->source().begin;
        throw in_file({Diagnostic{file,
                                  at.line,
                                  at.column,
                                  trf("locality {} is written as an inline table, which cannot be edited safely",
                                      located_label(locality.name, locality.id)),
                                  tr("write it as its own [[locality]] section, one key per line, then record the "
                                     "event again"),
                                  {}}},
                      section);
    }
    LocalityEdit edit;
    try {
        edit = edit_locality(section, file, locality, request);
    } catch (const InputError& e) {
        throw in_file(e.diagnostics(), section);
    }
    const std::vector<Edit>& edits = edit.edits;
    const std::string& replaced = edit.replaced;
    Applied applied = apply_edits(section, edits);
    const TextMap map(applied.text);
    const std::uint32_t line = map.line_at(applied.date_offset);
    const std::uint32_t column = map.column_at(applied.date_offset);

    // Lines added, less lines removed: old lines after `line` move down by it.
    std::int64_t added = 0;
    for (const Edit& e : edits)
        added += std::count(e.insert.begin(), e.insert.end(), '\n') -
                 std::count(section.begin() + static_cast<std::ptrdiff_t>(e.at),
                            section.begin() + static_cast<std::ptrdiff_t>(e.at + e.erase), '\n');
    const auto to_old_line = [&](std::uint32_t n) {
        return added != 0 && n > line ? static_cast<std::uint32_t>(n - added) : n;
    };

    if (recheck == Recheck::done_by_caller) {
        section = std::move(applied.text);
        return {};
    }
    // The edited table, read as the loader reads it (relative lines: the
    // context's offset is 0, the hint's "line N" are remapped below).
    const toml::table edited_root = toml::parse(applied.text, std::string_view(file));
    const toml::table* edited = table_at(edited_root, header);
    if (!edited) throw std::logic_error("plan_edit: the edit moved the locality's table");
    TomlContext cx(file, 0);
    (void)read_locality(cx, *edited);
    if (!cx.diagnostics().empty()) {
        std::vector<Diagnostic> diagnostics = std::move(cx.diagnostics());
        for (Diagnostic& d : diagnostics) {
            const std::uint32_t reported = d.line;
            if (d.related_line) d.renumber(to_old_line(d.related_line == line ? reported : d.related_line) + offset);
            d.line = line;
            d.column = column;
        }
        throw in_file(std::move(diagnostics), applied.text);
    }
    const std::string label = located_label(locality.name, locality.id);
    std::string summary;
    if (request.action == EditAction::remove)
        summary = trf("{}: {} {} removed (line {})", label, event_word(request.kind), human_date(request.date),
                      line + offset);
    else if (request.action == EditAction::move)
        summary = trf("{}: {} {} moved to {} (line {})", label, event_word(request.kind), human_date(request.date),
                      human_date(request.new_date), line + offset);
    else if (edit.added_decision && edit.added_note)
        summary = trf("{}: decision {} and a note added to {} {} (line {})", label, make_inert(request.decision),
                      event_word(request.kind), human_date(request.date), line + offset);
    else if (edit.added_decision)
        summary = trf("{}: decision {} added to {} {} (line {})", label, make_inert(request.decision),
                      event_word(request.kind), human_date(request.date), line + offset);
    else if (edit.added_note)
        summary = trf("{}: a note added to {} {} (line {})", label, event_word(request.kind), human_date(request.date),
                      line + offset);
    else if (replaced.empty())
        summary =
            trf("{}: {} {} added (line {})", label, event_word(request.kind), human_date(request.date), line + offset);
    else
        summary = trf("{}: {} {} replaces {} (line {})", label, event_word(request.kind), human_date(request.date),
                      replaced, line + offset);
    section = std::move(applied.text);
    return summary;
}

}  // namespace

namespace {

EditResult edit_located(std::string_view text, const std::string& file, const std::vector<EditTarget>& located,
                        const std::vector<EditRequest>& requests, Recheck recheck) {
    // Each request's section: its locality's block, or the whole text.
    std::vector<Block> sections;
    std::vector<std::size_t> section_of(requests.size(), 0);
    std::unordered_map<std::size_t, std::size_t> section_at;  // by where it begins
    const auto pieces = split_at_localities(text, 0);
    for (std::size_t r = 0; r < requests.size(); ++r) {
        Block s{0, text.size(), 0};
        if (pieces) {
            const auto it =
                std::lower_bound(pieces->begin() + 1, pieces->end(), located[r].line,
                                 [](const TextPiece& p, std::uint32_t line) { return p.line_offset + 1 < line; });
            if (it != pieces->end() && it->line_offset + 1 == located[r].line && it->localities == 1)
                s = Block{it->begin, it->end, it->line_offset};
        }
        const auto [it, fresh] = section_at.emplace(s.begin, sections.size());
        if (fresh) sections.push_back(s);
        section_of[r] = it->second;
    }
    // A whole-text section swallows every other.
    if (std::any_of(sections.begin(), sections.end(), [&](const Block& s) { return s.end - s.begin == text.size(); })) {
        sections.assign(1, Block{0, text.size(), 0});
        std::fill(section_of.begin(), section_of.end(), 0);
    }

    // Each section's requests in the order given; sections are independent,
    // so a large import edits them on every core.
    std::vector<std::vector<std::size_t>> of_section(sections.size());
    for (std::size_t r = 0; r < requests.size(); ++r) of_section[section_of[r]].push_back(r);
    std::vector<std::string> edited(sections.size());
    std::vector<std::string> lines(requests.size());
    std::vector<std::exception_ptr> failure(sections.size());
    std::vector<std::size_t> failed_at(sections.size(), requests.size());
    auto edit = [&](std::size_t k) {
        edited[k] = std::string(text.substr(sections[k].begin, sections[k].end - sections[k].begin));
        for (const std::size_t r : of_section[k]) {
            try {
                lines[r] = edit_section(edited[k], sections[k], file, located[r], requests[r], recheck);
            } catch (...) {
                failure[k] = std::current_exception();
                failed_at[k] = r;
                return;
            }
        }
    };
    ParallelOptions options;
    options.chunk = 64;
    // A small edit is quicker on one thread than the threads cost.
    options.max_threads = sections.size() >= 16 * options.chunk ? 0 : 1;
    parallel_for(sections.size(), edit, options);
    // The first request that failed, in the order given.
    std::size_t first = sections.size();
    for (std::size_t k = 0; k < sections.size(); ++k)
        if (failure[k] && (first == sections.size() || failed_at[k] < failed_at[first])) first = k;
    if (first < sections.size()) std::rethrow_exception(failure[first]);
    std::string summary;
    for (const std::string& line : lines)
        if (!line.empty()) summary += (summary.empty() ? "" : "\n") + line;

    // The new text: the sections in file order, the rest as it was.
    std::vector<std::size_t> order(sections.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return sections[a].begin < sections[b].begin; });
    std::size_t grown = 0;
    for (const std::string& e : edited) grown += e.size();
    std::string out;
    out.reserve(text.size() + grown / 8 + 64);
    std::size_t done = 0;
    for (const std::size_t k : order) {
        out.append(text.substr(done, sections[k].begin - done));
        out += edited[k];
        done = sections[k].end;
    }
    out.append(text.substr(done));
    return EditResult{std::move(out), std::move(summary)};
}

void check_requests(const std::vector<EditRequest>& requests) {
    for (const EditRequest& request : requests)
        if (request.id.empty() == request.name.empty())
            throw std::invalid_argument("add_event: set exactly one of the locality's id and name");
}

}  // namespace

EditResult add_events(std::string_view text, const std::string& file, const std::vector<EditTarget>& targets,
                      const std::vector<EditRequest>& requests, Recheck recheck) {
    check_requests(requests);
    if (targets.size() != requests.size()) throw std::invalid_argument("add_events: one target per request");
    return edit_located(text, file, targets, requests, recheck);
}

InputError with_excerpts(const InputError& error, std::string_view text) {
    std::vector<Diagnostic> diagnostics = error.diagnostics();
    for (Diagnostic& d : diagnostics)
        if (d.excerpt.empty()) d.excerpt = std::string(line_of(text, d.line));
    return InputError(std::move(diagnostics));
}

EditResult add_events(std::string_view text, const std::string& file, const std::vector<EditRequest>& requests) {
    check_requests(requests);
    // The plan must be valid as it is; this also guards the parses below
    // against keys nested too deep for toml++. The model is dropped once the
    // localities are found.
    std::vector<EditTarget> located;
    try {
        located = find_localities(parse_plan(text, file), requests);
    } catch (const InputError& e) {
        throw with_excerpts(e, text);
    }
    return edit_located(text, file, located, requests, Recheck::edited_blocks);
}

EditResult add_event(std::string_view text, const std::string& file, const EditRequest& request) {
    return add_events(text, file, {request});
}

}  // namespace ontrack
