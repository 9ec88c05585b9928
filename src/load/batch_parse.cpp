#include "batch_parse.hpp"

#include <atomic>
#include <exception>
#include <mutex>

#include <toml++/toml.h>

#include "huge_pages.hpp"
#include "parallel_for.hpp"

namespace ontrack {
namespace {

// Gives back the text of the pieces read so far to the system, when a
// PlanText owns it: everything before the first piece not yet done.
class Giveback {
   public:
    Giveback(PlanText* text, const std::vector<TextPiece>& pieces)
        : text_(text), pieces_(pieces), done_(pieces.size(), false) {}

    void done(std::size_t k) {
        if (!text_) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        done_[k] = true;
        while (low_ < pieces_.size() && done_[low_]) ++low_;
        text_->release_before(low_ < pieces_.size() ? pieces_[low_].begin : pieces_.back().end);
    }

   private:
    PlanText* text_;
    const std::vector<TextPiece>& pieces_;
    std::vector<bool> done_;
    std::size_t low_ = 0;
    std::mutex mutex_;
};

}  // namespace

ParsedLocalities parse_batches(std::string_view text, const std::string& file, const std::vector<TextPiece>& pieces,
                               unsigned threads, PlanText* giveback) {
    ParsedLocalities out;
    std::vector<std::size_t> first(pieces.size(), 0);  // index of each piece's first locality
    for (std::size_t k = 2; k < pieces.size(); ++k) first[k] = first[k - 1] + pieces[k - 1].localities;
    const std::size_t n = first.back() + pieces.back().localities;
    resize_huge(out.localities, n);
    resize_huge(out.places, n);
    Giveback back(giveback, pieces);
    back.done(0);  // the head was parsed before
    out.diagnostics.resize(pieces.size() - 1);
    std::atomic<bool> failed{false};
    // Anything else a batch throws is kept, and thrown here rather than
    // taken for a batch that does not parse.
    std::exception_ptr thrown;
    std::mutex thrown_mutex;
    const auto batch = [&](std::size_t b) {
        const std::size_t k = b + 1;
        if (failed) return;
        const TextPiece& piece = pieces[k];
        try {
            const toml::table root = toml::parse(text.substr(piece.begin, piece.end - piece.begin));
            const toml::array* array = root.get_as<toml::array>("locality");
            // The splitter counted the headers; anything else is not what a whole parse would see.
            if (root.size() != 1 || !array || array->size() != piece.localities) {
                failed = true;
                return;
            }
            TomlContext cx(file, piece.line_offset);
            for (std::size_t j = 0; j < array->size(); ++j) read_locality_element(cx, (*array)[j], out, first[k] + j);
            out.diagnostics[k - 1] = std::move(cx.diagnostics());
            back.done(k);
        } catch (const toml::parse_error&) {
            failed = true;
        } catch (...) {
            const std::lock_guard<std::mutex> lock(thrown_mutex);
            if (!thrown) thrown = std::current_exception();
            failed = true;
        }
    };
    ParallelOptions options;
    options.max_threads = threads;
    parallel_for(pieces.size() - 1, batch, options);
    if (thrown) std::rethrow_exception(thrown);
    if (failed) throw BatchFailed{};
    return out;
}

}  // namespace ontrack
