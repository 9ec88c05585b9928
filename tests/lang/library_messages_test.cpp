// CLI11's and toml++'s English messages in Vietnamese: the pattern matcher,
// then real messages from both libraries, translated whole.
#include "library_messages.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <toml++/toml.h>
#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

#include "i18n.hpp"

using ontrack::Lang;
using ontrack::LanguageScope;
using ontrack::is_toml_redefinition;
using ontrack::match_pattern;
using ontrack::translate_cli_message;
using ontrack::translate_toml_message;

namespace {

// toml++'s description of the error in `text`.
std::string toml_error(const std::string& text) {
    try {
        (void)toml::parse(text);
    } catch (const toml::parse_error& e) {
        return std::string(e.description());
    }
    FAIL("the text parsed: " << text);
    return {};
}

// CLI11's message for the command line `args` of a small app.
std::string cli_error(std::vector<std::string> args) {
    CLI::App app{"test", "ontrack"};
    int window = 12;
    std::string lang;
    app.add_option("--window", window)->check(CLI::Range(1, 12));
    app.add_option("--lang", lang)->check(CLI::IsMember({"vi", "en"}));
    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
    } catch (const CLI::Error& e) {
        return e.what();
    }
    FAIL("the line parsed");
    return {};
}

}  // namespace

TEST_CASE("match_pattern takes the shortest pieces and anchors both ends", "[library_messages]") {
    using V = std::vector<std::string>;
    CHECK(match_pattern("expected {}, saw {}", "expected keys, tables, whitespace or comments, saw 'x'") ==
          V{"keys, tables, whitespace or comments", "'x'"});
    CHECK(match_pattern("{} is required", "--units is required") == V{"--units"});
    CHECK(match_pattern("{}: Value {} not in range {} to {}", "--window: Value 0 not in range 1 to 12") ==
          V{"--window", "0", "1", "12"});
    CHECK(match_pattern("A subcommand is required", "A subcommand is required") == V{});
    CHECK_FALSE(match_pattern("A subcommand is required", "A subcommand is required!"));
    CHECK_FALSE(match_pattern("{} is required", " is required"));           // a piece is never empty
    CHECK_FALSE(match_pattern("expected {}, saw {}", "expected digit"));    // the second literal is missing
    CHECK_FALSE(match_pattern("{} excludes {}", "--color includes --no"));  // wrong middle
    // Braces written as in fmt: "{{" and "}}" are literal.
    CHECK(match_pattern("closing '}}' after {}", "closing '}' after x") == V{"x"});
}

TEST_CASE("CLI11 messages are translated whole in Vietnamese and kept in English", "[library_messages]") {
    const std::string unexpected = cli_error({"--bogus"});
    const std::string range = cli_error({"--window", "0"});
    const std::string member = cli_error({"--lang", "xx"});
    const std::string missing = cli_error({"--lang"});
    CHECK(unexpected == "The following argument was not expected: --bogus");
    CHECK(range == "--window: Value 0 not in range 1 to 12");
    CHECK(member == "--lang: xx not in {vi,en}");
    CHECK(missing == "--lang: 1 required TEXT:{vi,en} missing");
    {
        LanguageScope vi(Lang::vi);
        CHECK(translate_cli_message(unexpected) == "Không nhận đối số này: --bogus");
        CHECK(translate_cli_message(range) == "--window: giá trị 0 nằm ngoài khoảng 1 đến 12");
        CHECK(translate_cli_message(member) == "--lang: xx không thuộc {vi,en}");
        // CLI11's English type names go: the placeholder after them says it.
        CHECK(translate_cli_message(missing) == "--lang: thiếu 1 giá trị {vi,en}");
        CHECK(translate_cli_message("--units: 1 required TEXT missing") == "--units: thiếu 1 giá trị");
        CHECK(translate_cli_message("--as-of: 1 required TEXT:NGÀY missing") == "--as-of: thiếu 1 giá trị NGÀY");
        CHECK(translate_cli_message("--window: 1 required INT:INT in [1 - 12] missing") ==
              "--window: thiếu 1 giá trị số trong khoảng [1 - 12]");
        CHECK(translate_cli_message(CLI::RequiredError("--units").what()) == "cần có --units");
        CHECK(translate_cli_message(CLI::ExcludesError("--color", "--no-color").what()) ==
              "--color không dùng cùng --no-color");
        CHECK(translate_cli_message("something CLI11 never says") == "something CLI11 never says");
    }
    LanguageScope en(Lang::en);
    CHECK(translate_cli_message(unexpected) == unexpected);
}

TEST_CASE("toml++ errors are translated whole: scope, detail and the phrases in it", "[library_messages]") {
    const std::string digit = toml_error("total = 1x\n");
    const std::string closing = toml_error("a = {b = 1,}\n");
    const std::string redefine = toml_error("[a]\n[a]\n");
    const std::string eof = toml_error("a = \"open\n");
    const std::string month = toml_error("d = 2025-13-01\n");
    CHECK(digit == "Error while parsing decimal integer: expected digit, saw 'x'");
    CHECK(closing == "Error while parsing inline table: expected key-value pair, saw closing '}' (dangling comma)");
    CHECK(redefine == "Error while parsing table header: cannot redefine existing table 'a'");
    CHECK(is_toml_redefinition(redefine));
    CHECK(is_toml_redefinition(toml_error("a = 1\na = 2\n")));
    CHECK_FALSE(is_toml_redefinition(digit));
    CHECK(month == "Error while parsing date: expected month between 1 and 12 (inclusive), saw 13");
    LanguageScope vi(Lang::vi);
    CHECK(translate_toml_message(digit) == "không đọc được số nguyên thập phân: cần chữ số, nhưng gặp 'x'");
    CHECK(translate_toml_message(closing) ==
          "không đọc được bảng nội dòng: cần cặp khóa-giá trị, nhưng gặp dấu '}' đóng (thừa dấu phẩy)");
    CHECK(translate_toml_message(redefine) == "không đọc được tiêu đề bảng: không thể định nghĩa lại bảng đã có 'a'");
    CHECK(translate_toml_message(month) == "không đọc được ngày: cần tháng từ 1 đến 12, nhưng gặp 13");
    CHECK_THAT(translate_toml_message(eof), Catch::StartsWith("không đọc được chuỗi: "));
    // A detail it does not know keeps its English words, under a translated scope.
    CHECK(translate_toml_message("Error while parsing key: a new message") == "không đọc được khóa: a new message");
}
