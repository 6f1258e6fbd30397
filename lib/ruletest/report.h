// SPDX-License-Identifier: Apache-2.0
// promtool's texts for test failures (labels.Labels.String, FormatFloat 'E', the indented alert
// lists) and the three reports of `caxtool test rules`: promtool's text, JSON, and JUnit XML as
// promtool 2.55+ writes it (a testsuite per file, a testcase per test group).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "promql/eval/engine.h"
#include "ruletest/runner.h"

namespace caxtool::ruletest {

struct AlertText {
  promql::eval::Labels labels, annotations;
  bool operator==(const AlertText&) const = default;
};

struct SampleText {
  promql::eval::Labels labels;
  double value = 0;
  std::string histogram;  // a native histogram's TestExpression, else empty
};

void sort_alerts(std::vector<AlertText>& alerts);
void sort_samples(std::vector<SampleText>& samples);
// reflect.DeepEqual: NaN equals nothing, not even NaN.
bool samples_equal(const std::vector<SampleText>& a, const std::vector<SampleText>& b);

std::string alert_failure(const std::string& group_name, const std::string& alertname,
                          const std::string& time, const std::vector<AlertText>& exp,
                          const std::vector<AlertText>& got);
std::string samples_text(const std::vector<SampleText>& samples);

// time.Duration.String (from ms) and FormatFloat(v, 'E', -1, 64).
std::string go_duration(int64_t ms);
std::string format_float_e(double v);

// The whole run as promtool prints it: stdout and stderr parts.
struct TextReport {
  std::string out, err;
};
TextReport text_report(const std::vector<FileOutcome>& files);
std::string json_report(const std::vector<FileOutcome>& files);
std::string junit_report(const std::vector<FileOutcome>& files, const std::string& timestamp);

}  // namespace caxtool::ruletest
