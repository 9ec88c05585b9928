// The table format: aligned columns for people at a terminal.
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "charts.hpp"
#include "document.hpp"
#include "i18n.hpp"
#include "render.hpp"
#include "utf8.hpp"
#include "wording.hpp"

namespace ontrack {
namespace {

// The widest a text cell of the table format gets (names are cut to it with
// "…"), the width the report fits, and the narrowest a wrapped column gets.
constexpr std::size_t max_text_cell = 40;
constexpr std::size_t report_width = 100;
constexpr std::size_t min_wrap_width = 12;

std::string pad(std::string_view text, std::size_t width, bool right) {
    const std::size_t w = display_width(text);
    const std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + std::string(text) : std::string(text) + fill;
}

class Style {
   public:
    explicit Style(bool color) : color_(color) {}
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string good_or_bad(bool good, std::string_view s) const { return wrap(good ? "32" : "1;31", s); }
    std::string warn(std::string_view s) const { return wrap("33", s); }

   private:
    bool color_;
    std::string wrap(const char* code, std::string_view s) const {
        return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
    }
};

// Display-width helpers: a cell cut to `width` columns ending in "…", and
// text wrapped at spaces into lines of at most `width` columns (a word
// longer than that is cut between code points).
std::string truncated(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    return std::string(text.substr(0, fitting_prefix(text, width > 0 ? width - 1 : 0))) + "…";
}

std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    auto flush = [&] {
        lines.push_back(line);
        line.clear();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        i = j;
        if (word.empty()) break;
        const std::size_t need = display_width(line) + (line.empty() ? 0 : 1) + display_width(word);
        if (need <= width) {
            line += (line.empty() ? "" : " ") + std::string(word);
            continue;
        }
        if (!line.empty()) flush();
        while (display_width(word) > width) {  // a word wider than the column: cut between graphemes
            const std::size_t piece = fitting_prefix(word, width);
            if (piece == 0) break;  // one grapheme wider than the column: it stays whole
            lines.emplace_back(word.substr(0, piece));
            word.remove_prefix(piece);
        }
        line = std::string(word);
    }
    if (!line.empty() || lines.empty()) flush();
    return lines;
}

// A header on two lines, split at the space that makes the wider line
// narrowest, when it is wider than the column's cells.
std::vector<std::string> header_lines(const std::string& header, std::size_t content) {
    const std::size_t w = display_width(header);
    if (w <= content) return {header};
    std::vector<std::string> best = {header};
    std::size_t best_width = w;
    for (std::size_t at = header.find(' '); at != std::string::npos; at = header.find(' ', at + 1)) {
        const std::string a = header.substr(0, at), b = header.substr(at + 1);
        const std::size_t m = std::max(display_width(a), display_width(b));
        if (m < best_width) {
            best = {a, b};
            best_width = m;
        }
    }
    return best;
}

// A header wrapped into lines of at most `width` columns at spaces and
// after a slash ("Needed/" "month"), never inside a word; nullopt when a
// piece is wider than `width`.
std::optional<std::vector<std::string>> header_wrapped(std::string_view header, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < header.size()) {
        const bool spaced = i > 0 && header[i] == ' ';
        while (i < header.size() && header[i] == ' ') ++i;
        std::size_t j = i;
        while (j < header.size() && header[j] != ' ' && header[j] != '/') ++j;
        if (j < header.size() && header[j] == '/') ++j;
        const std::string_view piece = header.substr(i, j - i);
        i = j;
        if (piece.empty()) break;
        if (display_width(piece) > width) return std::nullopt;
        const std::string joined = line + (spaced && !line.empty() ? " " : "") + std::string(piece);
        if (line.empty() || display_width(joined) <= width) {
            line = line.empty() ? std::string(piece) : joined;
        } else {
            lines.push_back(line);
            line = std::string(piece);
        }
    }
    lines.push_back(line);
    return lines;
}

// The widest word of a text column's cells: a column wraps no narrower.
std::size_t widest_word(const std::vector<std::vector<std::string>>& cells, std::size_t c) {
    std::size_t widest = 1;
    for (const auto& row : cells) {
        std::size_t i = 0;
        const std::string& cell = row[c];
        while (i < cell.size()) {
            std::size_t j = cell.find(' ', i);
            if (j == std::string::npos) j = cell.size();
            widest = std::max(widest, display_width(std::string_view(cell).substr(i, j - i)));
            i = j + 1;
        }
    }
    return widest;
}

// Columns padded by display width, two spaces apart (one between two number
// columns); cells are made inert. Text cells of the `name_column` are cut at
// max_text_cell columns with "…", other text cells wrapped there; when the
// table is wider than `limit` (0: no limit), the widest text columns are
// wrapped until it fits (numbers are never wrapped, lists of numbers wider
// than max_text_cell are); then headers wrap at
// spaces and slashes and text columns down to their widest word; a table
// still too wide is printed in blocks of columns, each led by the key
// column. Headers may take several lines. `paint` may colour a row's last
// cell (given the row index).
template <typename Paint>
std::string aligned(const std::vector<std::string>& header, const std::vector<bool>& right,
                    const std::vector<std::vector<std::string>>& rows, const Style& style, Paint paint,
                    std::size_t limit, std::size_t name_column = 0) {
    const std::size_t n = header.size();
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows) {
        std::vector<std::string> inert;
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string cell = make_inert(row[c]);
            if (c == name_column && !right[c]) cell = truncated(cell, max_text_cell);
            inert.push_back(std::move(cell));
        }
        cells.push_back(std::move(inert));
    }
    std::vector<std::size_t> widths(n);
    std::vector<std::vector<std::string>> heads(n);
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t content = 0;
        for (const auto& row : cells) content = std::max(content, display_width(row[c]));
        // No number is that wide; a list of numbers (a window's monthly
        // counts) wraps at its spaces like text instead of widening the table.
        content = std::min(content, max_text_cell);
        heads[c] = header_lines(header[c], content);
        widths[c] = content;
        for (const std::string& h : heads[c]) widths[c] = std::max(widths[c], display_width(h));
    }
    auto gap = [&](std::size_t c) -> std::size_t { return c > 0 && right[c] && right[c - 1] ? 1 : 2; };
    auto total = [&] {
        std::size_t t = 0;
        for (std::size_t c = 0; c < n; ++c) t += widths[c] + (c > 0 ? gap(c) : 0);
        return t;
    };
    while (limit > 0 && total() > limit) {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c)
            if (!right[c] && widths[c] > min_wrap_width && (widest == n || widths[c] > widths[widest])) widest = c;
        if (widest == n) break;
        --widths[widest];
        heads[widest] = wrapped(header[widest], widths[widest]);
    }
    // Still too wide: headers wider than their cells wrap at spaces and
    // slashes (the one with most room first), then text columns wrap down to
    // their widest word. Numbers and words are never cut.
    std::vector<std::size_t> content(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        for (const auto& row : cells) content[c] = std::max(content[c], std::min(display_width(row[c]), widths[c]));
    while (limit > 0 && total() > limit) {
        std::size_t best = n;
        std::optional<std::vector<std::string>> best_lines;
        for (std::size_t c = 0; c < n; ++c) {
            if (widths[c] <= content[c]) continue;
            auto lines = header_wrapped(header[c], widths[c] - 1);
            if (lines && (best == n || widths[c] - content[c] > widths[best] - content[best])) {
                best = c;
                best_lines = std::move(lines);
            }
        }
        if (best == n) break;
        std::size_t w = content[best];
        for (const std::string& line : *best_lines) w = std::max(w, display_width(line));
        widths[best] = w;
        heads[best] = std::move(*best_lines);
    }
    while (limit > 0 && total() > limit) {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c) {
            if (right[c]) continue;
            std::size_t floor = widest_word(cells, c);
            for (const std::string& h : heads[c]) floor = std::max(floor, display_width(h));
            if (widths[c] > floor && (widest == n || widths[c] > widths[widest])) widest = c;
        }
        if (widest == n) break;
        --widths[widest];
    }
    // Wider than the limit with every cell as narrow as it goes (the
    // breakdown's date columns): the columns in blocks that fit, one after
    // the other, each led by the key column (the names).
    if (limit > 0 && total() > limit && n > 2) {
        const std::size_t key = name_column < n ? name_column : 0;
        std::vector<std::vector<std::size_t>> blocks;
        std::size_t used = widths[key];
        for (std::size_t c = 0; c < n; ++c) {
            if (c == key) continue;
            const std::size_t add = 2 + widths[c];
            if (blocks.empty() || (used + add > limit && blocks.back().size() > 1)) {
                blocks.push_back({key});
                used = widths[key];
            }
            blocks.back().push_back(c);
            used += add;
        }
        std::string out;
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            std::vector<std::string> sub_header;
            std::vector<bool> sub_right;
            std::vector<std::vector<std::string>> sub_rows(rows.size());
            for (std::size_t c : blocks[b]) {
                sub_header.push_back(header[c]);
                sub_right.push_back(right[c]);
                for (std::size_t r = 0; r < rows.size(); ++r) sub_rows[r].push_back(rows[r][c]);
            }
            const bool last = b + 1 == blocks.size();
            if (b > 0) out += "\n";
            // The key column comes first in each block; only the last block has the last cell (the verdict).
            const std::size_t sub_name = name_column < n ? 0 : std::string::npos;
            const std::function<std::string(std::size_t, const std::string&)> painted =
                last ? std::function<std::string(std::size_t, const std::string&)>(paint)
                     : [](std::size_t, const std::string& cell) { return cell; };
            out += aligned(sub_header, sub_right, sub_rows, style, painted, limit, sub_name);
        }
        return out;
    }
    auto lines_of = [&](const std::vector<std::string>& row, std::vector<std::vector<std::string>>& parts) {
        std::size_t height = 1;
        parts.assign(n, {});
        for (std::size_t c = 0; c < n; ++c) {
            parts[c] = display_width(row[c]) > widths[c] ? wrapped(row[c], widths[c]) : std::vector{row[c]};
            height = std::max(height, parts[c].size());
        }
        return height;
    };
    auto emit = [&](const std::vector<std::vector<std::string>>& parts, std::size_t height, bool bottom, auto&& last) {
        std::string out;
        for (std::size_t line = 0; line < height; ++line) {
            std::string text;
            for (std::size_t c = 0; c < n; ++c) {
                const std::size_t skip = bottom ? height - parts[c].size() : 0;
                const std::string piece =
                    line >= skip && line - skip < parts[c].size() ? parts[c][line - skip] : std::string();
                if (c > 0) text += std::string(gap(c), ' ');
                if (c + 1 < n)
                    text += pad(piece, widths[c], right[c]);
                else
                    text += last(right[c] ? pad(piece, widths[c], true) : piece);
            }
            while (!text.empty() && text.back() == ' ') text.pop_back();
            out += text + "\n";
        }
        return out;
    };
    std::string out;
    {
        std::size_t height = 1;
        for (const auto& h : heads) height = std::max(height, h.size());
        // Headers sit on their last line, so one-line headers align with the last line of two-line ones.
        const std::string head = emit(heads, height, true, [](const std::string& s) { return s; });
        std::size_t from = 0;
        for (std::size_t to = head.find('\n'); to != std::string::npos; from = to + 1, to = head.find('\n', from))
            out += style.bold(head.substr(from, to - from)) + "\n";
    }
    std::vector<std::vector<std::string>> parts;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const std::size_t height = lines_of(cells[k], parts);
        out += emit(parts, height, false, [&](const std::string& s) { return s.empty() ? s : paint(k, s); });
    }
    return out;
}

// Prose wrapped at `width` columns, continuation lines indented by two spaces.
std::string prose(std::string_view text, std::size_t width) {
    if (width == 0 || display_width(text) <= width) return std::string(text) + "\n";
    std::string out;
    std::size_t indent = 0;
    while (indent < text.size() && text[indent] == ' ') ++indent;
    const std::vector<std::string> lines = wrapped(text, width - indent - 2);
    for (std::size_t k = 0; k < lines.size(); ++k)
        out += std::string(k == 0 ? indent : indent + 2, ' ') + lines[k] + "\n";
    return out;
}

// The width the report's own lines fit: 100 columns, or the terminal's when narrower.
std::size_t report_limit(const RenderOptions& options) {
    return options.terminal_width > 0 ? std::min(report_width, options.terminal_width) : report_width;
}

// The index of a table's first name column (cut with "…" when too long), or npos.
std::size_t name_column_of(const Table& t) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].kind == ColumnKind::name) return c;
    return std::string::npos;
}

// A table's rows as aligned columns; verdicts coloured by their tone.
std::string table_text(const Table& t, const Style& style, std::size_t limit) {
    std::vector<std::string> header;
    std::vector<bool> right;
    for (const Column& c : t.columns) {
        header.push_back(full_header(c));
        right.push_back(is_number(c.kind));
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : t.rows) {
        std::vector<std::string> texts;
        for (const Cell& cell : row) texts.push_back(cell.text);
        rows.push_back(std::move(texts));
    }
    // Only the last column is painted (aligned() pads the others).
    const std::size_t last = t.columns.empty() ? 0 : t.columns.size() - 1;
    return aligned(
        header, right, rows, style,
        [&](std::size_t k, const std::string& cell) {
            const Tone tone = t.rows[k][last].tone;
            return tone == Tone::plain ? cell : style.good_or_bad(tone == Tone::good, cell);
        },
        limit, name_column_of(t));
}

class Printer {
   public:
    explicit Printer(const RenderOptions& options)
        : style_(options.color), options_(options), width_(report_limit(options)) {}

    std::string document(const Document& d) {
        line(style_.bold(make_inert(d.title)));
        for (const Block& b : d.blocks) {
            if (b.kind == Block::Kind::paragraph)
                paragraph(b.paragraph);
            else if (b.kind == Block::Kind::chart)
                out_ += "\n" + render_chart_text(*d.chart, 72, 12, options_.color);
            else if (b.table.as_list)
                list(b.table);
            else if (b.table.title.empty())
                head_table(b.table);
            else
                titled_table(b.table, options_.terminal_width);
        }
        return std::move(out_);
    }

    std::string many(const ManyDocument& m) {
        for (const Document& d : m.plans) out_ += Printer(options_).document(d) + "\n";
        line(make_inert(m.rollup_title + ": " + m.rollup_sentence));
        out_ += "\n" + style_.bold(make_inert(m.league.title)) + "\n";
        table_body(m.league, options_.terminal_width);
        return std::move(out_);
    }

   private:
    Style style_;
    RenderOptions options_;
    std::size_t width_;
    std::string out_;

    void line(std::string_view s) { out_.append(s).push_back('\n'); }
    void para(std::string_view s) { out_ += prose(make_inert(s), width_); }

    void paragraph(const Paragraph& p) {
        if (p.style != Paragraph::Style::warning) return para(p.text);
        const std::string warning = prose(make_inert(p.text), width_);
        std::size_t from = 0;
        for (std::size_t to = warning.find('\n'); to != std::string::npos; from = to + 1, to = warning.find('\n', from))
            line(style_.warn(warning.substr(from, to - from)));
    }

    // The milestone table right after the summary, fitted to the report's width.
    void head_table(const Table& t) {
        line("");
        if (t.rows.empty()) {
            para(t.empty);
            return;
        }
        out_ += table_text(t, style_, width_);
        line("");
        for (const std::string& note : t.notes) para(note);
    }

    // The sentence, then each row on an indented line, its first cell padded.
    void list(const Table& t) {
        para(t.title);
        std::size_t label_width = 0;
        for (const auto& row : t.rows)
            label_width = std::max(label_width, display_width(truncated(make_inert(row[0].text), max_text_cell)));
        for (const auto& row : t.rows) {
            std::string text = "  " + pad(truncated(make_inert(row[0].text), max_text_cell), label_width, false);
            for (std::size_t c = 1; c < row.size(); ++c) text += "  " + make_inert(row[c].text);
            para(text);
        }
    }

    // Sections keep their natural width (cells are capped) unless a terminal asks them to fit.
    void titled_table(const Table& t, std::size_t limit) {
        out_ += "\n" + style_.bold(make_inert(t.title)) + "\n";
        table_body(t, limit);
    }

    void table_body(const Table& t, std::size_t limit) {
        if (!t.rows.empty())
            out_ += table_text(t, style_, limit);
        else if (!t.empty.empty())
            para(t.empty);
        for (const std::string& note : t.notes) para(note);
    }
};

}  // namespace

std::string render_table(const Document& document, const RenderOptions& options) {
    return Printer(options).document(document);
}

std::string render_table(const ManyDocument& document, const RenderOptions& options) {
    return Printer(options).many(document);
}

}  // namespace ontrack
