// SPDX-License-Identifier: Apache-2.0
// One flat table: a path per key, so the unknown-key check, `--set` and the docs test can all
// look a key up the same way. Objects are listed too, so their children can be enumerated.
#include "generate/values_schema.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

#include "util/labels.h"

namespace caxtool::generate {
namespace {

using T = ValueType;

// Rule unit tests hold a sample per minute for `for`; a week is already 10k samples a series.
constexpr double kOneWeekMs = 7.0 * 24 * 3600 * 1000;

// Kept in the order of templates/values.yaml.
constexpr std::array kSchema = std::to_array<FieldSpec>({
    {"apiVersion", T::kApiVersion},
    {"identity", T::kObject},
    {"identity.service", T::kLabelValue},
    {"identity.environment", T::kLabelValue},
    {"identity.version", T::kString},
    {"identity.externalLabels", T::kLabelMap},
    {"targets", T::kObject},
    {"targets.scheme", T::kEnum, 0, 0, false, false, "http|https"},
    {"targets.metricsPath", T::kUrlPath},
    {"targets.orchestrator", T::kObject},
    {"targets.orchestrator.host", T::kHost},
    {"targets.orchestrator.port", T::kPort},
    {"targets.agents", T::kObject},
    {"targets.agents.host", T::kHost},
    {"targets.agents.portFrom", T::kPort},
    {"targets.agents.portTo", T::kPort},
    {"scrape", T::kObject},
    {"scrape.interval", T::kDuration, 1000},
    {"scrape.timeout", T::kDuration, 1000},
    {"scrape.evaluationInterval", T::kDuration, 1000},
    {"prometheus", T::kObject},
    {"prometheus.version", T::kVersion},
    {"prometheus.host", T::kHost},
    {"prometheus.listenPort", T::kPort},
    {"prometheus.tsdbPath", T::kAbsPath},
    {"retention", T::kObject},
    {"retention.time", T::kDuration, 0},
    {"retention.size", T::kSize},
    {"alertmanager", T::kObject},
    {"alertmanager.host", T::kHost},
    {"alertmanager.port", T::kPort},
    {"alertmanager.groupBy", T::kLabelNames},
    {"alertmanager.groupWait", T::kDuration, 0},
    {"alertmanager.groupInterval", T::kDuration, 1000},
    {"alertmanager.repeatInterval", T::kDuration, 1000},
    {"alertmanager.receiver", T::kObject},
    {"alertmanager.receiver.name", T::kString},
    {"alertmanager.receiver.webhookUrl", T::kUrl},
    {"collector", T::kObject},
    {"collector.host", T::kHost},
    {"collector.bindHost", T::kHost},
    {"collector.otlpGrpcPort", T::kPort},
    {"collector.otlpHttpPort", T::kPort},
    {"collector.prometheusExporterPort", T::kPort},
    {"collector.selfMetricsPort", T::kPort},
    {"collector.scrapeInterval", T::kDuration, 1000},
    {"collector.batch", T::kObject},
    {"collector.batch.timeout", T::kDuration, 0},
    {"collector.batch.sendBatchSize", T::kInt, 1, 1000000},
    {"collector.memoryLimiter", T::kObject},
    {"collector.memoryLimiter.checkInterval", T::kDuration, 1},
    {"collector.memoryLimiter.limitMiB", T::kInt, 1, 1048576},
    {"collector.memoryLimiter.spikeLimitMiB", T::kInt, 0, 1048576},
    {"collector.debugVerbosity", T::kEnum, 0, 0, false, false, "basic|normal|detailed"},
    {"collector.traces", T::kObject},
    {"collector.traces.enabled", T::kBool},
    {"collector.traces.endpoint", T::kHostPort},
    {"collector.traces.insecure", T::kBool},
    {"backends", T::kObject},
    {"backends.datadog", T::kObject},
    {"backends.datadog.enabled", T::kBool},
    {"backends.datadog.site", T::kHost},
    {"backends.datadog.hostname", T::kString},
    {"backends.datadog.apiKey", T::kEnvRef},
    {"backends.newrelic", T::kObject},
    {"backends.newrelic.enabled", T::kBool},
    {"backends.newrelic.endpoint", T::kUrl},
    {"backends.newrelic.apiKey", T::kEnvRef},
    {"backends.newrelic.timeout", T::kDuration, 1},
    {"backends.cloudwatch", T::kObject},
    {"backends.cloudwatch.enabled", T::kBool},
    {"backends.cloudwatch.namespace", T::kString},
    {"backends.cloudwatch.region", T::kHost},
    {"backends.cloudwatch.logGroupName", T::kAbsPath},
    {"metrics", T::kObject},
    {"metrics.names", T::kObject},
    {"metrics.names.messagesProcessed", T::kMetricName},
    {"metrics.names.messageLatency", T::kMetricName},
    {"metrics.names.activeAgents", T::kMetricName},
    {"metrics.names.agentMemory", T::kMetricName},
    {"metrics.names.taskDuration", T::kMetricName},
    {"metrics.names.taskSuccessRate", T::kMetricName},
    {"metrics.names.agentCpu", T::kMetricName},
    {"metrics.names.errors", T::kMetricName},
    {"metrics.agentLabel", T::kLabelName},
    {"metrics.rateWindow", T::kDuration, 1000},
    {"alerts", T::kObject},
    {"alerts.criticalInterval", T::kDuration, 1000},
    {"alerts.performanceInterval", T::kDuration, 1000},
    {"alerts.highErrorRate", T::kObject},
    {"alerts.highErrorRate.enabled", T::kBool},
    {"alerts.highErrorRate.threshold", T::kNumber, 1e-9, 1, false, true},
    {"alerts.highErrorRate.for", T::kDuration, 0, kOneWeekMs},
    {"alerts.highErrorRate.severity", T::kEnum, 0, 0, false, false, "critical|warning|info"},
    {"alerts.orchestratorDown", T::kObject},
    {"alerts.orchestratorDown.enabled", T::kBool},
    {"alerts.orchestratorDown.for", T::kDuration, 0, kOneWeekMs},
    {"alerts.orchestratorDown.severity", T::kEnum, 0, 0, false, false, "critical|warning|info"},
    {"alerts.highMemoryUsage", T::kObject},
    {"alerts.highMemoryUsage.enabled", T::kBool},
    {"alerts.highMemoryUsage.thresholdBytes", T::kInt, 1, 1125899906842624.0},
    {"alerts.highMemoryUsage.for", T::kDuration, 0, kOneWeekMs},
    {"alerts.highMemoryUsage.severity", T::kEnum, 0, 0, false, false, "critical|warning|info"},
    {"alerts.highLatency", T::kObject},
    {"alerts.highLatency.enabled", T::kBool},
    {"alerts.highLatency.quantile", T::kNumber, 0, 1, true, true},
    {"alerts.highLatency.thresholdSeconds", T::kNumber, 1e-6, 86400},
    {"alerts.highLatency.for", T::kDuration, 0, kOneWeekMs},
    {"alerts.highLatency.severity", T::kEnum, 0, 0, false, false, "critical|warning|info"},
    {"alerts.lowThroughput", T::kObject},
    {"alerts.lowThroughput.enabled", T::kBool},
    {"alerts.lowThroughput.thresholdPerSecond", T::kNumber, 1e-9, 1e9},
    {"alerts.lowThroughput.for", T::kDuration, 0, kOneWeekMs},
    {"alerts.lowThroughput.severity", T::kEnum, 0, 0, false, false, "critical|warning|info"},
    {"grafana", T::kObject},
    {"grafana.datasourceName", T::kString},
    {"grafana.datasourceUid", T::kUid},
    {"grafana.folder", T::kString},
    {"grafana.dashboardsPath", T::kAbsPath},
    {"grafana.schemaVersion", T::kInt, 36, 42},
    {"grafana.refresh", T::kDuration, 1000},
});

std::string number_text(double v) {
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, ptr) : std::to_string(v);
}

}  // namespace

std::span<const FieldSpec> values_schema() { return kSchema; }

const FieldSpec* find_field(std::string_view path) {
  auto it = std::find_if(kSchema.begin(), kSchema.end(),
                         [path](const FieldSpec& f) { return f.path == path; });
  return it == kSchema.end() ? nullptr : &*it;
}

bool is_forbidden_label(std::string_view name) {
  auto labels = util::default_forbidden_labels();
  return std::find(labels.begin(), labels.end(), name) != labels.end();
}

std::string describe_type(const FieldSpec& f) {
  switch (f.type) {
    case T::kObject:
      return "a mapping";
    case T::kString:
    case T::kLabelValue:
      return "a string";
    case T::kApiVersion:
      return "caxtool/v1";
    case T::kHost:
      return "a host name or IP address";
    case T::kHostPort:
      return "host:port";
    case T::kPort:
      return "a port number (1-65535)";
    case T::kInt:
      return "an integer from " + number_text(f.min) + " to " + number_text(f.max);
    case T::kNumber:
      return "a number " + std::string(f.min_exclusive ? "above " : "from ") + number_text(f.min) +
             (f.max_exclusive ? " to below " : " to ") + number_text(f.max);
    case T::kBool:
      return "true or false";
    case T::kDuration: {
      auto ms_text = [](double ms) {
        if (ms >= 86400000 && static_cast<int64_t>(ms) % 86400000 == 0) {
          return number_text(ms / 86400000) + "d";
        }
        return ms >= 1000 ? number_text(ms / 1000) + "s" : number_text(ms) + "ms";
      };
      std::string bounds;
      if (f.min > 0 && f.max > 0) {
        bounds = " from " + ms_text(f.min) + " to " + ms_text(f.max);
      } else if (f.min > 0) {
        bounds = " of at least " + ms_text(f.min);
      } else if (f.max > 0) {
        bounds = " of at most " + ms_text(f.max);
      }
      return "a Prometheus duration" + bounds + " (e.g. 30s, 5m, 1h30m)";
    }
    case T::kSize:
      return "a size with a unit (B, KB, MB, GB, TB, PB, EB), e.g. 10GB";
    case T::kEnum: {
      std::string s = "one of ";
      std::string_view c = f.choices;
      bool first = true;
      while (!c.empty()) {
        size_t bar = c.find('|');
        s += (first ? "" : ", ") + std::string(c.substr(0, bar));
        first = false;
        c = bar == std::string_view::npos ? std::string_view() : c.substr(bar + 1);
      }
      return s;
    }
    case T::kVersion:
      return "a Prometheus version MAJOR.MINOR, e.g. \"2.42\" or \"3.8\"";
    case T::kUrlPath:
      return "a URL path starting with /";
    case T::kAbsPath:
      return "an absolute path";
    case T::kUrl:
      return "an http:// or https:// URL";
    case T::kEnvRef:
      return "an environment reference ${env:NAME}";
    case T::kMetricName:
      return "a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)";
    case T::kLabelName:
      return "a label name ([a-zA-Z_][a-zA-Z0-9_]*)";
    case T::kLabelNames:
      return "a list of label names";
    case T::kLabelMap:
      return "a mapping of label names to strings";
    case T::kUid:
      return "a uid of 1-40 characters from [a-zA-Z0-9_-]";
  }
  return "a value";
}

}  // namespace caxtool::generate
