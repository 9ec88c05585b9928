#include "load.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "diagnostic.hpp"
#include "huge_pages.hpp"
#include "i18n.hpp"
#include "key_depth.hpp"
#include "library_messages.hpp"
#include "locality_reader.hpp"
#include "plan_file.hpp"
#include "plan_split.hpp"
#include "plan_text.hpp"
#include "rollup.hpp"
#include "suggest.hpp"
#include "toml_access.hpp"
#include "unicode.hpp"

namespace ontrack {
namespace {

// Diagnostics beyond this many carry no excerpt (each costs a scan).
constexpr std::size_t max_excerpts = 20;

// Where a locality's name, id and kind stand, for duplicate reports. A
// locality without a usable name has name_pos.line == 0; one with errors
// (ok false) is checked for uniqueness, then left out.
struct Placed {
    SourcePos name_pos;
    SourcePos id_pos;    // meaningful when the locality's id is not empty
    SourcePos kind_pos;  // meaningful when the locality's kind is not empty
    std::uint32_t name_hash = 0;
    bool ok = false;
};

// The [[locality]] entries of the plan, in file order, each in its final
// place: the ones with errors are left default-constructed and dropped by
// PlanAssembler::add.
struct LocalitySlots {
    std::vector<Locality> localities;
    std::vector<Placed> places;
    std::vector<std::vector<Diagnostic>> diagnostics;  // per piece, in file order
};

// Reads one [[locality]] element into slot k, or reports why it is not one.
void read_slot(TomlContext& cx, const toml::node& element, LocalitySlots& out, std::size_t k) {
    if (const auto* table = element.as_table()) {
        LocalityDraft draft = read_locality(cx, *table);
        out.localities[k] = std::move(draft.locality);
        out.places[k] = Placed{draft.name_pos, draft.id_pos, draft.kind_pos, draft.name_hash, draft.ok};
    } else {
        cx.wrong_type(element, "locality", tr("a table"), tr("write each entry under its own [[locality]] header"));
    }
}

// The whole-file path: every element of the locality node.
void read_localities(TomlContext& cx, const toml::node& node, LocalitySlots& out) {
    const auto* array = node.as_array();
    if (!array) {
        cx.wrong_type(node, "locality", tr("an array of tables"),
                      tr("write each entry under its own [[locality]] header"));
        return;
    }
    out.localities.resize(array->size());
    out.places.resize(array->size());
    for (std::size_t k = 0; k < array->size(); ++k) read_slot(cx, (*array)[k], out, k);
}

// Thrown inside a batch: the batch does not parse on its own, so the file is
// parsed whole to get toml++'s own error.
struct BatchFailed {};

// Gives back the text of the pieces read so far to the system, when a
// PlanText owns it: everything before the first piece not yet done.
class Giveback {
   public:
    Giveback(PlanText* text, const std::vector<TextPiece>& pieces)
        : text_(text), pieces_(pieces), done_(pieces.size(), false) {}

    void done(std::size_t k) {
        if (!text_) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        done_[k] = true;
        while (low_ < pieces_.size() && done_[low_]) ++low_;
        text_->release_before(low_ < pieces_.size() ? pieces_[low_].begin : pieces_.back().end);
    }

   private:
    PlanText* text_;
    const std::vector<TextPiece>& pieces_;
    std::vector<bool> done_;
    std::size_t low_ = 0;
    std::mutex mutex_;
};

// Parses the batches on `threads` threads, each writing its localities
// straight into their places; each tree is dropped as soon as it is read,
// and the text of the pieces read given back when `giveback` owns it.
LocalitySlots parse_batches(std::string_view text, const std::string& file, const std::vector<TextPiece>& pieces,
                            unsigned threads, PlanText* giveback) {
    LocalitySlots out;
    std::vector<std::size_t> first(pieces.size(), 0);  // index of each piece's first locality
    for (std::size_t k = 2; k < pieces.size(); ++k) first[k] = first[k - 1] + pieces[k - 1].localities;
    const std::size_t n = first.back() + pieces.back().localities;
    resize_huge(out.localities, n);
    resize_huge(out.places, n);
    Giveback back(giveback, pieces);
    back.done(0);  // the head was parsed before
    out.diagnostics.resize(pieces.size() - 1);
    std::atomic<std::size_t> next{1};
    std::atomic<bool> failed{false};
    // Anything else a worker throws (std::bad_alloc above all) is carried to
    // this thread and thrown here, never left to std::terminate.
    std::exception_ptr thrown;
    std::mutex thrown_mutex;
    auto work = [&] {
        for (std::size_t k; !failed && (k = next++) < pieces.size();) {
            const TextPiece& piece = pieces[k];
            try {
                const toml::table root = toml::parse(text.substr(piece.begin, piece.end - piece.begin));
                const toml::array* array = root.get_as<toml::array>("locality");
                // The splitter counted the headers; anything else is not what a whole parse would see.
                if (root.size() != 1 || !array || array->size() != piece.localities) {
                    failed = true;
                    break;
                }
                TomlContext cx(file, piece.line_offset);
                for (std::size_t j = 0; j < array->size(); ++j) read_slot(cx, (*array)[j], out, first[k] + j);
                out.diagnostics[k - 1] = std::move(cx.diagnostics());
                back.done(k);
            } catch (const toml::parse_error&) {
                failed = true;
            } catch (...) {
                const std::lock_guard<std::mutex> lock(thrown_mutex);
                if (!thrown) thrown = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t + 1 < pieces.size(); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    if (thrown) std::rethrow_exception(thrown);
    if (failed) throw BatchFailed{};
    return out;
}

// A set of locality indices keyed by one of their strings (name or id):
// open addressing over 64-bit slots holding index + 1 and 32 bits of the
// hash, so that no entry allocates and most probes compare no string.
class FirstSeen {
   public:
    explicit FirstSeen(std::size_t n) {
        std::size_t capacity = 16;
        while (capacity < 2 * n) capacity <<= 1;
        slots_.assign(capacity, 0);
        mask_ = capacity - 1;
    }

    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    // The index recorded earlier under `key`, or none after recording k.
    // key_of(i) gives the key of index i.
    template <class KeyOf>
    std::size_t insert(std::string_view key, std::size_t k, KeyOf key_of) {
        return insert(std::hash<std::string_view>{}(key), k, [&](std::size_t i) { return key_of(i) == key; });
    }

    // The same by a hash of the key and a test of whether index i has k's key.
    template <class SameKey>
    std::size_t insert(std::uint64_t h, std::size_t k, SameKey same_key) {
        const std::uint64_t tag = h >> 32;
        for (std::size_t at = static_cast<std::size_t>(h) & mask_;; at = (at + 1) & mask_) {
            const std::uint64_t slot = slots_[at];
            if (slot == 0) {
                slots_[at] = (tag << 32) | (static_cast<std::uint64_t>(k) + 1);
                return none;
            }
            if ((slot >> 32) == tag) {
                const std::size_t i = static_cast<std::size_t>(slot & 0xffffffffu) - 1;
                if (same_key(i)) return i;
            }
        }
    }

   private:
    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
};

// Everything but the localities: [plan], the milestones, the total, and
// uniqueness of names and ids across all localities.
// What a roll-up needs to load its parts: the chain of files above them and
// the tuning of the load.
struct RollupContext {
    std::vector<RollupLink> chain;  // ends with the roll-up's own file
    LoadTuning tuning;
};

Plan load_plan_in(const std::string& path, const LoadTuning& tuning, std::vector<RollupLink> chain);

class PlanAssembler {
   public:
    PlanAssembler(const std::string& file, Plan& plan, const RollupContext& rollup)
        : cx_(file, 0), plan_(plan), rollup_(rollup) {}

    // Diagnostics located in other files: a roll-up's parts.
    std::vector<Diagnostic>& foreign() { return foreign_; }

    void read_head(const toml::table& root) {
        plan_node_ = root.get("plan");
        if (!plan_node_) {
            // Without [plan] this is some other TOML file: say so, and only that.
            cx_.error({1, 1}, tr("not a plan: the file has no [plan] table"),
                      tr("an ontrack plan starts with [plan] and name = \"...\"; see README.md"));
            not_a_plan_ = true;
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

    TomlContext& context() { return cx_; }

    // Takes the localities in file order; a name or id seen before is
    // reported at its second use and that locality left out, as are the
    // localities that had errors.
    void add(LocalitySlots&& slots) {
        if (not_a_plan_) return;
        auto& locs = slots.localities;
        const auto& places = slots.places;
        const std::size_t n = locs.size();
        entries_ += static_cast<std::int64_t>(n);
        auto& diagnostics = cx_.diagnostics();
        for (auto& piece : slots.diagnostics) std::move(piece.begin(), piece.end(), std::back_inserter(diagnostics));
        std::vector<bool> keep(n, true);
        {
            FirstSeen names(n), ids(n);
            for (std::size_t k = 0; k < n; ++k) {
                keep[k] = places[k].ok;
                if (places[k].name_pos.line != 0) {
                    // Equal names are the common case of a duplicate; equal
                    // keys of different names are compared on their keys.
                    // The 32-bit hash spread to 64 bits: FirstSeen uses its high half as a tag.
                    const std::uint64_t h = places[k].name_hash * 0x9E3779B97F4A7C15ull;
                    const std::size_t name_at = names.insert(h, k, [&](std::size_t i) {
                        return places[i].name_hash == places[k].name_hash &&
                               (locs[i].name == locs[k].name ||
                                identity_key(locs[i].name) == identity_key(locs[k].name));
                    });
                    if (name_at != FirstSeen::none) {
                        const std::uint32_t first = places[name_at].name_pos.line;
                        cx_.error(places[k].name_pos, trf("duplicate locality name '{}'", locs[k].name),
                                  locs[name_at].name == locs[k].name
                                      ? trf("it is already used at line {}; names must be unique", first)
                                      : trf("it is the name '{}' of line {} but for letter case or the place of a "
                                            "tone mark; names must be unique",
                                            locs[name_at].name, first));
                        keep[k] = false;
                    }
                }
                if (keep[k]) check_kind(locs[k], places[k]);
                if (locs[k].id.empty()) continue;
                const std::size_t id_at =
                    ids.insert(locs[k].id, k, [&](std::size_t i) -> std::string_view { return locs[i].id; });
                if (id_at != FirstSeen::none) {
                    cx_.error(places[k].id_pos, trf("duplicate locality id '{}'", locs[k].id),
                              trf("it is already used at line {}; ids must be unique", places[id_at].id_pos.line));
                    keep[k] = false;
                }
            }
        }
        std::size_t kept = 0;
        for (std::size_t k = 0; k < n; ++k)
            if (keep[k]) {
                if (kept != k) locs[kept] = std::move(locs[k]);
                ++kept;
            }
        locs.resize(kept);
        plan_.localities = std::move(locs);
    }

    void finish() {
        if (not_a_plan_) return;
        if (parts_node_) {
            finish_rollup();
            return;
        }
        const auto* plan_table = plan_node_->as_table();
        const bool total_ok = plan_table && resolve_total(*plan_table);
        // A plan may have no milestones (issue 17): its report judges nothing.
        if (milestones_node_ && total_ok && milestones_complete_) check_milestones();
    }

   private:
    TomlContext cx_;
    Plan& plan_;
    const RollupContext& rollup_;
    const toml::node* parts_node_ = nullptr;
    std::vector<Diagnostic> foreign_;

    // [plan] parts = ["provinces/*.toml", ...]: file names or glob patterns.
    void read_parts(const toml::node& node) {
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

    // A roll-up: no localities or total of its own; its parts loaded, then
    // its milestones checked against their total as a plan's are.
    void finish_rollup() {
        const auto* plan_table = plan_node_->as_table();
        bool ok = cx_.diagnostics().empty();
        if (entries_ > 0) {
            cx_.error(cx_.pos(parts_node_->source()), tr("a roll-up plan has no [[locality]] entries of its own"),
                      tr("list the localities in its parts, or remove parts = [...] from [plan]"));
            ok = false;
        }
        if (const toml::node* total = plan_table ? plan_table->get("total") : nullptr) {
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
        if (ok && milestones_node_ && milestones_complete_) check_milestones();
    }
    std::vector<std::string_view> kinds_;  // plan_.kinds, for "did you mean"

    // A locality's kind must be one of the declared kinds, when declared.
    void check_kind(const Locality& loc, const Placed& at) {
        if (plan_.kinds.empty() || loc.kind.empty() ||
            std::find(plan_.kinds.begin(), plan_.kinds.end(), loc.kind) != plan_.kinds.end())
            return;
        std::string listed;
        for (std::string_view k : kinds_) listed += fmt::format("{}\"{}\"", listed.empty() ? "" : ", ", k);
        std::string guess;
        for (std::string_view k : kinds_)
            if (identity_key(k) == identity_key(loc.kind)) guess = std::string(k);
        if (guess.empty()) guess = closest_match(loc.kind, kinds_);
        cx_.error(at.kind_pos, trf("kind '{}' is not one of the plan's kinds", loc.kind),
                  guess.empty() ? trf("[plan] kinds lists: {}", listed)
                                : trf("did you mean '{}'? [plan] kinds lists: {}", guess, listed));
    }
    const toml::node* plan_node_ = nullptr;
    const toml::node* milestones_node_ = nullptr;
    bool not_a_plan_ = false;
    std::int64_t entries_ = 0;
    std::vector<const toml::table*> milestone_tables_;
    bool milestones_complete_ = true;

    void read_plan(const toml::table& table) {
        cx_.check_keys(
            table, {"name", "total", "source", "note", "issuer", "place", "illustrative", "start", "kinds", "parts"},
            "[plan]");
        if (const toml::node* parts = table.get("parts")) read_parts(*parts);
        read_kinds(table);
        for (auto [key, rule] : {std::pair{"name", TextRule::line}, std::pair{"source", TextRule::line},
                                 std::pair{"issuer", TextRule::line}, std::pair{"place", TextRule::line},
                                 std::pair{"note", TextRule::note}})
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
    void read_kinds(const toml::table& table) {
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

    // Applies [plan].total; false when it is unusable.
    bool resolve_total(const toml::table& plan) {
        const toml::node* node = plan.get("total");
        if (!node) {
            plan_.total = entries_;
            if (entries_ == 0) {
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
        if (plan_.total < entries_) {
            cx_.error(cx_.pos(node->source()),
                      trn("total is {} but the plan lists {} locality", "total is {} but the plan lists {} localities",
                          entries_, plan_.total, entries_),
                      trf("total may not be smaller than the number of [[locality]] entries; raise it to "
                          "at least {} or leave it out",
                          entries_));
            return false;
        }
        return true;
    }

    void read_milestones(const toml::node& node) {
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

    void read_milestone(const toml::table& table) {
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

    bool read_target(const toml::node& node, Target& target) {
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

    void check_milestones() {
        const Milestone* previous = nullptr;
        for (std::size_t k = 0; k < plan_.milestones.size(); ++k) {
            Milestone& m = plan_.milestones[k];
            const toml::table& table = *milestone_tables_[k];
            const SourcePos target_pos = cx_.pos(table.get("target")->source());
            m.required = required_count(m.target, plan_.total);
            if (m.target.kind == Target::Kind::count && m.target.count > plan_.total)
                cx_.error(target_pos, trf("target {} is more than the plan's total of {}", m.target.count, plan_.total),
                          tr("a count target may not exceed total; raise total or lower the target"));
            if (previous) {
                if (m.deadline <= previous->deadline)
                    cx_.error(cx_.pos(table.get("deadline")->source()),
                              trf("deadline {} is not after the previous milestone's {} (line {})",
                                  human_date(m.deadline), human_date(previous->deadline), previous->pos.line),
                              tr("list milestones in order of their deadlines, each later than the one before"));
                else if (m.required < previous->required)
                    cx_.error(
                        target_pos,
                        trn("target requires {} unit, fewer than the {} of the previous milestone (line {})",
                            "target requires {} units, fewer than the {} of the previous milestone (line {})",
                            static_cast<std::uint64_t>(m.required), m.required, previous->required, previous->pos.line),
                        tr("targets are cumulative: each milestone requires at least as many units as the one "
                           "before"));
            }
            previous = &m;
        }
    }
};

[[noreturn]] void throw_sorted(std::string_view text, std::vector<Diagnostic> diagnostics,
                               std::vector<Diagnostic> foreign = {}) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (std::size_t k = 0; k < diagnostics.size() && k < max_excerpts; ++k)
        diagnostics[k].excerpt = std::string(line_of(text, diagnostics[k].line));
    std::move(foreign.begin(), foreign.end(), std::back_inserter(diagnostics));  // a roll-up's parts, after its own
    throw InputError(std::move(diagnostics));
}

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
    if (description.find("cannot redefine") != std::string_view::npos)
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
        throw_sorted(text, std::move(cx.diagnostics()));
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
    LocalitySlots slots;
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
        throw_sorted(text, std::move(cx.diagnostics()));
    }
    Plan plan;
    plan.file = file;
    const RollupContext rollup{chain, tuning};
    PlanAssembler assembler(file, plan, rollup);
    const unsigned threads = tuning.threads ? tuning.threads : std::max(1u, std::thread::hardware_concurrency());
    std::optional<std::vector<TextPiece>> pieces;
    if (text.size() > tuning.split_above_bytes) pieces = split_at_localities(text, tuning.batch_bytes);
    toml::table tree;  // the head, or the whole file; the assembler points into it
    if (!pieces || !assemble_split(text, file, *pieces, threads, giveback, tree, assembler)) {
        if (giveback && giveback->released()) return std::nullopt;
        tree = parse_whole(text, file);
        const toml::table& root = tree;
        assembler.read_head(root);
        LocalitySlots slots;
        if (const toml::node* node = root.get("locality"); node && root.contains("plan"))
            read_localities(assembler.context(), *node, slots);
        assembler.add(std::move(slots));
    }
    assembler.finish();
    if (!assembler.context().diagnostics().empty() || !assembler.foreign().empty()) {
        if (giveback && giveback->released()) return std::nullopt;
        throw_sorted(text, std::move(assembler.context().diagnostics()), std::move(assembler.foreign()));
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
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k; (k = next++) < paths.size();) {
            try {
                plans[k] = load_plan(paths[k], tuning);
            } catch (const InputError& e) {
                problems[k] = e.diagnostics();
            } catch (...) {
                thrown[k] = std::current_exception();
            }
        }
    };
    const unsigned threads = std::min<std::size_t>(
        paths.size(), tuning.threads ? tuning.threads : std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    for (const std::exception_ptr& e : thrown)
        if (e) std::rethrow_exception(e);
    std::vector<Diagnostic> all;
    for (auto& p : problems) std::move(p.begin(), p.end(), std::back_inserter(all));
    if (!all.empty()) throw InputError(std::move(all));
    return plans;
}

}  // namespace ontrack
