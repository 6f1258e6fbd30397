// SPDX-License-Identifier: Apache-2.0
// Go's time.Duration.String ("2h0m0s", "1m0.001s", "1.5ms"): promtool prints a block's
// duration so, and a user diffing our output against promtool's should see the same text.
#pragma once

#include <cstdint>
#include <string>

namespace caxtool::tsdb {

std::string go_duration_string(int64_t nanoseconds);

}  // namespace caxtool::tsdb
