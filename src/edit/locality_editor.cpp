#include "locality_editor.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "diagnostic.hpp"
#include "i18n.hpp"
#include "roster.hpp"
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

}  // namespace

std::string event_word(EditKind kind) {
    switch (kind) {
        case EditKind::certified: return tr("certified");
        case EditKind::revoked: return tr("revoked");
        case EditKind::planned: return tr("planned");
    }
    return tr("certified");
}

namespace {

[[noreturn]] void refuse(std::string_view text, const std::string& file, std::uint32_t line, std::uint32_t column,
                         std::string message, std::string hint) {
    throw InputError(
        Diagnostic{file, line, column, std::move(message), std::move(hint), std::string(line_of(text, line))});
}

// A date node as a Date (the plan has been validated: it is a valid date).
Date date_of(const toml::node& node) {
    const toml::date d = node.as_date()->get();
    return Date::from_ymd(d.year, d.month, d.day);
}

// Bytes [begin, end) of a value, checked to be exactly its date.
struct ValueBytes {
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

ValueBytes span_of(std::string_view text, const TextMap& map, const toml::node& node) {
    const ValueBytes s{map.offset(node.source().begin), map.offset(node.source().end)};
    const bool ok = s.begin < s.end && s.end <= text.size() &&
                    (node.is_date()    ? text.substr(s.begin, s.end - s.begin) == to_iso(date_of(node))
                     : node.is_table() ? text[s.begin] == '{' && text[s.end - 1] == '}'
                                       : !node.is_array() || (text[s.begin] == '[' && text[s.end - 1] == ']'));
    if (!ok) throw std::logic_error("plan_edit: a value is not where the parser placed it");
    return s;
}

class Editor {
   public:
    Editor(std::string_view text, const std::string& file, const LocalityTable& locality, const EditRequest& request)
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
        const ValueBytes s = span_of(text_, map_, *node);
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
    const LocalityTable& loc_;
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
            const ValueBytes s = span_of(text_, map_, date_node(*element));
            return {Edit{s.begin, s.end - s.begin, to_iso(request_.new_date), 0}};
        }
        if (array && array->size() > 1) {
            std::vector<ValueBytes> items;
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
        const ValueBytes s = span_of(text_, map_, event);
        if (!table) return {Edit{s.begin, s.end - s.begin, value_, date_in_value_}};
        // Before the closing brace, after the last value (TOML has no
        // trailing comma in an inline table, nor a comment).
        std::size_t close = s.end - 1;
        while (close > s.begin && (text_[close - 1] == ' ' || text_[close - 1] == '\t')) --close;
        const ValueBytes date = span_of(text_, map_, date_node(event));
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
    std::string separator(const std::vector<ValueBytes>& items, std::size_t k) const {
        const std::string_view gap = text_.substr(items[k].end, items[k + 1].begin - items[k].end);
        if (gap.find('#') == npos) return std::string(gap);
        if (gap.find('\n') == npos) return ", ";
        return "," + map_.line_ending(items[k].end) + map_.indent_before(items[k + 1].begin).value_or("");
    }

    // The separator for an array of one element: ", ", or a line break
    // when the element stands on its own line.
    std::string lone_separator(ValueBytes array, ValueBytes item) const {
        const std::string_view lead = text_.substr(array.begin + 1, item.begin - array.begin - 1);
        if (lead.find('\n') == npos) return ", ";
        return "," + map_.line_ending(array.begin) + map_.indent_before(item.begin).value_or("");
    }

    // `append`: the new value goes last (a planned entry), and only the last
    // element's date counts as already there.
    std::vector<Edit> into_array(const toml::array& array, bool append) {
        const ValueBytes whole = span_of(text_, map_, array);
        if (array.empty()) return {Edit{whole.begin + 1, 0, value_, date_in_value_}};
        std::vector<ValueBytes> items;
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
        const ValueBytes last = items[n - 1];
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

}  // namespace

std::string located_label(const std::string& name, const std::string& id) {
    return id.empty() ? make_inert(name) : fmt::format("{} ({})", make_inert(name), make_inert(id));
}

LocalityEdit edit_locality(std::string_view text, const std::string& file, const LocalityTable& locality,
                           const EditRequest& request) {
    Editor editor(text, file, locality, request);
    LocalityEdit out;
    out.edits = editor.plan(out.replaced);
    out.added_decision = editor.added_decision();
    out.added_note = editor.added_note();
    return out;
}

}  // namespace ontrack
