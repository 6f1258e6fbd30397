// SPDX-License-Identifier: Apache-2.0
// The Caxton guide's "Debugging Metrics Issues" runbook as data: each step asks the server one
// question and gives ok, warn, fail or skip with a hint. The CLI prints it; a script reads JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/session.h"

namespace caxtool::promapi {

enum class StepStatus { kOk, kWarn, kFail, kSkip };
std::string_view step_status_name(StepStatus s);

struct Step {
  std::string
      name;  // reachable, ready, config, targets, collector, rules, alerts, series, cardinality
  StepStatus status = StepStatus::kOk;
  std::string summary;
  std::vector<std::string> details;  // at most a few lines (offending targets, rules)
  std::string hint;
};

struct DoctorOptions {
  uint64_t max_series = 100000;  // the guide: keep cardinality under 100k series
  std::string collector_job;     // "": otel-collector, opentelemetry-collector, or any :8888 target
  size_t top = 5;                // offenders shown
};

struct DoctorReport {
  std::string engine;
  std::string version;
  std::vector<Step> steps;
  bool failed() const;
};

DoctorReport run_doctor(http::Session& session, const DoctorOptions& options);

}  // namespace caxtool::promapi
