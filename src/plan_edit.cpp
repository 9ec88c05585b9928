#include "plan_edit.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "diagnostic.hpp"
#include "i18n.hpp"
#include "load.hpp"
#include "suggest.hpp"
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

Applied apply(std::string_view text, std::vector<Edit> edits) {
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

// The hint with every "line N" passed through `map`.
template <typename Map>
std::string remap_lines(const std::string& hint, Map map) {
    std::string out;
    const std::string_view word = language() == Lang::vi ? "dòng " : "line ";
    std::size_t i = 0;
    while (i < hint.size()) {
        const std::size_t at = hint.find(word, i);
        if (at == npos) break;
        std::size_t j = at + word.size();
        std::uint64_t n = 0;
        while (j < hint.size() && hint[j] >= '0' && hint[j] <= '9' && n < 0xFFFFFFFF) n = n * 10 + (hint[j++] - '0');
        out.append(hint, i, at + word.size() - i);
        if (j > at + word.size()) out += std::to_string(map(static_cast<std::uint32_t>(n)));
        i = j;
    }
    out.append(hint, i, npos);
    return out;
}

struct Found {
    const toml::table* table = nullptr;
    std::string name;
    std::string id;
};

Found find_locality(std::string_view text, const std::string& file, const toml::table& root,
                    const EditRequest& request) {
    const toml::array* all = root.get("locality") ? root.get("locality")->as_array() : nullptr;
    std::vector<Found> localities;
    if (all)
        for (const toml::node& element : *all)
            if (const auto* table = element.as_table()) {
                Found f;
                f.table = table;
                f.name = table->get("name") ? table->get("name")->value_or(std::string()) : std::string();
                f.id = table->get("id") ? table->get("id")->value_or(std::string()) : std::string();
                localities.push_back(std::move(f));
            }
    const bool by_id = !request.id.empty();
    const std::string& wanted = by_id ? request.id : request.name;
    for (const Found& f : localities)
        if ((by_id ? f.id : f.name) == wanted) return f;

    std::string hint;
    std::vector<std::string_view> candidates;
    for (const Found& f : localities)
        if (!(by_id ? f.id : f.name).empty()) candidates.push_back(by_id ? f.id : f.name);
    const auto other = std::find_if(localities.begin(), localities.end(),
                                    [&](const Found& f) { return (by_id ? f.name : f.id) == wanted; });
    if (other != localities.end()) {
        hint = by_id ? trf("'{}' is the name of a locality, not its id: find it by name", wanted)
                     : trf("'{}' is the id of {}, not a name: find it by id", wanted, other->name);
    } else if (const std::string guess = closest_match(wanted, candidates); !guess.empty()) {
        const auto it = std::find_if(localities.begin(), localities.end(),
                                     [&](const Found& f) { return (by_id ? f.id : f.name) == guess; });
        hint =
            by_id ? trf("did you mean '{}' ({})?", guess, it->name)
                  : (it->id.empty() ? trf("did you mean '{}'?", guess) : trf("did you mean '{}' ({})?", guess, it->id));
    } else if (localities.empty()) {
        hint = tr("the plan lists no [[locality]]; add the locality first");
    } else if (by_id && candidates.empty()) {
        hint = tr("no locality in this plan has an id: find it by name");
    } else {
        hint = by_id ? tr("ids are matched exactly, as written in id = \"...\"")
                     : tr("names are matched exactly, diacritics and case included");
    }
    const std::string message = by_id ? trf("no locality with id '{}'", wanted) : trf("no locality named '{}'", wanted);
    if (localities.empty()) refuse(text, file, 1, 1, message, hint);
    const auto& at = localities.front().table->source().begin;
    refuse(text, file, at.line, at.column, message, hint);
}

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

Span span_of(std::string_view text, const TextMap& map, const toml::node& node) {
    const Span s{map.offset(node.source().begin), map.offset(node.source().end)};
    const bool ok = s.begin < s.end && s.end <= text.size() &&
                    (node.is_date() ? text.substr(s.begin, s.end - s.begin) == to_iso(date_of(node))
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
          date_(request.date),
          day_(to_iso(request.date)) {}

    // The edits, and the old value when a planned date is replaced.
    std::vector<Edit> plan(std::string& replaced) {
        const toml::node* node = table_.get(key_);
        if (!node) return {new_line()};
        if (const auto* array = node->as_array()) return into_array(*array);
        const Date old = date_of(*node);
        if (old == date_) already(*node);
        const Span s = span_of(text_, map_, *node);
        if (key_ == std::string_view("planned")) {
            replaced = to_iso(old);
            return {Edit{s.begin, s.end - s.begin, day_, 0}};
        }
        const std::string_view was = text_.substr(s.begin, s.end - s.begin);
        if (date_ < old) return {Edit{s.begin, s.end - s.begin, fmt::format("[{}, {}]", day_, was), 1}};
        return {Edit{s.begin, s.end - s.begin, fmt::format("[{}, {}]", was, day_), 1 + was.size() + 2}};
    }

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
    Date date_;
    std::string day_;

    [[noreturn]] void already(const toml::node& node) const {
        const auto& at = node.source().begin;
        refuse(text_, file_, at.line, at.column,
               trf("{} {} is already recorded for {}", key_, day_, located_label(loc_.name, loc_.id)),
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
        if (nl != npos) return Edit{nl + 1, 0, head + day_ + map_.line_ending(end), head.size()};
        const std::string ending = map_.line_ending(end);  // the last line has none: the file's
        return Edit{text_.size(), 0, ending + head + day_, ending.size() + head.size()};
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

    std::vector<Edit> into_array(const toml::array& array) {
        const Span whole = span_of(text_, map_, array);
        if (array.empty()) return {Edit{whole.begin + 1, 0, day_, 0}};
        std::vector<Span> items;
        std::size_t before = array.size();  // the first element later than the new date
        for (std::size_t k = 0; k < array.size(); ++k) {
            const Date d = date_of(array[k]);
            if (d == date_) already(array[k]);
            if (d > date_ && before == array.size()) before = k;
            items.push_back(span_of(text_, map_, array[k]));
        }
        const std::size_t n = items.size();
        const std::string sep = n == 1 ? lone_separator(whole, items[0])
                                       : separator(items, before == n  ? n - 2
                                                          : before > 0 ? before - 1
                                                                       : 0);
        if (before < n) return {Edit{items[before].begin, 0, day_ + sep, 0}};
        // After the last element: before any comment that follows it, the
        // new date would be taken into that comment's line.
        const Span last = items[n - 1];
        const std::string_view tail = text_.substr(last.end, whole.end - 1 - last.end);
        const std::size_t hash = tail.find('#');
        if (hash == npos) return {Edit{last.end, 0, sep + day_, sep.size()}};
        const bool comma = tail.substr(0, hash).find(',') != npos;
        const std::size_t next_line = text_.find('\n', last.end + hash) + 1;  // ']' follows on a later line
        const auto own = map_.indent_before(last.begin);
        const std::string indent = own ? *own : map_.leading_blanks(last.begin) + "    ";
        std::vector<Edit> edits;
        if (!comma) edits.push_back(Edit{last.end, 0, ",", npos});
        edits.push_back(
            Edit{next_line, 0, indent + day_ + (comma ? "," : "") + map_.line_ending(last.end), indent.size()});
        return edits;
    }
};

}  // namespace

EditResult add_event(std::string_view text, const std::string& file, const EditRequest& request) {
    if (request.id.empty() == request.name.empty())
        throw std::invalid_argument("add_event: set exactly one of the locality's id and name");
    // The plan must be valid as it is; this also guards the parse below
    // against keys nested too deep for toml++.
    (void)parse_plan(text, file);
    const toml::table root = toml::parse(text, std::string_view(file));
    const Found locality = find_locality(text, file, root, request);
    if (locality.table->is_inline()) {
        const auto& at = locality.table->source().begin;
        refuse(text, file, at.line, at.column,
               trf("locality {} is written as an inline table, which cannot be edited safely",
                   located_label(locality.name, locality.id)),
               tr("write it as its own [[locality]] section, one key per line, then record the event again"));
    }
    Editor editor(text, file, locality, request);
    std::string replaced;
    const std::vector<Edit> edits = editor.plan(replaced);
    Applied applied = apply(text, edits);
    const TextMap map(applied.text);
    const std::uint32_t line = map.line_at(applied.date_offset);
    const std::uint32_t column = map.column_at(applied.date_offset);

    std::uint32_t added = 0;  // lines added (0 or 1); old lines after `line` move down by it
    for (const Edit& e : edits) added += static_cast<std::uint32_t>(std::count(e.insert.begin(), e.insert.end(), '\n'));
    const auto to_old_line = [&](std::uint32_t n) { return added && n > line ? n - added : n; };

    try {
        (void)parse_plan(applied.text, file);
    } catch (const InputError& e) {
        std::vector<Diagnostic> diagnostics = e.diagnostics();
        const std::uint32_t first = locality.table->source().begin.line;
        const std::uint32_t last = std::max(line, editor.last_line() + added);
        for (Diagnostic& d : diagnostics) {
            if (d.line < first || d.line > last) continue;
            const std::uint32_t reported = d.line;
            d.hint = remap_lines(d.hint, [&](std::uint32_t n) { return to_old_line(n == line ? reported : n); });
            d.line = line;
            d.column = column;
            d.excerpt = std::string(line_of(applied.text, line));
        }
        throw InputError(std::move(diagnostics));
    }

    const std::string label = located_label(locality.name, locality.id);
    const std::string key = key_of(request.kind);
    std::string summary =
        replaced.empty() ? trf("{}: {} {} added (line {})", label, key, to_iso(request.date), line)
                         : trf("{}: {} {} replaces {} (line {})", label, key, to_iso(request.date), replaced, line);
    return EditResult{std::move(applied.text), std::move(summary)};
}

}  // namespace ontrack
