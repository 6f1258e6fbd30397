// SPDX-License-Identifier: Apache-2.0
// The rules of one histogram metric's buckets, shared by both formats: le ascending, counts
// never falling, a "+Inf" bucket, and _count equal to it. OpenMetrics makes them errors; in
// Prometheus text expfmt lets them through, so there they are a caxtool lint.
#pragma once

#include <cmath>
#include <string>
#include <string_view>

namespace caxtool::exposition {

class HistogramMetric {
 public:
  void reset() { *this = HistogramMetric(); }
  bool active() const { return active_; }

  // An error message for this bucket line, or "".
  std::string add_bucket(std::string_view le_text, double le, double count) {
    active_ = true;
    std::string problem;
    if (buckets_ > 0 && !(le > last_le_)) {
      problem = "bucket le=\"" + std::string(le_text) + "\" is not above the previous bucket's le";
    } else if (buckets_ > 0 && count < last_count_) {
      problem = "bucket le=\"" + std::string(le_text) + "\" counts fewer observations than the " +
                "bucket before it (buckets are cumulative)";
    }
    if (le_text == "+Inf") {
      has_inf_ = true;
      inf_count_ = count;
    }
    if (le < 0) negative_ = true;
    last_le_ = le;
    last_count_ = count;
    ++buckets_;
    return problem;
  }
  void add_count(double v) {
    active_ = true;
    has_count_ = true;
    count_ = v;
  }
  void add_sum(double v) {
    active_ = true;
    has_sum_ = true;
    sum_ = v;
  }

  // The first problem of the finished metric, or "". `openmetrics` adds that format's rules on
  // _sum and _count; `gauge` is a gaugehistogram (_gsum, _gcount).
  std::string finish(bool openmetrics, bool gauge) const {
    const char* count = gauge ? "_gcount" : "_count";
    const char* sum = gauge ? "_gsum" : "_sum";
    if (!has_inf_) return "histogram has no le=\"+Inf\" bucket";
    if (has_count_ && count_ != inf_count_) {
      return std::string(count) + " is not equal to the le=\"+Inf\" bucket";
    }
    if (!openmetrics) return "";
    if (has_count_ != has_sum_) {
      return std::string(has_count_ ? count : sum) + " without " + (has_count_ ? sum : count);
    }
    if (has_sum_ && !gauge && negative_) return "_sum with negative buckets";
    if (has_sum_ && !negative_ && sum_ < 0) return std::string(sum) + " is negative";
    return "";
  }

 private:
  bool active_ = false;
  int buckets_ = 0;
  double last_le_ = 0;
  double last_count_ = 0;
  bool has_inf_ = false;
  double inf_count_ = 0;
  bool negative_ = false;
  bool has_count_ = false;
  double count_ = 0;
  bool has_sum_ = false;
  double sum_ = 0;
};

}  // namespace caxtool::exposition
