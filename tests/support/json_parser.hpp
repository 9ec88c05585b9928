// A strict JSON parser (RFC 8259) for the tests and the fuzzer: what a
// report's json must be, and its values read back.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ontrack::test {

struct Json {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    std::string text;  // a number's literal, or a string decoded to UTF-8
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;  // in document order

    bool has(std::string_view key) const {
        for (const auto& m : members)
            if (m.first == key) return true;
        return false;
    }
    const Json& at(std::string_view key) const {
        for (const auto& m : members)
            if (m.first == key) return m.second;
        throw std::out_of_range("no key " + std::string(key));
    }
    std::int64_t integer() const {
        if (type != Type::number) throw std::logic_error("not a number: " + text);
        return std::stoll(text);
    }
};

// Strict RFC 8259: one value, no trailing commas, no raw control characters
// in strings, only the defined escapes, surrogates in pairs, no duplicate
// keys, nothing after the value but whitespace.
class JsonParser {
   public:
    explicit JsonParser(std::string_view s) : s_(s) {}

    Json document() {
        ws();
        Json v = value(0);
        ws();
        if (i_ != s_.size()) fail("text after the value");
        return v;
    }

   private:
    std::string_view s_;
    std::size_t i_ = 0;

    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error(what + " at offset " + std::to_string(i_));
    }
    bool at_end() const { return i_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[i_]; }
    void expect(char c) {
        if (peek() != c) fail(std::string("expected '") + c + "'");
        ++i_;
    }
    void ws() {
        while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    void literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) fail("bad literal");
        i_ += word.size();
    }

    Json value(int depth) {
        if (depth > 64) fail("too deep");
        Json v;
        switch (peek()) {
            case '{': v = object(depth); break;
            case '[': v = array(depth); break;
            case '"':
                v.type = Json::Type::string;
                v.text = string();
                break;
            case 't':
                literal("true");
                v.type = Json::Type::boolean;
                v.boolean = true;
                break;
            case 'f':
                literal("false");
                v.type = Json::Type::boolean;
                break;
            case 'n': literal("null"); break;
            default: v = number();
        }
        return v;
    }

    Json object(int depth) {
        Json v;
        v.type = Json::Type::object;
        expect('{');
        ws();
        if (peek() == '}') {
            ++i_;
            return v;
        }
        for (;;) {
            ws();
            if (peek() != '"') fail("expected a key");
            std::string key = string();
            if (v.has(key)) fail("duplicate key " + key);
            ws();
            expect(':');
            ws();
            v.members.emplace_back(std::move(key), value(depth + 1));
            ws();
            if (peek() == ',') {
                ++i_;
                continue;
            }
            expect('}');
            return v;
        }
    }

    Json array(int depth) {
        Json v;
        v.type = Json::Type::array;
        expect('[');
        ws();
        if (peek() == ']') {
            ++i_;
            return v;
        }
        for (;;) {
            ws();
            v.items.push_back(value(depth + 1));
            ws();
            if (peek() == ',') {
                ++i_;
                continue;
            }
            expect(']');
            return v;
        }
    }

    Json number() {
        const std::size_t start = i_;
        auto digits = [&] {
            const std::size_t from = i_;
            while (!at_end() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            if (i_ == from) fail("expected a digit");
        };
        if (peek() == '-') ++i_;
        if (peek() == '0')
            ++i_;
        else
            digits();
        if (peek() == '.') {
            ++i_;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            if (peek() == '+' || peek() == '-') ++i_;
            digits();
        }
        Json v;
        v.type = Json::Type::number;
        v.text = std::string(s_.substr(start, i_ - start));
        return v;
    }

    unsigned hex4() {
        unsigned u = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = peek();
            unsigned d = 0;
            if (c >= '0' && c <= '9')
                d = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                d = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                d = static_cast<unsigned>(c - 'A' + 10);
            else
                fail("bad \\u escape");
            u = u * 16 + d;
            ++i_;
        }
        return u;
    }

    static void append_utf8(std::string& out, char32_t c) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }

    std::string string() {
        expect('"');
        std::string out;
        for (;;) {
            if (at_end()) fail("unterminated string");
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                ++i_;
                return out;
            }
            if (c < 0x20) fail("raw control character in a string");
            if (c != '\\') {
                out += static_cast<char>(c);
                ++i_;
                continue;
            }
            ++i_;
            const char e = peek();
            ++i_;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    char32_t cp = hex4();
                    if (cp >= 0xDC00 && cp <= 0xDFFF) fail("lone low surrogate");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (s_.substr(i_, 2) != "\\u") fail("lone high surrogate");
                        i_ += 2;
                        const char32_t low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("bad surrogate pair");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: fail("bad escape");
            }
        }
    }
};

inline Json parse_json(std::string_view text) {
    return JsonParser(text).document();
}

// Whether `text` is one strict JSON value.
inline bool is_strict_json(std::string_view text) {
    try {
        parse_json(text);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

}  // namespace ontrack::test
