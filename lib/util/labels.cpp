// SPDX-License-Identifier: Apache-2.0
// The Caxton guide's own cardinality advice, generalised: IDs of things that never repeat.
#include "util/labels.h"

#include <array>

namespace caxtool::util {

std::span<const std::string_view> default_forbidden_labels() {
  static constexpr std::array<std::string_view, 10> kLabels = {
      "conversation_id", "message_id", "trace_id", "span_id",  "request_id",
      "session_id",      "user_id",    "sender",   "receiver", "correlation_id"};
  return kLabels;
}

}  // namespace caxtool::util
