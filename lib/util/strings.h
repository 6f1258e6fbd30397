// SPDX-License-Identifier: Apache-2.0
// Small string helpers shared across lib/: "did you mean" suggestions and name checks.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace caxtool::util {

size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a plausible typo, else "".
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

// [a-zA-Z_][a-zA-Z0-9_]*
bool is_label_name(std::string_view s);
// [a-zA-Z_:][a-zA-Z0-9_:]*
bool is_metric_name(std::string_view s);

}  // namespace caxtool::util
