// SPDX-License-Identifier: Apache-2.0
// A unified diff of two texts, for `generate --diff`: what a user of `diff -u` or `kubectl diff`
// expects to read.
#pragma once

#include <string>
#include <string_view>

namespace caxtool::util {

// Empty when the texts are equal. `old_name` is "/dev/null" for a file that does not exist.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_name, std::string_view new_name, int context = 3);

}  // namespace caxtool::util
