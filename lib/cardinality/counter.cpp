// SPDX-License-Identifier: Apache-2.0
// See counter.h. Ids pack into 64-bit keys ((a << 32) | b) so that every "seen before?" question
// is one probe in a flat table.
#include "cardinality/counter.h"

#include <algorithm>

namespace caxtool::cardinality {

namespace {
// Two ids in one key; mix64 is a bijection, so the set of mixed keys is exact, not a hash.
uint64_t pack(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }

template <class T, class Less>
std::vector<T> top(std::vector<T> all, size_t n, Less less) {
  if (n == 0 || n >= all.size()) {
    std::sort(all.begin(), all.end(), less);
    return all;
  }
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), less);
  all.resize(n);
  return all;
}
}  // namespace

uint32_t Interner::intern(std::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  storage_.emplace_back(s);
  std::string_view stored = storage_.back();
  auto id = static_cast<uint32_t>(names_.size());
  names_.push_back(stored);
  ids_.emplace(stored, id);
  return id;
}

void Counter::add(const std::vector<std::pair<std::string_view, std::string_view>>& labels) {
  ++total_;
  uint32_t metric = strings_.intern("");
  for (const auto& [name, value] : labels) {
    if (name == "__name__") metric = strings_.intern(value);
  }
  ++metric_series_[metric];
  for (const auto& [name, value] : labels) {
    if (name == "__name__") continue;
    uint32_t l = strings_.intern(name);
    uint32_t v = strings_.intern(value);
    LabelCounts& counts = label_[l];
    ++counts.series;
    if (label_values_.insert(exposition::mix64(pack(l, v)))) ++counts.values;
    ++pair_series_[pack(l, v)];
    auto [it, fresh] = metric_label_ids_.try_emplace(
        pack(metric, l), static_cast<uint32_t>(metric_label_values_.size()));
    if (fresh) {
      metric_label_values_.push_back(0);
      metric_label_keys_.push_back(pack(metric, l));
    }
    if (metric_label_value_set_.insert(exposition::mix64(pack(it->second, v))))
      ++metric_label_values_[it->second];
  }
}

std::vector<MetricStat> Counter::metrics(size_t n) const {
  std::vector<MetricStat> all;
  all.reserve(metric_series_.size());
  for (const auto& [id, series] : metric_series_)
    all.push_back({std::string(strings_.name(id)), series, {}, 0});
  all = top(std::move(all), n, [](const MetricStat& a, const MetricStat& b) {
    return a.series != b.series ? a.series > b.series : a.name < b.name;
  });
  // The driving label of each metric shown: one pass over the (metric, label) table.
  std::unordered_map<std::string_view, MetricStat*> shown;
  for (MetricStat& m : all) shown.emplace(m.name, &m);
  for (size_t id = 0; id < metric_label_keys_.size(); ++id) {
    auto metric = static_cast<uint32_t>(metric_label_keys_[id] >> 32);
    auto it = shown.find(strings_.name(metric));
    if (it == shown.end()) continue;
    MetricStat& m = *it->second;
    std::string_view label = strings_.name(static_cast<uint32_t>(metric_label_keys_[id]));
    uint64_t values = metric_label_values_[id];
    if (values > m.top_label_values ||
        (values == m.top_label_values && values > 0 && label < m.top_label)) {
      m.top_label = std::string(label);
      m.top_label_values = values;
    }
  }
  return all;
}

std::vector<LabelStat> Counter::labels(size_t n) const {
  std::vector<LabelStat> all;
  all.reserve(label_.size());
  for (const auto& [id, c] : label_)
    all.push_back({std::string(strings_.name(id)), c.values, c.series});
  return top(std::move(all), n, [](const LabelStat& a, const LabelStat& b) {
    return a.values != b.values ? a.values > b.values : a.name < b.name;
  });
}

std::vector<NameCount> Counter::label_pairs(size_t n) const {
  std::vector<NameCount> all;
  all.reserve(pair_series_.size());
  for (const auto& [key, series] : pair_series_) {
    all.push_back({std::string(strings_.name(static_cast<uint32_t>(key >> 32))) + "=" +
                       std::string(strings_.name(static_cast<uint32_t>(key))),
                   series});
  }
  return top(std::move(all), n, [](const NameCount& a, const NameCount& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
}

uint64_t Counter::values_on_metric(std::string_view metric, std::string_view label) const {
  // Lookups by name are for reports, not the hot path: a scan of the interned names is fine.
  for (size_t id = 0; id < metric_label_keys_.size(); ++id) {
    uint64_t key = metric_label_keys_[id];
    if (strings_.name(static_cast<uint32_t>(key >> 32)) == metric &&
        strings_.name(static_cast<uint32_t>(key)) == label) {
      return metric_label_values_[id];
    }
  }
  return 0;
}

uint64_t Counter::label_values(std::string_view label) const {
  for (const auto& [id, c] : label_) {
    if (strings_.name(id) == label) return c.values;
  }
  return 0;
}

uint64_t Counter::metric_series(std::string_view metric) const {
  for (const auto& [id, series] : metric_series_) {
    if (strings_.name(id) == metric) return series;
  }
  return 0;
}

}  // namespace caxtool::cardinality
