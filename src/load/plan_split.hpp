// Where a plan's text can be cut so that each piece parses on its own: at
// its top-level [[locality]] headers, never inside a string or an array.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ontrack {

struct TextPiece {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t line_offset = 0;  // lines before `begin`
    std::uint32_t localities = 0;   // top-level [[locality]] headers in the piece
};

// The head (everything before the first top-level [[locality]] header) and
// then batches of whole [[locality]] blocks of about `batch_bytes` each.
// nullopt when the text has no such header, or a table header other than
// [[locality]] follows the first one: then only a whole-file parse is exact.
std::optional<std::vector<TextPiece>> split_at_localities(std::string_view text, std::size_t batch_bytes);

}  // namespace ontrack
