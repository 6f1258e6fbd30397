// SPDX-License-Identifier: Apache-2.0
// Finding the dashboards in a file, in the shapes users keep them: a plain dashboard model, the
// HTTP API's {"dashboard": ...} envelope, a dashboard.grafana.app resource, or a Kubernetes
// ConfigMap or GrafanaDashboard (JSON or YAML) holding the JSON as a string. For the embedded
// kinds every offset in the dashboard text maps back to the file, so findings point at the
// file's own line and column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "json/value.h"

namespace caxtool::dashboard {

// One dashboard found in a file.
struct Unit {
  std::string json_text;          // the JSON the dashboard was parsed from
  std::vector<uint32_t> to_file;  // json_text offset -> file offset; empty: the same
  json::Document doc;
  std::string pointer;  // JSON pointer of the dashboard object in doc: "", /spec or /dashboard
  // The dashboard object inside doc (resolved on each call: a Unit moves).
  const json::Value& dashboard() const;
  bool embedded() const { return !to_file.empty(); }
  size_t file_offset(size_t json_offset) const;
};

// Line and column (1-based, code points) of byte offsets in a file.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  void locate(size_t offset, int& line, int& column) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

struct LoadResult {
  std::vector<Unit> units;
  diag::Diagnostics diagnostics;  // malformed JSON or YAML, shapes that hold no dashboard
};

// `text` must outlive nothing: units own their text. `file` labels diagnostics.
LoadResult load(std::string_view text, const std::string& file);

}  // namespace caxtool::dashboard
