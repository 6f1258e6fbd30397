// SPDX-License-Identifier: Apache-2.0
// Labels whose values are unbounded (one per request, conversation, user): as metric labels
// they make a new series per value. generate refuses them in values, check rules flags them.
#pragma once

#include <span>
#include <string_view>

namespace caxtool::util {

std::span<const std::string_view> default_forbidden_labels();

}  // namespace caxtool::util
