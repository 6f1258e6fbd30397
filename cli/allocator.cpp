// SPDX-License-Identifier: Apache-2.0
// See allocator.h. mimalloc's API is referenced weakly, so that the binaries linked without it
// (unit tests, sanitizer and fuzz builds) still link, and find it absent at run time.
#include "allocator.h"

#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
#pragma weak mi_option_set
#define CAXTOOL_CAN_TUNE_MIMALLOC 1
#endif

namespace caxtool::cli {

void return_freed_memory_promptly() {
#ifdef CAXTOOL_CAN_TUNE_MIMALLOC
  // mimalloc 2.0's decommit delay (MIMALLOC_RESET_DELAY in older releases): 0 is "at once".
  if (&mi_option_set != nullptr) mi_option_set(mi_option_decommit_delay, 0);
#endif
}

}  // namespace caxtool::cli
