// The message catalogue (tr, trf), the language from the environment, the
// human number and date formats, and loader errors in Vietnamese.
#include "i18n.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <fmt/args.h>
#include <catch2/catch.hpp>

#include "diagnostic.hpp"
#include "explain.hpp"
#include "forecast.hpp"
#include "import.hpp"
#include "library_messages.hpp"
#include "load.hpp"
#include "output_file.hpp"
#include "plan_edit.hpp"
#include "plan_file.hpp"
#include "roster.hpp"
#include "target.hpp"
#include "utf8.hpp"
#include "wording.hpp"

using ontrack::Date;
using ontrack::Diagnostic;
using ontrack::human_count;
using ontrack::human_date;
using ontrack::human_tenths_percent;
using ontrack::InputError;
using ontrack::Lang;
using ontrack::language_from_environment;
using ontrack::tr;
using ontrack::trf;
using LanguageGuard = ontrack::LanguageScope;

namespace {

// The build tree's catalogues unless the environment names others (CTest
// does): set before main, so before the first Vietnamese lookup.
const bool locale_dir_set = ::setenv("ONTRACK_LOCALEDIR", ONTRACK_TEST_LOCALEDIR, 0) == 0;

// The replacement fields of a fmt format string as (argument index, format
// spec), sorted; automatic indices numbered 0, 1, ... in order. `ok` turns
// false for a malformed string, one that mixes automatic and manual indices,
// or a nested field in a spec (the catalogue has none).
std::vector<std::pair<int, std::string>> placeholders(const std::string& s, bool& ok) {
    std::vector<std::pair<int, std::string>> out;
    int next_auto = 0;
    bool any_auto = false, any_manual = false;
    ok = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '}') {
            if (i + 1 < s.size() && s[i + 1] == '}') {
                ++i;
                continue;
            }
            ok = false;  // a lone '}'
            break;
        }
        if (s[i] != '{') continue;
        if (i + 1 < s.size() && s[i + 1] == '{') {
            ++i;
            continue;
        }
        const std::size_t close = s.find('}', i);
        if (close == std::string::npos) {
            ok = false;
            break;
        }
        const std::string field = s.substr(i + 1, close - i - 1);
        if (field.find('{') != std::string::npos) {
            ok = false;
            break;
        }
        const std::size_t colon = field.find(':');
        const std::string id = field.substr(0, colon);
        const std::string spec = colon == std::string::npos ? "" : field.substr(colon);
        if (id.empty()) {
            any_auto = true;
            out.emplace_back(next_auto++, spec);
        } else if (id.find_first_not_of("0123456789") == std::string::npos) {
            any_manual = true;
            out.emplace_back(std::stoi(id), spec);
        } else {
            ok = false;  // named arguments are not used
            break;
        }
        i = close;
    }
    if (any_auto && any_manual) ok = false;
    std::sort(out.begin(), out.end());
    return out;
}

// fmt accepts the string when given `n` integer arguments.
bool formats_with(const std::string& s, std::size_t n) {
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (std::size_t k = 0; k < n; ++k) args.push_back(static_cast<int>(k + 10));
    try {
        (void)fmt::vformat(s, args);
        return true;
    } catch (const fmt::format_error&) {
        return false;
    }
}

// One message of a .po file: msgid, msgid_plural (empty if none), msgstr or
// msgstr[0..n-1], and whether it is marked fuzzy. The header (msgid "") and
// obsolete (#~) entries are left out.
struct PoEntry {
    std::string msgid, msgid_plural;
    std::vector<std::string> msgstr;
    bool fuzzy = false;
};

// A .po string: "..." with the escapes \\ \" \n \t.
std::string po_unquote(const std::string& line, std::size_t from) {
    std::string out;
    const std::size_t open = line.find('"', from);
    for (std::size_t i = open + 1; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] != '\\') {
            out += line[i];
            continue;
        }
        const char e = line[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    return out;
}

std::vector<PoEntry> read_po(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::vector<PoEntry> out;
    PoEntry cur;
    std::string* field = nullptr;
    bool fuzzy = false, any = false;
    auto flush = [&] {
        if (any && !cur.msgid.empty()) out.push_back(cur);
        cur = PoEntry{};
        field = nullptr;
        any = false;
    };
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("#,", 0) == 0) {
            flush();
            fuzzy = line.find("fuzzy") != std::string::npos;
        } else if (line.rfind("msgid_plural ", 0) == 0) {
            field = &cur.msgid_plural;
            *field = po_unquote(line, 12);
        } else if (line.rfind("msgid ", 0) == 0) {
            if (field != nullptr) flush();
            any = true;
            cur.fuzzy = fuzzy;
            fuzzy = false;
            field = &cur.msgid;
            *field = po_unquote(line, 5);
        } else if (line.rfind("msgstr", 0) == 0) {
            cur.msgstr.push_back(po_unquote(line, 6));
            field = &cur.msgstr.back();
        } else if (!line.empty() && line[0] == '"' && field) {
            *field += po_unquote(line, 0);
        } else if (line.empty() || line[0] == '#') {
            if (field) flush();
        }
    }
    flush();
    return out;
}

const std::vector<PoEntry>& vi_po() {
    static const std::vector<PoEntry> entries = read_po(std::string(ONTRACK_TEST_DATA) + "/../po/vi.po");
    return entries;
}

const PoEntry* find_po(const std::string& msgid) {
    for (const PoEntry& e : vi_po())
        if (e.msgid == msgid) return &e;
    return nullptr;
}

std::vector<Diagnostic> diagnostics_of(const std::string& text) {
    try {
        (void)ontrack::parse_plan(text, "plan.toml");
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("parse_plan accepted the plan");
    return {};
}

// A plan: lines 1-3 [plan] (name, total 10), `plan_extra` on line 4, then a
// milestone on lines 5-7 whose target line is `target_line`.
std::string plan_text(const std::string& plan_extra, const std::string& target_line = "target = 1") {
    return "[plan]\n"
           "name = \"A\"\n"
           "total = 10\n" +
           plan_extra +
           "\n"
           "[[milestone]]\n"
           "deadline = 2025-12-31\n" +
           target_line + "\n";
}

// plan_text("") and one locality: lines 8-12 are a blank line,
// [[locality]], id = "101", name = "An Bien", certified = 2025-01-10.
std::string plan_with_locality() {
    return plan_text("") + "\n[[locality]]\nid = \"101\"\nname = \"An Bien\"\ncertified = 2025-01-10\n";
}

template <typename F>
std::vector<Diagnostic> diagnostics_from(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("the input was accepted");
    return {};
}

}  // namespace

TEST_CASE("tr in English returns its argument unchanged", "[i18n]") {
    LanguageGuard guard(Lang::en);
    const char* key = "Milestone";
    CHECK(tr(key) == key);  // the very same pointer
    CHECK(std::string(tr("As of {}: {} of {} units drug-free ({})")) == "As of {}: {} of {} units drug-free ({})");
    CHECK(std::string(tr("not in the catalogue")) == "not in the catalogue");
    CHECK(trf("Milestone {}", 3) == "Milestone 3");
    CHECK(trf("the file is not valid UTF-8 (byte 0x{:02x})", 0xe9) == "the file is not valid UTF-8 (byte 0xe9)");
}

TEST_CASE("tr in Vietnamese returns the translation", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    CHECK(std::string(tr("Milestone")) == "Mốc");
    CHECK(std::string(tr("Deadline")) == "Hạn");
    CHECK(std::string(tr("Target")) == "Chỉ tiêu");
    CHECK(std::string(tr("Required")) == "Cần đạt");
    CHECK(std::string(tr("Certified units")) == "Đã công nhận");
    CHECK(std::string(tr("Planned more")) == "Dự kiến thêm");
    CHECK(std::string(tr("Expected total")) == "Dự kiến đến hạn");
    CHECK(std::string(tr("Planned")) == "Dự kiến");
    CHECK(std::string(tr("Shortfall")) == "Còn thiếu");
    CHECK(std::string(tr("Verdict")) == "Đánh giá");
    CHECK(std::string(tr("met")) == "đạt");
    CHECK(std::string(tr("missed")) == "không đạt");
    CHECK(std::string(tr("on-track")) == "đúng tiến độ");
    CHECK(std::string(tr("behind")) == "chậm tiến độ");
    CHECK(trf("Milestone {}", 3) == "Mốc 3");
    CHECK(ontrack::trn("As of {}: {} of {} unit drug-free ({})", "As of {}: {} of {} units drug-free ({})", 114,
                       "31/12/2025", 41, 114,
                       "36,0%") == "Tính đến ngày 31/12/2025: 41/114 đơn vị không ma túy (36,0%)");
    CHECK(trf("ontrack: error: {}", "x") == "ontrack: lỗi: x");
    CHECK(trf("the file is not valid UTF-8 (byte 0x{:02x})", 0xe9) == "tệp không phải UTF-8 hợp lệ (byte 0xe9)");
}

TEST_CASE("tr in Vietnamese falls back to English for unknown text", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    const char* unknown = "no such message {}";
    CHECK(tr(unknown) == unknown);
    CHECK(trf(unknown, 7) == "no such message 7");
    // Near misses are not matches: a prefix, a different case, a trailing space.
    CHECK(std::string(tr("Mileston")) == "Mileston");
    CHECK(std::string(tr("milestone")) == "milestone");
    CHECK(std::string(tr("Milestone ")) == "Milestone ");
    CHECK(std::string(tr("")).empty());
}

TEST_CASE("po/vi.po is read whole and tr finds every entry", "[i18n]") {
    const auto& po = vi_po();
    REQUIRE(po.size() > 500);
    LanguageGuard guard(Lang::vi);
    std::size_t plurals = 0;
    for (const PoEntry& e : po) {
        INFO(e.msgid);
        CHECK_FALSE(e.fuzzy);
        REQUIRE(e.msgstr.size() == 1);  // nplurals=1
        if (e.msgid_plural.empty()) {
            CHECK(tr(e.msgid.c_str()) == e.msgstr[0]);
        } else {
            ++plurals;
            CHECK(ontrack::tr_plural(e.msgid.c_str(), e.msgid_plural.c_str(), 1) == e.msgstr[0]);
            CHECK(ontrack::tr_plural(e.msgid.c_str(), e.msgid_plural.c_str(), 2) == e.msgstr[0]);
        }
    }
    CHECK(plurals >= 10);
}

TEST_CASE("every translation has the placeholders of its msgid, in every plural form", "[i18n]") {
    std::size_t with_fields = 0;
    for (const PoEntry& e : vi_po()) {
        bool key_ok = false;
        const auto key_fields = placeholders(e.msgid, key_ok);
        CHECK(key_ok);
        CHECK(formats_with(e.msgid, key_fields.size()));
        if (!e.msgid_plural.empty()) {
            bool plural_ok = false;
            INFO("msgid: " << e.msgid << "\nmsgid_plural: " << e.msgid_plural);
            CHECK(placeholders(e.msgid_plural, plural_ok) == key_fields);
            CHECK(plural_ok);
        }
        for (const std::string& vi : e.msgstr) {
            INFO("msgid: " << e.msgid << "\nvi:  " << vi);
            bool vi_ok = false;
            CHECK(placeholders(vi, vi_ok) == key_fields);
            CHECK(vi_ok);
            CHECK(formats_with(vi, key_fields.size()));
        }
        if (!key_fields.empty()) ++with_fields;
    }
    CHECK(with_fields > 50);
}

TEST_CASE("the placeholder counter sees reordering and mismatches", "[i18n]") {
    // The checker itself: {1} {0} is the same set as {} {}, {} {} {} is not.
    bool ok = false;
    using Fields = std::vector<std::pair<int, std::string>>;
    CHECK(placeholders("{1} then {0}", ok) == Fields{{0, ""}, {1, ""}});
    CHECK(ok);
    CHECK(placeholders("{} and {}", ok) == Fields{{0, ""}, {1, ""}});
    CHECK(placeholders("{} {} {}", ok) != placeholders("{} {}", ok));
    CHECK(placeholders("0x{:02x}", ok) == Fields{{0, ":02x"}});
    CHECK(placeholders("{{literal}} {}", ok) == Fields{{0, ""}});
    CHECK(ok);
    (void)placeholders("{} {0}", ok);
    CHECK_FALSE(ok);
    (void)placeholders("a } b", ok);
    CHECK_FALSE(ok);
}

TEST_CASE("Vietnamese entries are precomposed UTF-8 and differ from the msgid", "[i18n]") {
    for (const PoEntry& e : vi_po()) {
        INFO(e.msgid);
        for (const std::string& vi : e.msgstr) {
            REQUIRE_FALSE(ontrack::find_invalid_utf8(vi));
            bool combining = false;
            for (std::size_t i = 0; i < vi.size();) {
                const char32_t c = ontrack::next_code_point(vi, i);
                combining = combining || (c >= 0x0300 && c <= 0x036F);
            }
            CHECK_FALSE(combining);
            // Identical only when no word of three letters is left to translate ("{}: ok: {}, {}").
            bool word = false;
            for (std::size_t k = 0; k + 2 < e.msgid.size(); ++k)
                word = word || (std::isalpha(static_cast<unsigned char>(e.msgid[k])) &&
                                std::isalpha(static_cast<unsigned char>(e.msgid[k + 1])) &&
                                std::isalpha(static_cast<unsigned char>(e.msgid[k + 2])));
            if (word) CHECK(vi != e.msgid);
        }
    }
}

TEST_CASE("the language comes from LANGUAGE, LC_ALL, LC_MESSAGES then LANG", "[i18n]") {
    CHECK(language_from_environment(nullptr, nullptr, nullptr, nullptr) == Lang::en);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "vi") == Lang::vi);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "vi_VN") == Lang::vi);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "vi_VN.UTF-8") == Lang::vi);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "vi.UTF-8") == Lang::vi);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "en_US.UTF-8") == Lang::en);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "C") == Lang::en);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "POSIX") == Lang::en);
    // Not Vietnamese though it starts with "vi".
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "vil") == Lang::en);
    CHECK(language_from_environment(nullptr, nullptr, nullptr, "VI_VN") == Lang::en);
    // LC_ALL overrides both others, either way.
    CHECK(language_from_environment(nullptr, "C", "vi_VN.UTF-8", "vi_VN.UTF-8") == Lang::en);
    CHECK(language_from_environment(nullptr, "vi_VN.UTF-8", "en_US.UTF-8", "en_US.UTF-8") == Lang::vi);
    // LC_MESSAGES overrides LANG.
    CHECK(language_from_environment(nullptr, nullptr, "en_GB.UTF-8", "vi_VN.UTF-8") == Lang::en);
    CHECK(language_from_environment(nullptr, nullptr, "vi_VN", "en_US.UTF-8") == Lang::vi);
    // Empty counts as unset: the next one decides.
    CHECK(language_from_environment(nullptr, "", "", "vi_VN.UTF-8") == Lang::vi);
    CHECK(language_from_environment(nullptr, "", "vi_VN", "C") == Lang::vi);
    CHECK(language_from_environment(nullptr, "", "", "") == Lang::en);
    // LANGUAGE comes first: its first entry that is vi or en decides.
    CHECK(language_from_environment("vi", nullptr, nullptr, nullptr) == Lang::vi);
    CHECK(language_from_environment("vi", "C", "C", "C.UTF-8") == Lang::vi);
    CHECK(language_from_environment("en", nullptr, nullptr, "vi_VN.UTF-8") == Lang::en);
    CHECK(language_from_environment("vi_VN:en", nullptr, nullptr, nullptr) == Lang::vi);
    CHECK(language_from_environment("fr:en_GB:vi", nullptr, nullptr, "vi_VN.UTF-8") == Lang::en);
    CHECK(language_from_environment("fr:de:vi", nullptr, nullptr, nullptr) == Lang::vi);
    // Naming neither (or empty), it leaves the choice to the locale variables.
    CHECK(language_from_environment("fr", nullptr, nullptr, "vi_VN.UTF-8") == Lang::vi);
    CHECK(language_from_environment("", nullptr, "vi_VN", nullptr) == Lang::vi);
    CHECK(language_from_environment("vil", nullptr, nullptr, nullptr) == Lang::en);
}

TEST_CASE("parse_lang knows vi and en only", "[i18n]") {
    CHECK(ontrack::parse_lang("vi") == Lang::vi);
    CHECK(ontrack::parse_lang("en") == Lang::en);
    CHECK_FALSE(ontrack::parse_lang("VI"));
    CHECK_FALSE(ontrack::parse_lang("vi_VN"));
    CHECK_FALSE(ontrack::parse_lang(""));
    CHECK_FALSE(ontrack::parse_lang("fr"));
}

TEST_CASE("human_date is ISO in English and dd/mm/yyyy in Vietnamese", "[i18n]") {
    const Date d = Date::from_ymd(2026, 3, 5);
    const Date early = Date::from_ymd(999, 1, 2);
    {
        LanguageGuard guard(Lang::en);
        CHECK(human_date(d) == "2026-03-05");
        CHECK(human_date(Date::from_ymd(2025, 12, 31)) == "2025-12-31");
    }
    {
        LanguageGuard guard(Lang::vi);
        CHECK(human_date(d) == "05/03/2026");
        CHECK(human_date(Date::from_ymd(2025, 12, 31)) == "31/12/2025");
        CHECK(human_date(early) == "02/01/0999");
    }
}

TEST_CASE("human_count groups thousands in both languages", "[i18n]") {
    {
        LanguageGuard guard(Lang::en);
        CHECK(human_count(0) == "0");
        CHECK(human_count(7) == "7");
        CHECK(human_count(999) == "999");
        CHECK(human_count(1000) == "1,000");
        CHECK(human_count(3321) == "3,321");
        CHECK(human_count(100000) == "100,000");
        CHECK(human_count(1234567) == "1,234,567");
        CHECK(human_count(-1) == "-1");
        CHECK(human_count(-999) == "-999");
        CHECK(human_count(-3321) == "-3,321");
        CHECK(human_count(-1234567) == "-1,234,567");
        // 2^63 = 9223372036854775808.
        CHECK(human_count(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
        CHECK(human_count(std::numeric_limits<std::int64_t>::max()) == "9,223,372,036,854,775,807");
    }
    {
        LanguageGuard guard(Lang::vi);
        CHECK(human_count(0) == "0");
        CHECK(human_count(999) == "999");
        CHECK(human_count(1000) == "1.000");
        CHECK(human_count(3321) == "3.321");
        CHECK(human_count(1234567) == "1.234.567");
        CHECK(human_count(-3321) == "-3.321");
        CHECK(human_count(-100000) == "-100.000");
        CHECK(human_count(std::numeric_limits<std::int64_t>::min()) == "-9.223.372.036.854.775.808");
    }
}

TEST_CASE("human_tenths_percent writes one decimal in both languages", "[i18n]") {
    {
        LanguageGuard guard(Lang::en);
        CHECK(human_tenths_percent(360) == "36.0%");
        CHECK(human_tenths_percent(0) == "0.0%");
        CHECK(human_tenths_percent(5) == "0.5%");
        CHECK(human_tenths_percent(372) == "37.2%");
        CHECK(human_tenths_percent(1000) == "100.0%");
        CHECK(human_tenths_percent(12345) == "1,234.5%");
        CHECK(human_tenths_percent(-5) == "-0.5%");
        CHECK(human_tenths_percent(-360) == "-36.0%");
    }
    {
        LanguageGuard guard(Lang::vi);
        CHECK(human_tenths_percent(360) == "36,0%");
        CHECK(human_tenths_percent(0) == "0,0%");
        CHECK(human_tenths_percent(5) == "0,5%");
        CHECK(human_tenths_percent(1000) == "100,0%");
        CHECK(human_tenths_percent(12345) == "1.234,5%");
        CHECK(human_tenths_percent(-5) == "-0,5%");
    }
}

TEST_CASE("a misspelt key is reported in Vietnamese", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    // Line 4 is "totl = 4"; "totl" is one edit from "total".
    const auto ds = diagnostics_of(plan_text("totl = 4"));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].line == 4);
    CHECK(ds[0].column == 1);
    CHECK(ds[0].message == "khóa không hợp lệ 'totl' trong [plan]");
    CHECK(ds[0].hint == "có phải ý bạn là 'total'?");
    CHECK(ontrack::format_diagnostic(ds[0]) ==
          "plan.toml:4:1: lỗi: khóa không hợp lệ 'totl' trong [plan]\n"
          "    totl = 4\n"
          "    ^\n"
          "  gợi ý: có phải ý bạn là 'total'?\n");
}

TEST_CASE("the same misspelt key is reported in English once the language is back", "[i18n]") {
    {
        LanguageGuard guard(Lang::vi);
        CHECK(ontrack::language() == Lang::vi);
    }
    REQUIRE(ontrack::language() == Lang::en);
    const auto ds = diagnostics_of(plan_text("totl = 4"));
    REQUIRE(ds.size() == 1);
    CHECK(ontrack::format_diagnostic(ds[0]) ==
          "plan.toml:4:1: error: unknown key 'totl' in [plan]\n"
          "    totl = 4\n"
          "    ^\n"
          "  hint: did you mean 'total'?\n");
}

TEST_CASE("wrong types and bad values are reported in Vietnamese", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    SECTION("a wrong type names both types in Vietnamese") {
        // source = 5 on line 4: expected a string, found an integer.
        const auto ds = diagnostics_of(plan_text("source = 5"));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "'source' phải là một chuỗi, không phải một số nguyên");
        CHECK(ds[0].hint == "ghi trong dấu ngoặc kép: source = \"...\"");
    }
    SECTION("a quoted date carries the translated reason from parse_iso_date") {
        // Month 13: parse_iso_date says "the month must be 01 to 12".
        const auto ds = diagnostics_of(plan_text("start = \"2025-13-01\""));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "'start' là ngày nhưng được ghi dưới dạng chuỗi");
        CHECK(ds[0].hint == "tháng phải từ 01 đến 12; ghi không đặt trong dấu ngoặc kép, ví dụ start = 2025-12-31");
    }
    SECTION("a bad percentage carries the translated reason from parse_percent") {
        const auto ds = diagnostics_of(plan_text("", "target = \"abc\""));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "target \"abc\" không phải tỷ lệ phần trăm trong khoảng (0, 100]");
        CHECK(ds[0].hint ==
              "tỷ lệ phần trăm phải kết thúc bằng '%'; hoặc ghi số đơn vị bằng một số nguyên không đặt trong dấu "
              "ngoặc kép: target = 35");
    }
    SECTION("too many decimals: the formatted reason is in the catalogue too") {
        // 13 decimals, one more than max_percent_decimals (12).
        static_assert(ontrack::max_percent_decimals == 12, "the catalogue holds the reason for 12 decimals");
        const auto ds = diagnostics_of(plan_text("", "target = \"1.0000000000001%\""));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].hint ==
              "tỷ lệ phần trăm có tối đa 12 chữ số thập phân; hoặc ghi số đơn vị bằng một số nguyên không đặt trong "
              "dấu ngoặc kép: target = 35");
    }
    SECTION("digits without a percent sign") {
        // "30" is all digits: the hint offers both spellings.
        const auto ds = diagnostics_of(plan_text("", "target = \"30\""));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].hint ==
              "tỷ lệ phần trăm phải kết thúc bằng '%': ghi target = \"30%\" nếu là tỷ lệ trên total, hoặc "
              "target = 30 không đặt trong dấu ngoặc kép nếu là số đơn vị");
    }
    SECTION("events out of order") {
        // Revoked on 2025-01-01 with no earlier certification.
        const auto ds = diagnostics_of(plan_text("") + "\n[[locality]]\nname = \"X\"\nrevoked = 2025-01-01\n");
        REQUIRE(ds.size() == 1);
        // Vietnamese messages show dd/mm/yyyy, as every human date is.
        CHECK(ds[0].message == "bị thu hồi công nhận ngày 01/01/2025 khi chưa từng được công nhận");
        CHECK(ds[0].hint == "lịch sử phải bắt đầu bằng một lần được công nhận; hãy thêm ngày được công nhận trước đó");
    }
    SECTION("two certifications in a row: both dates dd/mm/yyyy") {
        const auto ds =
            diagnostics_of(plan_text("") + "\n[[locality]]\nname = \"X\"\ncertified = [2026-01-01, 2025-01-01]\n");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "được công nhận ngày 01/01/2026 trong khi vẫn đang được công nhận từ ngày 01/01/2025");
    }
}

TEST_CASE("file and output errors are reported in Vietnamese", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    try {
        ontrack::check_plan_text("empty.toml", "");
        FAIL("an empty plan was accepted");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].message == "tệp trống");
        CHECK(e.diagnostics()[0].hint == "kế hoạch cần ít nhất một bảng [plan] và một [[milestone]]");
        CHECK(std::string(e.what()) == "tệp trống");
    }
    try {
        ontrack::write_file_atomically("/", "report", {});
        FAIL("a report was written over a directory");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "/: không phải tệp thông thường; hãy chỉ định tên tệp");
    }
    CHECK(std::string(InputError(std::vector<Diagnostic>{}).what()) == "dữ liệu đầu vào không hợp lệ");
}

TEST_CASE("import records are reported in Vietnamese", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    const ontrack::Plan plan = ontrack::parse_plan(plan_with_locality(), "plan.toml");
    SECTION("a misspelt event suggests the right one") {
        // Row 2 "101,certifed,2025-03-01": the event starts at column 5
        // (after "101,"); "certifed" is one edit from "certified".
        const auto ds = diagnostics_from(
            [&] { (void)ontrack::plan_import(plan, "code,event,date\n101,certifed,2025-03-01\n", "r.csv"); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 2);
        CHECK(ds[0].column == 5);
        CHECK(ds[0].message == "sự kiện 'certifed' không hợp lệ");
        CHECK(ds[0].hint ==
              "có phải ý bạn là 'certified'? sự kiện phải là công nhận, thu hồi hoặc dự kiến (certified, revoked, "
              "planned)");
    }
    SECTION("an unknown unit with nothing close") {
        const auto ds = diagnostics_from(
            [&] { (void)ontrack::plan_import(plan, "code,event,date\nCat Hai,certified,2025-03-01\n", "r.csv"); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message ==
              "đơn vị 'Cat Hai' không xác định: không có đơn vị nào trong kế hoạch có mã hoặc tên này");
        CHECK(ds[0].hint == "hãy đối chiếu mã hoặc tên với kế hoạch");
    }
    SECTION("a second certification translates the event names and the place, dates dd/mm/yyyy") {
        // The plan certifies An Bien on 2025-01-10; the file certifies it again
        // on 2025-02-01 with no revocation in between.
        const auto ds = diagnostics_from(
            [&] { (void)ontrack::plan_import(plan, "code,event,date\n101,certified,2025-02-01\n", "r.csv"); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 2);
        CHECK(ds[0].message ==
              "'An Bien' sẽ được công nhận ngày 01/02/2025 trong khi đã được công nhận từ ngày 10/01/2025 (trong kế "
              "hoạch)");
        CHECK(ds[0].hint ==
              "các ngày được công nhận và bị thu hồi công nhận phải xen kẽ theo thời gian; hãy thêm sự kiện còn thiếu "
              "hoặc bỏ dòng này");
    }
}

TEST_CASE("roster and csv errors are reported in Vietnamese and stay English in en", "[i18n]") {
    SECTION("a duplicate name points at the first use") {
        LanguageGuard guard(Lang::vi);
        // Line 3 repeats the name of line 2; the name field starts at column 3 (after "2,").
        const auto ds =
            diagnostics_from([] { (void)ontrack::read_roster("code,name,type\n1,Xa A,xa\n2,Xa A,xa\n", "u.csv"); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 3);
        CHECK(ds[0].column == 3);
        CHECK(ds[0].message == "tên 'Xa A' bị trùng");
        CHECK(ds[0].hint ==
              "tên này đã dùng ở dòng 2; mỗi tên chỉ được dùng một lần (thêm tỉnh, thành phố hoặc loại đơn vị để phân "
              "biệt)");
    }
    SECTION("a missing column") {
        LanguageGuard guard(Lang::vi);
        const auto ds = diagnostics_from([] { (void)ontrack::read_roster("code,name\n1,A\n", "u.csv"); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "dòng tiêu đề không có cột 'type'");
        CHECK(ds[0].hint ==
              "dòng đầu tiên phải ghi tên các cột code, name và type, theo thứ tự bất kỳ, bằng tiếng Anh hoặc tiếng "
              "Việt (mã, tên, loại); dòng này ghi: code, name");
    }
    SECTION("a short row: one plural form in Vietnamese, both English forms unchanged") {
        const std::string two = "code,name,type\n1,A\n", one = "code,name,type\n1\n";
        {
            LanguageGuard guard(Lang::vi);
            const auto ds = diagnostics_from([&] { (void)ontrack::read_roster(two, "u.csv"); });
            REQUIRE(ds.size() == 1);
            CHECK(ds[0].message == "dòng có 2 trường nhưng dòng tiêu đề có 3 (code, name, type)");
            CHECK(ds[0].hint == "hãy ghi giá trị cho mọi cột, cách nhau bằng dấu phẩy, kể cả khi để trống");
        }
        LanguageGuard guard(Lang::en);
        const auto d2 = diagnostics_from([&] { (void)ontrack::read_roster(two, "u.csv"); });
        REQUIRE(d2.size() == 1);
        CHECK(d2[0].message == "the row has 2 fields but the header has 3 (code, name, type)");
        const auto d1 = diagnostics_from([&] { (void)ontrack::read_roster(one, "u.csv"); });
        REQUIRE(d1.size() == 1);
        CHECK(d1[0].message == "the row has 1 field but the header has 3 (code, name, type)");
    }
}

TEST_CASE("record messages and the safety buffer are in Vietnamese", "[i18n]") {
    LanguageGuard guard(Lang::vi);
    const std::string text = plan_with_locality();
    ontrack::EditRequest request;
    request.name = "An Bienn";
    request.kind = ontrack::EditKind::revoked;
    request.date = Date::from_ymd(2025, 2, 1);
    SECTION("a misspelt name suggests the locality with its id") {
        const auto ds = diagnostics_from([&] { (void)ontrack::add_event(text, "plan.toml", request); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "không có đơn vị nào tên 'An Bienn'");
        CHECK(ds[0].hint == "có phải ý bạn là 'An Bien' (101)?");
    }
    SECTION("an event already recorded") {
        request.name.clear();
        request.id = "101";
        request.kind = ontrack::EditKind::certified;
        request.date = Date::from_ymd(2025, 1, 10);
        const auto ds = diagnostics_from([&] { (void)ontrack::add_event(text, "plan.toml", request); });
        REQUIRE(ds.size() == 1);
        // The event in words and the date as dd/mm/yyyy (not the TOML key and an ISO date).
        CHECK(ds[0].message == "được công nhận ngày 10/01/2025 đã có trong kế hoạch cho An Bien (101)");
        CHECK(ds[0].hint == "không có gì để thêm: kế hoạch không thay đổi");
    }
    SECTION("a name written with another mark is shown, not picked") {
        request.name = "an biên";
        const auto ds = diagnostics_from([&] { (void)ontrack::add_event(text, "plan.toml", request); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "không có đơn vị nào tên 'an biên'");
        CHECK(ds[0].hint ==
              "tên được nhận dù viết hoa hay thường, bỏ dấu kiểu cũ hay mới, có hoặc không có loại đơn vị đứng trước, "
              "nhưng phải đủ dấu; nếu bỏ qua dấu, tên này khớp với: An Bien (101)");
    }
    SECTION("removing a date the locality does not have") {
        request.name.clear();
        request.id = "101";
        request.kind = ontrack::EditKind::planned;
        request.date = Date::from_ymd(2027, 9, 30);
        request.action = ontrack::EditAction::remove;
        const auto ds = diagnostics_from([&] { (void)ontrack::add_event(text, "plan.toml", request); });
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].message == "An Bien (101) không có ngày dự kiến 30/09/2027");
    }
    SECTION("the summaries of a removed and a moved event") {
        request.name.clear();
        request.id = "101";
        request.kind = ontrack::EditKind::certified;
        request.date = Date::from_ymd(2025, 1, 10);
        request.action = ontrack::EditAction::remove;
        CHECK(ontrack::add_event(text, "plan.toml", request).summary ==
              "An Bien (101): đã xóa ghi nhận được công nhận ngày 10/01/2025 (dòng 12)");
        request.action = ontrack::EditAction::move;
        request.new_date = Date::from_ymd(2025, 1, 20);
        CHECK(ontrack::add_event(text, "plan.toml", request).summary ==
              "An Bien (101): đã chuyển ghi nhận được công nhận ngày 10/01/2025 sang ngày 20/01/2025 (dòng 12)");
    }
    SECTION("the summary of an added event") {
        // revoked is new: it goes on a line of its own after line 12 (certified).
        request.name.clear();
        request.id = "101";
        CHECK(ontrack::add_event(text, "plan.toml", request).summary ==
              "An Bien (101): đã ghi nhận bị thu hồi công nhận ngày 01/02/2025 (dòng 13)");
    }
    SECTION("buffer_text keeps the numbers and drops the English plural") {
        ontrack::SafetyBuffer b;
        b.state = ontrack::SafetyBuffer::State::safe;
        b.days = 1;
        CHECK(ontrack::buffer_text(b) == "an toàn thêm 1 ngày");
        b.days = 47;
        CHECK(ontrack::buffer_text(b) == "an toàn thêm 47 ngày");
        b.state = ontrack::SafetyBuffer::State::below;
        b.units = 6;
        CHECK(ontrack::buffer_text(b) == "thấp hơn đường yêu cầu 6 đơn vị");
        b.state = ontrack::SafetyBuffer::State::clear;
        CHECK(ontrack::buffer_text(b) == "đạt hoặc vượt đường yêu cầu đến mốc cuối");
    }
}

namespace {

// The messages in `code`: the string literal passed first to tr(, trf( or
// N_( as (text, ""), and the two passed first to trn( or tr_plural( as
// (singular, plural); decoded (adjacent literals joined; the escapes the
// sources use: \\ \" \n \t).
std::vector<std::pair<std::string, std::string>> literals_passed_to_tr(const std::string& code) {
    std::vector<std::pair<std::string, std::string>> out;
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    // The literals from code[i] on, joined; i ends after them. False if none.
    auto literal = [&](std::size_t& i, std::string& text) {
        bool any = false;
        for (;;) {
            while (i < code.size() && std::isspace(static_cast<unsigned char>(code[i]))) ++i;
            if (i >= code.size() || code[i] != '"') return any;
            any = true;
            for (++i; i < code.size() && code[i] != '"'; ++i) {
                if (code[i] != '\\') {
                    text += code[i];
                    continue;
                }
                const char e = code[++i];
                text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
            }
            ++i;
        }
    };
    for (std::size_t at = 0; at < code.size(); ++at) {
        // Comments, and literals given to nothing, are skipped whole (as xgettext does).
        if (code.compare(at, 2, "//") == 0) {
            at = code.find('\n', at);
            if (at == std::string::npos) break;
            continue;
        }
        if (code.compare(at, 2, "/*") == 0) {
            at = code.find("*/", at + 2);
            if (at == std::string::npos) break;
            ++at;
            continue;
        }
        if (code[at] == '"' || code[at] == '\'') {
            const char quote = code[at];
            for (++at; at < code.size() && code[at] != quote; ++at)
                if (code[at] == '\\') ++at;
            continue;
        }
        if (at > 0 && ident(code[at - 1])) continue;
        bool plural = false;
        std::size_t i = at;
        for (const char* name : {"tr_plural(", "trn(", "trf(", "tr(", "N_("}) {
            if (code.compare(at, std::strlen(name), name) == 0) {
                plural = name[2] == 'n' || name[2] == '_';
                i = at + std::strlen(name);
                break;
            }
        }
        if (i == at) continue;
        std::string text, plural_text;
        if (!literal(i, text)) continue;
        if (plural) {
            while (i < code.size() && std::isspace(static_cast<unsigned char>(code[i]))) ++i;
            if (i >= code.size() || code[i] != ',') continue;
            ++i;
            if (!literal(i, plural_text)) continue;
        }
        out.emplace_back(text, plural_text);
    }
    return out;
}

}  // namespace

TEST_CASE("every literal given to tr trf trn or N_ in the sources has a Vietnamese entry", "[i18n]") {
    namespace fs = std::filesystem;
    const fs::path src = fs::path(ONTRACK_TEST_DATA) / ".." / "src";
    REQUIRE(fs::is_directory(src));
    std::size_t seen = 0, plurals = 0;
    for (const auto& entry : fs::recursive_directory_iterator(src)) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".cpp" && ext != ".hpp") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string code((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (const auto& [english, plural] : literals_passed_to_tr(code)) {
            ++seen;
            plurals += !plural.empty();
            INFO(entry.path().filename().string() << ": \"" << english << "\"" << (plural.empty() ? "" : " / \"")
                                                  << plural << (plural.empty() ? "" : "\""));
            const PoEntry* found = find_po(english);
            REQUIRE(found != nullptr);
            CHECK(found->msgid_plural == plural);
            CHECK_FALSE(found->fuzzy);
            CHECK_FALSE(found->msgstr.empty());
            for (const std::string& vi : found->msgstr) CHECK_FALSE(vi.empty());
        }
    }
    CHECK(seen > 500);  // the scan found the calls
    CHECK(plurals >= 10);
}

TEST_CASE("the literal scanner joins adjacent literals and decodes escapes", "[i18n]") {
    using V = std::vector<std::pair<std::string, std::string>>;
    CHECK(literals_passed_to_tr("x = tr(\"a\" \"b\"); y = trf(\"c {}\\n\", 1); attr(\"no\"); tr(name);") ==
          V{{"ab", ""}, {"c {}\n", ""}});
    CHECK(literals_passed_to_tr("trn(\"{} day\", \"{} days\", n, n); N_(\"met\"); ifN_(\"no\")") ==
          V{{"{} day", "{} days"}, {"met", ""}});
    // Not in comments nor inside other literals.
    CHECK(literals_passed_to_tr("// tr(\"a\")\n/* tr(\"b\") */ f(\"tr(\\\"c\\\")\", '\"'); tr(\"d\")") == V{{"d", ""}});
}

TEST_CASE("plural forms: English by the count, Vietnamese has one form", "[i18n]") {
    {
        LanguageGuard guard(Lang::en);
        CHECK(ontrack::trn("{} unit", "{} units", 1, 1) == "1 unit");
        CHECK(ontrack::trn("{} unit", "{} units", 2, 2) == "2 units");
        CHECK(ontrack::trn("{} unit", "{} units", 0, 0) == "0 units");
        CHECK(ontrack::count_of_localities(1) == "1 locality");
        CHECK(ontrack::count_of_milestones(1) == "1 milestone");
        CHECK(ontrack::count_of_milestones(4) == "4 milestones");
        CHECK(ontrack::trn("{}: {} event added", "{}: {} events added", 1, "p.toml", 1) == "p.toml: 1 event added");
        CHECK(ontrack::trn("{}: {} event added", "{}: {} events added", 3, "p.toml", 3) == "p.toml: 3 events added");
    }
    LanguageGuard guard(Lang::vi);
    CHECK(ontrack::count_of_localities(1) == "1 đơn vị");
    CHECK(ontrack::count_of_localities(114) == "114 đơn vị");
    CHECK(ontrack::count_of_milestones(1) == "1 mốc");
    CHECK(ontrack::trn("{}: {} event added", "{}: {} events added", 1, "p.toml", 1) == "p.toml: đã thêm 1 sự kiện");
    CHECK(ontrack::trn("{}: {} event added", "{}: {} events added", 2, "p.toml", 2) == "p.toml: đã thêm 2 sự kiện");
    // Not in the catalogue: the English forms, chosen by the count.
    CHECK(std::string(ontrack::tr_plural("{} apple", "{} apples", 1)) == "{} apple");
    CHECK(std::string(ontrack::tr_plural("{} apple", "{} apples", 2)) == "{} apples");
}

TEST_CASE("the phrases translated at run time all have a translation", "[i18n]") {
    const auto phrases = ontrack::run_time_phrases();
    REQUIRE(phrases.size() > 50);
    for (const char* phrase : phrases) {
        INFO(phrase);
        CHECK(find_po(phrase) != nullptr);
    }
}
