// SPDX-License-Identifier: Apache-2.0
// The model of a promtool rule unit-test file (`promtool test rules`), read from YAML with the
// position of every value, so a bad file is refused as promtool refuses it (yaml.v2's strict
// decoding: unknown fields, wrong types, bad durations) but with file:line:col.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "promql/version.h"
#include "yaml/node.h"

namespace caxtool::ruletest {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

struct InputSeries {
  std::string series, values;
  yaml::Mark series_mark, values_mark;
  yaml::Style values_style = yaml::Style::kPlain;
};

struct ExpAlert {
  StringPairs labels, annotations;  // as written; sorted by the runner
};

struct AlertTest {
  int64_t eval_time_ms = 0;
  std::string alertname;
  std::vector<ExpAlert> exp_alerts;
  yaml::Mark mark;
};

struct ExpSample {
  std::string labels;
  double value = 0;
  std::string histogram;  // `histogram:` (2.48+): the notation of one native histogram
  yaml::Mark mark, labels_mark;
};

struct ExprTest {
  std::string expr;
  int64_t eval_time_ms = 0;
  std::vector<ExpSample> exp_samples;
  yaml::Mark mark, expr_mark;
};

struct TestGroup {
  int64_t interval_ms = 0;  // 0: the file's evaluation_interval
  std::vector<InputSeries> input_series;
  std::vector<AlertTest> alert_tests;
  std::vector<ExprTest> expr_tests;
  StringPairs external_labels;
  std::string external_url;
  std::string name;
  yaml::Mark mark;
};

struct TestFile {
  std::vector<std::string> rule_files;  // as written, relative to the test file
  std::vector<yaml::Mark> rule_file_marks;
  int64_t evaluation_interval_ms = 60'000;
  std::vector<std::string> group_eval_order;
  std::vector<TestGroup> tests;
};

struct LoadResult {
  TestFile file;
  diag::Diagnostics diagnostics;  // errors: the file is refused
  std::string go_error;           // promtool's one message for the refusal
  bool ok() const { return !diagnostics.has_at_least(diag::Severity::kError); }
};

// Reads a test file. `version` decides which keys exist (`histogram` in exp_samples: 2.48+).
LoadResult load_test_file(std::string_view text, const std::string& file, promql::Version version);

}  // namespace caxtool::ruletest
