#include "zip_archive.hpp"

#include <dlfcn.h>
#include <zip.h>

#include "i18n.hpp"

namespace ontrack {
namespace {

// libzip is opened when a workbook is first read, not linked: linked, it and
// the libraries it needs (libcrypto among them) are loaded and relocated at
// the start of every run, which costs a report more than its own work.
#define ONTRACK_ZIP_FUNCTIONS(X) \
    X(zip_discard)               \
    X(zip_error_fini)            \
    X(zip_error_init)            \
    X(zip_fclose)                \
    X(zip_fopen)                 \
    X(zip_fread)                 \
    X(zip_name_locate)           \
    X(zip_open_from_source)      \
    X(zip_source_buffer_create)  \
    X(zip_source_free)

struct Libzip {
#define ONTRACK_ZIP_POINTER(name) decltype(&::name) name = nullptr;
    ONTRACK_ZIP_FUNCTIONS(ONTRACK_ZIP_POINTER)
#undef ONTRACK_ZIP_POINTER
};

Libzip open_libzip() {
    void* lib = nullptr;
    for (const char* name : {"libzip.so.4", "libzip.so"})
        if ((lib = ::dlopen(name, RTLD_NOW | RTLD_LOCAL))) break;
    if (!lib)
        throw WorkbookError(
            trf("reading a workbook needs the library libzip (Debian package libzip4): {}", ::dlerror()));
    Libzip api;
#define ONTRACK_ZIP_LOAD(name)                                            \
    api.name = reinterpret_cast<decltype(api.name)>(::dlsym(lib, #name)); \
    if (!api.name) throw WorkbookError(trf("reading a workbook: libzip has no function {}", #name));
    ONTRACK_ZIP_FUNCTIONS(ONTRACK_ZIP_LOAD)
#undef ONTRACK_ZIP_LOAD
    return api;
}

const Libzip& libzip() {
    static const Libzip api = open_libzip();
    return api;
}

}  // namespace

struct ZipArchive::Impl {
    zip_t* zip = nullptr;
    mutable std::uint64_t total = 0;  // inflated so far, over every member
};

ZipArchive::ZipArchive(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
    const Libzip& zip = libzip();
    zip_error_t error;
    zip.zip_error_init(&error);
    zip_source_t* source = zip.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        impl_->zip = zip.zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!impl_->zip) zip.zip_source_free(source);
    }
    zip.zip_error_fini(&error);
    if (!impl_->zip) throw WorkbookError(tr("the workbook is damaged: it is not a zip archive that can be read"));
}

ZipArchive::~ZipArchive() {
    if (impl_->zip) libzip().zip_discard(impl_->zip);
}

bool ZipArchive::has(const std::string& member) const {
    return libzip().zip_name_locate(impl_->zip, member.c_str(), 0) >= 0;
}

void ZipArchive::read(const std::string& member, const std::function<void(std::string_view)>& chunk,
                      std::uint64_t max_bytes) const {
    const Libzip& zip = libzip();
    zip_file_t* file = zip.zip_fopen(impl_->zip, member.c_str(), 0);
    if (!file) throw WorkbookError(trf("the workbook has no readable part '{}'", member));
    struct Closer {
        zip_file_t* f;
        ~Closer() { libzip().zip_fclose(f); }
    } closer{file};
    char buffer[1 << 16];
    std::uint64_t size = 0;
    for (;;) {
        const zip_int64_t n = zip.zip_fread(file, buffer, sizeof buffer);
        if (n < 0) throw WorkbookError(trf("the workbook is damaged: its part '{}' cannot be inflated", member));
        if (n == 0) break;
        size += static_cast<std::uint64_t>(n);
        impl_->total += static_cast<std::uint64_t>(n);
        if (size > max_bytes || impl_->total > max_total_bytes)
            throw WorkbookError(
                trf("the workbook's part '{}' inflates to more than {} MiB: it is too large, or not a real "
                    "workbook",
                    member, (size > max_bytes ? max_bytes : max_total_bytes) >> 20));
        chunk(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
}

std::string ZipArchive::read_all(const std::string& member, std::uint64_t max_bytes) const {
    std::string out;
    read(
        member, [&](std::string_view s) { out.append(s); }, max_bytes);
    return out;
}

}  // namespace ontrack
