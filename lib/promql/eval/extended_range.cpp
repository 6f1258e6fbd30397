// SPDX-License-Identifier: Apache-2.0
// The extended range selectors of 3.7+ (`anchored`, `smoothed`), as Prometheus's engine.go and
// functions.go evaluate them: the wider windows they read, the functions that accept them
// (anchored: changes, delta, increase, rate, resets; smoothed: delta, increase, rate), rate and
// friends computed from the values at the range's boundaries (extendedRate) rather than
// extrapolated, changes/resets anchored at the last sample at or before the range start, a bare
// range selector padded with boundary points (extendFloats), and a smoothed instant selector
// interpolating between its neighbours (smoothSeries). Kept apart from the plain selectors so
// their hot path does not change.
#include "promql/eval/extended_range.h"

#include <algorithm>

#include "promql/literals.h"

namespace caxtool::promql::eval::detail {

using promql::detail::go_quote;
namespace extended {

std::optional<Bounds> bounds(std::span<const Sample> s, int64_t start, int64_t end, bool smoothed) {
  if (s.empty()) return std::nullopt;
  size_t last = s.size() - 1;
  size_t after = search(last, [&](size_t i) { return s[i].t > start; });
  size_t first = after == 0 ? 0 : after - 1;
  if (smoothed) last = search(last, [&](size_t i) { return s[i].t >= end; });
  if (s[last].t <= start) return std::nullopt;
  if (smoothed && s[first].t > end) return std::nullopt;
  return Bounds{first, last};
}

double interpolate(const Sample& p1, const Sample& p2, int64_t t, bool counter) {
  double y1 = p1.v, y2 = p2.v;
  if (counter && y2 < y1) y1 = 0;
  return y1 + (y2 - y1) * static_cast<double>(t - p1.t) / static_cast<double>(p2.t - p1.t);
}

std::vector<Sample> window(const StoredSeries& ss, int64_t lo, int64_t hi) {
  const auto& s = ss.samples;
  auto end = s.begin() + static_cast<std::ptrdiff_t>(ss.seek_after(hi));
  auto begin = std::partition_point(s.begin(), end, [&](const Sample& x) { return x.t <= lo; });
  std::vector<Sample> out;
  out.reserve(static_cast<size_t>(end - begin));
  for (auto i = begin; i != end; ++i)
    if (!is_stale_nan(i->v)) out.push_back(*i);
  return out;
}

double seconds(int64_t ms) {
  int64_t sec = ms / 1000, nsec = (ms % 1000) * 1000000;
  return static_cast<double>(sec) + static_cast<double>(nsec) / 1e9;
}

namespace {

double pick_left(std::span<const Sample> s, size_t first, int64_t start, bool smoothed,
                 bool counter) {
  if (smoothed && s[first].t < start) return interpolate(s[first], s[first + 1], start, counter);
  return s[first].v;
}

double pick_right(std::span<const Sample> s, size_t last, int64_t end, bool smoothed,
                  bool counter) {
  if (smoothed && last > 0 && s[last].t > end)
    return interpolate(s[last - 1], s[last], end, counter);
  return s[last].v;
}

// extendedRate for floats.
bool float_rate(std::span<const Sample> s, int64_t start, int64_t end, int64_t range_ms,
                bool smoothed, bool counter, bool rate, double& out) {
  auto b = bounds(s, start, end, smoothed);
  if (!b) return false;
  double left = pick_left(s, b->first, start, smoothed, counter);
  double right = pick_right(s, b->last, end, smoothed, counter);
  double result = right - left;
  if (counter) {
    // Only the samples strictly inside the range: the boundaries handled their own resets.
    auto first = static_cast<std::ptrdiff_t>(b->first), last = static_cast<std::ptrdiff_t>(b->last);
    if (s[b->first].t <= start) ++first;
    if (s[b->last].t >= end) --last;
    double correction = 0, prev = left;
    for (std::ptrdiff_t i = first; i <= last; ++i) {
      double v = s[static_cast<size_t>(i)].v;
      if (v < prev) correction += prev;
      prev = v;
    }
    if (right < prev) correction += prev;
    result += correction;
  }
  if (rate) result /= seconds(range_ms);
  out = result;
  return true;
}

bool is_safe(std::string_view fn, bool anchored) {
  if (fn == "rate" || fn == "increase" || fn == "delta") return true;
  return anchored && (fn == "changes" || fn == "resets");
}

}  // namespace
}  // namespace extended

using namespace extended;

namespace {

bool has_histogram(const std::vector<Sample>& s) {
  return std::any_of(s.begin(), s.end(), [](const Sample& x) { return x.h() != nullptr; });
}

}  // namespace

Matrix Evaluator::select_extended(const MatrixSelector& m, int64_t ts, bool pad) {
  const VectorSelector* vs = m.vector_selector();
  int64_t end = reference_time(vs->at, vs->offset, ts);
  int64_t start = end - range_ms(m);
  int64_t lb = opt_.lookback_delta_ms;
  Matrix out;
  for (uint32_t idx : matching_series(*vs)) {
    const StoredSeries& ss = st_.series[idx];
    std::vector<Sample> s = window(ss, start - lb, vs->smoothed ? end + lb : end);
    if (s.empty()) continue;
    if (pad) {
      // extendFloats: the range's own samples between points at its two boundaries.
      if (has_histogram(s))
        fail(std::string(vs->anchored ? "anchored" : "smoothed") +
             " modifier is not supported with histograms");
      auto b = bounds(s, start, end, vs->smoothed);
      if (!b) continue;
      double left = pick_left(s, b->first, start, vs->smoothed, false);
      double right = pick_right(s, b->last, end, vs->smoothed, false);
      size_t first = b->first, last = b->last;
      if (s[first].t <= start) ++first;
      std::vector<Sample> padded{Sample{start, left}};
      bool drop_last = s[last].t >= end;
      for (size_t i = first; i < last + (drop_last ? 0 : 1); ++i) padded.push_back(s[i]);
      padded.push_back(Sample{end, right});
      s = std::move(padded);
    }
    MSeries ms;
    ms.labels = ss.labels;
    ms.origin = &ss;
    ms.own(std::move(s));
    out.push_back(std::move(ms));
  }
  return out;
}

Val Evaluator::eval_extended_range(const Call& c, const MatrixSelector& m, int64_t ts) {
  const VectorSelector* vs = m.vector_selector();
  std::string_view n = c.name;
  if (!is_safe(n, vs->anchored)) {
    fail(vs->anchored ? "anchored modifier can only be used with: changes, delta, increase, "
                        "rate, resets - not with " +
                            std::string(n)
                      : "smoothed modifier can only be used with: delta, increase, rate - not "
                        "with " +
                            std::string(n));
  }
  int64_t end = reference_time(vs->at, vs->offset, ts);
  int64_t range = range_ms(m);
  int64_t start = end - range;
  SampleMark orig = sample_mark();
  Matrix mat = select_extended(m, ts, false);
  // The sample limit as eval_range_function counts it: each series' (wider) window while its
  // output is added, then only the outputs.
  int64_t before = limited() ? accumulated(c) : 0, held = orig.cur + before;
  Vector out;
  bool rates = n == "rate" || n == "increase" || n == "delta";
  for (const MSeries& s : mat) {
    std::span<const Sample> w = s.samples();
    std::string_view metric = label_value(*s.labels, "__name__");
    double r = 0;
    const FloatHistogram* h = nullptr;
    bool has = false;
    if (rates) {
      size_t hs = static_cast<size_t>(
          std::count_if(w.begin(), w.end(), [](const Sample& x) { return x.h() != nullptr; }));
      if (hs > 0 && hs < w.size()) {
        warn("PromQL warning: encountered a mix of histograms and floats for metric name " +
             go_quote(metric));
      } else if (hs > 0) {
        HistogramRate hr = extended::histogram_rate(w, start, end, range, vs->smoothed,
                                                    n != "delta", n == "rate", metric);
        for (auto& x : hr.warnings) warn(std::move(x));
        if (hr.reconciled_sub && !custom_bounds_reconciled(*this, "subtraction")) hr.ok = false;
        if (hr.reconciled_add && !custom_bounds_reconciled(*this, "addition")) hr.ok = false;
        if ((has = hr.ok)) h = keep(std::move(hr.h));
      } else {
        has = float_rate(w, start, end, range, vs->smoothed, n != "delta", n == "rate", r);
      }
    } else if (size_t after = search(w.size(), [&](size_t i) { return w[i].t > start; });
               after < w.size()) {
      // changes, resets: from the anchor (the last sample at or before the range start), when
      // some sample follows the range start.
      RangeArgs a;
      a.ts = ts;
      a.version = opt_.version;
      a.range_end = end;
      a.range_ms = range;
      a.range_start = start;
      a.s = w.subspan(after == 0 ? 0 : after - 1);
      bool any_h =
          std::any_of(a.s.begin(), a.s.end(), [](const Sample& x) { return x.h() != nullptr; });
      has = any_h ? histogram_window(n, a, r, h, metric) : range_function(n, a, r);
    }
    if (limited()) check_samples(held + static_cast<int64_t>(s.size) + (has ? 1 : 0));
    if (!has) continue;
    ++held;
    if (delayed_names()) {
      out.push_back(VSample{s.labels, r, ts, s.origin, h, true});
      continue;
    }
    out.push_back(VSample{s.origin ? s.origin->nameless : drop_name(s.labels), r, ts, s.origin, h});
  }
  if (limited()) {
    int64_t outs = held - orig.cur - before;
    set_samples({orig.cur + accumulate(c, outs), orig.in + outs});
  }
  return Val::of_vector(std::move(out));
}

}  // namespace caxtool::promql::eval::detail
