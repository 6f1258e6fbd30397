// SPDX-License-Identifier: Apache-2.0
// `caxtool check collector`: what `otelcol validate` rejects in an OpenTelemetry Collector
// config, found without the collector binary and with the line and column of each problem,
// then the lint a reviewer would give. The entry point for cli/check_collector.cpp.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "collector/components.h"
#include "diag/diagnostic.h"

namespace caxtool::collector {

struct CheckOptions {
  Version version = kNewestVersion;  // the collector release judged against
  Distribution distribution = Distribution::kContrib;
  std::set<std::string, std::less<>> lints;  // enabled lint checks
  bool profiles_gate = false;                // --feature-gates=service.profilesSupport
};

struct CheckResult {
  diag::Diagnostics diagnostics;
  size_t components = 0;  // defined receivers, processors, exporters, connectors, extensions
  size_t pipelines = 0;
  bool invalid = false;  // otelcol validate would reject the file
};

CheckResult check_collector_text(std::string_view text, const std::string& file,
                                 const CheckOptions& options);

// "0.111" or "v0.111.0" -> {0, 111}.
std::optional<Version> parse_version(std::string_view text);

}  // namespace caxtool::collector
