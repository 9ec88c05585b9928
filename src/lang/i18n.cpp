#include "i18n.hpp"

#include <libintl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

// The install's locale directory, and the same relative to the directory of
// the binary (for a relocated install, e.g. an unpacked .deb).
#ifndef ONTRACK_LOCALEDIR
#define ONTRACK_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef ONTRACK_LOCALEDIR_FROM_BINDIR
#define ONTRACK_LOCALEDIR_FROM_BINDIR "../share/locale"
#endif

namespace ontrack {
namespace {

constexpr const char* domain = "ontrack";

std::atomic<Lang> current_language{Lang::en};
std::once_flag locale_once, vietnamese_once;

bool is_c_locale(const char* name) {
    return !name || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0;
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// $ONTRACK_LOCALEDIR; else, of <directory of the executable>/locale (the
// build tree) and <directory of the executable>/../share/locale (an install,
// wherever it was moved), the first that holds our Vietnamese catalogue; else
// the install's directory as configured.
std::string locale_dir() {
    if (const char* dir = std::getenv("ONTRACK_LOCALEDIR"); dir && *dir) return dir;
    std::string exe(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", exe.data(), exe.size() - 1);
    if (n > 0) {
        exe.resize(static_cast<std::size_t>(n));
        const std::string bindir = exe.substr(0, exe.rfind('/') + 1);
        for (const std::string& dir : {bindir + "locale", bindir + ONTRACK_LOCALEDIR_FROM_BINDIR})
            if (file_exists(dir + "/vi/LC_MESSAGES/" + domain + ".mo")) return dir;
    }
    return ONTRACK_LOCALEDIR;
}

// The C library's locale and the text domain, once. Only LC_CTYPE and
// LC_MESSAGES are taken from the environment (what gettext uses; loading all
// the categories of LC_ALL would cost a small report 3% more instructions):
// numbers, dates and sorting are ontrack's own, never the locale's (LC_NUMERIC
// and the rest stay "C"). glibc's gettext ignores LANGUAGE under the C locale
// and finds no catalogue for a locale that is not installed (vi_VN.UTF-8 on
// most servers), so C.UTF-8 stands in for either.
void set_up_locale() {
    std::call_once(locale_once, [] {
        for (const int category : {LC_CTYPE, LC_MESSAGES})
            if (is_c_locale(std::setlocale(category, ""))) std::setlocale(category, "C.UTF-8");
        const std::string dir = locale_dir();
        bindtextdomain(domain, dir.c_str());
        bind_textdomain_codeset(domain, "UTF-8");
    });
}

// gettext's language is ours, whatever LANGUAGE and the locale said.
void use_vietnamese_catalogue() {
    std::call_once(vietnamese_once, [] {
        set_up_locale();
        ::setenv("LANGUAGE", "vi", 1);
    });
}

bool is_vi(std::string_view v) {
    return v.substr(0, 2) == "vi" && (v.size() == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@');
}

bool is_en(std::string_view v) {
    return v.substr(0, 2) == "en" && (v.size() == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@');
}

// Digits of `magnitude` with `separator` between groups of three.
std::string grouped(std::uint64_t magnitude, char separator) {
    const std::string digits = std::to_string(magnitude);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

// |n| without overflow for the most negative value.
std::uint64_t magnitude(std::int64_t n) {
    return n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

}  // namespace

void set_language(Lang lang) {
    current_language.store(lang, std::memory_order_relaxed);
}

Lang language() {
    return current_language.load(std::memory_order_relaxed);
}

Lang language_from_environment(const char* language, const char* lc_all, const char* lc_messages, const char* lang) {
    if (language) {
        std::string_view list(language);
        while (!list.empty()) {
            const std::size_t colon = list.find(':');
            const std::string_view entry = list.substr(0, colon);
            if (is_vi(entry)) return Lang::vi;
            if (is_en(entry)) return Lang::en;
            list = colon == std::string_view::npos ? std::string_view{} : list.substr(colon + 1);
        }
    }
    for (const char* value : {lc_all, lc_messages, lang}) {
        if (!value || !*value) continue;
        return is_vi(value) ? Lang::vi : Lang::en;
    }
    return Lang::en;
}

void init_language(Lang lang) {
    set_language(lang);
    // English needs no catalogue: the process stays in the C locale, where
    // neither gettext nor the C library translates anything (and a report
    // pays nothing for the locale).
    if (lang == Lang::vi) use_vietnamese_catalogue();
}

std::optional<Lang> parse_lang(std::string_view name) {
    if (name == "vi") return Lang::vi;
    if (name == "en") return Lang::en;
    return std::nullopt;
}

const char* Words::tr(const char* english) const {
    if (lang_ == Lang::en || !english || !*english) return english;
    use_vietnamese_catalogue();
    return dgettext(domain, english);
}

const char* Words::tr_plural(const char* singular, const char* plural, std::uint64_t n) const {
    if (lang_ == Lang::en) return n == 1 ? singular : plural;
    use_vietnamese_catalogue();
    return dngettext(domain, singular, plural, static_cast<unsigned long>(n));
}

const char* tr(const char* english) {
    return Words(language()).tr(english);
}

const char* tr_plural(const char* singular, const char* plural, std::uint64_t n) {
    return Words(language()).tr_plural(singular, plural, n);
}

std::string system_error_text(int err) {
    // glibc's texts, so that English output is unchanged.
    switch (err) {
        case ENOENT: return tr("No such file or directory");
        case EACCES: return tr("Permission denied");
        case EPERM: return tr("Operation not permitted");
        case EISDIR: return tr("Is a directory");
        case ENOTDIR: return tr("Not a directory");
        case ENOSPC: return tr("No space left on device");
        case EROFS: return tr("Read-only file system");
        case EEXIST: return tr("File exists");
        case EIO: return tr("Input/output error");
        case ENAMETOOLONG: return tr("File name too long");
        case ELOOP: return tr("Too many levels of symbolic links");
        case EDQUOT: return tr("Disk quota exceeded");
        case EFBIG: return tr("File too large");
        default: return std::strerror(err);
    }
}

std::string Words::date(Date d) const {
    if (lang_ == Lang::en) return to_iso(d);
    return fmt::format("{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
}

std::string Words::count(std::int64_t n) const {
    const char separator = lang_ == Lang::vi ? '.' : ',';
    return (n < 0 ? "-" : "") + grouped(magnitude(n), separator);
}

std::string Words::decimal(std::string text) const {
    if (lang_ == Lang::en) return text;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t i = 1; i + 1 < text.size(); ++i)
        if (text[i] == '.' && digit(text[i - 1]) && digit(text[i + 1])) text[i] = ',';
    return text;
}

std::string Words::tenths_percent(std::int64_t tenths) const {
    const bool vi = lang_ == Lang::vi;
    const std::uint64_t m = magnitude(tenths);
    return fmt::format("{}{}{}{}%", tenths < 0 ? "-" : "", grouped(m / 10, vi ? '.' : ','), vi ? ',' : '.', m % 10);
}

std::string human_date(Date d) {
    return Words(language()).date(d);
}

std::string human_count(std::int64_t n) {
    return Words(language()).count(n);
}

std::string human_decimal(std::string text) {
    return Words(language()).decimal(std::move(text));
}

std::string human_tenths_percent(std::int64_t tenths) {
    return Words(language()).tenths_percent(tenths);
}

}  // namespace ontrack
