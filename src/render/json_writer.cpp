#include "json_writer.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace ontrack {

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto byte = static_cast<unsigned char>(s[i]);
        const char* escape = nullptr;
        std::size_t length = 1;
        if (byte >= 0x80) {
            // Valid UTF-8: only U+2028 and U+2029 (E2 80 A8/A9) need escaping.
            if (byte != 0xE2 || i + 2 >= s.size() || static_cast<unsigned char>(s[i + 1]) != 0x80) continue;
            const auto last = static_cast<unsigned char>(s[i + 2]);
            if (last != 0xA8 && last != 0xA9) continue;
            escape = last == 0xA8 ? "\\u2028" : "\\u2029";
            length = 3;
        } else if (byte >= 0x20 && byte != '"' && byte != '\\' && byte != 0x7F) {
            continue;
        }
        out.append(s.substr(run, i - run));
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (escape)
                    out += escape;
                else
                    fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(byte));
        }
        i += length - 1;
        run = i + 1;
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
