#include "json_writer.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "utf8.hpp"

namespace ontrack {

namespace {

// Code points written as \uXXXX although JSON allows them raw: C1 controls,
// the bidi marks, embeddings, overrides and isolates, and the line and
// paragraph separators (which end a line in JavaScript and many terminals).
bool escaped_in_json(char32_t c) {
    return (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x20 && byte < 0x7F && byte != '"' && byte != '\\') {
            ++i;
            continue;
        }
        if (byte >= 0x80) {
            if (utf8_sequence_length(s, i) == 0) {
                // Not UTF-8 (a file name can be anything): the byte shown as
                // the text \xff, so that the JSON stays valid.
                out.append(s.substr(run, start - run));
                fmt::format_to(std::back_inserter(out), "\\\\x{:02x}", static_cast<unsigned>(byte));
                run = ++i;
                continue;
            }
            const char32_t c = next_code_point(s, i);
            if (!escaped_in_json(c)) continue;
            out.append(s.substr(run, start - run));
            fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
            run = i;
            continue;
        }
        out.append(s.substr(run, start - run));
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(byte));
        }
        run = ++i;
    }
    out.append(s.substr(run));
    out += '"';
}

void JsonWriter::before_item() {
    if (frames_.empty()) return;
    Frame& f = frames_.back();
    if (f.object) {
        if (!after_key_) throw std::logic_error("JsonWriter: a value in an object needs a key");
        after_key_ = false;
        return;
    }
    if (!f.empty) out_ += ',';
    out_ += prefix_ ? *prefix_ : f.empty ? f.layout.first : f.layout.next;
    prefix_.reset();
    f.empty = false;
}

void JsonWriter::key(std::string_view name) {
    if (frames_.empty() || !frames_.back().object || after_key_)
        throw std::logic_error("JsonWriter: a key outside an object");
    Frame& f = frames_.back();
    if (!f.empty) out_ += ',';
    out_ += prefix_ ? *prefix_ : f.empty ? f.layout.first : f.layout.next;
    prefix_.reset();
    f.empty = false;
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::begin(char open, Layout layout, bool object) {
    before_item();
    out_ += open;
    frames_.push_back({layout, object, true});
}

void JsonWriter::end(char close) {
    const Frame f = frames_.back();
    frames_.pop_back();
    if (!f.empty) out_ += f.layout.close;
    out_ += close;
}

void JsonWriter::begin_object(Layout layout) {
    begin('{', layout, true);
}
void JsonWriter::end_object() {
    if (frames_.empty() || !frames_.back().object || after_key_)
        throw std::logic_error("JsonWriter: end_object without an open object");
    end('}');
}
void JsonWriter::begin_array(Layout layout) {
    begin('[', layout, false);
}
void JsonWriter::end_array() {
    if (frames_.empty() || frames_.back().object) throw std::logic_error("JsonWriter: end_array without an open array");
    end(']');
}

void JsonWriter::value(std::string_view s) {
    before_item();
    append_json_string(out_, s);
}
void JsonWriter::value(bool b) {
    before_item();
    out_ += b ? "true" : "false";
}
void JsonWriter::value(std::nullptr_t) {
    before_item();
    out_ += "null";
}
void JsonWriter::integer(std::int64_t n) {
    before_item();
    const fmt::format_int text(n);
    out_.append(text.data(), text.size());
}
void JsonWriter::value(Date d) {
    before_item();
    out_ += '"';
    out_ += to_iso(d);
    out_ += '"';
}
void JsonWriter::value(const std::optional<Date>& d) {
    if (d)
        value(*d);
    else
        value(nullptr);
}
void JsonWriter::raw(std::string_view number) {
    before_item();
    out_.append(number);
}

}  // namespace ontrack
