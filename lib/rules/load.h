// SPDX-License-Identifier: Apache-2.0
// Turns the YAML of a rule group into the rule model, reporting what Prometheus's strict loader
// (yaml.v3 with KnownFields) rejects: unknown keys, wrong types, bad durations.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "promql/version.h"
#include "rules/rule_file.h"
#include "yaml/node.h"

namespace caxtool::rules {

struct LoadContext {
  std::string file;
  promql::Version version;
  bool prometheus_rule = false;  // a Kubernetes PrometheusRule: a few more keys are allowed
};

// Converts one item of `groups`. Shape errors go to `diags`; what could be read is returned.
Group load_group(const yaml::Node& node, const LoadContext& ctx, diag::Diagnostics& diags);

}  // namespace caxtool::rules
