#include "xml_stream.hpp"

#include <expat.h>

#include "i18n.hpp"

namespace ontrack {
namespace {

// A worksheet nests a handful of levels; a thousand is no workbook.
constexpr int max_depth = 1000;

std::string_view local_name(const XML_Char* name) {
    // Namespace processing writes "URI<sep>local"; the separator is '\x1f'.
    const std::string_view full(name);
    const auto sep = full.rfind('\x1f');
    return sep == std::string_view::npos ? full : full.substr(sep + 1);
}

class XmlParser {
   public:
    XmlParser(const std::string& member, const XmlHandler& handler) : member_(member), handler_(handler) {
        parser_ = XML_ParserCreateNS(nullptr, '\x1f');
        if (!parser_) throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &XmlParser::on_start, &XmlParser::on_end);
        XML_SetCharacterDataHandler(parser_, &XmlParser::on_text);
        XML_SetStartDoctypeDeclHandler(parser_, &XmlParser::on_doctype);
        // Never read an external DTD or parameter entities.
        XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
    }
    ~XmlParser() { XML_ParserFree(parser_); }
    XmlParser(const XmlParser&) = delete;
    XmlParser& operator=(const XmlParser&) = delete;

    void feed(std::string_view chunk, bool last) {
        if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE) ==
            XML_STATUS_OK)
            return;
        if (!refusal_.empty()) throw WorkbookError(refusal_);
        throw WorkbookError(trf("the workbook is damaged: its part '{}' is not well-formed XML (line {}: {})", member_,
                                XML_GetCurrentLineNumber(parser_), XML_ErrorString(XML_GetErrorCode(parser_))));
    }

   private:
    XML_Parser parser_;
    const std::string& member_;
    const XmlHandler& handler_;
    int depth_ = 0;
    std::string refusal_;
    XmlAttributes attributes_;

    void stop(std::string why) {
        refusal_ = std::move(why);
        XML_StopParser(parser_, XML_FALSE);
    }

    static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* p = static_cast<XmlParser*>(self);
        p->stop(trf("the workbook's part '{}' declares a document type, which no workbook does; it is not read",
                    p->member_));
    }

    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
        auto* p = static_cast<XmlParser*>(self);
        if (++p->depth_ > max_depth) {
            p->stop(trf("the workbook's part '{}' nests elements more than {} deep; it is not read", p->member_,
                        max_depth));
            return;
        }
        if (!p->handler_.start) return;
        p->attributes_.list.clear();
        for (const XML_Char** a = attributes; *a; a += 2) p->attributes_.list.emplace_back(local_name(a[0]), a[1]);
        p->handler_.start(local_name(name), p->attributes_);
    }

    static void XMLCALL on_end(void* self, const XML_Char* name) {
        auto* p = static_cast<XmlParser*>(self);
        --p->depth_;
        if (p->handler_.end) p->handler_.end(local_name(name));
    }

    static void XMLCALL on_text(void* self, const XML_Char* text, int size) {
        auto* p = static_cast<XmlParser*>(self);
        if (p->handler_.text) p->handler_.text(std::string_view(text, static_cast<std::size_t>(size)));
    }
};

}  // namespace

std::string_view XmlAttributes::get(std::string_view name) const {
    for (const auto& [key, value] : list)
        if (key == name) return value;
    return {};
}

bool XmlAttributes::has(std::string_view name) const {
    for (const auto& a : list)
        if (a.first == name) return true;
    return false;
}

void parse_xml_member(const ZipArchive& zip, const std::string& member, const XmlHandler& handler,
                      std::uint64_t max_bytes) {
    XmlParser parser(member, handler);
    zip.read(
        member, [&](std::string_view chunk) { parser.feed(chunk, false); }, max_bytes);
    parser.feed({}, true);
}

void parse_xml_text(std::string_view text, const std::string& member, const XmlHandler& handler) {
    XmlParser parser(member, handler);
    parser.feed(text, true);
}

}  // namespace ontrack
