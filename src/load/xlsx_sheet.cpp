// Office Open XML workbooks (.xlsx): the workbook's sheet list and
// relationships, the shared strings, the cell styles (which numbers are
// dates, which are codes padded with zeros), and one worksheet's cells.
#include <algorithm>
#include <unordered_map>

#include "i18n.hpp"
#include "workbook_formats.hpp"
#include "xml_stream.hpp"

namespace ontrack {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A relationship target as a member name: relative to `folder` ("xl/"),
// or from the archive's root when it starts with '/'.
std::string member_of(std::string_view folder, std::string_view target) {
    std::string path =
        target.substr(0, 1) == "/" ? std::string(target.substr(1)) : std::string(folder) + std::string(target);
    // "xl/worksheets/../sharedStrings.xml"
    for (std::size_t up; (up = path.find("/../")) != std::string::npos;) {
        const std::size_t start = path.rfind('/', up == 0 ? 0 : up - 1);
        path.erase(start == std::string::npos ? 0 : start + 1, up + 4 - (start == std::string::npos ? 0 : start + 1));
    }
    return path;
}

// The relationships of a part: id -> (type, member).
struct Relationship {
    std::string type, member;
};

std::unordered_map<std::string, Relationship> relationships(const ZipArchive& zip, const std::string& rels,
                                                            std::string_view folder) {
    std::unordered_map<std::string, Relationship> out;
    if (!zip.has(rels)) return out;
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes& a) {
        if (name == "Relationship" && a.get("TargetMode") != "External")
            out[std::string(a.get("Id"))] =
                Relationship{std::string(a.get("Type")), member_of(folder, a.get("Target"))};
    };
    parse_xml_member(zip, rels, h, max_part_bytes);
    return out;
}

// The workbook part ("xl/workbook.xml"), from the package's relationships.
std::string workbook_part(const ZipArchive& zip) {
    for (const auto& [id, r] : relationships(zip, "_rels/.rels", ""))
        if (ends_with(r.type, "/officeDocument")) return r.member;
    return "xl/workbook.xml";
}

std::string folder_of(const std::string& member) {
    const auto slash = member.rfind('/');
    return slash == std::string::npos ? std::string() : member.substr(0, slash + 1);
}

std::string rels_of(const std::string& member) {
    return folder_of(member) + "_rels/" + member.substr(folder_of(member).size()) + ".rels";
}

// Excel writes a control character in text as _xHHHH_ (and "_x005F_" for a
// literal underscore before such a pattern).
std::string decode_escapes(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() + 0 && text[i + 1] == 'x' && text[i + 6] == '_') {
            unsigned value = 0;
            bool hex = true;
            for (std::size_t k = i + 2; k < i + 6; ++k) {
                const char c = text[k];
                const int digit = c >= '0' && c <= '9'   ? c - '0'
                                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                         : -1;
                if (digit < 0) hex = false;
                value = value * 16 + static_cast<unsigned>(digit < 0 ? 0 : digit);
            }
            if (hex && value < 0x80) {
                out += static_cast<char>(value);
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// The text of a string item (<si> or <is>): its <t> elements, runs
// included, phonetic guides (<rPh>) left out.
class StringItemText {
   public:
    void start(std::string_view name) {
        if (name == "rPh") ++phonetic_;
        if (name == "t" && phonetic_ == 0) in_t_ = true;
    }
    void end(std::string_view name) {
        if (name == "rPh") --phonetic_;
        if (name == "t") in_t_ = false;
    }
    void text(std::string_view s) {
        if (in_t_) text_ += s;
    }
    std::string take() {
        std::string out = decode_escapes(std::move(text_));
        text_.clear();
        return out;
    }

   private:
    int phonetic_ = 0;
    bool in_t_ = false;
    std::string text_;
};

std::vector<std::string> shared_strings(const ZipArchive& zip, const std::string& member) {
    std::vector<std::string> out;
    if (member.empty() || !zip.has(member)) return out;
    StringItemText item;
    std::uint64_t bytes = 0;
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes&) { item.start(name); };
    h.end = [&](std::string_view name) {
        item.end(name);
        if (name == "si") {
            out.push_back(item.take());
            bytes += out.back().size() + sizeof(std::string);
            if (bytes > max_sheet_text_bytes)
                throw WorkbookError(
                    trf("the workbook's shared strings hold more than {} MiB", max_sheet_text_bytes >> 20));
        }
    };
    h.text = [&](std::string_view s) { item.text(s); };
    parse_xml_member(zip, member, h, max_part_bytes);
    return out;
}

// How a cell style shows a number: as a date, as a whole number padded
// with zeros to a width ("00000"), or as it is.
struct NumberStyle {
    bool date = false;
    std::size_t zero_width = 0;
};

bool is_builtin_date(unsigned id) {
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

NumberStyle style_of_code(std::string_view code) {
    // The first section (up to ';'), without quoted text, escapes and
    // [brackets] (colours, locales, conditions).
    std::string plain;
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            ++bracket;
        } else if (c == ']') {
            bracket = bracket > 0 ? bracket - 1 : 0;
        } else if (c == ';' && bracket == 0) {
            break;
        } else if (bracket == 0) {
            plain += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    NumberStyle style;
    const bool day_or_year = plain.find_first_of("dy") != std::string::npos;
    const bool time = plain.find_first_of("hs") != std::string::npos;
    style.date = day_or_year || (plain.find('m') != std::string::npos && !time);
    if (!plain.empty() && plain.find_first_not_of('0') == std::string::npos) style.zero_width = plain.size();
    return style;
}

std::vector<NumberStyle> cell_styles(const ZipArchive& zip, const std::string& member) {
    std::vector<NumberStyle> out;
    if (member.empty() || !zip.has(member)) return out;
    std::unordered_map<unsigned, NumberStyle> custom;
    bool in_cell_xfs = false;
    auto number = [](std::string_view s) {
        unsigned v = 0;
        for (char c : s) {
            if (c < '0' || c > '9' || v > 100000000) return 0u;
            v = v * 10 + static_cast<unsigned>(c - '0');
        }
        return v;
    };
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes& a) {
        if (name == "numFmt") custom[number(a.get("numFmtId"))] = style_of_code(a.get("formatCode"));
        if (name == "cellXfs") in_cell_xfs = true;
        if (name == "xf" && in_cell_xfs) {
            const unsigned id = number(a.get("numFmtId"));
            const auto it = custom.find(id);
            NumberStyle s = it != custom.end() ? it->second : NumberStyle{is_builtin_date(id), 0};
            out.push_back(s);
        }
    };
    h.end = [&](std::string_view name) {
        if (name == "cellXfs") in_cell_xfs = false;
    };
    parse_xml_member(zip, member, h, max_part_bytes);
    return out;
}

// "C7" -> row 7, column 3; false when it is not a reference.
bool parse_reference(std::string_view ref, std::uint32_t& row, std::uint32_t& column) {
    std::size_t i = 0;
    std::uint64_t c = 0, r = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c <= 16384)
        c = c * 26 + static_cast<unsigned>(ref[i++] - 'A' + 1);
    const std::size_t letters = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && r <= 1048576)
        r = r * 10 + static_cast<unsigned>(ref[i++] - '0');
    if (letters == 0 || i == letters || i != ref.size() || c > 16384 || r == 0 || r > 1048576) return false;
    row = static_cast<std::uint32_t>(r);
    column = static_cast<std::uint32_t>(c);
    return true;
}

bool truthy(std::string_view v) {
    return v == "1" || v == "true";
}

}  // namespace

std::vector<SheetEntry> xlsx_sheets(const ZipArchive& zip) {
    const std::string book = workbook_part(zip);
    if (!zip.has(book)) throw WorkbookError(trf("the workbook has no part '{}'", book));
    const auto rels = relationships(zip, rels_of(book), folder_of(book));
    std::vector<SheetEntry> out;
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes& a) {
        if (name != "sheet") return;
        const auto it = rels.find(std::string(a.get("id")));
        if (it == rels.end() || !ends_with(it->second.type, "/worksheet")) return;  // a chart sheet
        SheetEntry e;
        e.name = std::string(a.get("name"));
        e.hidden = a.get("state") == "hidden" || a.get("state") == "veryHidden";
        e.part = it->second.member;
        out.push_back(std::move(e));
    };
    parse_xml_member(zip, book, h, max_part_bytes);
    return out;
}

void read_xlsx_sheet(const ZipArchive& zip, const SheetEntry& sheet, SheetBuilder& out) {
    const std::string book = workbook_part(zip);
    bool date1904 = false;
    {
        XmlHandler h;
        h.start = [&](std::string_view name, const XmlAttributes& a) {
            if (name == "workbookPr") date1904 = truthy(a.get("date1904"));
        };
        parse_xml_member(zip, book, h, max_part_bytes);
    }
    std::string strings_part, styles_part;
    for (const auto& [id, r] : relationships(zip, rels_of(book), folder_of(book))) {
        if (ends_with(r.type, "/sharedStrings")) strings_part = r.member;
        if (ends_with(r.type, "/styles")) styles_part = r.member;
    }
    const std::vector<std::string> strings = shared_strings(zip, strings_part);
    const std::vector<NumberStyle> styles = cell_styles(zip, styles_part);

    std::uint32_t row = 0, column = 0;
    bool hidden = false, in_cell = false, in_value = false, in_inline = false;
    std::string type, value;
    std::size_t style = 0;
    StringItemText inline_text;
    auto cell_text = [&]() -> std::string {
        if (type == "s") {
            std::size_t k = 0;
            for (char c : value) {
                if (c < '0' || c > '9' || k > strings.size()) return {};
                k = k * 10 + static_cast<std::size_t>(c - '0');
            }
            return k < strings.size() ? strings[k] : std::string();
        }
        if (type == "inlineStr") return inline_text.take();
        if (type == "str" || type == "e") return decode_escapes(value);
        if (type == "b") return value == "1" ? "TRUE" : "FALSE";
        if (type == "d") return value.substr(0, 10);
        if (value.empty()) return {};
        const NumberStyle s = style < styles.size() ? styles[style] : NumberStyle{};
        if (s.date) return serial_date_text(value, date1904);
        std::string number = number_text(value);
        if (s.zero_width > number.size() && number.find_first_not_of("0123456789") == std::string::npos)
            number.insert(0, s.zero_width - number.size(), '0');
        return number;
    };
    XmlHandler h;
    h.start = [&](std::string_view name, const XmlAttributes& a) {
        if (name == "row") {
            std::uint32_t r = 0, c = 0;
            const std::string ref = std::string("A") + std::string(a.get("r"));
            row = a.has("r") && parse_reference(ref, r, c) ? r : row + 1;
            column = 0;
            hidden = truthy(a.get("hidden"));
        } else if (name == "c") {
            std::uint32_t r = 0, c = 0;
            if (a.has("r") && parse_reference(a.get("r"), r, c))
                column = c;
            else
                ++column;
            type = std::string(a.get("t"));
            style = 0;
            for (char ch : a.get("s")) style = style * 10 + static_cast<std::size_t>(ch - '0') % 10;
            if (style > 1000000) style = 0;
            value.clear();
            in_cell = true;
        } else if (in_cell && name == "v") {
            in_value = true;
        } else if (in_cell && name == "is") {
            in_inline = true;
        } else if (in_inline) {
            inline_text.start(name);
        } else if (name == "mergeCell") {
            const std::string_view ref = a.get("ref");
            const auto colon = ref.find(':');
            std::uint32_t r1 = 0, c1 = 0, r2 = 0, c2 = 0;
            if (colon != std::string_view::npos && parse_reference(ref.substr(0, colon), r1, c1) &&
                parse_reference(ref.substr(colon + 1), r2, c2))
                out.merge(r1, c1, r2);
        }
    };
    h.end = [&](std::string_view name) {
        if (name == "v") {
            in_value = false;
        } else if (name == "is") {
            in_inline = false;
        } else if (in_inline) {
            inline_text.end(name);
        } else if (name == "c" && in_cell) {
            in_cell = false;
            if (row > 0 && column > 0) out.add(row, column, cell_text(), hidden);
        }
    };
    h.text = [&](std::string_view s) {
        if (in_value) {
            if (value.size() + s.size() > max_sheet_text_bytes)
                throw WorkbookError(trf("a cell holds more than {} MiB", max_sheet_text_bytes >> 20));
            value += s;
        } else if (in_inline) {
            inline_text.text(s);
        }
    };
    parse_xml_member(zip, sheet.part, h, max_part_bytes);
}

}  // namespace ontrack
