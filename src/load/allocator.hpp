// How the C library's allocator treats a run that allocates and frees
// hundreds of megabytes (a plan of a million localities: its model, then the
// report's lists, then the rendered text).
#pragma once

namespace ontrack {

// Keeps freed memory for reuse instead of returning it to the system: large
// blocks come from the heap rather than fresh mappings, so that the rendered
// text reuses the pages the model held instead of faulting in new ones (each
// page fault costs microseconds, more on a virtual machine). Call once,
// before the work; does nothing where the C library has no such setting.
void keep_freed_memory();

}  // namespace ontrack
