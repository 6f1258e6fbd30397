// SPDX-License-Identifier: Apache-2.0
// Diagnostic helpers: severity names and ordering, shared by every renderer.
#include "diag/diagnostic.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace caxtool::diag {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::append(Diagnostics&& other) {
  if (items_.empty() && items_.capacity() < other.items_.size()) {  // keep a reserve() made
    items_ = std::move(other.items_);
  } else {
    items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                  std::make_move_iterator(other.items_.end()));
  }
  other.items_.clear();
}

bool Diagnostics::has_at_least(Severity s) const {
  return std::any_of(items_.begin(), items_.end(),
                     [s](const Diagnostic& d) { return d.severity >= s; });
}

size_t Diagnostics::count(Severity s) const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
                                           [s](const Diagnostic& d) { return d.severity == s; }));
}

void Diagnostics::sort() {
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  };
  // A checker that sorted its parts already is spared stable_sort's buffer (one Diagnostic per
  // item: megabytes for tens of thousands of findings).
  if (std::is_sorted(items_.begin(), items_.end(), before)) return;
  std::stable_sort(items_.begin(), items_.end(), before);
}

}  // namespace caxtool::diag
