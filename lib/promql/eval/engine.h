// SPDX-License-Identifier: Apache-2.0
// The PromQL evaluation engine over an in-memory series store: what `caxtool test rules` runs
// alerting and recording rules and promql_expr_test expressions with. It evaluates the AST of
// promql/parser.h as Prometheus's promql.Engine does (lookback delta, staleness, offset and @,
// subqueries, every function and aggregation of the chosen version, vector matching), and its
// answers are values, never exceptions: a runtime error (many-to-many matching, a duplicate
// series after a function drops the name, ...) comes back as `EvalResult::error`.
//
// This header is the contract between the engine (lib/promql/eval/) and its users
// (lib/ruletest/); it may grow, but its names stay.
//
// A Storage remembers where lookups ended and caches selections, so evaluations against one
// Storage must not run concurrently; separate Storages may be used from separate threads.
#pragma once

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "promql/ast.h"
#include "promql/eval/float_histogram.h"
#include "promql/version.h"

namespace caxtool::promql::eval {

// A label set, sorted by name, `__name__` included when the series has one. Names are unique.
using Labels = std::vector<std::pair<std::string, std::string>>;

// Prometheus's staleness marker: a NaN with this exact bit pattern (value.StaleNaN).
inline constexpr uint64_t kStaleNaNBits = 0x7ff0000000000002ULL;
double stale_nan();
bool is_stale_nan(double v);

// A float sample, or a native-histogram sample. A histogram sample keeps 16 bytes: its `v` is
// a signalling NaN (sign set, tag 0x4 in the top payload bits) carrying the histogram's
// address; any arithmetic on it yields a quiet NaN, which is no histogram. Use value() for the
// float (0 for a histogram, as Prometheus's promql.Sample.F) and h() for the histogram.
// Histograms are immutable and owned by the Storage, or by a result (Value::histograms).
struct Sample {
  static constexpr uint64_t kTagMask = 0xFFFF000000000000ULL;
  static constexpr uint64_t kTag = 0xFFF4000000000000ULL;

  int64_t t = 0;  // milliseconds since the epoch
  double v = 0;

  const FloatHistogram* h() const {
    uint64_t bits = std::bit_cast<uint64_t>(v);
    if ((bits & kTagMask) != kTag) return nullptr;
    return reinterpret_cast<const FloatHistogram*>(static_cast<uintptr_t>(bits & ~kTagMask));
  }
  double value() const { return h() ? 0 : v; }
  // A sample holding `h` (or the float `v` when `h` is null).
  static Sample of(int64_t t, double v, const FloatHistogram* h) {
    if (!h) return Sample{t, v};
    auto address = reinterpret_cast<uintptr_t>(h);
    if ((address & kTagMask) != 0) std::abort();  // user-space addresses fit 48 bits
    return Sample{t, std::bit_cast<double>(kTag | address)};
  }
};

// The series of a test (or of recording rules written back while a test runs). Samples of one
// series are appended in time order; appending to an existing label set extends that series.
class Storage {
 public:
  Storage();
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  // `labels` need not be sorted; they are sorted here. A sample at a timestamp not after the
  // series' last one replaces nothing and is ignored (Prometheus's out-of-order rejection).
  void append(Labels labels, int64_t t, double v);
  void append(Labels labels, std::vector<Sample> samples);
  // A native-histogram sample; the Storage keeps `h` alive.
  void append(Labels labels, int64_t t, std::shared_ptr<const FloatHistogram> h);
  // Samples whose histograms are among `keep`, which the Storage then holds.
  void append(Labels labels, std::vector<Sample> samples,
              std::vector<std::shared_ptr<const FloatHistogram>> keep);

  size_t series_count() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct Series {
  Labels labels;
  std::vector<Sample> samples;  // one sample for an instant vector element
};

struct Value {
  ValueType type = ValueType::kNone;  // kScalar, kVector, kMatrix or kString
  double scalar = 0;                  // kScalar
  int64_t scalar_t = 0;               // the evaluation time of a scalar
  std::string string;                 // kString
  std::vector<Series> series;         // kVector: each with one sample; kMatrix: many
  // Owns the histograms the evaluation computed (stored ones stay the Storage's).
  std::shared_ptr<const void> histograms;
};

struct EvalOptions {
  Version version = newest_version();
  int64_t lookback_delta_ms = 5 * 60 * 1000;  // --query.lookback-delta
  // The evaluation interval a subquery without a step uses (the rule group's interval).
  int64_t default_step_ms = 60 * 1000;
  bool enable_experimental_functions = false;  // promql-experimental-functions
  // promql-delayed-name-removal (Prometheus 2.55+): operations that drop `__name__` only mark
  // their samples, and the marked names go when the query returns (label_replace and
  // label_join can still read or keep them, `by (__name__)` still sees them).
  bool delayed_name_removal = false;
  // Prometheus's EngineOpts.MaxSamples: the most samples a query may hold in memory at once,
  // counted as Prometheus's evaluator counts them (ev.currentSamples); 0 = no such limit.
  // promtool's rule tests run with 10000 (promql.LazyLoader).
  int64_t max_samples = 0;
};

struct EvalResult {
  Value value;
  std::optional<std::string> error;  // Prometheus's message when evaluation fails
  std::vector<std::string>
      warnings;  // annotations, e.g. "PromQL info: metric might not be a counter"
  bool ok() const { return !error.has_value(); }
};

// An instant query at `t` (ms). The expression must have passed the type checker.
EvalResult eval_instant(const Expr& expr, int64_t t, const Storage& storage,
                        const EvalOptions& options = {});

// A range query from `start` to `end` inclusive every `step` ms: a matrix (or an error).
EvalResult eval_range(const Expr& expr, int64_t start, int64_t end, int64_t step,
                      const Storage& storage, const EvalOptions& options = {});

// Prometheus's formatting of a sample value, as promtool prints it in test failures
// (strconv.FormatFloat(v, 'g', -1, 64) with Prometheus's +Inf/-Inf/NaN spellings).
std::string format_value(double v);

// `{__name__="x", a="b"}` as promtool prints a label set (labels.Labels.String()).
std::string format_labels(const Labels& labels);

}  // namespace caxtool::promql::eval
