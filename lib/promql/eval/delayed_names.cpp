// SPDX-License-Identifier: Apache-2.0
// The last step of a query under promql-delayed-name-removal (Prometheus's
// cleanupMetricLabels and mergeSeriesWithSameLabelset): the operations that drop `__name__`
// only marked their samples, so the names were still there for label_replace, label_join and
// `by (__name__)`; now they go. Series that differed only by their names then merge, which
// is an error when two of them have a sample at the same time (for an instant vector, always).
#include <algorithm>
#include <unordered_map>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

void remove_marked_names(std::vector<Series>& series, const std::vector<char>& drop) {
  bool any = false;
  for (size_t i = 0; i < series.size() && i < drop.size(); ++i) {
    if (!drop[i]) continue;
    auto& l = series[i].labels;
    auto it = std::find_if(l.begin(), l.end(), [](const auto& p) { return p.first == "__name__"; });
    if (it == l.end()) continue;
    l.erase(it);
    any = true;
  }
  if (!any || series.size() < 2) return;
  std::unordered_map<std::string, size_t> index;
  index.reserve(series.size());
  for (size_t i = 0; i < series.size(); ++i) index.try_emplace(labels_key(series[i].labels), i);
  if (index.size() == series.size()) return;  // no two series share a label set
  std::vector<Series> merged;
  std::unordered_map<size_t, size_t> into;  // first index of a label set -> its merged series
  for (Series& s : series) {
    size_t first = index[labels_key(s.labels)];
    auto [it, inserted] = into.try_emplace(first, merged.size());
    if (inserted) {
      merged.push_back(std::move(s));
      continue;
    }
    auto& to = merged[it->second].samples;
    to.insert(to.end(), s.samples.begin(), s.samples.end());
  }
  for (Series& s : merged) {
    std::stable_sort(s.samples.begin(), s.samples.end(),
                     [](const Sample& a, const Sample& b) { return a.t < b.t; });
    for (size_t i = 1; i < s.samples.size(); ++i)
      if (s.samples[i].t == s.samples[i - 1].t)
        fail("vector cannot contain metrics with the same labelset");
  }
  series = std::move(merged);
}

}  // namespace caxtool::promql::eval::detail
