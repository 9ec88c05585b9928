// The splitter, and the promise that a plan parsed in pieces on several
// threads gives exactly what a whole-file parse gives: the same Plan, or the
// same diagnostics at the same lines and columns.
#include "plan_split.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "load.hpp"

using namespace ontrack;

namespace {

// Every field of a Plan, or every diagnostic, as text.
std::string outcome(const std::string& text, const LoadTuning& tuning) {
    try {
        const Plan p = parse_plan(text, "p.toml", tuning);
        std::string s = fmt::format("plan {} total {} start {}\n", p.name, p.total, p.start ? to_iso(*p.start) : "-");
        for (const Milestone& m : p.milestones)
            s += fmt::format("m {} {} {} {} {}:{}\n", m.name, to_iso(m.deadline), to_string(m.target), m.required,
                             m.pos.line, m.pos.column);
        for (const Locality& l : p.localities) {
            s += fmt::format("l {}|{}|{}|{}:{}|{}", l.id, l.name, l.kind, l.pos.line, l.pos.column,
                             l.planned.empty() ? "-" : to_iso(l.planned.last()));
            for (const Event& e : l.events)
                s += fmt::format(" {}{}", e.kind == EventKind::certified ? "+" : "-", to_iso(e.date));
            s += "\n";
        }
        return s;
    } catch (const InputError& e) {
        std::string s;
        for (const Diagnostic& d : e.diagnostics()) s += format_diagnostic(d);
        return s;
    }
}

const LoadTuning whole{SIZE_MAX, 0, 1};
const LoadTuning pieces{0, 1, 2};  // split everything: one locality a batch, two threads

void same_either_way(const std::string& text) {
    const std::string expected = outcome(text, whole);
    CHECK(outcome(text, pieces) == expected);
}

const std::string head = R"([plan]
name = "Split"

[[milestone]]
deadline = 2026-12-31
target = "50%"

)";

std::string locality(int k, const std::string& extra = "") {
    return fmt::format("[[locality]]\nid = \"{}\"\nname = \"Xã {}\"\ncertified = 2025-0{}-01\n{}\n", 100 + k, k,
                       1 + k % 9, extra);
}

std::string plan_of(int n, const std::string& extra_in_third = "") {
    std::string s = head;
    for (int k = 0; k < n; ++k) s += locality(k, k == 2 ? extra_in_third : "");
    return s;
}

}  // namespace

TEST_CASE("split_at_localities cuts at each top-level [[locality]] header") {
    const std::string text = plan_of(3);
    const auto split = split_at_localities(text, 1);
    REQUIRE(split);
    REQUIRE(split->size() == 4);  // the head and three batches
    CHECK(text.substr((*split)[0].begin, (*split)[0].end) == head);
    // head is 7 lines; each locality block is 5 lines.
    CHECK((*split)[1].line_offset == 7);
    CHECK((*split)[2].line_offset == 12);
    CHECK((*split)[3].line_offset == 17);
    CHECK(text.compare((*split)[2].begin, 12, "[[locality]]") == 0);
    CHECK((*split)[3].end == text.size());
    // The headers each piece holds: none in the head, one in each batch.
    CHECK((*split)[0].localities == 0);
    CHECK((*split)[1].localities == 1);
    CHECK((*split)[3].localities == 1);
}

TEST_CASE("split_at_localities groups blocks into batches of the given size") {
    const std::string text = plan_of(10);
    const auto split = split_at_localities(text, 3 * locality(0).size());
    REQUIRE(split);
    // 10 blocks of the same size, 3 to a batch (a cut once a batch reaches the size): 3+3+3+1.
    REQUIRE(split->size() == 1 + 4);
    CHECK((*split)[1].localities == 3);
    CHECK((*split)[2].localities == 3);
    CHECK((*split)[3].localities == 3);
    CHECK((*split)[4].localities == 1);
}

TEST_CASE("split_at_localities refuses what only a whole parse gets right") {
    SECTION("no [[locality]] header at all") {
        CHECK_FALSE(split_at_localities(head, 1));
    }
    SECTION("another table after the first [[locality]]") {
        CHECK_FALSE(split_at_localities(plan_of(2) + "[[milestone]]\ndeadline = 2030-01-01\ntarget = 2\n", 1));
        CHECK_FALSE(split_at_localities(plan_of(2) + "[locality.extra]\n", 1));
        CHECK_FALSE(split_at_localities(plan_of(2) + "[[\"locality\"]]\nname = \"q\"\n", 1));
    }
}

TEST_CASE("header-like lines inside strings, arrays and comments are not cut") {
    const std::vector<std::string> inside = {
        "note = \"\"\"\n[[locality]]\nname = \"fake\"\n\"\"\"\n",  // multi-line basic string
        "note = '''\n[[locality]]\n'''\n",                         // multi-line literal string
        "note = \"\"\"ends with quotes\"\"\"\"\"\n",               // up to two quotes before the close
        "note = \"\"\"line \\\n[[locality]]\n\"\"\"\n",            // line-ending backslash
        "note = \"a \\\" [[locality]]\"\n",                        // escaped quote in a basic string
        "x = [\n[[locality]]\n]\n",                                // an array spanning lines
        "# [[locality]]\n",                                        // a comment
    };
    for (const std::string& extra : inside) {
        INFO(extra);
        const std::string text = plan_of(4, extra);
        const auto split = split_at_localities(text, 1);
        REQUIRE(split);
        CHECK(split->size() == 1 + 4);
        same_either_way(text);
    }
}

TEST_CASE("a plan parsed in pieces equals the whole-file parse") {
    SECTION("valid plans") {
        same_either_way(plan_of(1));
        same_either_way(plan_of(25));
        same_either_way(plan_of(5, "revoked = 2026-01-01\nplanned = 2027-01-01\n"));
    }
    SECTION("spaces inside the header brackets and a comment after it") {
        std::string text = plan_of(3);
        text += "[[ locality ]] # spaced\nname = \"Spaced\"\n";
        same_either_way(text);
    }
    SECTION("CRLF line endings and a byte-order mark") {
        std::string text = "\xEF\xBB\xBF" + plan_of(4);
        std::string crlf;
        for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        same_either_way(crlf);
    }
    SECTION("a table after the localities falls back to the whole parse") {
        same_either_way(plan_of(3) + "[[milestone]]\ndeadline = 2030-12-31\ntarget = 3\n");
    }
}

TEST_CASE("errors found in pieces are the errors of the whole file, same lines and columns") {
    SECTION("a syntax error in the third locality") {
        const std::string text = plan_of(5, "kind = \"unterminated\n");
        CHECK_THAT(outcome(text, pieces),
                   Catch::Contains("p.toml:22:21: error: "));  // head 7 lines + 2 blocks of 5, then line 5 of the third
        same_either_way(text);
    }
    SECTION("an unterminated multi-line string swallows the rest") {
        same_either_way(plan_of(5, "note = \"\"\"\n"));
    }
    SECTION("semantic errors in several pieces, sorted by line") {
        const std::string text = plan_of(6, "certifed = 2025-01-01\nrevoked = \"2025-02-01\"\n") +
                                 locality(1) /* a duplicate name and id of the second */;
        const std::string got = outcome(text, pieces);
        CHECK_THAT(got, Catch::Contains("unknown key 'certifed'"));
        CHECK_THAT(got, Catch::Contains("duplicate locality name"));
        same_either_way(text);
    }
    SECTION("duplicates across pieces, and a locality with errors between them") {
        // Locality 1 repeated after an invalid one: the duplicate points back at line 13
        // (head 7 lines, block 0 lines 8-12, block 1 starts at 13, its name on line 15).
        const std::string text = plan_of(3, "planned = \"2027-01-01\"\n") + locality(1);
        CHECK_THAT(outcome(text, pieces), Catch::Contains("it is already used at line 15"));
        same_either_way(text);
    }
    SECTION("the head defines locality some other way") {
        same_either_way("locality = []\n" + plan_of(3));
    }
    SECTION("a key given twice inside one locality") {
        same_either_way(plan_of(4, "name = \"again\"\n"));
    }
    SECTION("total smaller than the localities counted across pieces") {
        std::string text = plan_of(6);
        text.replace(text.find("name = \"Split\""), 14, "name = \"Split\"\ntotal = 4");
        CHECK_THAT(outcome(text, pieces), Catch::Contains("total is 4 but the plan lists 6 localities"));
        same_either_way(text);
    }
}

TEST_CASE("an indented [[locality]] header: split and whole parse give the same column") {
    // The issue's case: above the split threshold the caret stood under the
    // indentation (column 1) where the whole parse says column 3.
    for (const std::string& indent : {std::string("  "), std::string("\t"), std::string(" \t ")}) {
        INFO("indent: [" << indent << "]");
        SECTION("an error on the header line itself") {
            std::string text = plan_of(3) + indent + "[[locality]] junk\nname = \"x\"\n" + locality(7);
            const std::string got = outcome(text, pieces);
            // head 7 lines + 3 blocks of 5 = 22 lines; the header is line 23.
            CHECK_THAT(got, Catch::Contains("p.toml:23:"));
            CHECK_THAT(got, Catch::Contains(fmt::format("p.toml:23:{}:", indent.size() + 14)));
            same_either_way(text);
        }
        SECTION("an error on the indented line after it") {
            std::string text = plan_of(3) + indent + "[[locality]]\n" + indent + "name = 5\n" + locality(7);
            CHECK_THAT(outcome(text, pieces), Catch::Contains(fmt::format("p.toml:24:{}:", indent.size() + 8)));
            same_either_way(text);
        }
        SECTION("with a byte-order mark and CRLF") {
            std::string text = "\xEF\xBB\xBF" + plan_of(2) + indent + "[[locality]] junk\n" + locality(7);
            std::string crlf;
            for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
            same_either_way(text);
            same_either_way(crlf);
        }
    }
}

TEST_CASE("split_at_localities starts a piece at the start of an indented header's line") {
    const std::string text = head + "  [[locality]]\nname = \"a\"\n\t[[locality]]\nname = \"b\"\n";
    const auto split = split_at_localities(text, 1);
    REQUIRE(split);
    REQUIRE(split->size() == 3);
    CHECK((*split)[0].end == head.size());
    CHECK(text.compare((*split)[1].begin, 14, "  [[locality]]") == 0);
    CHECK(text.compare((*split)[2].begin, 13, "\t[[locality]]") == 0);
}

namespace {

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The file as it is, and put inside the localities of a plan (as the third
// of four, indented or not), so that the split parse reads it as a batch.
std::vector<std::string> variants(const std::string& text) {
    std::vector<std::string> out{text};
    for (const char* indent : {"", "  ", "\t"}) {
        out.push_back(plan_of(2) + indent + "[[locality]]\n" + text + "\n" + locality(5));
        out.push_back(plan_of(2) + indent + "[[locality]]\n" + locality(5) + text);
    }
    return out;
}

// Every file under the folders (below 1 MiB), split and whole: same answer.
std::size_t compare_files(const std::vector<std::filesystem::path>& folders) {
    std::size_t files = 0;
    for (const auto& folder : folders) {
        if (!std::filesystem::is_directory(folder)) continue;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
            if (!entry.is_regular_file() || entry.file_size() > (1u << 20)) continue;
            const std::string text = read_all(entry.path());
            ++files;
            for (const std::string& v : variants(text)) {
                const std::string expected = outcome(v, whole);
                const std::string got = outcome(v, pieces);
                if (got != expected) {
                    INFO(entry.path().string());
                    CHECK(got == expected);
                }
            }
        }
    }
    return files;
}

}  // namespace

TEST_CASE("split and whole parse agree on the fuzz corpus, the examples and the e2e plans", "[split_files]") {
    const std::filesystem::path data = ONTRACK_TEST_DATA;
    const std::size_t files =
        compare_files({data / "fuzz" / "corpus", data / "e2e" / "plans", data / ".." / "examples"});
    CHECK(files >= 10);
}

TEST_CASE("split and whole parse agree on toml-test and the hostile set", "[split_files]") {
    // The toml-test suite when it is there, and ONTRACK_SPLIT_DIRS: folders
    // separated by ':' (hostile.sh passes its own).
    std::vector<std::filesystem::path> folders;
    if (std::filesystem::is_directory(ONTRACK_TOML_TEST_DIR)) folders.emplace_back(ONTRACK_TOML_TEST_DIR);
    const char* dirs = std::getenv("ONTRACK_SPLIT_DIRS");
    std::stringstream list(dirs ? dirs : "");
    for (std::string d; std::getline(list, d, ':');)
        if (!d.empty()) folders.emplace_back(d);
    if (folders.empty()) return;  // neither there
    const std::size_t files = compare_files(folders);
    CHECK(files > 0);
    WARN(files << " files compared, each in 7 forms");
}
