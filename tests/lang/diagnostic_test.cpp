// format_diagnostic() verbatim, line_of() and InputError.
#include "diagnostic.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "load.hpp"

using ontrack::Diagnostic;
using ontrack::format_diagnostic;
using ontrack::InputError;
using ontrack::line_of;

namespace {

Diagnostic make(std::uint32_t line, std::uint32_t column, std::string message, std::string hint, std::string excerpt) {
    Diagnostic d;
    d.file = "plan.toml";
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    d.hint = std::move(hint);
    d.excerpt = std::move(excerpt);
    return d;
}

// Four spaces of indent, then `n` more, then the caret.
std::string caret_after(std::size_t n) {
    return std::string(4 + n, ' ') + "^\n";
}

}  // namespace

TEST_CASE("a diagnostic with excerpt and hint", "[diagnostic]") {
    const Diagnostic d = make(11, 13, "'certified' is a date written as a string",
                              "write it unquoted: certified = 2025-06-30", "certified = \"2025-06-30\"");
    // Column 13 is the opening quote: 12 characters before it.
    CHECK(format_diagnostic(d) ==
          "plan.toml:11:13: error: 'certified' is a date written as a string\n"
          "    certified = \"2025-06-30\"\n"
          "                ^\n"
          "  hint: write it unquoted: certified = 2025-06-30\n");
    CHECK(caret_after(12) == "                ^\n");  // the helper, checked once against a literal
}

TEST_CASE("a diagnostic of line 0 is about the whole file: no line, column or excerpt", "[diagnostic]") {
    const Diagnostic d = make(0, 0, "no locality named 'Hoa Binh'", "did you mean 'Hòa Bình' (10537)?", "");
    CHECK(format_diagnostic(d) ==
          "plan.toml: error: no locality named 'Hoa Binh'\n"
          "  hint: did you mean 'Hòa Bình' (10537)?\n");
}

TEST_CASE("the caret follows Vietnamese text by display width and not by bytes", "[diagnostic]") {
    SECTION("precomposed letters") {
        // "locality = [ { name = "Hải An", id = 11506 } ]": 11506 is code point
        // 38; the 37 before it are one column each ("ả" is 3 bytes, 1 column).
        const Diagnostic d =
            make(1, 38, "'id' must be a string, not an integer", "write the code in quotes: id = \"11506\"",
                 "locality = [ { name = \"Hải An\", id = 11506 } ]");
        CHECK(format_diagnostic(d) ==
              "plan.toml:1:38: error: 'id' must be a string, not an integer\n"
              "    locality = [ { name = \"Hải An\", id = 11506 } ]\n"
              "                                         ^\n"
              "  hint: write the code in quotes: id = \"11506\"\n");
        CHECK(format_diagnostic(d).find("\n" + caret_after(37)) != std::string::npos);
    }
    SECTION("a letter with combining marks") {
        // "name = "Nghệ An", id = 7" with ệ written as e + U+0302 + U+0323:
        // 7 is code point 26; the 25 before it take 23 columns (two marks take none).
        const Diagnostic d =
            make(3, 26, "'id' must be a string, not an integer", "", "name = \"Nghe\xcc\x82\xcc\xa3 An\", id = 7");
        CHECK(format_diagnostic(d) ==
              "plan.toml:3:26: error: 'id' must be a string, not an integer\n"
              "    name = \"Nghe\xcc\x82\xcc\xa3 An\", id = 7\n" +
                  caret_after(23));
    }
    SECTION("wide characters") {
        // "name = "東京", id = 7": 7 is code point 19; the 18 before it take 20
        // columns (東 and 京 two each).
        const Diagnostic d = make(3, 19, "'id' must be a string, not an integer", "", "name = \"東京\", id = 7");
        CHECK(format_diagnostic(d) ==
              "plan.toml:3:19: error: 'id' must be a string, not an integer\n"
              "    name = \"東京\", id = 7\n" +
                  caret_after(20));
    }
}

TEST_CASE("a tab in the excerpt is shown as one space with the caret kept under its column", "[diagnostic]") {
    // "\tname = 5": 5 is column 9, after 8 one-column characters.
    const Diagnostic d = make(2, 9, "'name' must be a string, not an integer", "", "\tname = 5");
    CHECK(format_diagnostic(d) ==
          "plan.toml:2:9: error: 'name' must be a string, not an integer\n"
          "     name = 5\n"
          "            ^\n");
}

TEST_CASE("control characters in the excerpt are shown inert", "[diagnostic]") {
    SECTION("an escape character") {
        // "name = "<ESC>[31mRed", id = 5": 5 is code point 25. The 24 before it
        // are shown in 27 columns, since ESC is written as the 4 characters \x1b.
        const Diagnostic d = make(4, 25, "'id' must be a string, not an integer", "", "name = \"\x1b[31mRed\", id = 5");
        const std::string out = format_diagnostic(d);
        CHECK(out ==
              "plan.toml:4:25: error: 'id' must be a string, not an integer\n"
              "    name = \"\\x1b[31mRed\", id = 5\n" +
                  caret_after(27));
        CHECK(out.find('\x1b') == std::string::npos);
    }
    SECTION("a right-to-left override") {
        // "name = "<U+202E>ab", id = 5": 5 is code point 20; the override is
        // shown as the 6 characters \u202e, so the 19 before take 24 columns.
        const Diagnostic d = make(4, 20, "'id' must be a string, not an integer", "",
                                  "name = \"\xe2\x80\xae"
                                  "ab\", id = 5");
        CHECK(format_diagnostic(d) ==
              "plan.toml:4:20: error: 'id' must be a string, not an integer\n"
              "    name = \"\\u202eab\", id = 5\n" +
                  caret_after(24));
    }
    SECTION("in the file name") {
        Diagnostic d = make(1, 1, "the file is empty", "", "");
        d.file = "evil\x1b[2J.toml";
        CHECK(format_diagnostic(d) == "evil\\x1b[2J.toml:1:1: error: the file is empty\n");
    }
}

TEST_CASE("control characters in the message and hint are shown inert", "[diagnostic]") {
    SECTION("built by hand") {
        const Diagnostic d = make(1, 1, "duplicate locality name '\x1b[2J'", "see \x1b[31mhere", "");
        CHECK(format_diagnostic(d) ==
              "plan.toml:1:1: error: duplicate locality name '\\x1b[2J'\n"
              "  hint: see \\x1b[31mhere\n");
    }
    SECTION("from the loader: a name with an escaped ESC, given twice") {
        // TOML's \u001b puts a real ESC into the name, and so into the message.
        std::string out;
        try {
            (void)ontrack::parse_plan(R"toml([plan]
name = "A"
total = 5

[[milestone]]
deadline = 2025-12-31
target = 1

[[locality]]
name = "\u001b[2J"

[[locality]]
name = "\u001b[2J"
)toml",
                                      "plan.toml");
        } catch (const InputError& e) {
            for (const Diagnostic& d : e.diagnostics()) out += format_diagnostic(d);
        }
        // A control character is refused where it stands (its column as
        // if written raw), and the name is still judged unique.
        CHECK(out ==
              "plan.toml:10:9: error: 'name' contains U+001B, an invisible or control character\n"
              "    name = \"\\u001b[2J\"\n"
              "            ^\n"
              "  hint: delete it: such characters come from copying out of web pages, word processors or "
              "spreadsheets, and make two texts that look alike differ\n"
              "plan.toml:13:8: error: duplicate locality name '\\x1b[2J'\n"
              "    name = \"\\u001b[2J\"\n"
              "           ^\n"
              "  hint: it is already used at line 10; names must be unique\n"
              "plan.toml:13:9: error: 'name' contains U+001B, an invisible or control character\n"
              "    name = \"\\u001b[2J\"\n"
              "            ^\n"
              "  hint: delete it: such characters come from copying out of web pages, word processors or "
              "spreadsheets, and make two texts that look alike differ\n");
        CHECK(out.find('\x1b') == std::string::npos);
    }
}

TEST_CASE("a diagnostic without excerpt", "[diagnostic]") {
    const Diagnostic d =
        make(1, 1, "the file is empty", "a plan needs at least a [plan] table and one [[milestone]]", "");
    CHECK(format_diagnostic(d) ==
          "plan.toml:1:1: error: the file is empty\n"
          "  hint: a plan needs at least a [plan] table and one [[milestone]]\n");
}

TEST_CASE("a diagnostic without hint", "[diagnostic]") {
    const Diagnostic d = make(2, 8, "the plan's name is empty", "", "name = \"\"");
    CHECK(format_diagnostic(d) ==
          "plan.toml:2:8: error: the plan's name is empty\n"
          "    name = \"\"\n"
          "           ^\n");
}

TEST_CASE("a diagnostic with neither excerpt nor hint is one line", "[diagnostic]") {
    const Diagnostic d = make(1, 1, "cannot read a plan from a character device", "", "");
    CHECK(format_diagnostic(d) == "plan.toml:1:1: error: cannot read a plan from a character device\n");
}

TEST_CASE("caret edge cases", "[diagnostic]") {
    SECTION("a column just past the end of the line") {
        // "total =" is 7 characters; column 8 is where the missing value would be.
        const Diagnostic d = make(3, 8, "expected a value", "", "total =");
        CHECK(format_diagnostic(d) ==
              "plan.toml:3:8: error: expected a value\n"
              "    total =\n"
              "           ^\n");
    }
    SECTION("column 1") {
        const Diagnostic d = make(1, 1, "the plan has no [[milestone]]", "", "[plan]");
        CHECK(format_diagnostic(d) ==
              "plan.toml:1:1: error: the plan has no [[milestone]]\n"
              "    [plan]\n"
              "    ^\n");
    }
}

TEST_CASE("an excerpt too long or not UTF-8 is left out", "[diagnostic]") {
    SECTION("160 bytes are shown") {
        const Diagnostic d = make(1, 1, "m", "", std::string(160, 'a'));
        CHECK(format_diagnostic(d) == "plan.toml:1:1: error: m\n    " + std::string(160, 'a') + "\n    ^\n");
    }
    SECTION("161 bytes are not") {
        const Diagnostic d = make(1, 1, "m", "h", std::string(161, 'a'));
        CHECK(format_diagnostic(d) == "plan.toml:1:1: error: m\n  hint: h\n");
    }
    SECTION("invalid UTF-8") {
        const Diagnostic d = make(1, 1, "m", "h", "ab\xff");
        CHECK(format_diagnostic(d) == "plan.toml:1:1: error: m\n  hint: h\n");
    }
}

TEST_CASE("line_of returns one line without its ending", "[diagnostic]") {
    const std::string text = "first\nsecond\r\n\nfourth";
    CHECK(line_of(text, 1) == "first");
    CHECK(line_of(text, 2) == "second");  // the CR of CRLF is dropped
    CHECK(line_of(text, 3).empty());
    CHECK(line_of(text, 4) == "fourth");
    CHECK(line_of(text, 5).empty());  // past the end
    CHECK(line_of("", 1).empty());
}

TEST_CASE("InputError says its first message and keeps every diagnostic", "[diagnostic]") {
    const InputError one(make(1, 1, "the file is empty", "", ""));
    CHECK(std::string(one.what()) == "the file is empty");
    REQUIRE(one.diagnostics().size() == 1);

    const InputError two({make(2, 1, "first", "", ""), make(5, 3, "second", "", "")});
    CHECK(std::string(two.what()) == "first");
    REQUIRE(two.diagnostics().size() == 2);
    CHECK(two.diagnostics()[1].line == 5);
    CHECK(two.diagnostics()[1].message == "second");
}
