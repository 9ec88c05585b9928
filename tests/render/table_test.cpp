// render_table: aligned columns for a terminal, whatever the names' Unicode
// form; colour only when asked; nothing in a name can drive the terminal.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render.hpp"
#include "report.hpp"
#include "report_builders.hpp"

using namespace ontrack;
using namespace ontrack::test;

namespace {

// Written here rather than taken from utf8.hpp: terminal columns of UTF-8
// text that has no escape sequences, for the characters these tests use:
// combining diacritics (U+0300..U+036F) take none, CJK ideographs
// (U+4E00..U+9FFF) two, everything else one.
std::size_t columns(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += static_cast<std::size_t>(n);
        if (c >= 0x0300 && c <= 0x036F) continue;
        width += (c >= 0x4E00 && c <= 0x9FFF) ? 2 : 1;
    }
    return width;
}

// The display column at which `needle` starts in `line` (npos if absent).
std::size_t column_of(const std::string& line, std::string_view needle) {
    const auto at = line.find(needle);
    return at == std::string::npos ? std::string::npos : columns(std::string_view(line).substr(0, at));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Removes ESC [ digits/semicolons m.
std::string strip_sgr(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';')) ++j;
            if (j < s.size() && s[j] == 'm') {
                i = j + 1;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// "Hồng Bàng" with precomposed letters (U+1ED3, U+00E0), and the same name
// decomposed (o + U+0302 + U+0300, a + U+0300): 9 columns either way, but 12
// and 15 bytes.
const std::string hong_bang_nfc = "H\u1ED3ng B\u00E0ng";
const std::string hong_bang_nfd = "Ho\u0302\u0300ng Ba\u0300ng";

const char* const deadlines[] = {"2025-06-30", "2025-12-31", "2027-12-31", "2028-12-31", "2030-12-31"};

// Up to five milestones, one name each (renderers print what they are
// given; the numbers are nonetheless consistent). Total 1000, 150 drug-free
// on 2026-11-23:
//   2025-06-30 past   12.5% -> 125, 130 covered on the day          met
//   2025-12-31 past   200,          140 covered on the day, short 60 missed
//   2027-12-31 next   37.5% -> 375, 150 + 225 planned = 375          on-track
//   2028-12-31 next   600,          150 + 300 planned = 450, short 150 behind
//   2030-12-31 next   62.5% -> 625, 150 + 300 planned = 450, short 175 behind
Report sample(const std::vector<std::string>& names) {
    Report r;
    r.file = "plan.toml";
    r.plan = "Hai Phong";
    r.as_of = Date::from_ymd(2026, 11, 23);
    r.total = 1000;
    r.listed = 1000;
    r.covered = 150;
    const MilestoneResult rows[] = {
        milestone("", Date::from_ymd(2025, 6, 30), percent(125, 1), false, 125, 130, 0, 0, Verdict::met),
        milestone("", Date::from_ymd(2025, 12, 31), count(200), false, 200, 140, 0, 60, Verdict::missed),
        milestone("", Date::from_ymd(2027, 12, 31), percent(375, 1), true, 375, 375, 225, 0, Verdict::on_track),
        milestone("", Date::from_ymd(2028, 12, 31), count(600), true, 600, 450, 300, 150, Verdict::behind),
        milestone("", Date::from_ymd(2030, 12, 31), percent(625, 1), true, 625, 450, 300, 175, Verdict::behind),
    };
    for (std::size_t k = 0; k < names.size() && k < 5; ++k) {
        r.milestones.push_back(rows[k]);
        r.milestones.back().name = names[k];
    }
    r.overdue.push_back(locality(hong_bang_nfc, "11311", Date::from_ymd(2026, 6, 30)));
    r.overdue.push_back(locality(hong_bang_nfd, "11311b", Date::from_ymd(2026, 7, 31)));
    r.overdue.push_back(locality("An", "", Date::from_ymd(2026, 8, 31)));
    r.planned_ahead = 300;
    return r;
}

std::string spaces(std::size_t n) {
    return std::string(n, ' ');
}

// The header line and the milestone rows of a table.
std::vector<std::string> milestone_block(const std::string& out, std::size_t rows) {
    const auto lines = lines_of(out);
    for (std::size_t k = 0; k < lines.size(); ++k)
        if (lines[k].rfind("Milestone", 0) == 0) {
            REQUIRE(k + rows < lines.size());
            return std::vector<std::string>(lines.begin() + static_cast<std::ptrdiff_t>(k),
                                            lines.begin() + static_cast<std::ptrdiff_t>(k + rows + 1));
        }
    FAIL("no header line");
    return {};
}

}  // namespace

TEST_CASE("the column counter of this test", "[render][table]") {
    CHECK(columns(hong_bang_nfc) == 9);
    CHECK(columns(hong_bang_nfd) == 9);
    CHECK(hong_bang_nfc.size() == 12);
    CHECK(hong_bang_nfd.size() == 15);
    CHECK(columns("Hà Nội 河内") == 11);
}

TEST_CASE("render_table aligns columns for precomposed and decomposed names", "[render][table]") {
    const std::vector<std::string> names = {hong_bang_nfc, hong_bang_nfd, "Phase 3: a longer name", "河内 Hà Nội", "X"};
    const std::string out = render_table(sample(names), RenderOptions{false});
    const auto block = milestone_block(out, names.size());
    // The widest name is "Phase 3: a longer name", 22 columns, so every
    // Deadline cell starts at column 22 + 2 = 24.
    CHECK(column_of(block[0], "Deadline") == 24);
    for (std::size_t k = 0; k < names.size(); ++k) {
        INFO("row " << k << ": " << block[k + 1]);
        CHECK(block[k + 1].rfind(names[k], 0) == 0);
        CHECK(column_of(block[k + 1], deadlines[k]) == 24);
    }
    // The Verdict column starts at the same column in the header and in
    // every row: widths 22, 10, 6 ("Target"), 8 ("Required"), 9
    // ("Certified" over "units"), 7 ("Planned" over "more"), 8 ("Expected"
    // over "total"), 9 ("Shortfall"); two spaces between columns, one
    // between two number columns (5 such): 22 + 10 + 6 + 8 + 9 + 7 + 8 + 9
    // + 2 x 2 + 5 x 1 + 2 = 90.
    CHECK(column_of(block[0], "Verdict") == 90);
    const char* const verdicts[] = {"met", "missed", "on-track", "behind", "behind"};
    for (std::size_t k = 0; k < names.size(); ++k) {
        INFO("row " << k << ": " << block[k + 1]);
        const std::string& row = block[k + 1];
        const std::string verdict = verdicts[k];
        REQUIRE(row.size() >= verdict.size());
        CHECK(row.substr(row.size() - verdict.size()) == verdict);
        CHECK(columns(row) - columns(verdict) == 90);
    }
}

TEST_CASE("render_table right-aligns the numbers", "[render][table]") {
    const std::vector<std::string> names = {hong_bang_nfc, hong_bang_nfd};
    const std::string out = render_table(sample(names), RenderOptions{false});
    const auto block = milestone_block(out, 2);
    // Milestone width 9 (the title and both names), then Deadline 10,
    // Target 6 (the title; cells "12.5%", "200"), Required 8, Certified 9,
    // Planned more 7, Expected total 8 ("-" for past rows in both),
    // Shortfall 9, Verdict; two spaces between, one between two numbers.
    // The two-word headers take two lines, the others sit on the second.
    CHECK(block[0] == "Milestone  Deadline    Target Required     units    more    total Shortfall  Verdict");
    const auto lines = lines_of(out);
    const auto at = std::find(lines.begin(), lines.end(), block[0]);
    REQUIRE(at != lines.begin());
    CHECK(*(at - 1) == spaces(39) + "Certified Planned Expected");  // 9 + 2 + 10 + 2 + 6 + 1 + 8 + 1
    CHECK(block[1] == hong_bang_nfc + "  2025-06-30" + spaces(2 + 1) + "12.5%" + spaces(1 + 5) + "125" + spaces(1 + 6) +
                          "130" + spaces(1 + 6) + "-" + spaces(1 + 7) + "-" + spaces(1 + 8) + "0" + spaces(2) + "met");
    CHECK(block[2] == hong_bang_nfd + "  2025-12-31" + spaces(2 + 3) + "200" + spaces(1 + 5) + "200" + spaces(1 + 6) +
                          "140" + spaces(1 + 6) + "-" + spaces(1 + 7) + "-" + spaces(1 + 7) + "60" + spaces(2) +
                          "missed");
}

TEST_CASE("render_table aligns the overdue list for both Unicode forms", "[render][table]") {
    const std::string out = render_table(sample({"One"}), RenderOptions{false});
    const auto lines = lines_of(out);
    std::vector<std::string> overdue;
    for (const std::string& line : lines)
        if (line.find("  planned 2026-") != std::string::npos) overdue.push_back(line);
    REQUIRE(overdue.size() == 3);
    // Labels "Hồng Bàng (11311)" 17 and "Hồng Bàng (11311b)" 18 columns, "An" 2:
    // "  " + label padded to 18 + "  " puts "planned" at column 22.
    for (const std::string& line : overdue) {
        INFO(line);
        CHECK(column_of(line, "planned") == 22);
    }
    CHECK(overdue[0].rfind("  " + hong_bang_nfc + " (11311) ", 0) == 0);
    CHECK(overdue[1].rfind("  " + hong_bang_nfd + " (11311b)  planned 2026-07-31", 0) == 0);
    CHECK(overdue[2] == "  An" + spaces(16 + 2) + "planned 2026-08-31");
}

TEST_CASE("render_table uses colour only when asked", "[render][table]") {
    const Report r = sample({hong_bang_nfc, "Missed", "On track", "Behind"});
    const std::string plain = render_table(r, RenderOptions{false});
    const std::string coloured = render_table(r, RenderOptions{true});
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(coloured.find("\x1b[") != std::string::npos);
    // Colour adds SGR sequences and changes nothing else.
    CHECK(strip_sgr(coloured) == plain);
    // The verdicts themselves are coloured, good ones unlike bad ones.
    const auto at_met = coloured.find("met\x1b[0m");
    const auto at_missed = coloured.find("missed\x1b[0m");
    REQUIRE(at_met != std::string::npos);
    REQUIRE(at_missed != std::string::npos);
    const auto sgr_before = [&](std::size_t at) {
        const auto start = coloured.rfind("\x1b[", at);
        return coloured.substr(start, at - start);
    };
    CHECK(sgr_before(at_met) != sgr_before(at_missed));
}

TEST_CASE("render_table: no raw escape, control or bidi character from names", "[render][table]") {
    Report r = sample({"Phase \x1b[2J\x1b[31mone", "two\nlines", "bidi \u202e override", "c1 \u009b31m", "bell\x07"});
    r.plan = "Plan \x1b]0;title\x07";
    r.source = "source \x1b[5m";
    r.note = "note\rover";
    r.overdue[0].name = "Overdue \x1b[1m";
    r.overdue[1].id = "\u2066id\u2069";
    for (const bool color : {false, true}) {
        INFO("color " << color);
        const std::string out = render_table(r, RenderOptions{color});
        // With colour, our own SGR sequences are the only escapes.
        const std::string text = strip_sgr(out);
        CHECK(text.find('\x1b') == std::string::npos);
        CHECK(text.find('\x07') == std::string::npos);
        CHECK(text.find('\r') == std::string::npos);
        CHECK(text.find("\u202e") == std::string::npos);
        CHECK(text.find("\u009b") == std::string::npos);
        CHECK(text.find("\u2066") == std::string::npos);
        CHECK(text.find("\u2069") == std::string::npos);
        // ...and the names are still there, visibly escaped.
        CHECK(text.find("Plan \\x1b]0;title\\x07") != std::string::npos);
        CHECK(text.find("Phase \\x1b[2J\\x1b[31mone") != std::string::npos);
        CHECK(text.find("two\\x0alines") != std::string::npos);
        CHECK(text.find("bidi \\u202e override") != std::string::npos);
        CHECK(text.find("Note: note\\x0dover") != std::string::npos);
        CHECK(text.find("Overdue \\x1b[1m") != std::string::npos);
    }
    // The escaped names count their visible width: the milestone block
    // stays aligned ("Phase \x1b[2J\x1b[31mone" is 6 + 4 + 3 + 4 + 4 + 3 = 24).
    const auto block = milestone_block(render_table(r, RenderOptions{false}), 5);
    for (std::size_t k = 1; k < block.size(); ++k) CHECK(column_of(block[k], deadlines[k - 1]) == 26);
}

TEST_CASE("render_table: the summary lines", "[render][table]") {
    Report r = sample({"One"});
    r.unplanned.push_back(locality("No plan", "", std::nullopt));
    r.unlisted = 0;
    r.no_plan = 1;  // a figure of compute (compute_test): the table words it
    std::string out = render_table(r, RenderOptions{false});
    CHECK(out.rfind("Hai Phong\nAs of 2026-11-23: 150 of 1,000 units drug-free (15.0%)\n\n", 0) == 0);
    CHECK(out.find("Overdue (planned date passed, not drug-free): 3\n") != std::string::npos);
    CHECK(out.find("Planned after 2026-11-23: 300\n") != std::string::npos);
    CHECK(out.find("Uncovered with no plan: 1\n") != std::string::npos);
    r.unlisted = 990;
    r.no_plan = 991;
    out = render_table(r, RenderOptions{false});
    CHECK(out.find("Uncovered with no plan: 991 (1 listed, 990 not listed in the plan)\n") != std::string::npos);
}

TEST_CASE("render_table: a table too wide for the terminal is printed in blocks led by the names",
          "[render][table][fit]") {
    // Natural widths: Milestone 9, Deadline 10, Target 6, Required 8, Certified/units 9, Planned/more 7,
    // Expected/total 8, Shortfall 9, Verdict 7: 84 columns with the gaps. No header can wrap further (one
    // word each, or two already on two lines) and no text column is wider than its widest word or header,
    // so at 40 columns the columns go in blocks (counted with two-space gaps): 9 + 12 + 8 + 10 = 39;
    // 9 + 11 + 9 + 10 = 39; 9 + 11 + 9 = 29.
    RenderOptions options;
    options.terminal_width = 40;
    const auto lines = lines_of(render_table(sample({"P1", "P2"}), options));
    const std::vector<std::string> expected = {
        "Milestone  Deadline    Target Required",
        "P1         2025-06-30   12.5%      125",
        "P2         2025-12-31     200      200",
        "",
        "           Certified Planned Expected",
        "Milestone      units    more    total",
        "P1               130       -        -",
        "P2               140       -        -",
        "",
        "Milestone  Shortfall  Verdict",
        "P1                 0  met",
        "P2                60  missed",
    };
    const auto first = std::find(lines.begin(), lines.end(), expected.front());
    REQUIRE(first != lines.end());
    REQUIRE(static_cast<std::size_t>(lines.end() - first) >= expected.size());
    CHECK(std::vector<std::string>(first, first + static_cast<std::ptrdiff_t>(expected.size())) == expected);
    for (const std::string& line : lines) CHECK(columns(line) <= 40);
}

TEST_CASE("render_table: a table that fits the limit stays whole", "[render][table][fit]") {
    // No terminal: the limit is 100 and the 84 columns of the test above stay in one block
    // (9 + 2 + 10 + 2 + 6 + 1 + 8 + 1 = 39 columns before "Certified").
    const auto whole = lines_of(render_table(sample({"P1", "P2"}), RenderOptions{}));
    REQUIRE(std::find(whole.begin(), whole.end(),
                      "                                       Certified Planned Expected") != whole.end());
    const auto header =
        std::find_if(whole.begin(), whole.end(), [](const std::string& l) { return l.rfind("Milestone", 0) == 0; });
    REQUIRE(header != whole.end());
    CHECK(*header == "Milestone  Deadline    Target Required     units    more    total Shortfall  Verdict");
    CHECK(columns(*header) == 84);
}
