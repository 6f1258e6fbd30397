// SPDX-License-Identifier: Apache-2.0
// The caxtool/v1 values schema: every key, its type and its range. The defaults and the
// documentation live in templates/values.yaml; a test keeps the two in step.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace caxtool::generate {

enum class ValueType {
  kObject,      // a mapping of further schema keys
  kString,      // any scalar, taken as text
  kApiVersion,  // exactly caxtool/v1
  kHost,        // a DNS name or IP address
  kHostPort,    // host:port
  kPort,        // 1-65535
  kInt,         // an integer in [min, max]
  kNumber,      // a number in (min, max) or [min, max]
  kBool,
  kDuration,  // a Prometheus duration
  kSize,      // a Prometheus byte size
  kEnum,      // one of `choices`, separated by |
  kVersion,   // MAJOR.MINOR
  kUrlPath,   // /...
  kAbsPath,   // /..., a file system path
  kUrl,       // http:// or https://, or empty
  kEnvRef,    // ${env:NAME}
  kMetricName,
  kLabelName,
  kLabelValue,  // any scalar text, used as a label value
  kLabelNames,  // a list of label names
  kLabelMap,    // label name -> label value
  kUid,         // Grafana uid: [a-zA-Z0-9_-]{1,40}
};

struct FieldSpec {
  std::string_view path;
  ValueType type;
  double min = 0;
  double max = 0;
  bool min_exclusive = false;
  bool max_exclusive = false;
  std::string_view choices = {};
};

std::span<const FieldSpec> values_schema();
const FieldSpec* find_field(std::string_view path);
// "a port number (1-65535)": what a value of the field must be, for messages.
std::string describe_type(const FieldSpec& f);

// Labels that make one series per request or conversation; the guide's own advice forbids them.
bool is_forbidden_label(std::string_view name);

}  // namespace caxtool::generate
