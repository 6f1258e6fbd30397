// SPDX-License-Identifier: Apache-2.0
// The vocabulary shared by the exposition parser and its consumers (check metrics, and later
// cardinality --file/--scrape): formats, metric types, and the sample event a Handler receives.
// Events carry views into the line being parsed, so a consumer that counts series or label
// values never makes the parser build a model of the whole input.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace caxtool::exposition {

enum class Format : uint8_t { kPrometheus, kOpenMetrics };

// kUntyped is Prometheus text's "untyped" and OpenMetrics' "unknown".
enum class MetricType : uint8_t {
  kUntyped,
  kCounter,
  kGauge,
  kHistogram,
  kGaugeHistogram,
  kSummary,
  kInfo,
  kStateset,
};

std::string_view format_name(Format f);
// The keyword a TYPE line of `f` uses for `t`.
std::string_view type_name(MetricType t, Format f);

// Which series of a family a sample line is (the name's suffix as the family's type reads it).
enum class Suffix : uint8_t {
  kNone,
  kTotal,
  kCreated,
  kBucket,
  kCount,
  kSum,
  kGcount,
  kGsum,
  kInfo
};

struct Family {
  std::string name;
  MetricType type = MetricType::kUntyped;
  bool has_type = false;
  bool has_help = false;  // Prometheus text: a non-empty HELP; OpenMetrics: any HELP line
  bool has_unit = false;
  std::string unit;
  uint32_t id = 0;  // dense, in order of first appearance
  int line = 0;     // the first line that named it
};

struct Label {
  std::string_view name;
  std::string_view value;   // unescaped
  int column = 0;           // 1-based byte column of the name
  bool camel_case = false;  // the name has a lower-case letter followed by an upper-case one
};

struct Sample {
  const Family* family = nullptr;
  std::string_view name;  // as written
  Suffix suffix = Suffix::kNone;
  std::span<const Label> labels;
  std::string_view value;  // as written
  // The value converted, when the parser had it for free (a plain decimal); else 0 and false.
  double number = 0;
  bool has_number = false;
  bool has_timestamp = false;
  bool has_exemplar = false;
  int line = 0;
};

// What a consumer implements. Samples arrive in input order; a line with a syntax error
// produces no sample.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void on_sample(const Sample& s) = 0;
};

}  // namespace caxtool::exposition
