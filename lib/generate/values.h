// SPDX-License-Identifier: Apache-2.0
// Loads the values of `caxtool generate`: the embedded defaults, then a user's values file,
// then --set overrides, each checked against the caxtool/v1 schema with its line and column.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "yaml/node.h"

namespace caxtool::generate {

struct ValuesSource {
  std::string file;  // name for diagnostics, e.g. "values.yaml"
  std::string text;  // its content
};

// Where a key's value was set, so checks that span keys can point at the user's line.
struct Origin {
  std::string file;  // "" for --set
  yaml::Mark start, end;
  std::string set_arg;  // the --set argument, when it came from one
};

struct Values {
  nlohmann::json data;                    // merged and typed: the template root
  std::map<std::string, Origin> origins;  // dotted path -> where the user set it
  diag::Diagnostics diagnostics;
  bool usage_error = false;  // a --set argument was malformed or named no key
  bool ok() const { return !diagnostics.has_at_least(diag::Severity::kError); }
};

// The embedded defaults, templates/values.yaml.
std::string_view default_values_text();

Values load_values(const std::optional<ValuesSource>& file, const std::vector<std::string>& sets);

}  // namespace caxtool::generate
