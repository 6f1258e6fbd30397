// SPDX-License-Identifier: Apache-2.0
// Cardinality of a live server: from its TSDB status (Prometheus, Thanos, VictoriaMetrics) or
// Mimir's cardinality API, or, for a selector, from a streaming read of its series; then one
// more streamed pass per offender to measure exactly what each suggested fix would remove.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <variant>

#include "cardinality/measure.h"
#include "cardinality/report.h"
#include "http/session.h"
#include "promapi/api.h"

namespace caxtool::cardinality {

struct LiveOptions {
  std::string selector;  // "": the server's own statistics
  size_t top = 10;
  Budgets budgets;
  size_t max_fixes = 10;  // offenders measured for a fix, largest first
  // Called every few thousand series read, with the count so far (for a progress line).
  std::function<void(uint64_t)> progress;
};

std::variant<Report, promapi::ApiError> analyze_server(http::Session& session,
                                                       const LiveOptions& options);

// For every label of the series matching `selector` (or only `only_label`): its distinct values
// and how many distinct series would remain without it.
std::variant<DropEffect, promapi::ApiError> measure_drops(http::Session& session,
                                                          const std::string& selector,
                                                          const std::string& only_label = {});

// `selector` with one more matcher: `{job="x"}` + `a=~".+"` -> `{job="x",a=~".+"}`.
std::string with_matcher(const std::string& selector, const std::string& matcher);
// A PromQL string literal.
std::string promql_quote(std::string_view s);

}  // namespace caxtool::cardinality
