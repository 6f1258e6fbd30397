// SPDX-License-Identifier: Apache-2.0
// What the files of the evaluation engine share: the series store's layout, the engine's working
// values (label sets shared by pointer so a selected series is never copied while it flows through
// functions, aggregations and operators) and the Evaluator, whose node kinds are implemented in
// one file per concept (selectors, functions, aggregations, binary operators, subqueries).
#pragma once

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "promql/eval/engine.h"
#include "promql/regex.h"

namespace caxtool::promql::eval {

using LabelsPtr = std::shared_ptr<const Labels>;

struct StoredSeries {
  LabelsPtr labels;
  LabelsPtr nameless;  // `labels` without __name__, shared by every function that drops it
  uint64_t nameless_hash = 0;
  std::vector<Sample> samples;
  // Where the last lookup ended: rules are evaluated at increasing times, so the next lookup
  // gallops a few samples forward from here instead of binary-searching the whole series.
  // (32 bits, beside the flag, keep the record at 72 bytes: a series holds < 50M samples.)
  mutable uint32_t hint = 0;
  bool has_histograms = false;
  // The index of the first sample after `t`.
  size_t seek_after(int64_t t) const;
};

struct Storage::Impl {
  std::vector<StoredSeries> series;
  std::unordered_map<std::string, uint32_t> by_key;  // label set key -> index
  std::unordered_map<std::string, std::vector<uint32_t>> by_name;
  std::vector<uint32_t> all;
  std::vector<std::shared_ptr<const FloatHistogram>> histograms;  // what samples' h point to
  // Selector results (series indices in creation order) by selector text, valid while no series
  // is added: rule evaluation runs the same selectors at every step.
  mutable std::unordered_map<std::string, std::vector<uint32_t>> selections;
};

namespace detail {

// Prometheus's default --query.max-samples.
inline constexpr int64_t kMaxSamples = 50000000;

// A runtime error: the engine unwinds to eval_instant/eval_range, which turn it into
// EvalResult::error. Prometheus does the same with panic/recover in ev.error, and the error
// may come from deep inside an aggregation or a function's argument.
struct EvalError {
  std::string message;
};
[[noreturn]] void fail(std::string message);

// A label-matcher regex compiled once per pattern (and per `.`-matches-newline setting).
const promql::detail::LabelRegex& cached_regex(const std::string& re, bool dot_nl);

// Prometheus's labels.Compare.
int compare_labels(const Labels& a, const Labels& b);
// A key that is equal exactly when the label sets are.
std::string labels_key(const Labels& l);
void append_key(std::string& key, std::string_view name, std::string_view value);
std::string_view label_value(const Labels& l, std::string_view name);
Labels without_name(const Labels& l);
LabelsPtr drop_name(const LabelsPtr& l);
uint64_t hash_labels(const Labels& l);
LabelsPtr make_labels(Labels l);
// limit_ratio's sampling (limit_ratio.cpp): Prometheus's labels.Hash() and whether a series
// with these labels is kept at ratio `r` (already capped to [-1, 1]) in version `v`. Sizes are
// uvarints before 3.5.
uint64_t prometheus_labels_hash(const Labels& l, bool varint_sizes = false);
bool limit_ratio_keeps(double r, const Labels& l, Version v);

// An element of an instant vector: `t` is the sample's own time (what timestamp() returns).
struct VSample {
  LabelsPtr labels;
  double v = 0;
  int64_t t = 0;
  // The stored series the sample was selected from, while `labels` is that series' label set
  // or its name-less copy: dropping the name and hashing then cost nothing.
  const StoredSeries* origin = nullptr;
  const FloatHistogram* h = nullptr;  // a native-histogram sample (then v is 0)
  bool drop = false;  // delayed name removal: `__name__` goes when the query returns
};
// `s.labels` without the metric name.
LabelsPtr nameless(const VSample& s);
// delayed_names.cpp: the end of a query with delayed name removal: the names of the series
// marked in `drop` go, and series whose label sets then coincide merge (an error when two
// have a sample at the same time, as always for an instant vector).
void remove_marked_names(std::vector<Series>& series, const std::vector<char>& drop);
using Vector = std::vector<VSample>;

// A series of a range vector: its samples either point into the store or are owned.
struct MSeries {
  LabelsPtr labels;
  const StoredSeries* origin = nullptr;
  const Sample* data = nullptr;
  size_t size = 0;
  std::vector<Sample> owned;
  bool drop = false;  // as VSample::drop

  MSeries() = default;
  MSeries(MSeries&&) = default;
  MSeries& operator=(MSeries&&) = default;
  MSeries(const MSeries&) = delete;
  std::span<const Sample> samples() const { return {data, size}; }
  void own(std::vector<Sample> s) {
    owned = std::move(s);
    data = owned.data();
    size = owned.size();
  }
};
using Matrix = std::vector<MSeries>;

struct Val {
  ValueType type = ValueType::kNone;
  double scalar = 0;
  std::string str;
  Vector vec;
  Matrix mat;
  static Val of_scalar(double v) {
    Val r;
    r.type = ValueType::kScalar;
    r.scalar = v;
    return r;
  }
  static Val of_vector(Vector v) {
    Val r;
    r.type = ValueType::kVector;
    r.vec = std::move(v);
    return r;
  }
};

struct RangeArgs;

class Evaluator {
 public:
  Evaluator(const Storage::Impl& storage, const EvalOptions& options, int64_t start, int64_t end)
      : st_(storage), opt_(options), start_(start), end_(end) {}

  Val eval(const Expr& e, int64_t ts);
  std::vector<std::string> warnings;

  // Since 3.0 range and lookback windows exclude their left end.
  bool left_open() const { return opt_.version.major >= 3; }
  const EvalOptions& options() const { return opt_; }
  // Whether names are dropped late (EvalOptions::delayed_name_removal).
  bool delayed_names() const { return opt_.delayed_name_removal; }
  // Drops the metric name of `s` at once, or marks it to be dropped at the end.
  void drop_name_of(VSample& s) const {
    if (delayed_names()) {
      s.drop = true;
    } else {
      s.labels = nameless(s);
    }
  }

  // selectors.cpp
  Vector select_vector(const VectorSelector& vs, int64_t ts, bool keep_name = true);
  Matrix select_matrix(const MatrixSelector& ms, int64_t ts);
  Matrix eval_subquery(const Subquery& sq, int64_t ts);
  // The time a selector or subquery reads at: its @, else ts, minus its offset.
  int64_t reference_time(const At& at, const Offset& offset, int64_t ts) const;
  Matrix eval_range_arg(const Expr& e, int64_t ts);
  // extended_range.cpp: `anchored` and `smoothed` selectors (3.7+). select_extended reads the
  // windows they need (padded with boundary points for a bare range selector, `pad`).
  Vector select_smoothed(const VectorSelector& vs, int64_t ts);
  Matrix select_extended(const MatrixSelector& m, int64_t ts, bool pad);
  Val eval_extended_range(const Call& c, const MatrixSelector& m, int64_t ts);

  // functions*.cpp
  Val eval_call(const Call& c, int64_t ts);
  // aggregations.cpp
  Val eval_aggregate(const Aggregate& a, int64_t ts);
  // info_function.cpp: info(), and the time its info series are read at for step `ts`.
  Val eval_info(const Call& c, int64_t ts);
  int64_t info_reference_time(const Expr& arg, int64_t ts) const;
  // binary.cpp
  Val eval_binary(const Binary& b, int64_t ts);

  // An annotation, once (Prometheus's annotations are a set).
  void warn(std::string w) {
    if (std::find(warnings.begin(), warnings.end(), w) == warnings.end())
      warnings.push_back(std::move(w));
  }

  // Whether the node being evaluated reads native-histogram samples: selectors under a node
  // that does not (most functions, binary operators) drop them, as Prometheus's functions
  // ignore histograms. Set per node kind in evaluator.cpp.
  bool histograms_allowed() const { return allow_histograms_; }
  // A computed histogram, owned by the evaluation (and then by its result).
  const FloatHistogram* keep(FloatHistogram h) {
    if (!arena_) arena_ = std::make_shared<std::deque<FloatHistogram>>();
    arena_->push_back(std::move(h));
    return &arena_->back();
  }
  const FloatHistogram* keep_histogram(FloatHistogram h) { return keep(std::move(h)); }
  std::shared_ptr<const void> arena() const { return arena_; }
  // histograms.cpp: the native-histogram functions; false when `c` is none of them.
  bool eval_histogram_call(const Call& c, int64_t ts, Val& out);

  // sample_limit.cpp: EvalOptions::max_samples. `cur_` models Prometheus's ev.currentSamples,
  // `in_` what the current step's evaluated nodes output (the inputs a parent gathers).
  struct SampleMark {
    int64_t cur = 0, in = 0;
  };
  bool limited() const { return opt_.max_samples > 0; }
  SampleMark sample_mark() const { return {cur_, in_}; }
  void set_samples(SampleMark m) {
    cur_ = m.cur;
    in_ = m.in;
  }
  // Fails with ErrTooManySamples when `n` samples would be in memory.
  void check_samples(int64_t n) const;
  // What node `e` holds after outputting `out` more samples: `out` itself, or, inside a
  // subquery or range query, its outputs of every step so far.
  int64_t accumulate(const Expr& e, int64_t out);
  int64_t accumulated(const Expr& e) const;
  // A node Prometheus evaluates through rangeEval (functions without a range argument,
  // aggregations, binary operators, literals): children's samples, their points gathered
  // again as the step's inputs, then the output; afterwards only the output stays.
  void count_range_eval(const Expr& e, SampleMark m, int64_t out, bool gathers_inputs = true);
  // A selector's `n` samples (a vector selector's, accumulated over steps).
  void count_selected(const Expr& e, SampleMark m, int64_t n, bool accumulates = true);
  // Node outputs per step, while a subquery or range query evaluates its steps.
  using SampleAccumulator = std::unordered_map<const Expr*, int64_t>;
  SampleAccumulator* swap_accumulator(SampleAccumulator* a) {
    std::swap(a, acc_);
    return a;
  }

  // durations.cpp: a duration expression in milliseconds; the query step for step().
  int64_t duration_ms(const Expr& e, bool allow_negative) const;
  void set_step(int64_t step_ms) { step_ = step_ms; }
  int64_t range_ms(const MatrixSelector& m) const {
    return m.range_expr ? duration_ms(*m.range_expr, false) : m.range_ns / 1000000;
  }

 private:
  const std::vector<uint32_t>& matching_series(const VectorSelector& vs);
  Val eval_range_function(const Call& c, int64_t ts);
  // A range function of a window holding histograms: false when it has no result.
  // (Annotations name `metric`.)
  bool histogram_window(std::string_view n, RangeArgs& a, double& r, const FloatHistogram*& h,
                        std::string_view metric);
  Val eval_label_function(const Call& c, int64_t ts);

  const Storage::Impl& st_;
  const EvalOptions& opt_;
  int64_t start_, end_;
  int64_t step_ = 0;
  int64_t cur_ = 0, in_ = 0;
  SampleAccumulator* acc_ = nullptr;
  bool allow_histograms_ = true;
  std::shared_ptr<std::deque<FloatHistogram>> arena_;
  friend class HistogramScope;
};

// Sets whether the children of a node read histograms, restored when the node is done.
class HistogramScope {
 public:
  HistogramScope(Evaluator& ev, bool allow) : ev_(ev), saved_(ev.allow_histograms_) {
    ev.allow_histograms_ = allow;
  }
  ~HistogramScope() { ev_.allow_histograms_ = saved_; }
  HistogramScope(const HistogramScope&) = delete;
  HistogramScope& operator=(const HistogramScope&) = delete;

 private:
  Evaluator& ev_;
  bool saved_;
};
// Whether node `e` reads native-histogram samples of its arguments.
bool takes_histograms(const Expr& e);

// Range functions (functions_range.cpp): the value for one series of a range vector, or
// nothing. `range_start`/`range_end` bound the window (for rate's extrapolation).
struct RangeArgs {
  std::span<const Sample> s;
  int64_t range_start = 0, range_end = 0, range_ms = 0;
  double p1 = 0, p2 = 0;  // scalar parameters (quantile, predict_linear's t, holt-winters)
  int64_t ts = 0;         // evaluation time
  Version version;
};
bool range_function(std::string_view name, const RangeArgs& a, double& out);
// rate's extrapolation of `result` over the window (the first sample's value `first` bounds a
// counter's extrapolation at its zero point), as a factor.
double extrapolation_factor(const RangeArgs& a, bool is_counter, bool is_rate, double first,
                            double result);
// histogram_functions.cpp: rate, increase or delta of a window of histogram samples; false
// (nothing) for a window mixing floats and histograms or incompatible layouts.
// `reconciled` gets kReconciledSub / kReconciledAdd when custom bounds were reconciled (3.8+).
constexpr unsigned kReconciledSub = 1, kReconciledAdd = 2, kReconciledAgg = 4;
bool histogram_rate(const RangeArgs& a, bool is_counter, bool is_rate, FloatHistogram& out,
                    unsigned* reconciled = nullptr);
// After histograms with different custom bounds were combined by `operation` ("addition",
// "subtraction", "aggregation"): 3.8+ keeps the result with an info annotation, earlier
// versions drop it with a warning (false).
bool custom_bounds_reconciled(Evaluator& ev, const char* operation);
// histogram_range.cpp: changes, resets, irate, idelta, sum_over_time and avg_over_time of a
// window holding histograms: a float in `out`, a histogram in `hout`, no result (kMixed: floats
// and histograms mixed, which Prometheus warns about), or kNotHandled for any other function
// (which ignores the histograms). `reconciled` as histogram_rate's.
enum class WindowResult { kNotHandled, kNone, kMixed, kFloat, kHistogram };
WindowResult histogram_window_function(std::string_view name, std::span<const Sample> s,
                                       double& out, FloatHistogram& hout, unsigned* reconciled);
bool is_range_function(std::string_view name);
// `e` without enclosing parentheses.
const Expr* unwrap(const Expr* e);

// histogram_binop.cpp: an operation with a native histogram on either side, as Prometheus's
// vectorElemBinop: h*f, f*h, h/f, h+h and h-h (a gauge) compute a histogram, h </ f and h >/ f trim
// it, h==h and h!=h compare (the result is the left histogram itself); any other pairing (a
// comparison with a float, f/h, h+f, h*h, ^, %, atan2) has no result, not even under `bool`.
struct HistogramResult {
  bool drop = true;
  bool incompatible = false;             // dropped for the sample types (an info annotation)
  bool reconciled = false;               // + or - reduced differing custom bounds (3.8+)
  bool keep = true;                      // a comparison's outcome
  const FloatHistogram* same = nullptr;  // the result when it is an input
  FloatHistogram computed;
};
void histogram_binop(Tok op, const FloatHistogram* lh, double lv, const FloatHistogram* rh,
                     double rv, HistogramResult& r);
// Prometheus's info annotation for a pairing of sample types an operator has no result for.
std::string incompatible_types(Tok op, bool lh, bool rh);

// Statistics shared by functions and aggregations.
double bucket_quantile(double q, std::vector<std::pair<double, double>>& buckets,
                       bool& forced_monotonic);
double quantile_of(double q, std::vector<double>& values);
// histogram_functions.cpp: histogram_quantile of a native histogram; 3.x walks from the top
// for q >= 0.5 (`reverse_allowed`), earlier versions always from the bottom.
double native_quantile(double q, const FloatHistogram& h, bool reverse_allowed);
// classic_fraction.cpp: histogram_fraction of classic buckets ((upper bound, cumulative count)
// pairs), and of each group of `le` series in `in` whose key is not in `skip` (3.4+).
double bucket_fraction(double lower, double upper, std::vector<std::pair<double, double>> b);
// With `delayed` (delayed name removal) the groups keep their names, marked to be dropped.
void classic_fractions(double lower, double upper, const Vector& in,
                       const std::unordered_set<std::string>& skip, int64_t ts, Vector& out,
                       bool delayed = false);
// The labels of a classic bucket series without `le`: its histogram's key.
std::string bucket_group_key(const Labels& l);
double kahan_inc(double inc, double sum, double& c);
// go_math.cpp: Go's own atan and atan2 (libm rounds differently).
double go_atan(double x);
double go_atan2(double y, double x);
// go_exp_log.cpp: Go's math.Exp, Log, Log2 and Log10 as they compute on amd64.
double go_exp(double x);
double go_log(double x);
double go_log2(double x);
double go_log10(double x);
// go_math.cpp, go_trig.cpp: Go's pure-Go (Cephes) functions, which amd64 also uses.
double go_satan(double x);  // atan for x >= 0
double go_sin(double x);
double go_cos(double x);
double go_tan(double x);
double go_asin(double x);
double go_acos(double x);
double go_sinh(double x);
double go_cosh(double x);
double go_tanh(double x);
double go_log1p(double x);
double go_asinh(double x);
double go_acosh(double x);
double go_atanh(double x);

// The mean as 3.x computes it for avg and avg_over_time: a Kahan sum, switching to an
// incremental mean when the sum would overflow.
class KahanMean {
 public:
  void add(double v);
  double result() const;

 private:
  double sum_ = 0, c_ = 0, mean_ = 0, count_ = 0;
  bool incremental_ = false;
};

}  // namespace detail
}  // namespace caxtool::promql::eval
