// SPDX-License-Identifier: Apache-2.0
// The in-memory series store: one sorted vector of samples per series, an index by metric name
// (nearly every selector names its metric), series kept in creation order, which is the order
// Prometheus's TSDB head hands them to the engine.
#include <algorithm>
#include <cstring>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval {

double stale_nan() {
  double v;
  std::memcpy(&v, &kStaleNaNBits, sizeof v);
  return v;
}

bool is_stale_nan(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits == kStaleNaNBits;
}

Storage::Storage() : impl_(std::make_unique<Impl>()) {}
Storage::~Storage() = default;

size_t Storage::series_count() const { return impl_->series.size(); }

void Storage::append(Labels labels, int64_t t, double v) {
  append(std::move(labels), std::vector<Sample>{Sample{t, v}});
}

void Storage::append(Labels labels, int64_t t, std::shared_ptr<const FloatHistogram> h) {
  const FloatHistogram* raw = h.get();
  append(std::move(labels), std::vector<Sample>{Sample::of(t, 0, raw)}, {std::move(h)});
}

void Storage::append(Labels labels, std::vector<Sample> samples,
                     std::vector<std::shared_ptr<const FloatHistogram>> keep) {
  for (auto& h : keep) impl_->histograms.push_back(std::move(h));
  append(std::move(labels), std::move(samples));
}

void Storage::append(Labels labels, std::vector<Sample> samples) {
  std::sort(labels.begin(), labels.end());
  std::string key = detail::labels_key(labels);
  auto [it, inserted] = impl_->by_key.try_emplace(std::move(key), 0);
  if (inserted) {
    it->second = static_cast<uint32_t>(impl_->series.size());
    StoredSeries s;
    std::string name(detail::label_value(labels, "__name__"));
    s.labels = std::make_shared<const Labels>(std::move(labels));
    s.nameless = detail::drop_name(s.labels);
    s.nameless_hash = detail::hash_labels(*s.nameless);
    impl_->series.push_back(std::move(s));
    impl_->selections.clear();
    impl_->by_name[name].push_back(it->second);
    impl_->all.push_back(it->second);
  }
  StoredSeries& series = impl_->series[it->second];
  auto& dst = series.samples;
  for (const Sample& s : samples) {
    if (!dst.empty() && s.t <= dst.back().t) continue;
    dst.push_back(s);
    const FloatHistogram* sh = s.h();
    if (!sh) continue;
    series.has_histograms = true;
    // The counter-reset hint the TSDB hands back: after a histogram of the same chunk, a
    // reset (detected, or given) starts a chunk marked CounterReset, anything else reads as
    // NotCounterReset; gauges stay gauges, and the first histogram keeps its own hint.
    const Sample* prev = dst.size() >= 2 ? &dst[dst.size() - 2] : nullptr;
    const FloatHistogram* ph = prev ? prev->h() : nullptr;
    if (!ph || ph->hint == CounterResetHint::kGauge || sh->hint == CounterResetHint::kGauge)
      continue;
    // Changed custom bounds start a chunk whose first histogram reads back unknown (3.1+):
    // the reader's DetectReset decides, comparing the buckets both bounds have.
    bool new_bounds = sh->custom() && ph->custom() && sh->custom_values != ph->custom_values;
    CounterResetHint hint = new_bounds ? CounterResetHint::kUnknown
                            : sh->hint == CounterResetHint::kReset || sh->detect_reset(*ph)
                                ? CounterResetHint::kReset
                                : CounterResetHint::kNotReset;
    if (hint == sh->hint) continue;
    auto copy = std::make_shared<FloatHistogram>(*sh);
    copy->hint = hint;
    dst.back() = Sample::of(s.t, 0, copy.get());
    impl_->histograms.push_back(std::move(copy));
  }
}

size_t StoredSeries::seek_after(int64_t t) const {
  const size_t n = samples.size();
  size_t lo = 0, hi = n;
  size_t h = std::min<size_t>(hint, n);
  auto after = [&](size_t i) { return samples[i].t > t; };
  if (h > 0 && after(h - 1)) {
    // Gallop backwards.
    size_t step = 1;
    hi = h - 1;
    while (hi >= step && after(hi - step)) step *= 2;
    lo = hi >= step ? hi - step + 1 : 0;
  } else {
    size_t step = 1;
    lo = h;
    while (lo + step - 1 < n && !after(lo + step - 1)) step *= 2;
    hi = std::min(n, lo + step - 1);
  }
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (after(mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  hint = static_cast<uint32_t>(lo);
  return lo;
}

namespace detail {

void fail(std::string message) { throw EvalError{std::move(message)}; }

int compare_labels(const Labels& a, const Labels& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = a[i].first.compare(b[i].first); c != 0) return c < 0 ? -1 : 1;
    if (int c = a[i].second.compare(b[i].second); c != 0) return c < 0 ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

void append_key(std::string& key, std::string_view name, std::string_view value) {
  key.append(name);
  key.push_back('\xff');
  key.append(value);
  key.push_back('\xfe');
}

std::string labels_key(const Labels& l) {
  std::string key;
  for (const auto& [n, v] : l) append_key(key, n, v);
  return key;
}

std::string_view label_value(const Labels& l, std::string_view name) {
  for (const auto& [n, v] : l)
    if (n == name) return v;
  return {};
}

Labels without_name(const Labels& l) {
  Labels out;
  out.reserve(l.size());
  for (const auto& p : l)
    if (p.first != "__name__") out.push_back(p);
  return out;
}

LabelsPtr drop_name(const LabelsPtr& l) {
  if (label_value(*l, "__name__").empty()) return l;
  return std::make_shared<const Labels>(without_name(*l));
}

LabelsPtr nameless(const VSample& s) {
  if (s.origin && s.labels == s.origin->labels) return s.origin->nameless;
  return drop_name(s.labels);
}

uint64_t hash_labels(const Labels& l) {
  uint64_t h = 14695981039346656037ULL;  // FNV-1a over names and values with separators
  auto mix = [&](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  };
  for (const auto& [n, v] : l) {
    mix(n);
    mix(v);
  }
  return h;
}

LabelsPtr make_labels(Labels l) { return std::make_shared<const Labels>(std::move(l)); }

}  // namespace detail
}  // namespace caxtool::promql::eval
