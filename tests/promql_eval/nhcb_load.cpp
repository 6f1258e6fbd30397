// SPDX-License-Identifier: Apache-2.0
// load_with_nhcb as Prometheus's promqltest does it (loadCmd.appendCustomHistogram): every
// float sample of a `_bucket` (with a numeric `le`), `_count` or `_sum` series feeds the
// classic histogram of its family and timestamp, and each one is converted by the engine's
// ClassicHistogram (convertnhcb.TempHistogram). The classic series themselves stay loaded.
#include "nhcb_load.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "promql/eval/custom_buckets.h"

namespace caxtool::promql::evaltest {
namespace {

// Go's strconv.ParseFloat closely enough for `le` values: the whole string a number, "+Inf",
// "inf" and hex included, no surrounding space.
std::optional<double> parse_le(const std::string& s) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  if (errno == ERANGE && std::fabs(v) != HUGE_VAL && v != 0) errno = 0;  // denormals parse
  return v;
}

bool cut_suffix(std::string& name, std::string_view suffix) {
  if (name.size() < suffix.size() ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  name.resize(name.size() - suffix.size());
  return true;
}

}  // namespace

NhcbLoad nhcb_from_classic(const SeriesDefs& defs) {
  struct Family {
    eval::Labels labels;
    std::map<int64_t, eval::ClassicHistogram> by_ts;
  };
  std::map<std::string, Family> families;
  for (const auto& [key, def] : defs) {
    const eval::Labels& labels = def.first;
    std::string name, le_text;
    bool has_le = false;
    for (const auto& [k, v] : labels) {
      if (k == "__name__") name = v;
      if (k == "le") {
        le_text = v;
        has_le = true;
      }
    }
    enum { kBucket, kCount, kSum } kind;
    if (cut_suffix(name, "_bucket")) {
      kind = kBucket;
    } else if (cut_suffix(name, "_sum")) {
      kind = kSum;
    } else if (cut_suffix(name, "_count")) {
      kind = kCount;
    } else {
      continue;
    }
    std::optional<double> le;
    if (kind == kBucket) {
      // Prometheus panics on a bucket series without le; here it is not part of a histogram.
      if (!has_le || !(le = parse_le(le_text)) || std::isnan(*le)) continue;
    }
    eval::Labels base;
    for (const auto& [k, v] : labels) {
      if (k == "le") continue;
      base.emplace_back(k, k == "__name__" ? name : v);
    }
    Family& f = families[eval::format_labels(base)];
    f.labels = base;
    for (const eval::Sample& s : def.second) {
      if (s.h()) continue;
      eval::ClassicHistogram& h = f.by_ts[s.t];
      if (kind == kBucket) {
        h.set_bucket(*le, s.v);
      } else if (kind == kCount) {
        h.set_count(s.v);
      } else {
        h.set_sum(s.v);
      }
    }
  }
  NhcbLoad out;
  for (auto& [key, f] : families) {
    NhcbSeries series{f.labels, {}};
    for (const auto& [t, classic] : f.by_ts) {
      std::string err;
      std::optional<eval::FloatHistogram> h = classic.convert(err);
      if (!h) {
        if (out.error.empty()) out.error = key + ": " + err;
        continue;
      }
      auto p = std::make_shared<const eval::FloatHistogram>(std::move(*h));
      series.samples.push_back(eval::Sample::of(t, 0, p.get()));
      out.keep.push_back(std::move(p));
    }
    if (series.samples.empty()) continue;
    for (const auto& [k, v] : f.labels)
      if (k == "__name__") out.names.insert(v);
    out.series.push_back(std::move(series));
  }
  return out;
}

}  // namespace caxtool::promql::evaltest
