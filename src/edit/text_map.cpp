#include "text_map.hpp"

#include <algorithm>

namespace ontrack {

Applied apply_edits(std::string_view text, std::vector<Edit> edits) {
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at < b.at; });
    Applied out;
    std::size_t grown = 0;
    for (const Edit& e : edits) grown += e.insert.size();
    out.text.reserve(text.size() + grown);
    std::size_t done = 0;
    for (const Edit& e : edits) {
        out.text.append(text.substr(done, e.at - done));
        if (e.date_at != std::string::npos) out.date_offset = out.text.size() + e.date_at;
        out.text += e.insert;
        done = e.at + e.erase;
    }
    out.text.append(text.substr(done));
    return out;
}

}  // namespace ontrack
