// SPDX-License-Identifier: Apache-2.0
// Diagnostics are values: every check in lib/ returns them, and cli/ renders them once, in the
// format the user asked for. A source range, a severity, the check's name, a message, a hint.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caxtool::diag {

enum class Severity { kInfo, kWarning, kError };

std::string_view severity_name(Severity s);

struct Diagnostic {
  std::string file;  // as the user named it; empty for diagnostics about no file
  int line = 0;      // 1-based; 0 when there is no position
  int column = 0;    // 1-based, in characters (code points)
  int end_line = 0;
  int end_column = 0;
  Severity severity = Severity::kError;
  std::string check;    // e.g. "values/unknown-key"
  std::string message;  // one line, no trailing period
  std::string hint;     // optional: what to do about it
};

// A growing list with the questions callers ask of it.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void reserve(size_t n) { items_.reserve(n); }
  void shrink_to_fit() { items_.shrink_to_fit(); }
  void append(const Diagnostics& other);
  void append(Diagnostics&& other);
  const std::vector<Diagnostic>& items() const { return items_; }
  // For passes that rewrite findings in place (severity, message) without copying them.
  std::vector<Diagnostic>& mutable_items() { return items_; }
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  bool has_at_least(Severity s) const;
  size_t count(Severity s) const;
  // Stable order: by file, then position; diagnostics without a file first. Cheap when the
  // items are in order already.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace caxtool::diag
