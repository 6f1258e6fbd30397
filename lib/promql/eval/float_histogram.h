// SPDX-License-Identifier: Apache-2.0
// A native histogram sample as PromQL evaluates it (Prometheus's histogram.FloatHistogram):
// exponential buckets of a schema around a zero bucket, or custom bounds (schema -53). Each side
// is held densely: bucket `offset + i` has count `buckets[i]`, which is what Prometheus's spans
// describe once compacted, and what the test notation (`{{schema:0 buckets:[1 2] offset:1}}`)
// and promtool's failure output (FloatHistogram.TestExpression) write.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace caxtool::promql::eval {

enum class CounterResetHint : uint8_t { kUnknown, kReset, kNotReset, kGauge };

struct FloatHistogram {
  static constexpr int32_t kCustomBucketsSchema = -53;

  struct Side {
    int32_t offset = 0;           // the index of buckets[0]
    std::vector<double> buckets;  // dense counts, absent indices are 0
  };
  struct Bucket {
    double lower = 0, upper = 0, count = 0;
  };

  int32_t schema = 0;
  double zero_threshold = 0;
  double zero_count = 0;
  double count = 0;
  double sum = 0;
  Side positive, negative;
  std::vector<double> custom_values;  // schema -53's upper bounds
  CounterResetHint hint = CounterResetHint::kUnknown;

  bool custom() const { return schema == kCustomBucketsSchema; }
  // Prometheus's getBound: the upper bound of bucket `idx` (its lower is idx - 1's).
  double bound(int32_t idx) const;
  // Every populated-or-not bucket from the most negative upward, the zero bucket (when it
  // counts anything) between the sides, as FloatHistogram.AllBucketIterator yields them.
  std::vector<Bucket> all_buckets() const;

  // Add and Sub as Prometheus's: schemas reduced to the lower one, zero buckets reconciled to
  // the larger threshold, the counter-reset hints combined; differing custom bounds reduced to
  // those both have, with `reconciled` set (3.8+; before, callers drop the result). False with
  // `error` when only one side has custom buckets.
  bool add(const FloatHistogram& o, std::string* error = nullptr, bool* reconciled = nullptr);
  bool sub(const FloatHistogram& o, std::string* error = nullptr, bool* reconciled = nullptr);
  // Mul and Div; a negative factor makes a gauge, division by zero drops the buckets.
  void scale(double factor);
  void div(double d);

  // TrimBuckets (histogram_trim.cpp): the observations above `x` removed (`upper`, `</`), or
  // those below it (`>/`), count and sum re-estimated from the kept buckets.
  void trim_buckets(double x, bool upper);
  // Buckets merged into those of a coarser schema (CopyToSchema); no-op for finer or custom.
  void reduce_schema(int32_t target);
  // The zero count once the threshold grows to `threshold` (itself widened to the upper bound
  // of a populated bucket it would cut), as zeroCountForLargerThreshold.
  double zero_count_for_threshold(double& threshold) const;
  // The zero bucket grown to `threshold`, the buckets it covers emptied.
  void widen_zero_bucket(double threshold);
  // Leading and trailing empty buckets dropped (Compact(MaxInt)).
  void compact();
  // FloatHistogram.String(): `{count:20, sum:10, [-2,-1):2, [-0.001,0.001]:2, (1,2]:2}`.
  std::string to_string() const;
  // The notation form promtool prints: FloatHistogram.TestExpression.
  std::string test_expression() const;
  // Prometheus's Equals: every field bit for bit, the buckets as compacted (histogram_binop.cpp).
  bool equals(const FloatHistogram& o) const;
  // Whether `this` (the later sample) is a counter reset against `prev` (DetectReset; differing
  // custom bounds compare the buckets on the bounds both have, as 3.8+ does).
  bool detect_reset(const FloatHistogram& prev) const;
  // The hint of a sum of histograms with hints `a` and `b` (adjustCounterReset).
  static CounterResetHint combined_hint(CounterResetHint a, CounterResetHint b);

 private:
  bool combine(const FloatHistogram& o, double sign, std::string* error, bool* reconciled);
};

// sum (`mean` false) or avg of histograms as 3.x aggregates them: one layout (the smallest
// schema, the largest zero bucket), each field summed with Kahan compensation; the mean divides
// the sum, or is incremental when the sum overflows. Custom bounds that differ are reduced to
// those all inputs have, `reconciled` then set (3.8+). False when bucket kinds differ.
bool aggregate_histograms(const std::vector<const FloatHistogram*>& in, bool mean,
                          FloatHistogram& out, bool* reconciled = nullptr);

}  // namespace caxtool::promql::eval
