#include "load.hpp"

#include <exception>
#include <new>
#include <optional>

#include <toml++/toml.h>

#include "batch_parse.hpp"
#include "diagnostic.hpp"
#include "i18n.hpp"
#include "key_depth.hpp"
#include "library_messages.hpp"
#include "parallel_for.hpp"
#include "parsed_localities.hpp"
#include "plan_file.hpp"
#include "plan_head.hpp"
#include "plan_split.hpp"
#include "plan_text.hpp"
#include "rollup.hpp"
#include "toml_access.hpp"
#include "unique_names.hpp"

namespace ontrack {
namespace {

// What a roll-up needs to load its parts: the chain of files above them and
// the tuning of the load.
struct RollupContext {
    std::vector<RollupLink> chain;  // ends with the roll-up's own file
    LoadTuning tuning;
};

Plan load_plan_in(const std::string& path, const LoadTuning& tuning, std::vector<RollupLink> chain);

// A plan put together from its head and its localities, parsed whole or in
// batches; a roll-up's parts loaded.
class PlanAssembler {
   public:
    PlanAssembler(const std::string& file, Plan& plan, const RollupContext& rollup)
        : cx_(file, 0), plan_(plan), rollup_(rollup), head_(cx_, plan) {}

    TomlContext& context() { return cx_; }
    // Diagnostics located in other files: a roll-up's parts.
    std::vector<Diagnostic>& foreign() { return foreign_; }

    void read_head(const toml::table& root) { head_.read(root); }

    // Takes the localities in file order; a name or id seen before is
    // reported at its second use and that locality left out, as are the
    // localities that had errors.
    void add(ParsedLocalities&& parsed) {
        if (!head_.is_plan()) return;
        entries_ += static_cast<std::int64_t>(parsed.localities.size());
        auto& diagnostics = cx_.diagnostics();
        for (auto& piece : parsed.diagnostics) std::move(piece.begin(), piece.end(), std::back_inserter(diagnostics));
        keep_unique(parsed, cx_,
                    [&](std::size_t k) { head_.check_kind(parsed.localities[k], parsed.places[k].kind_pos); });
        plan_.localities = std::move(parsed.localities);
    }

    void finish() {
        if (!head_.is_plan()) return;
        if (head_.parts()) {
            finish_rollup();
            return;
        }
        // A plan may have no milestones: its report judges nothing.
        if (head_.resolve_total(entries_)) head_.check_milestones();
    }

   private:
    TomlContext cx_;
    Plan& plan_;
    const RollupContext& rollup_;
    PlanHeadReader head_;
    std::vector<Diagnostic> foreign_;
    std::int64_t entries_ = 0;

    // A roll-up: no localities or total of its own; its parts loaded, then
    // its milestones checked against their total as a plan's are.
    void finish_rollup() {
        bool ok = cx_.diagnostics().empty();
        if (entries_ > 0) {
            cx_.error(cx_.pos(head_.parts()->source()), tr("a roll-up plan has no [[locality]] entries of its own"),
                      tr("list the localities in its parts, or remove parts = [...] from [plan]"));
            ok = false;
        }
        if (const toml::node* total = head_.total()) {
            cx_.error(cx_.pos(total->source()), tr("a roll-up plan has no total of its own"),
                      tr("its total is the sum of its parts' totals; remove total = ..."));
            ok = false;
        }
        if (plan_.part_patterns.empty()) return;
        std::vector<Diagnostic> own;
        const auto load_part = [this](const std::string& path, const std::vector<RollupLink>& chain) {
            std::vector<RollupLink> below = chain;
            below.push_back(link_of(path));
            return load_plan_in(path, rollup_.tuning, std::move(below));
        };
        ok = resolve_rollup(plan_, rollup_.chain, load_part, own, foreign_) && ok;
        std::move(own.begin(), own.end(), std::back_inserter(cx_.diagnostics()));
        if (ok) head_.check_milestones();
    }
};

// A date written the Vietnamese way, "certified = 31/03/2025", is no TOML
// value: the hint shows the same day in TOML's form.
std::string dmy_hint(std::string_view line) {
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) return {};
    std::string_view key = line.substr(0, eq);
    while (!key.empty() && (key.front() == ' ' || key.front() == '\t')) key.remove_prefix(1);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    const std::string_view value = line.substr(eq + 1);
    auto is_part = [](char c) { return (c >= '0' && c <= '9') || c == '/'; };
    for (std::size_t i = 0; i < value.size();) {
        if (!is_part(value[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < value.size() && is_part(value[j])) ++j;
        const std::string_view token = value.substr(i, j - i);
        if (looks_like_dmy(token)) {
            std::string why;
            if (const auto d = parse_date(token, &why))
                return trf("write dates as YYYY-MM-DD, unquoted: {} = {}", key, to_iso(*d));
            return trf("{}; write dates as YYYY-MM-DD, unquoted, e.g. {} = 2025-03-31", tr(why.c_str()), key);
        }
        i = j;
    }
    return {};
}

std::string syntax_hint(std::string_view description, std::string_view line) {
    if (std::string dmy = dmy_hint(line); !dmy.empty()) return dmy;
    if (is_toml_redefinition(description))
        return tr(
            "each key may appear once in a table; localities and milestones each need their own "
            "[[locality]] or [[milestone]] header");
    return tr("see the plan format in README.md");
}

toml::table parse_whole(std::string_view text, const std::string& file) {
    try {
        // No source path: every node would hold a reference-counted copy of
        // it, and diagnostics name the file themselves.
        return toml::parse(text);
    } catch (const toml::parse_error& e) {
        TomlContext cx(file, 0);
        const auto at = cx.pos(e.source());
        const std::string_view line = line_of(text, at.line);
        const std::string dmy = dmy_hint(line);
        if (!dmy.empty())
            cx.error(at, tr("a date written as dd/mm/yyyy is not a TOML date"), dmy);
        else
            cx.error(at, translate_toml_message(e.description()), syntax_hint(e.description(), line));
        throw_in_file_order(std::move(cx.diagnostics()), text);
    }
}

// The split path: the head parsed alone, the batches in parallel. False
// when the pieces do not parse on their own exactly as the whole file would.
// `head` receives the head's tree, which must outlive the assembler's use.
bool assemble_split(std::string_view text, const std::string& file, const std::vector<TextPiece>& pieces,
                    unsigned threads, PlanText* giveback, toml::table& head, PlanAssembler& assembler) {
    try {
        head = toml::parse(text.substr(0, pieces[0].end));
    } catch (const toml::parse_error&) {
        return false;
    }
    if (head.contains("locality")) return false;  // would clash with the [[locality]] array
    ParsedLocalities slots;
    try {
        slots = parse_batches(text, file, pieces, threads, giveback);
    } catch (const BatchFailed&) {
        return false;
    }
    assembler.read_head(head);
    assembler.add(std::move(slots));
    return true;
}

// parse_plan(), giving back the text of the pieces parsed when `giveback`
// owns it. nullopt when some was given back and then the whole text is
// needed again: for a whole-file parse, or for the excerpts of diagnostics.
std::optional<Plan> parse_text(std::string_view text, const std::string& file, const LoadTuning& tuning,
                               PlanText* giveback, const std::vector<RollupLink>& chain) {
    if (const auto deep = find_too_deep_key(text)) {
        TomlContext cx(file, 0);
        cx.error({deep->line, deep->column}, trf("a key of more than {} dotted parts", max_key_parts),
                 tr("a plan nests keys two levels deep at most; this is not a plan"));
        throw_in_file_order(std::move(cx.diagnostics()), text);
    }
    Plan plan;
    plan.file = file;
    const RollupContext rollup{chain, tuning};
    PlanAssembler assembler(file, plan, rollup);
    std::optional<std::vector<TextPiece>> pieces;
    if (text.size() > tuning.split_above_bytes) pieces = split_at_localities(text, tuning.batch_bytes);
    toml::table tree;  // the head, or the whole file; the assembler points into it
    if (!pieces || !assemble_split(text, file, *pieces, tuning.threads, giveback, tree, assembler)) {
        if (giveback && giveback->released()) return std::nullopt;
        tree = parse_whole(text, file);
        const toml::table& root = tree;
        assembler.read_head(root);
        ParsedLocalities slots;
        if (const toml::node* node = root.get("locality"); node && root.contains("plan"))
            read_locality_array(assembler.context(), *node, slots);
        assembler.add(std::move(slots));
    }
    assembler.finish();
    if (!assembler.context().diagnostics().empty() || !assembler.foreign().empty()) {
        if (giveback && giveback->released()) return std::nullopt;
        throw_in_file_order(std::move(assembler.context().diagnostics()), text, std::move(assembler.foreign()));
    }
    return plan;
}

}  // namespace

namespace {

Plan load_plan_in(const std::string& path, const LoadTuning& tuning, std::vector<RollupLink> chain) {
    // A regular file's text is given back piece by piece as it is parsed. If
    // it is then needed whole (a problem to report), the file is read again
    // and parsed the plain way: same problems, same excerpts. A plan too
    // small to be split is read the plain way from the start. Running out of
    // memory is the file's problem, said with its name: never an unlocated
    // std::bad_alloc.
    try {
        if (std::optional<PlanText> text = read_plan_text(path, tuning.split_above_bytes))
            if (std::optional<Plan> plan = parse_text(text->view(), path, tuning, &*text, chain))
                return std::move(*plan);
        const std::string text = read_plan_file(path);
        return *parse_text(text, path == "-" ? "<stdin>" : path, tuning, nullptr, chain);
    } catch (const std::bad_alloc&) {
        fail_out_of_memory(path == "-" ? "<stdin>" : path, file_size_or_zero(path));
    }
}

}  // namespace

Plan parse_plan(std::string_view text, const std::string& file, const LoadTuning& tuning) {
    return *parse_text(text, file, tuning, nullptr, {link_of(file)});
}

Plan load_plan(const std::string& path, const LoadTuning& tuning) {
    return load_plan_in(path, tuning, {link_of(path)});
}

std::vector<Plan> load_plans(const std::vector<std::string>& paths, const LoadTuning& tuning) {
    std::vector<Plan> plans(paths.size());
    std::vector<std::vector<Diagnostic>> problems(paths.size());
    std::vector<std::exception_ptr> thrown(paths.size());  // anything else, thrown again below
    ParallelOptions options;
    options.max_threads = tuning.threads;
    parallel_for(
        paths.size(),
        [&](std::size_t k) {
            try {
                plans[k] = load_plan(paths[k], tuning);
            } catch (const InputError& e) {
                problems[k] = e.diagnostics();
            } catch (...) {
                thrown[k] = std::current_exception();
            }
        },
        options);
    for (const std::exception_ptr& e : thrown)
        if (e) std::rethrow_exception(e);
    std::vector<Diagnostic> all;
    for (auto& p : problems) std::move(p.begin(), p.end(), std::back_inserter(all));
    if (!all.empty()) throw InputError(std::move(all));
    return plans;
}

}  // namespace ontrack
