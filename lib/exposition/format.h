// SPDX-License-Identifier: Apache-2.0
// Choosing the format of an input explicitly, so a caller can show and override the choice:
// the content type of a scrape first, else whether the input's last line is # EOF.
#pragma once

#include <optional>
#include <string_view>

#include "exposition/types.h"

namespace caxtool::exposition {

// application/openmetrics-text is OpenMetrics, text/plain is Prometheus text; else nullopt.
std::optional<Format> format_from_content_type(std::string_view content_type);
// Whether `tail` (the last bytes of the input) ends with a line "# EOF" (and maybe a newline).
bool ends_with_eof_line(std::string_view tail);
Format detect_format(std::optional<std::string_view> content_type, std::string_view tail);

}  // namespace caxtool::exposition
