// SPDX-License-Identifier: Apache-2.0
// The registry of collector lint checks: names, severities and the explanations that
// `caxtool help check NAME` and `check collector --explain NAME` print.
#include "collector/lint.h"

#include <algorithm>
#include <array>

namespace caxtool::collector {
namespace {

using diag::Severity;

constexpr std::array kLints = {
    LintInfo{kLintBatch, Severity::kWarning, "batch before memory_limiter or a sampler",
             "The batch processor should come after memory_limiter, which must see data first "
             "to refuse it under memory pressure, and after samplers and filters (tail_sampling, "
             "probabilistic_sampler, filter), so that batches hold only what is kept. Batching "
             "first builds batches of data that is then thrown away, and lets a batch of any "
             "size past the memory limiter."},
    LintInfo{kLintDeprecated, Severity::kWarning,
             "a component the chosen collector version still has, but a later one removed",
             "The type is accepted by the collector version given with --collector-version, but "
             "a later release removed it (logging in v0.111.0, the jaeger exporter in v0.85.0, "
             "vendor exporters such as newrelic, dynatrace, sapm), so the config breaks at the "
             "next upgrade. The hint names the replacement. With the newest version the same "
             "types are errors (collector/removed-component)."},
    LintInfo{kLintDuplicate, Severity::kWarning,
             "the same receiver or exporter twice in a pipeline",
             "otelcol rejects a processor listed twice in a pipeline, but quietly keeps a single "
             "node for a receiver or exporter listed twice. The duplicate is a copy-paste slip "
             "that usually hides a missing component."},
    LintInfo{kLintBareEnv, Severity::kWarning, "$NAME without braces: not expanded",
             "Since v0.104 (the confmap.unifyEnvVarExpansion gate) the collector only expands "
             "${env:NAME} and ${NAME}; a bare $NAME stays in the value as written. Write "
             "${env:NAME} for the variable, or $$ for a literal dollar sign."},
    LintInfo{kLintEnvScheme, Severity::kInfo, "${NAME} without the env: scheme",
             "${NAME} works because otelcol's default scheme is env, but ${env:NAME} says what "
             "it is and does not depend on the distribution's default. Current collector "
             "documentation writes ${env:NAME}."},
    LintInfo{kLintSecret, Severity::kWarning, "a literal secret where an ${env:...} belongs",
             "An API key, password or token written into the config ends up in version control, "
             "in ConfigMaps and in `otelcol print-config` output. Put it in an environment "
             "variable (or a secret store provider) and write ${env:NAME}; caxtool generate "
             "writes secrets this way."},
    LintInfo{kLintMemoryLimiter, Severity::kWarning, "memory_limiter missing or not first",
             "memory_limiter must be the first processor of every pipeline: it refuses data "
             "before the collector runs out of memory, and it only protects what has not been "
             "buffered yet. A pipeline without it, or with it after batch or another processor, "
             "can be killed by the OOM killer under a burst, losing everything in flight."},
    LintInfo{kLintPortClash, Severity::kWarning,
             "two listeners on one port, or a port Caxton or Prometheus uses",
             "Each receiver endpoint, the prometheus exporter endpoint and the self-metrics "
             "reader listen on a port. Two of them on one port make the collector fail at "
             "start with 'address already in use'. Caxton's guide also reserves ports: 8080 "
             "(Caxton API), 9090 (Caxton metrics and Prometheus), 9091-9099 (agent metrics) and "
             "7946 (cluster gossip); the collector's conventional ports are 4317/4318 (OTLP), "
             "8888 (self-metrics) and 8889 (prometheus exporter)."},
    LintInfo{kLintRenamed, Severity::kInfo, "a type known by a deprecated alias",
             "v0.144.0 renamed components to lower_snake_case (opentelemetry-collector#14396): "
             "the otlp exporter is otlp_grpc and otlphttp is otlp_http. The old names still "
             "work and log a deprecation warning at start; they will go in a later release. "
             "Keep them while the config must also run on collectors older than v0.144.0."},
    LintInfo{kLintSelfMetrics, Severity::kWarning, "service::telemetry::metrics::address",
             "service::telemetry::metrics::address was deprecated in v0.111.0 and removed in "
             "v0.128.0 (an error from that version on): use readers with a pull prometheus "
             "exporter {host, port}, which is where Prometheus scrapes the collector's own "
             "metrics (job otel-collector in the Caxton guide, port 8888)."},
    LintInfo{kLintSelfMetricsLocal, Severity::kInfo, "self-metrics served on localhost only",
             "A pull reader on localhost or 127.0.0.1 (the default since v0.111.0) can only be "
             "scraped from the same host or pod. That is right when Prometheus runs there; when it "
             "scrapes the collector from another container or host, set host 0.0.0.0 (or the pod "
             "IP)."},
    LintInfo{kLintUnused, Severity::kWarning, "a component defined but used by no pipeline",
             "otelcol accepts components that no pipeline names and does not start them. A "
             "component defined but unused is usually a pipeline someone forgot to edit: the "
             "data it was meant to carry is silently not collected. Extensions count as used "
             "when service::extensions names them."},
};

}  // namespace

std::span<const LintInfo> lint_checks() { return kLints; }

const LintInfo* find_lint(std::string_view name) {
  auto it =
      std::find_if(kLints.begin(), kLints.end(), [&](const LintInfo& l) { return l.name == name; });
  return it == kLints.end() ? nullptr : &*it;
}

}  // namespace caxtool::collector
