// The markdown format: the document as text to paste into meeting notes.
#include <fmt/format.h>

#include "document.hpp"
#include "render.hpp"
#include "utf8.hpp"

namespace ontrack {
namespace {

// Inert text with Markdown's special characters escaped, safe in a table cell.
std::string md(std::string_view s) {
    std::string out;
    for (char c : make_inert(s)) {
        if (std::string_view("\\`*_[]<>|~#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// A pipe table: header, alignment row, rows (cells escaped; a bad verdict in bold).
std::string pipe_table(const Table& t) {
    std::string out = "|";
    for (const Column& c : t.columns) out += " " + md(full_header(c)) + " |";
    out += "\n|";
    for (const Column& c : t.columns) out += is_number(c.kind) ? "---:|" : "---|";
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (const Cell& cell : row)
            out += " " + (cell.tone == Tone::bad ? fmt::format("**{}**", md(cell.text)) : md(cell.text)) + " |";
        out += "\n";
    }
    return out;
}

// A table under a heading of `level` ("##"); the milestone table has none.
std::string table_markdown(const Table& t, std::string_view level) {
    std::string out;
    if (t.as_list) {
        out = md(t.title) + "\n\n";
        for (const auto& row : t.rows) {
            std::string item;
            for (const Cell& cell : row) item += (item.empty() ? "" : ", ") + md(cell.text);
            out += "- " + item + "\n";
        }
        return t.rows.empty() ? out : out + "\n";
    }
    if (!t.title.empty()) out = fmt::format("{} {}\n\n", level, md(t.title));
    if (!t.rows.empty())
        out += pipe_table(t) + "\n";
    else if (!t.empty.empty())
        out += md(t.empty) + "\n\n";
    for (const std::string& note : t.notes) out += md(note) + "\n\n";
    return out;
}

// The document with its headings `depth` levels down (a plan among several).
std::string document_markdown(const Document& d, int depth) {
    const std::string top(static_cast<std::size_t>(depth) + 1, '#');
    const std::string level = top + "#";
    std::string out = fmt::format("{} {}\n\n", top, md(d.title));
    for (const Block& b : d.blocks) {
        if (b.kind == Block::Kind::paragraph)
            out += (b.paragraph.style == Paragraph::Style::warning ? "> " : "") + md(b.paragraph.text) + "\n\n";
        else if (b.kind == Block::Kind::table)
            out += table_markdown(b.table, level);
    }
    return out;
}

}  // namespace

std::string render_markdown(const Document& document) {
    return document_markdown(document, 0);
}

std::string render_markdown(const ManyDocument& m) {
    std::string out = fmt::format("# {}\n\n{}\n\n", md(m.rollup_title), md(m.rollup_sentence));
    out += table_markdown(m.league, "##");
    for (const Document& d : m.plans) out += document_markdown(d, 1);
    return out;
}

}  // namespace ontrack
