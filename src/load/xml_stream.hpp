// A workbook's XML read as a stream of elements and text (expat), hardened
// for files from anywhere: a document type declaration (and so any entity
// it could declare, the "billion laughs") is refused, nothing external is
// ever loaded, and elements may nest only so deep.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "zip_archive.hpp"

namespace ontrack {

// An element's attributes by local name (the namespace prefix dropped).
struct XmlAttributes {
    std::vector<std::pair<std::string_view, std::string_view>> list;
    // The value of the attribute with local name `name`, or "".
    std::string_view get(std::string_view name) const;
    bool has(std::string_view name) const;
};

struct XmlHandler {
    // Elements by local name, without their namespace.
    std::function<void(std::string_view name, const XmlAttributes& attributes)> start;
    std::function<void(std::string_view name)> end;
    std::function<void(std::string_view text)> text;
};

// Parses the member `member` of `zip`, inflated to at most max_bytes.
// Throws WorkbookError when it is not well-formed XML or is refused (above).
void parse_xml_member(const ZipArchive& zip, const std::string& member, const XmlHandler& handler,
                      std::uint64_t max_bytes);

// Parses XML text (tests; small members).
void parse_xml_text(std::string_view text, const std::string& member, const XmlHandler& handler);

}  // namespace ontrack
