// SPDX-License-Identifier: Apache-2.0
// What a fix would remove, measured rather than guessed: fed the series a fix touches, a
// DropMeter tells for every label how many distinct series would remain without it. Then
// fix_offenders turns those figures into the relabel rule each offender gets. Shared by every
// source: a server (one streamed request per offender) and local inputs (one more pass).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cardinality/counter.h"
#include "cardinality/report.h"

namespace caxtool::cardinality {

struct DropEffect {
  uint64_t series = 0;
  std::map<std::string, uint64_t> values;      // label -> distinct values
  std::map<std::string, uint64_t> after_drop;  // label -> distinct series without it
};

class DropMeter {
 public:
  explicit DropMeter(std::string only_label = {}) : only_(std::move(only_label)) {}
  void add(const std::vector<std::pair<std::string_view, std::string_view>>& labels);
  DropEffect result() const;

 private:
  struct PerLabel {
    exposition::HashSet without;  // hashes of the series minus this label
    exposition::HashSet values;
    uint64_t carrying = 0;
  };
  std::string only_;
  uint64_t series_ = 0;
  std::map<std::string, PerLabel, std::less<>> labels_;
};

// Measures the series an offender's fix touches: a metric's series, or those carrying a label.
using Measure = std::function<std::variant<DropEffect, std::string>(const Offender&)>;

// Fills each offender's fix from `measure` (at most `max_fixes` are measured; a label both over
// budget and forbidden gets one fix). Returns an error message from `measure`, or "".
std::string fix_offenders(std::vector<Offender>& offenders, const Measure& measure,
                          size_t max_fixes);

}  // namespace caxtool::cardinality
