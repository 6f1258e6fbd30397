// SPDX-License-Identifier: Apache-2.0
// Series and label-value counting over parser events, for `caxtool cardinality --file/--scrape`.
#include "exposition/series_counter.h"

namespace caxtool::exposition {

void SeriesCounter::on_sample(const Sample& s) {
  const Family& f = *s.family;
  if (f.id >= family_index_.size()) family_index_.resize(f.id + 1, -1);
  if (family_index_[f.id] < 0) {
    family_index_[f.id] = static_cast<int32_t>(families_.size());
    families_.push_back({f.name, f.type, 0});
  }
  uint64_t full = 0;
  for (const Label& l : s.labels) {
    full += hash_label(l.name, l.value);
    auto it = values_.find(std::string(l.name));
    if (it == values_.end()) {
      it = values_.emplace(std::string(l.name), std::make_pair(values_.size(), HashSet())).first;
    }
    it->second.second.insert(hash_bytes(l.value));
  }
  if (series_.insert(hash_bytes(s.name) ^ mix64(full))) {
    ++families_[static_cast<size_t>(family_index_[f.id])].series;
  }
}

std::vector<SeriesCounter::LabelCount> SeriesCounter::labels() const {
  std::vector<LabelCount> out(values_.size());
  for (const auto& [name, v] : values_) out[v.first] = {name, v.second.size()};
  return out;
}

}  // namespace caxtool::exposition
