// SPDX-License-Identifier: Apache-2.0
// Line lookup for diagnostics: each file's line starts are indexed once, on first use, so
// rendering thousands of findings in a 20 MB file stays linear.
#include "diag/sources.h"

#include <algorithm>

namespace caxtool::diag {

void Sources::add(std::string file, std::string text) {
  files_[std::move(file)] = File{std::move(text), {}};
}

const std::string* Sources::text(const std::string& file) const {
  auto it = files_.find(file);
  return it == files_.end() ? nullptr : &it->second.text;
}

std::optional<std::string_view> Sources::line(const std::string& file, int line) const {
  auto it = files_.find(file);
  if (it == files_.end() || line < 1) return std::nullopt;
  const File& f = it->second;
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    for (size_t i = 0; i < f.text.size(); ++i) {
      if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
    }
  }
  auto index = static_cast<size_t>(line - 1);
  if (index >= f.line_starts.size()) return std::nullopt;
  size_t start = f.line_starts[index];
  if (start > f.text.size() || (start == f.text.size() && index > 0)) return std::nullopt;
  std::string_view l(f.text);
  l = l.substr(start);
  l = l.substr(0, l.find('\n'));
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

}  // namespace caxtool::diag
