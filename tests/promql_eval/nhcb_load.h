// SPDX-License-Identifier: Apache-2.0
// promqltest's `load_with_nhcb`: besides the series of a load, each classic histogram among them
// (`x_bucket{le=...}`, `x_count`, `x_sum`) becomes one native histogram with custom buckets per
// timestamp, stored as `x` (nhcb_load.cpp).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "promql/eval/engine.h"

namespace caxtool::promql::evaltest {

using SeriesDefs = std::map<std::string, std::pair<eval::Labels, std::vector<eval::Sample>>>;

struct NhcbSeries {
  eval::Labels labels;
  std::vector<eval::Sample> samples;  // histograms owned by NhcbLoad::keep
};

struct NhcbLoad {
  std::vector<NhcbSeries> series;
  std::vector<std::shared_ptr<const eval::FloatHistogram>> keep;
  std::set<std::string> names;  // the metric names of the histograms made
  std::string error;            // the first conversion error (the load then fails)
};

// The histograms Prometheus's loadCmd.appendCustomHistogram adds for `defs` (one load's series
// by key): series grouped by their labels without `le` and with the name's _bucket, _count or
// _sum suffix cut; `le` values that are not numbers, and native-histogram samples, ignored.
NhcbLoad nhcb_from_classic(const SeriesDefs& defs);

}  // namespace caxtool::promql::evaltest
