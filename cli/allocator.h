// SPDX-License-Identifier: Apache-2.0
// Per-command tuning of the allocator the binary links (mimalloc, see CMakeLists.txt). mimalloc
// keeps freed pages mapped for a while so that the next allocations reuse them without a system
// call: right for check rules, which frees and allocates millions of nodes, but a command whose
// working set is one parsed block at a time (check config: one scrape config after another)
// then holds every page it ever touched. Such a command asks for freed pages to go back at once.
#pragma once

namespace caxtool::cli {

// Freed memory goes back to the system at once instead of after a delay: a lower peak RSS for
// a few more system calls. A no-op when mimalloc is not linked (sanitizer builds, unit tests).
void return_freed_memory_promptly();

}  // namespace caxtool::cli
