// SPDX-License-Identifier: Apache-2.0
// Native histograms under the extended range selectors (3.7+): rate, increase and delta of an
// `anchored` or `smoothed` window (Prometheus's extendedHistogramRate, with its counter-reset
// correction that never counts a reset twice when a boundary was interpolated across it), and
// the `smoothed` instant selector (smoothSeries) for floats and histograms: the sample at the
// evaluation time, else its neighbours interpolated, else the last one carried forward. A
// histogram counter that resets between two samples is interpolated as restarting from zero.
#include <algorithm>

#include "promql/eval/extended_range.h"
#include "promql/literals.h"

namespace caxtool::promql::eval::detail::extended {

using promql::detail::go_quote;
namespace {

std::string mixed_schemas(std::string_view metric) {
  return "PromQL warning: vector contains a mix of histograms with exponential and custom "
         "buckets schemas for metric name " +
         go_quote(metric);
}

struct Reconciled {
  bool sub = false, add = false;
};

// interpolateHistograms: false when the layouts cannot be combined.
bool interpolate_h(const FloatHistogram& h1, int64_t t1, const FloatHistogram& h2, int64_t t2,
                   int64_t t, bool counter, FloatHistogram& out, Reconciled& rec) {
  if (t == t1) {
    out = h1;
    return true;
  }
  if (t == t2) {
    out = h2;
    return true;
  }
  double fraction = static_cast<double>(t - t1) / static_cast<double>(t2 - t1);
  out = h2;
  if (counter && h2.detect_reset(h1)) {
    out.scale(fraction);  // restarted from zero
    return true;
  }
  bool r = false;
  if (!out.sub(h1, nullptr, &r)) return false;
  rec.sub |= r;
  out.scale(fraction);
  r = false;
  if (!out.add(h1, nullptr, &r)) return false;
  rec.add |= r;
  return true;
}

}  // namespace

HistogramRate histogram_rate(std::span<const Sample> s, int64_t start, int64_t end,
                             int64_t range_ms, bool smoothed, bool counter, bool rate,
                             std::string_view metric) {
  HistogramRate res;
  auto b = bounds(s, start, end, smoothed);
  if (!b) return res;
  bool custom = s[b->first].h()->custom();
  bool not_counter = false;
  for (size_t i = b->first; i <= b->last; ++i) {
    const FloatHistogram* h = s[i].h();
    if (h->custom() != custom) {
      res.warnings.push_back(mixed_schemas(metric));
      return res;
    }
    if (counter && h->hint == CounterResetHint::kGauge) not_counter = true;
  }
  if (not_counter)
    res.warnings.push_back("PromQL warning: this native histogram metric is not a counter: " +
                           go_quote(metric));
  Reconciled rec;
  FloatHistogram left, right;
  bool ok = smoothed && s[b->first].t < start
                ? interpolate_h(*s[b->first].h(), s[b->first].t, *s[b->first + 1].h(),
                                s[b->first + 1].t, start, counter, left, rec)
                : (left = *s[b->first].h(), true);
  if (ok && smoothed && b->last > 0 && s[b->last].t > end) {
    ok = interpolate_h(*s[b->last - 1].h(), s[b->last - 1].t, *s[b->last].h(), s[b->last].t, end,
                       counter, right, rec);
  } else if (ok) {
    right = *s[b->last].h();
  }
  if (!ok) {
    res.warnings.push_back(mixed_schemas(metric));
    return res;
  }
  if (!counter && (left.hint != CounterResetHint::kGauge || right.hint != CounterResetHint::kGauge))
    res.warnings.push_back("PromQL warning: this native histogram metric is not a gauge: " +
                           go_quote(metric));
  FloatHistogram out = right;
  bool r = false;
  if (!out.sub(left, nullptr, &r)) {
    res.warnings.push_back(mixed_schemas(metric));
    return res;
  }
  rec.sub |= r;
  if (counter) {
    // correctForCounterResetsHistogram: the samples strictly between the boundary ones.
    auto first = static_cast<std::ptrdiff_t>(b->first) + 1;
    const FloatHistogram* prev = &left;
    if (smoothed && s[b->first].t < start && s[b->first + 1].h()->detect_reset(*s[b->first].h())) {
      // The left interpolation spanned that reset already.
      prev = s[b->first + 1].h();
      ++first;
    }
    auto last = static_cast<std::ptrdiff_t>(b->last) - 1;
    if (first <= last + 1) {
      std::optional<FloatHistogram> correction;
      auto add = [&](const FloatHistogram& h) {
        if (!correction) {
          correction = h;
          return true;
        }
        bool ra = false;
        bool added = correction->add(h, nullptr, &ra);
        rec.add |= ra;
        return added;
      };
      for (std::ptrdiff_t i = first; i <= last; ++i) {
        const FloatHistogram* h = s[static_cast<size_t>(i)].h();
        if (h->detect_reset(*prev) && !add(*prev)) {
          res.warnings.push_back(mixed_schemas(metric));
          return res;
        }
        prev = h;
      }
      if (right.detect_reset(*prev) && !add(*prev)) {
        res.warnings.push_back(mixed_schemas(metric));
        return res;
      }
      if (correction) {
        bool ra = false;
        if (!out.add(*correction, nullptr, &ra)) {
          res.warnings.push_back(mixed_schemas(metric));
          return res;
        }
        rec.add |= ra;
      }
    }
  }
  if (rate) out.div(seconds(range_ms));
  out.hint = CounterResetHint::kGauge;
  out.compact();
  res.ok = true;
  res.h = std::move(out);
  res.reconciled_sub = rec.sub;
  res.reconciled_add = rec.add;
  return res;
}

std::optional<FloatHistogram> smoothed_histogram(std::span<const Sample> s, int64_t t,
                                                 std::string_view metric,
                                                 std::vector<std::string>& warnings) {
  size_t i = search(s.size(), [&](size_t k) { return s[k].t >= t; });
  if (i < s.size() && s[i].t == t) return *s[i].h();
  if (i == 0) return std::nullopt;  // nothing before t yet
  if (i == s.size()) {
    // No later sample: the last one carries forward, its reset hint no longer meaningful.
    FloatHistogram h = *s[i - 1].h();
    h.hint = CounterResetHint::kUnknown;
    return h;
  }
  const FloatHistogram& prev = *s[i - 1].h();
  const FloatHistogram& next = *s[i].h();
  auto warn_mixed = [&] {
    std::string w = mixed_schemas(metric);
    if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(w);
  };
  if (prev.custom() != next.custom()) {
    warn_mixed();
    return std::nullopt;
  }
  bool counter = prev.hint != CounterResetHint::kGauge || next.hint != CounterResetHint::kGauge;
  FloatHistogram out;
  Reconciled rec;
  if (!interpolate_h(prev, s[i - 1].t, next, s[i].t, t, counter, out, rec)) {
    warn_mixed();
    return std::nullopt;
  }
  return out;
}

}  // namespace caxtool::promql::eval::detail::extended

namespace caxtool::promql::eval::detail {

using namespace extended;

Vector Evaluator::select_smoothed(const VectorSelector& vs, int64_t ts) {
  int64_t t = reference_time(vs.at, vs.offset, ts);
  int64_t lb = opt_.lookback_delta_ms;
  Vector out;
  for (uint32_t idx : matching_series(vs)) {
    const StoredSeries& ss = st_.series[idx];
    std::vector<Sample> s = window(ss, t - lb, t + lb);
    if (s.empty()) continue;
    std::string_view metric = label_value(*ss.labels, "__name__");
    size_t hs = static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](const Sample& x) { return x.h() != nullptr; }));
    if (hs > 0 && hs < s.size()) {
      warn("PromQL warning: encountered a mix of histograms and floats for metric name " +
           go_quote(metric));
      continue;
    }
    if (hs > 0) {
      auto h = smoothed_histogram(s, t, metric, warnings);
      if (h && histograms_allowed()) out.push_back(VSample{ss.labels, 0, ts, &ss, keep(*h)});
      continue;
    }
    size_t i = search(s.size(), [&](size_t k) { return s[k].t >= t; });
    double v;
    if (i < s.size() && s[i].t == t) {
      v = s[i].v;
    } else if (i > 0 && i < s.size()) {
      v = interpolate(s[i - 1], s[i], t, false);
    } else if (i > 0) {
      v = s[i - 1].v;
    } else {
      continue;
    }
    out.push_back(VSample{ss.labels, v, ts, &ss, nullptr});
  }
  return out;
}

}  // namespace caxtool::promql::eval::detail
