// Languages of the human output, through GNU gettext: the English text in the
// code is the msgid, po/vi.po holds the Vietnamese (compiled to ontrack.mo at
// build time). csv and json never go through here.
#pragma once

#include "msgid.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "date.hpp"

namespace ontrack {

enum class Lang { en, vi };

// Process-wide, set once by main before any work (like setlocale); reading it
// from several threads afterwards is safe.
void set_language(Lang lang);
Lang language();

// Sets the language for a scope (single-threaded code only) and puts the
// previous one back: csv and json are written in English in every language.
class LanguageScope {
   public:
    explicit LanguageScope(Lang lang) : saved_(language()) { set_language(lang); }
    ~LanguageScope() { set_language(saved_); }
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

   private:
    Lang saved_;
};

// The words of one language, for code that is given its language rather
// than reading the process's (render builds a report in the language asked
// for): tr, trf, trn and the human_* functions below, in `lang`.
class Words {
   public:
    explicit Words(Lang lang) : lang_(lang) {}
    Lang lang() const { return lang_; }
    const char* tr(const char* english) const;
    const char* tr_plural(const char* singular, const char* plural, std::uint64_t n) const;
    template <typename... Args>
    std::string trf(const char* english, Args&&... args) const {
        return fmt::format(fmt::runtime(tr(english)), std::forward<Args>(args)...);
    }
    template <typename... Args>
    std::string trn(const char* singular, const char* plural, std::uint64_t n, Args&&... args) const {
        return fmt::format(fmt::runtime(tr_plural(singular, plural, n)), std::forward<Args>(args)...);
    }
    std::string date(Date d) const;                    // human_date
    std::string count(std::int64_t n) const;           // human_count
    std::string decimal(std::string text) const;       // human_decimal
    std::string tenths_percent(std::int64_t t) const;  // human_tenths_percent

   private:
    Lang lang_;
};

// The language LANGUAGE / LC_ALL / LC_MESSAGES / LANG ask for, in that
// (GNU) order. LANGUAGE is a list ("vi:en"): its first entry that is vi or en
// decides, and when it names neither the locale variables are asked. Of
// those the first that is set and not empty decides. "vi", "vi_VN",
// "vi_VN.UTF-8" (any "vi" followed by nothing, '_', '.' or '@') give vi;
// anything else en. Null pointers stand for unset variables.
Lang language_from_environment(const char* language, const char* lc_all, const char* lc_messages, const char* lang);

// Once per process, before any output (main calls it; tr calls it itself on
// the first Vietnamese lookup): sets `lang` and, for vi, LC_CTYPE and
// LC_MESSAGES from the environment (C.UTF-8 standing in for a locale that is
// not installed; LC_NUMERIC stays "C") and gettext's catalogue (LANGUAGE=vi).
// English leaves the process in the C locale: nothing is translated. The
// catalogues are looked up under $ONTRACK_LOCALEDIR when set, else
// <directory of the executable>/locale (a build tree) or <directory of the
// executable>/../share/locale when one holds ontrack.mo, else the install's
// locale directory.
void init_language(Lang lang);

// "vi" or "en"; anything else nullopt.
std::optional<Lang> parse_lang(std::string_view name);

// The translation of an English message or label (a fmt format string) into
// the current language; the English text itself (the same pointer) when the
// language is en or the catalogue has no entry. In en gettext is not asked.
const char* tr(const char* english);

// ngettext: the form of `singular` / `plural` for the count n in the current
// language (English: singular for 1, plural otherwise).
const char* tr_plural(const char* singular, const char* plural, std::uint64_t n);

// fmt::format(fmt::runtime(tr(english)), args...). In en this is exactly
// fmt::format(english, args...).
template <typename... Args>
std::string trf(const char* english, Args&&... args) {
    return fmt::format(fmt::runtime(tr(english)), std::forward<Args>(args)...);
}

// trf for a message with a count: the form for n, formatted with args (n
// itself is not an argument unless passed: trn("{} unit", "{} units", n, n)).
template <typename... Args>
std::string trn(const char* singular, const char* plural, std::uint64_t n, Args&&... args) {
    return fmt::format(fmt::runtime(tr_plural(singular, plural, n)), std::forward<Args>(args)...);
}

// strerror(err) in the current language: the common errors of opening,
// reading and writing files are catalogued; others stay as the C library
// writes them.
std::string system_error_text(int err);

// Human formats (table, markdown, messages) in the current language:
// dates dd/mm/yyyy in vi, YYYY-MM-DD in en;
std::string human_date(Date d);
// counts with thousands separators: vi "3.321", en "3,321" (negative:
// "-3.321", "-3,321");
std::string human_count(std::int64_t n);
// decimal numbers written with a point ("1.5", "52.5%", "0.95") with a
// decimal comma in vi ("1,5"): a '.' between two digits becomes ','. Only for
// texts whose numbers are not grouped by thousands;
std::string human_decimal(std::string text);
// a percentage with one decimal from tenths: 360 -> en "36.0%", vi "36,0%";
// -5 -> "-0.5%" / "-0,5%"; the whole part grouped like human_count.
std::string human_tenths_percent(std::int64_t tenths);

}  // namespace ontrack
