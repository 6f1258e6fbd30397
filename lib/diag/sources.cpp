// SPDX-License-Identifier: Apache-2.0
// Line lookup for diagnostics: a linear scan is fine, it runs once per rendered diagnostic.
#include "diag/sources.h"

namespace caxtool::diag {

const std::string* Sources::text(const std::string& file) const {
  auto it = files_.find(file);
  return it == files_.end() ? nullptr : &it->second;
}

std::optional<std::string_view> Sources::line(const std::string& file, int line) const {
  const std::string* t = text(file);
  if (t == nullptr || line < 1) return std::nullopt;
  std::string_view rest(*t);
  for (int i = 1; i < line; ++i) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(nl + 1);
  }
  size_t nl = rest.find('\n');
  std::string_view l = rest.substr(0, nl);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

}  // namespace caxtool::diag
