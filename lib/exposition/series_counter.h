// SPDX-License-Identifier: Apache-2.0
// A Handler that counts what cardinality work asks of a scrape or a file: distinct series per
// family (a histogram counts each bucket, _sum and _count) and distinct values per label name.
// It remembers one hash per distinct series and per distinct label value, never the input.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "exposition/hash.h"
#include "exposition/types.h"

namespace caxtool::exposition {

class SeriesCounter : public Handler {
 public:
  struct FamilyCount {
    std::string name;
    MetricType type = MetricType::kUntyped;
    uint64_t series = 0;
  };
  struct LabelCount {
    std::string name;
    uint64_t values = 0;
  };

  void on_sample(const Sample& s) override;

  // In order of first appearance.
  const std::vector<FamilyCount>& families() const { return families_; }
  // Label names in order of first appearance.
  std::vector<LabelCount> labels() const;
  uint64_t series() const { return series_.size(); }

 private:
  std::vector<FamilyCount> families_;
  std::vector<int32_t> family_index_;  // by Family::id
  HashSet series_;
  std::unordered_map<std::string, std::pair<size_t, HashSet>> values_;  // name -> order, values
};

}  // namespace caxtool::exposition
