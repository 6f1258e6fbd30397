// SPDX-License-Identifier: Apache-2.0
// Small readers of component configs shared by component_config.cpp and processor_config.cpp:
// a key's scalar, a key's number (unless it is a ${...} reference), and the `kind::id` prefix
// otelcol's messages start with.
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "collector/model.h"
#include "collector/values.h"

namespace caxtool::collector {

inline std::string where(const Component& c) {
  return std::string(section_name(c.kind)) + "::" + c.id;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

inline const yaml::Node* scalar(const yaml::Node& cfg, std::string_view key) {
  const yaml::Node* n = cfg.is_mapping() ? cfg.get(key) : nullptr;
  return n != nullptr && n->is_scalar() && !n->is_null() ? n : nullptr;
}

inline std::optional<double> number(const yaml::Node& cfg, std::string_view key) {
  const yaml::Node* n = scalar(cfg, key);
  if (n == nullptr || has_reference(n->value)) return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(n->value, &used);
    if (used == n->value.size()) return v;
  } catch (...) {
  }
  return std::nullopt;
}

// memory_limiter, batch, and the attributes and resource processors' actions.
void check_processor_config(const Component& c, Reporter& r);

}  // namespace caxtool::collector
