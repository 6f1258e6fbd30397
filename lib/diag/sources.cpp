// SPDX-License-Identifier: Apache-2.0
// Line lookup for diagnostics: findings come in line order, so each lookup scans on from the
// previous one and rendering thousands of findings in a 20 MB file stays linear without an
// index; out-of-order lookups fall back to indexing the file's line starts once.
#include "diag/sources.h"

#include <algorithm>

namespace caxtool::diag {

void Sources::add(std::string file, std::string text) {
  File f;
  f.text = std::move(text);
  files_[std::move(file)] = std::move(f);
}

void Sources::remove(const std::string& file) { files_.erase(file); }

const std::string* Sources::text(const std::string& file) const {
  auto it = files_.find(file);
  return it == files_.end() ? nullptr : &it->second.text;
}

std::optional<std::string_view> Sources::line(const std::string& file, int line) const {
  auto it = files_.find(file);
  if (it == files_.end() || line < 1) return std::nullopt;
  const File& f = it->second;
  std::string_view text(f.text);
  size_t start = 0;
  if (f.line_starts.empty() && line >= f.last_line) {
    start = f.last_start;
    for (int at = f.last_line; at < line; ++at) {
      size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) return std::nullopt;  // past the last line
      start = nl + 1;
    }
    f.last_line = line;
    f.last_start = start;
  } else {
    if (f.line_starts.empty()) {
      f.line_starts.push_back(0);
      for (size_t i = 0; i < f.text.size(); ++i) {
        if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
      }
    }
    auto index = static_cast<size_t>(line - 1);
    if (index >= f.line_starts.size()) return std::nullopt;
    start = f.line_starts[index];
  }
  if (start > f.text.size() || (start == f.text.size() && line > 1)) return std::nullopt;
  std::string_view l = text.substr(start);
  l = l.substr(0, l.find('\n'));
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

}  // namespace caxtool::diag
