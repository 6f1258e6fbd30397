// SPDX-License-Identifier: Apache-2.0
// Levenshtein distance with the threshold ninja and git use for "did you mean".
#include "util/strings.h"

#include <algorithm>
#include <vector>

namespace caxtool::util {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  size_t best = SIZE_MAX;
  std::string_view pick;
  // A truncated word ("complet") is as plausible as a typo.
  if (word.size() >= 3) {
    for (std::string_view c : candidates) {
      if (c.substr(0, word.size()) == word) return std::string(c);
    }
  }
  for (std::string_view c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best) {
      best = d;
      pick = c;
    }
  }
  // Allow about one typo in three characters, and always at least one.
  size_t allowed = std::max<size_t>(1, word.size() / 3);
  return best <= allowed ? std::string(pick) : std::string();
}

namespace {
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool is_label_name(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_alpha(c) || is_digit(c); });
}

bool is_metric_name(std::string_view s) {
  if (s.empty() || !(is_alpha(s[0]) || s[0] == ':')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return is_alpha(c) || is_digit(c) || c == ':'; });
}

}  // namespace caxtool::util
