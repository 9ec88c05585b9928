#include "xlsx_book.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "unicode.hpp"

namespace ontrack {
namespace {

Lxw open_libxlsxwriter() {
    void* lib = nullptr;
    for (const char* name : {"libxlsxwriter.so.4", "libxlsxwriter.so"})
        if ((lib = ::dlopen(name, RTLD_NOW | RTLD_LOCAL))) break;
    if (!lib)
        throw std::runtime_error(
            trf("--format xlsx needs the library libxlsxwriter (Debian package libxlsxwriter4): {}", ::dlerror()));
    Lxw api;
#define ONTRACK_LXW_LOAD(name)                                            \
    api.name = reinterpret_cast<decltype(api.name)>(::dlsym(lib, #name)); \
    if (!api.name) throw std::runtime_error(trf("--format xlsx: libxlsxwriter has no function {}", #name));
    ONTRACK_LXW_FUNCTIONS(ONTRACK_LXW_LOAD)
#undef ONTRACK_LXW_LOAD
    return api;
}

}  // namespace

const Lxw& lxw() {
    static const Lxw api = open_libxlsxwriter();
    return api;
}

// Text as a cell may hold it: inert, and at most 32,767 UTF-16 units.
std::string cell_text(std::string_view text) {
    std::string inert = make_inert(text);
    std::size_t units = 0, i = 0, cut = std::string::npos;
    while (i < inert.size()) {
        const std::size_t at = i;
        const char32_t c = next_code_point(inert, i);
        units += c > 0xFFFF ? 2 : 1;
        if (units > max_cell_chars - 1 && cut == std::string::npos) cut = at;
        if (units > max_cell_chars) {
            inert.resize(cut);
            inert += "…";
            break;
        }
    }
    return inert;
}

TempFile::TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/ontrack-xlsx-XXXXXX";
    const int fd = ::mkstemp(path_.data());
    if (fd < 0)
        throw std::runtime_error(
            trf("cannot create a temporary file for the workbook in {}", make_inert(dir && *dir ? dir : "/tmp")));
    ::close(fd);
}

TempFile::~TempFile() {
    ::unlink(path_.c_str());
}

Workbook::Workbook(const std::string& path, Lang lang) : lang_(lang) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    book_ = lxw().workbook_new_opt(path.c_str(), &options);
    if (!book_) throw std::runtime_error(Words(lang_).tr("cannot start the workbook"));
    const bool vi = lang_ == Lang::vi;
    {
        lxw_format* f = add_format("header");
        lxw().format_set_bold(f);
        lxw().format_set_bg_color(f, 0xD9E1F2);
        lxw().format_set_text_wrap(f);
        lxw().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    {
        lxw_format* f = add_format("title");
        lxw().format_set_bold(f);
        lxw().format_set_font_size(f, 14);
    }
    {
        lxw_format* f = add_format("bold");
        lxw().format_set_bold(f);
    }
    {
        lxw_format* f = add_format("date");
        lxw().format_set_num_format(f, vi ? "dd/mm/yyyy" : "yyyy-mm-dd");
    }
    {
        lxw_format* f = add_format("percent0");
        lxw().format_set_num_format(f, "0%");
    }
    {
        lxw_format* f = add_format("percent");
        lxw().format_set_num_format(f, "0.0%");
    }
    {
        lxw_format* f = add_format("target");
        lxw().format_set_num_format(f, "0.##%");
    }
    {
        lxw_format* f = add_format("decimal");
        lxw().format_set_num_format(f, "0.00");
    }
    {
        lxw_format* f = add_format("good");
        lxw().format_set_font_color(f, 0x006100);
        lxw().format_set_bg_color(f, 0xC6EFCE);
    }
    {
        lxw_format* f = add_format("bad");
        lxw().format_set_font_color(f, 0x9C0006);
        lxw().format_set_bg_color(f, 0xFFC7CE);
    }
    {
        lxw_format* f = add_format("warning");
        lxw().format_set_bold(f);
        lxw().format_set_font_color(f, 0x9C0006);
    }
    {
        lxw_format* f = add_format("wrap");
        lxw().format_set_text_wrap(f);
        lxw().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    // Decimals shown with as many places as the text of the other formats.
    const char* places[] = {"0", "0.0", "0.00", "0.000", "0.0000"};
    for (int k = 0; k < 5; ++k) {
        lxw_format* f = add_format("decimal" + std::to_string(k));
        lxw().format_set_num_format(f, places[k]);
    }
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof()) throw std::runtime_error(trf("cannot read back the workbook {}", make_inert(path)));
    return out.str();
}

}  // namespace ontrack
