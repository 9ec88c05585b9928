// Writing a report to a file atomically: a temporary file in the same
// folder, flushed to disk, then renamed over the target, so a reader or an
// interrupted run never sees half a report.
#pragma once

#include <string>
#include <vector>

namespace ontrack {

// Throws std::runtime_error naming the path and the reason. Refuses to
// write over any of `plans` (the plans being read), whatever the spelling.
void write_file_atomically(const std::string& path, const std::string& text, const std::vector<std::string>& plans);

}  // namespace ontrack
