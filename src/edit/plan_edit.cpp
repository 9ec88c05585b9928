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
#include "locality_reader.hpp"
#include "name_lookup.hpp"
#include "parallel_for.hpp"
#include "plan_split.hpp"
#include "roster.hpp"
#include "suggest.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

constexpr std::size_t npos = std::string::npos;

const char* key_of(EditKind kind) {
    switch (kind) {
        case EditKind::certified: return "certified";
        case EditKind::revoked: return "revoked";
        case EditKind::planned: return "planned";
    }
    return "certified";
}

// The event in words of the current language: "certified", vi "được công nhận".
std::string event_word(EditKind kind) {
    switch (kind) {
        case EditKind::certified: return tr("certified");
        case EditKind::revoked: return tr("revoked");
        case EditKind::planned: return tr("planned");
    }
    return tr("certified");
}

// Byte offsets for toml++ positions (lines 1-based; columns 1-based, in code
// points, a byte order mark not counted), and back.
class TextMap {
   public:
    explicit TextMap(std::string_view text) : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF") {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }

    std::size_t offset(const toml::source_position& p) const {
        if (p.line == 0 || p.line > starts_.size()) throw std::logic_error("plan_edit: position outside the text");
        std::size_t i = content_start(p.line);
        for (std::uint32_t k = 1; k < p.column && i < text_.size() && text_[i] != '\n'; ++k) next_code_point(text_, i);
        return i;
    }

    std::uint32_t line_at(std::size_t offset) const {
        return static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
    }

    std::uint32_t column_at(std::size_t offset) const {
        std::uint32_t column = 1;
        for (std::size_t i = content_start(line_at(offset)); i < offset; ++column) next_code_point(text_, i);
        return column;
    }

    std::size_t line_start(std::size_t offset) const { return starts_[line_at(offset) - 1]; }

    // The line ending of the line holding `offset`, or the file's (that of
    // its first line) when that line has none; "\n" when no line has one.
    std::string line_ending(std::size_t offset) const {
        std::size_t nl = text_.find('\n', offset);
        if (nl == npos) nl = text_.find('\n');
        if (nl == npos) return "\n";
        return nl > 0 && text_[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    // The spaces and tabs that open the line holding `offset`, when only
    // they stand before it; else nullopt.
    std::optional<std::string> indent_before(std::size_t offset) const {
        const std::size_t start = line_start(offset);
        const std::string_view before = text_.substr(start, offset - start);
        if (before.find_first_not_of(" \t") != npos) return std::nullopt;
        return std::string(before);
    }

    std::string leading_blanks(std::size_t offset) const {
        const std::size_t start = line_start(offset);
        const std::size_t end = text_.find_first_not_of(" \t", start);
        return std::string(text_.substr(start, (end == npos ? text_.size() : end) - start));
    }

   private:
    std::size_t content_start(std::uint32_t line) const { return starts_[line - 1] + (line == 1 && bom_ ? 3 : 0); }

    std::string_view text_;
    bool bom_;
    std::vector<std::size_t> starts_;
};

// One replacement of bytes [at, at + erase) of the old text; `date_at` is
// where the new date stands inside `insert` (npos when it is not there).
struct Edit {
    std::size_t at = 0;
    std::size_t erase = 0;
    std::string insert;
    std::size_t date_at = npos;
};

struct Applied {
    std::string text;
    std::size_t date_offset = npos;  // of the new date in the new text
};

Applied apply_edits(std::string_view text, std::vector<Edit> edits) {
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at < b.at; });
    Applied out;
    std::size_t grown = 0;
    for (const Edit& e : edits) grown += e.insert.size();
    out.text.reserve(text.size() + grown);
    std::size_t done = 0;
    for (const Edit& e : edits) {
        out.text.append(text.substr(done, e.at - done));
        if (e.date_at != npos) out.date_offset = out.text.size() + e.date_at;
        out.text += e.insert;
        done = e.at + e.erase;
    }
    out.text.append(text.substr(done));
    return out;
}

std::string located_label(const std::string& name, const std::string& id) {
    return id.empty() ? make_inert(name) : fmt::format("{} ({})", make_inert(name), make_inert(id));
}

[[noreturn]] void refuse(std::string_view text, const std::string& file, std::uint32_t line, std::uint32_t column,
                         std::string message, std::string hint) {
    throw InputError(
        Diagnostic{file, line, column, std::move(message), std::move(hint), std::string(line_of(text, line))});
}

struct Found {
    const toml::table* table = nullptr;
    std::string name;
    std::string id;
};

}  // namespace

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
        if (!by_id_wanted) {
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
            hint = trf("names are taken as written, or preceded by their kind; written without care, this is: {}",
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

// A date node as a Date (the plan has been validated: it is a valid date).
Date date_of(const toml::node& node) {
    const toml::date d = node.as_date()->get();
    return Date::from_ymd(d.year, d.month, d.day);
}

// Bytes [begin, end) of a value, checked to be exactly its date.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The date of a dated value: a date, or an inline table's `date`.
const toml::node& date_node(const toml::node& node) {
    if (const auto* table = node.as_table()) return *table->get("date");
    return node;
}

Date element_date(const toml::node& node) {
    return date_of(date_node(node));
}

Span span_of(std::string_view text, const TextMap& map, const toml::node& node) {
    const Span s{map.offset(node.source().begin), map.offset(node.source().end)};
    const bool ok = s.begin < s.end && s.end <= text.size() &&
                    (node.is_date()    ? text.substr(s.begin, s.end - s.begin) == to_iso(date_of(node))
                     : node.is_table() ? text[s.begin] == '{' && text[s.end - 1] == '}'
                                       : !node.is_array() || (text[s.begin] == '[' && text[s.end - 1] == ']'));
    if (!ok) throw std::logic_error("plan_edit: a value is not where the parser placed it");
    return s;
}

class Editor {
   public:
    Editor(std::string_view text, const std::string& file, const Found& locality, const EditRequest& request)
        : text_(text),
          file_(file),
          map_(text),
          loc_(locality),
          table_(*locality.table),
          key_(key_of(request.kind)),
          request_(request),
          date_(request.date),
          day_(to_iso(request.date)),
          value_(value_of(request)),
          date_in_value_(value_ == day_ ? 0 : std::string_view("{ date = ").size()) {}

    // The value written for an added date: the date, or an inline table
    // when the request gives more than the date.
    static std::string value_of(const EditRequest& r) {
        const std::string day = to_iso(r.date);
        std::string more;
        if (r.kind != EditKind::planned && !r.decision.empty())
            more += fmt::format(", decision = {}", toml_quoted(r.decision));
        if (r.kind == EditKind::planned && r.set) more += fmt::format(", set = {}", to_iso(*r.set));
        if (!r.note.empty()) more += fmt::format(", note = {}", toml_quoted(r.note));
        return more.empty() ? day : fmt::format("{{ date = {}{} }}", day, more);
    }

    // The edits, and the old value when a planned date is replaced.
    std::vector<Edit> plan(std::string& replaced) {
        const toml::node* node = table_.get(key_);
        if (request_.action != EditAction::add) return change(node);
        if (!node) return {new_line()};
        const bool planned = request_.kind == EditKind::planned;
        if (!planned)
            if (const toml::node* event = event_of_day(*node)) return amend(*event);
        if (const auto* array = node->as_array()) {
            if (planned && !array->empty()) replaced = to_iso(element_date(array->back()));
            return into_array(*array, planned);
        }
        const Date old = element_date(*node);
        if (old == date_) already(*node);
        const Span s = span_of(text_, map_, *node);
        const std::string_view was = text_.substr(s.begin, s.end - s.begin);
        if (planned) replaced = to_iso(old);
        if (date_ < old && !planned)
            return {Edit{s.begin, s.end - s.begin, fmt::format("[{}, {}]", value_, was), 1 + date_in_value_}};
        return {
            Edit{s.begin, s.end - s.begin, fmt::format("[{}, {}]", was, value_), 1 + was.size() + 2 + date_in_value_}};
    }

    bool added_decision() const { return added_decision_; }
    bool added_note() const { return added_note_; }

    // The last line of the locality's key-value pairs, in the old text.
    std::uint32_t last_line() const {
        std::uint32_t line = table_.source().begin.line;
        for (auto&& entry : table_) line = std::max(line, entry.second.source().end.line);
        return line;
    }

   private:
    std::string_view text_;
    const std::string& file_;
    TextMap map_;
    const Found& loc_;
    const toml::table& table_;
    const char* key_;
    const EditRequest& request_;
    Date date_;
    std::string day_;
    std::string value_;            // what is written for an added date
    std::size_t date_in_value_;    // where the date stands in value_
    bool added_decision_ = false;  // amend(): the decision was added to an event recorded
    bool added_note_ = false;      // amend(): the note was

    // The dates of the locality's certified, revoked and planned keys, for a hint.
    std::string dates_listed() const {
        std::string out;
        for (const char* key : {"certified", "revoked", "planned"}) {
            const toml::node* node = table_.get(key);
            if (!node) continue;
            std::string days;
            auto add = [&](const toml::node& value) {
                days += (days.empty() ? "" : ", ") + to_iso(element_date(value));
            };
            if (const auto* array = node->as_array())
                for (const toml::node& value : *array) add(value);
            else
                add(*node);
            if (!days.empty()) out += fmt::format("{}{} = {}", out.empty() ? "" : "; ", key, days);
        }
        return out;
    }

    // Removing or moving the value dated date_ of key_.
    std::vector<Edit> change(const toml::node* node) {
        const toml::node* element = nullptr;
        std::size_t at = 0;
        const toml::array* array = node ? node->as_array() : nullptr;
        if (array) {
            for (std::size_t k = 0; k < array->size() && !element; ++k)
                if (element_date((*array)[k]) == date_) element = &(*array)[k], at = k;
        } else if (node && element_date(*node) == date_) {
            element = node;
        }
        if (!element) {
            const std::string listed = dates_listed();
            const auto& where = (node ? *node : static_cast<const toml::node&>(table_)).source().begin;
            refuse(text_, file_, where.line, where.column,
                   trf("{} has no {} date {}", located_label(loc_.name, loc_.id), tr(key_), human_date(date_)),
                   listed.empty() ? std::string(tr("it has no certified, revoked or planned date"))
                                  : trf("its dates: {}", listed));
        }
        if (request_.action == EditAction::move) {
            if (request_.new_date == date_)
                refuse(text_, file_, element->source().begin.line, element->source().begin.column,
                       trf("{} {} is already on that day", tr(key_), human_date(date_)),
                       tr("nothing to move: the plan is unchanged"));
            const Span s = span_of(text_, map_, date_node(*element));
            return {Edit{s.begin, s.end - s.begin, to_iso(request_.new_date), 0}};
        }
        if (array && array->size() > 1) {
            std::vector<Span> items;
            for (const toml::node& value : *array) items.push_back(span_of(text_, map_, value));
            if (at + 1 < items.size()) return {Edit{items[at].begin, items[at + 1].begin - items[at].begin, {}, 0}};
            return {Edit{items[at - 1].end, items[at].end - items[at - 1].end, {}, 0}};
        }
        // The only value: its whole `KEY = ...` line (a comment after it goes too).
        std::size_t key_at = npos;
        for (auto&& [key, value] : table_)
            if (&value == node) key_at = map_.offset(key.source().begin);
        if (key_at == npos) throw std::logic_error("plan_edit: a value without its key");
        const std::size_t begin = map_.line_start(key_at);
        const std::size_t end_of_value = map_.offset(node->source().end);
        const std::size_t nl = text_.find('\n', end_of_value);
        const std::size_t end = nl == npos ? text_.size() : nl + 1;
        return {Edit{begin, end - begin, {}, 0}};
    }

    // The certified or revoked value dated date_, or nullptr.
    const toml::node* event_of_day(const toml::node& node) const {
        if (const auto* array = node.as_array()) {
            for (const toml::node& value : *array)
                if (element_date(value) == date_) return &value;
            return nullptr;
        }
        return element_date(node) == date_ ? &node : nullptr;
    }

    // An event already recorded is given the decision and note it lacks: a
    // plain date becomes the inline table value_, an inline table gains the
    // keys (the decision after the date, the note before its '}'). A key it
    // has with another text is refused; when nothing is missing, the event is
    // already recorded.
    std::vector<Edit> amend(const toml::node& event) {
        const toml::table* table = event.as_table();
        // What is added for `key`, as written: ", KEY = \"...\"", or nothing.
        auto missing = [&](const char* key, const std::string& wanted) -> std::string {
            if (wanted.empty()) return {};
            const toml::node* has = table ? table->get(key) : nullptr;
            if (!has) return fmt::format(", {} = {}", key, toml_quoted(wanted));
            const std::string existing = has->value_or(std::string());
            if (to_nfc(existing) == to_nfc(wanted)) return {};
            const auto& at = has->source().begin;
            const std::string label = located_label(loc_.name, loc_.id);
            if (std::string_view(key) == "decision")
                refuse(text_, file_, at.line, at.column,
                       trf("{} {} of {} already has decision {}", tr(key_), human_date(date_), label,
                           make_inert(existing)),
                       trf("to give it decision {} instead, remove the event (record --remove) and record it "
                           "again, or edit the file",
                           make_inert(wanted)));
            refuse(text_, file_, at.line, at.column,
                   trf("{} {} of {} already has the note \"{}\"", tr(key_), human_date(date_), label,
                       make_inert(existing)),
                   tr("to replace the note, remove the event (record --remove) and record it again with its "
                      "decision and the new --note, or edit the file"));
        };
        const std::string decision = missing("decision", request_.decision);
        const std::string note = missing("note", request_.note);
        if (decision.empty() && note.empty()) already(event);
        added_decision_ = !decision.empty();
        added_note_ = !note.empty();
        const Span s = span_of(text_, map_, event);
        if (!table) return {Edit{s.begin, s.end - s.begin, value_, date_in_value_}};
        // Before the closing brace, after the last value (TOML has no
        // trailing comma in an inline table, nor a comment).
        std::size_t close = s.end - 1;
        while (close > s.begin && (text_[close - 1] == ' ' || text_[close - 1] == '\t')) --close;
        const Span date = span_of(text_, map_, date_node(event));
        std::vector<Edit> edits{Edit{date.begin, 0, {}, 0}};  // marks where the date stands
        if (date.end == close) {
            edits.push_back(Edit{close, 0, decision + note, npos});
            return edits;
        }
        if (!decision.empty()) edits.push_back(Edit{date.end, 0, decision, npos});
        if (!note.empty()) edits.push_back(Edit{close, 0, note, npos});
        return edits;
    }

    [[noreturn]] void already(const toml::node& node) const {
        const auto& at = node.source().begin;
        refuse(text_, file_, at.line, at.column,
               trf("{} {} is already recorded for {}", tr(key_), human_date(date_), located_label(loc_.name, loc_.id)),
               tr("nothing to add: the plan is unchanged"));
    }

    // `KEY = DATE` on a new line after the line where the last value ends.
    Edit new_line() const {
        const toml::key* last_key = nullptr;
        const toml::node* last_value = nullptr;
        for (auto&& [key, value] : table_) {
            const auto& end = value.source().end;
            if (!last_value || end.line > last_value->source().end.line ||
                (end.line == last_value->source().end.line && end.column > last_value->source().end.column)) {
                last_key = &key;
                last_value = &value;
            }
        }
        if (!last_value) throw std::logic_error("plan_edit: a locality without keys");
        const std::string indent = map_.leading_blanks(map_.offset(last_key->source().begin));
        const std::string head = fmt::format("{}{} = ", indent, key_);
        const std::size_t end = map_.offset(last_value->source().end);
        const std::size_t nl = text_.find('\n', end);
        if (nl != npos) return Edit{nl + 1, 0, head + value_ + map_.line_ending(end), head.size() + date_in_value_};
        const std::string ending = map_.line_ending(end);  // the last line has none: the file's
        return Edit{text_.size(), 0, ending + head + value_, ending.size() + head.size() + date_in_value_};
    }

    // What separates element k from element k + 1, kept as written unless a
    // comment stands in it.
    std::string separator(const std::vector<Span>& items, std::size_t k) const {
        const std::string_view gap = text_.substr(items[k].end, items[k + 1].begin - items[k].end);
        if (gap.find('#') == npos) return std::string(gap);
        if (gap.find('\n') == npos) return ", ";
        return "," + map_.line_ending(items[k].end) + map_.indent_before(items[k + 1].begin).value_or("");
    }

    // The separator for an array of one element: ", ", or a line break
    // when the element stands on its own line.
    std::string lone_separator(Span array, Span item) const {
        const std::string_view lead = text_.substr(array.begin + 1, item.begin - array.begin - 1);
        if (lead.find('\n') == npos) return ", ";
        return "," + map_.line_ending(array.begin) + map_.indent_before(item.begin).value_or("");
    }

    // `append`: the new value goes last (a planned entry), and only the last
    // element's date counts as already there.
    std::vector<Edit> into_array(const toml::array& array, bool append) {
        const Span whole = span_of(text_, map_, array);
        if (array.empty()) return {Edit{whole.begin + 1, 0, value_, date_in_value_}};
        std::vector<Span> items;
        std::size_t before = array.size();  // the first element later than the new date
        for (std::size_t k = 0; k < array.size(); ++k) {
            const Date d = element_date(array[k]);
            if (d == date_ && (!append || k + 1 == array.size())) already(array[k]);
            if (d > date_ && before == array.size() && !append) before = k;
            items.push_back(span_of(text_, map_, array[k]));
        }
        const std::size_t n = items.size();
        const std::string sep = n == 1 ? lone_separator(whole, items[0])
                                       : separator(items, before == n  ? n - 2
                                                          : before > 0 ? before - 1
                                                                       : 0);
        if (before < n) return {Edit{items[before].begin, 0, value_ + sep, date_in_value_}};
        // After the last element: before any comment that follows it, the
        // new date would be taken into that comment's line.
        const Span last = items[n - 1];
        const std::string_view tail = text_.substr(last.end, whole.end - 1 - last.end);
        const std::size_t hash = tail.find('#');
        if (hash == npos) return {Edit{last.end, 0, sep + value_, sep.size() + date_in_value_}};
        const bool comma = tail.substr(0, hash).find(',') != npos;
        const std::size_t next_line = text_.find('\n', last.end + hash) + 1;  // ']' follows on a later line
        const auto own = map_.indent_before(last.begin);
        const std::string indent = own ? *own : map_.leading_blanks(last.begin) + "    ";
        std::vector<Edit> edits;
        if (!comma) edits.push_back(Edit{last.end, 0, ",", npos});
        edits.push_back(Edit{next_line, 0, indent + value_ + (comma ? "," : "") + map_.line_ending(last.end),
                             indent.size() + date_in_value_});
        return edits;
    }
};

// A stretch of the plan that holds whole [[locality]] tables and parses on
// its own: one table's block when the plan can be cut there, else the whole
// text. Positions inside are relative to it; `line_offset` lines precede it.
struct Section {
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
std::string edit_section(std::string& section, const Section& where, const std::string& file, const EditTarget& loc,
                         const EditRequest& request, Recheck recheck) {
    const std::uint32_t offset = where.line_offset;
    const std::uint32_t header = loc.line - offset;
    const toml::table root = toml::parse(section, std::string_view(file));
    const toml::table* table = table_at(root, header);
    if (!table) throw std::logic_error("plan_edit: the locality's table is not where the loader found it");
    const Found locality{table, loc.name, loc.id};
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
    Editor editor(section, file, locality, request);
    std::string replaced;
    std::vector<Edit> edits;
    try {
        edits = editor.plan(replaced);
    } catch (const InputError& e) {
        throw in_file(e.diagnostics(), section);
    }
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
    else if (editor.added_decision() && editor.added_note())
        summary = trf("{}: decision {} and a note added to {} {} (line {})", label, make_inert(request.decision),
                      event_word(request.kind), human_date(request.date), line + offset);
    else if (editor.added_decision())
        summary = trf("{}: decision {} added to {} {} (line {})", label, make_inert(request.decision),
                      event_word(request.kind), human_date(request.date), line + offset);
    else if (editor.added_note())
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
    std::vector<Section> sections;
    std::vector<std::size_t> section_of(requests.size(), 0);
    std::unordered_map<std::size_t, std::size_t> section_at;  // by where it begins
    const auto pieces = split_at_localities(text, 0);
    for (std::size_t r = 0; r < requests.size(); ++r) {
        Section s{0, text.size(), 0};
        if (pieces) {
            const auto it =
                std::lower_bound(pieces->begin() + 1, pieces->end(), located[r].line,
                                 [](const TextPiece& p, std::uint32_t line) { return p.line_offset + 1 < line; });
            if (it != pieces->end() && it->line_offset + 1 == located[r].line && it->localities == 1)
                s = Section{it->begin, it->end, it->line_offset};
        }
        const auto [it, fresh] = section_at.emplace(s.begin, sections.size());
        if (fresh) sections.push_back(s);
        section_of[r] = it->second;
    }
    // A whole-text section swallows every other.
    if (std::any_of(sections.begin(), sections.end(),
                    [&](const Section& s) { return s.end - s.begin == text.size(); })) {
        sections.assign(1, Section{0, text.size(), 0});
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
