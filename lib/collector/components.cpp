// SPDX-License-Identifier: Apache-2.0
// The component table. Current types are those of the collector-releases manifests
// (distributions/otelcol and otelcol-contrib, read up to v0.159.0); a type is the `type:` of the
// component's metadata.yaml, which is the module name without its kind suffix except where the
// metadata says otherwise (docker_stats, k8s_cluster, tail_sampling, ...). Removed types carry
// the first release that no longer shipped them and their replacement. Sources, per entry:
// - the collector-releases manifest diffs (shared/research/config-schemas.md B.3) for the
//   removals up to v0.147; jmx v0.154 is also in the collector-releases CHANGELOG ("Remove
//   deprecated JMX receiver from contrib distribution"), bigip v0.146 is collector-releases#1371
//   (merged 2026-02-11, before the v0.146.0 release);
// - logging, memory_ballast and opencensus left both distributions (marked kCore below);
// - the renames: see rename() below.
// Signals are recorded only where the component's factory is known for certain; the rest are
// left unchecked.
#include "collector/components.h"

#include <algorithm>

namespace caxtool::collector {
namespace {

constexpr Kind R = Kind::kReceiver;
constexpr Kind P = Kind::kProcessor;
constexpr Kind E = Kind::kExporter;
constexpr Kind X = Kind::kExtension;
constexpr Kind C = Kind::kConnector;
constexpr Distribution kCore = Distribution::kCore;
constexpr Distribution kContrib = Distribution::kContrib;
constexpr uint8_t T = kTraces, M = kMetrics, L = kLogs, A = kAllSignals;

constexpr ComponentType cur(Kind k, std::string_view n, Distribution d, uint8_t s = 0) {
  return {k, n, d, {}, {}, s, 0, false, {}, {}, {}};
}
constexpr ComponentType gone(Kind k, std::string_view n, int minor, std::string_view repl,
                             Distribution d = kContrib) {
  return {k, n, d, {0, minor}, repl, 0, 0, false, {}, {}, {}};
}
// The lower_snake_case renames (opentelemetry-collector#14396, contrib#45339): the old name stays
// as a deprecated alias. Where each release comes from:
// - otlp/otlphttp exporters v0.144.0: the core release notes;
// - k8sattributes and signaltometrics v0.146.0: the contrib CHANGELOG, v0.146.0 "Deprecations";
// - httpcheck v0.150.0: the contrib CHANGELOG v0.150.0 entry "receiver/http_check: Rename
//   httpcheck receiver to http_check with deprecated alias httpcheck" (the table said v0.155.0);
// - resourcedetection v0.153.0: contrib#48525 (merged 2026-05-19) and the downstream changelogs
//   that name 0.153.0 as the release of the rename;
// - hostmetrics, genainormalizer, spanmetrics v0.155.0: their pull requests' merge dates only,
//   not yet checked against a CHANGELOG; they may be a release off.
void rename(std::vector<ComponentType>& t, Kind k, std::string_view old_name,
            std::string_view new_name, Distribution d, int minor, uint8_t s) {
  t.push_back({k, old_name, d, {}, {}, s, 0, false, {}, new_name, {0, minor}});
  t.push_back({k, new_name, d, {}, {}, s, 0, false, {0, minor}, {}, {}});
}

constexpr ComponentType never(Kind k, std::string_view n, std::string_view use) {
  return {k, n, kContrib, kNeverShipped, use, 0, 0, false, {}, {}, {}};
}
constexpr ComponentType conn(std::string_view n, Distribution d, uint8_t from, uint8_t to,
                             bool same) {
  return {C, n, d, {}, {}, from, to, same, {}, {}, {}};
}

// Kept sorted by (kind, name) by the static initializer below, so entries read best by kind.
std::vector<ComponentType> build() {
  std::vector<ComponentType> t = {
      // Receivers.
      cur(R, "profiling", kContrib, kProfiles),
      cur(R, "nop", kCore, A),
      cur(R, "otlp", kCore, A),
      cur(R, "jaeger", kCore, T),
      cur(R, "kafka", kCore, kTML),
      cur(R, "prometheus", kCore, M),
      cur(R, "zipkin", kCore, T),
      cur(R, "active_directory_ds", kContrib, M),
      cur(R, "aerospike", kContrib, M),
      cur(R, "apache", kContrib, M),
      cur(R, "apachespark", kContrib, M),
      cur(R, "awscloudwatch", kContrib, L),
      cur(R, "awscontainerinsightreceiver", kContrib, M),
      cur(R, "awsecscontainermetrics", kContrib, M),
      cur(R, "awsfirehose", kContrib),
      cur(R, "awslambda", kContrib),
      cur(R, "awss3", kContrib),
      cur(R, "awsxray", kContrib, T),
      cur(R, "azureblob", kContrib),
      cur(R, "azureeventhub", kContrib),
      cur(R, "azuremonitor", kContrib, M),
      cur(R, "carbon", kContrib, M),
      cur(R, "chrony", kContrib, M),
      cur(R, "ciscoos", kContrib, M),
      cur(R, "cloudflare", kContrib, L),
      cur(R, "cloudfoundry", kContrib),
      cur(R, "collectd", kContrib, M),
      cur(R, "couchdb", kContrib, M),
      cur(R, "datadog", kContrib),
      cur(R, "docker_stats", kContrib, M),
      cur(R, "elasticsearch", kContrib, M),
      cur(R, "envoyals", kContrib, L),
      cur(R, "expvar", kContrib, M),
      cur(R, "faro", kContrib),
      cur(R, "filelog", kContrib, L),
      cur(R, "filestats", kContrib, M),
      cur(R, "flinkmetrics", kContrib, M),
      cur(R, "fluentforward", kContrib, L),
      cur(R, "github", kContrib),
      cur(R, "gitlab", kContrib),
      cur(R, "googlecloudmonitoring", kContrib, M),
      cur(R, "googlecloudpubsub", kContrib),
      cur(R, "googlecloudspanner", kContrib, M),
      cur(R, "haproxy", kContrib, M),
      cur(R, "icmpcheck", kContrib, M),
      cur(R, "influxdb", kContrib, M),
      cur(R, "iis", kContrib, M),
      cur(R, "journald", kContrib, L),
      cur(R, "k8s_cluster", kContrib),
      cur(R, "k8s_events", kContrib, L),
      cur(R, "k8sobjects", kContrib, L),
      cur(R, "kafkametrics", kContrib, M),
      cur(R, "kubeletstats", kContrib, M),
      cur(R, "libhoney", kContrib),
      cur(R, "loki", kContrib, L),
      cur(R, "macosunifiedlogging", kContrib, L),
      cur(R, "memcached", kContrib, M),
      cur(R, "mongodbatlas", kContrib),
      cur(R, "mongodb", kContrib, M),
      cur(R, "mysql", kContrib, M),
      cur(R, "namedpipe", kContrib, L),
      cur(R, "netflow", kContrib, L),
      cur(R, "nginx", kContrib, M),
      cur(R, "nsxt", kContrib, M),
      cur(R, "ntp", kContrib, M),
      cur(R, "oracledb", kContrib),
      cur(R, "otlpjsonfile", kContrib),
      cur(R, "otelarrow", kContrib),
      cur(R, "podman_stats", kContrib, M),
      cur(R, "postgresql", kContrib),
      cur(R, "pprof", kContrib),
      cur(R, "prometheusremotewrite", kContrib, M),
      cur(R, "purefa", kContrib, M),
      cur(R, "purefb", kContrib, M),
      cur(R, "pulsar", kContrib),
      cur(R, "rabbitmq", kContrib, M),
      cur(R, "receiver_creator", kContrib),
      cur(R, "redis", kContrib, M),
      cur(R, "riak", kContrib, M),
      cur(R, "saphana", kContrib, M),
      cur(R, "prometheus_simple", kContrib, M),
      cur(R, "skywalking", kContrib),
      cur(R, "snowflake", kContrib, M),
      cur(R, "solace", kContrib, T),
      cur(R, "splunkenterprise", kContrib, M),
      cur(R, "splunk_hec", kContrib),
      cur(R, "stef", kContrib),
      cur(R, "sqlquery", kContrib),
      cur(R, "sqlserver", kContrib),
      cur(R, "sshcheck", kContrib, M),
      cur(R, "statsd", kContrib, M),
      cur(R, "syslog", kContrib, L),
      cur(R, "systemd", kContrib, M),
      cur(R, "tcpcheck", kContrib, M),
      cur(R, "tcplog", kContrib, L),
      cur(R, "tlscheck", kContrib, M),
      cur(R, "udplog", kContrib, L),
      cur(R, "vcenter", kContrib, M),
      cur(R, "wavefront", kContrib, M),
      cur(R, "snmp", kContrib, M),
      cur(R, "webhookevent", kContrib, L),
      cur(R, "windowseventlog", kContrib, L),
      cur(R, "windowsperfcounters", kContrib, M),
      cur(R, "windowsservice", kContrib, M),
      cur(R, "yanggrpc", kContrib, M),
      cur(R, "zookeeper", kContrib, M),
      gone(R, "opencensus", 132, "otlp", kCore),
      gone(R, "sapm", 133, "otlp"),
      gone(R, "bigip", 146, ""),
      gone(R, "jmx", 154, "otlp from the OpenTelemetry Java agent"),
      gone(R, "signalfx", 157, "otlp"),
      // Processors.
      cur(P, "batch", kCore, A),
      cur(P, "memory_limiter", kCore, A),
      cur(P, "attributes", kCore, kTML),
      cur(P, "resource", kCore),
      cur(P, "span", kCore, T),
      cur(P, "probabilistic_sampler", kCore, T | L),
      cur(P, "filter", kCore),
      cur(P, "cumulativetodelta", kContrib, M),
      cur(P, "coralogix", kContrib, T),
      cur(P, "deltatocumulative", kContrib, M),
      cur(P, "deltatorate", kContrib, M),
      cur(P, "drain", kContrib, L),
      cur(P, "geoip", kContrib),
      cur(P, "groupbyattrs", kContrib, kTML),
      cur(P, "groupbytrace", kContrib, T),
      cur(P, "interval", kContrib, M),
      cur(P, "isolationforest", kContrib),
      cur(P, "logdedup", kContrib, L),
      cur(P, "metricsgeneration", kContrib, M),
      cur(P, "metricstarttime", kContrib, M),
      cur(P, "metricstransform", kContrib, M),
      cur(P, "redaction", kContrib),
      cur(P, "remotetap", kContrib),
      cur(P, "schema", kContrib),
      cur(P, "sumologic", kContrib),
      cur(P, "tail_sampling", kContrib, T),
      cur(P, "transform", kContrib),
      cur(P, "unroll", kContrib, L),
      cur(P, "cardinality_guardian", kContrib),
      gone(P, "servicegraph", 94, "the servicegraph connector"),
      gone(P, "spanmetrics", 96, "the spanmetrics connector"),
      gone(P, "routing", 120, "the routing connector"),
      // Exporters.
      cur(E, "debug", kCore, A),
      cur(E, "nop", kCore, A),
      cur(E, "file", kCore),
      cur(E, "kafka", kCore, kTML),
      cur(E, "prometheus", kCore, M),
      cur(E, "prometheusremotewrite", kCore, M),
      cur(E, "zipkin", kCore, T),
      cur(E, "alibabacloud_logservice", kContrib),
      cur(E, "awscloudwatchlogs", kContrib, L),
      cur(E, "awsemf", kContrib, M),
      cur(E, "awskinesis", kContrib),
      cur(E, "awsxray", kContrib, T),
      cur(E, "awss3", kContrib),
      cur(E, "azureblob", kContrib),
      cur(E, "azuredataexplorer", kContrib),
      cur(E, "azuremonitor", kContrib),
      cur(E, "bmchelix", kContrib, M),
      cur(E, "cassandra", kContrib),
      cur(E, "clickhouse", kContrib),
      cur(E, "coralogix", kContrib),
      cur(E, "datadog", kContrib),
      cur(E, "dataset", kContrib),
      cur(E, "doris", kContrib),
      cur(E, "elasticsearch", kContrib),
      cur(E, "faro", kContrib),
      cur(E, "googlecloud", kContrib),
      cur(E, "googlecloudpubsub", kContrib),
      cur(E, "googlecloudstorage", kContrib),
      cur(E, "googlemanagedprometheus", kContrib),
      cur(E, "honeycombmarker", kContrib, L),
      cur(E, "influxdb", kContrib),
      cur(E, "loadbalancing", kContrib),
      cur(E, "logicmonitor", kContrib),
      cur(E, "logzio", kContrib),
      cur(E, "mezmo", kContrib, L),
      cur(E, "opensearch", kContrib),
      cur(E, "otelarrow", kContrib),
      cur(E, "pulsar", kContrib),
      cur(E, "rabbitmq", kContrib),
      cur(E, "sentry", kContrib, T),
      cur(E, "signalfx", kContrib),
      cur(E, "splunk_hec", kContrib),
      cur(E, "stef", kContrib, M),
      cur(E, "sumologic", kContrib),
      cur(E, "syslog", kContrib, L),
      cur(E, "tencentcloud_logservice", kContrib, L),
      cur(E, "tinybird", kContrib),
      gone(E, "newrelic", 51, "otlphttp to New Relic's OTLP endpoint"),
      gone(E, "humio", 71, ""),
      gone(E, "jaeger", 85, "otlp (Jaeger takes OTLP on 4317)"),
      gone(E, "jaeger_thrift", 85, "otlphttp (Jaeger takes OTLP on 4318)"),
      gone(E, "parquet", 87, ""),
      gone(E, "tanzuobservability", 92, ""),
      gone(E, "f5cloud", 96, "otlphttp"),
      gone(E, "dynatrace", 99, "otlphttp"),
      gone(E, "skywalking", 105, "otlp"),
      gone(E, "instana", 110, "otlp"),
      gone(E, "logging", 111, "debug", kCore),
      gone(E, "loki", 131, "otlphttp (Loki takes OTLP)"),
      gone(E, "opencensus", 132, "otlp", kCore),
      gone(E, "carbon", 141, "prometheusremotewrite"),
      gone(E, "sapm", 147, "otlphttp"),
      never(E, "awscloudwatchmetrics", "awsemf (CloudWatch EMF)"),
      // Extensions.
      cur(X, "zpages", kCore),
      cur(X, "health_check", kCore),
      cur(X, "pprof", kCore),
      cur(X, "ack", kContrib),
      cur(X, "asapclient", kContrib),
      cur(X, "aws_iam_dbauth", kContrib),
      cur(X, "awsproxy", kContrib),
      cur(X, "azureauth", kContrib),
      cur(X, "basicauth", kContrib),
      cur(X, "bearertokenauth", kContrib),
      cur(X, "cgroupruntime", kContrib),
      cur(X, "datadog", kContrib),
      cur(X, "awscloudwatchmetricstreams_encoding", kContrib),
      cur(X, "awslogs_encoding", kContrib),
      cur(X, "azure_encoding", kContrib),
      cur(X, "googlecloudlogentry_encoding", kContrib),
      cur(X, "jaeger_encoding", kContrib),
      cur(X, "json_log_encoding", kContrib),
      cur(X, "otlp_encoding", kContrib),
      cur(X, "skywalking_encoding", kContrib),
      cur(X, "text_encoding", kContrib),
      cur(X, "zipkin_encoding", kContrib),
      cur(X, "googleclientauth", kContrib),
      cur(X, "headers_setter", kContrib),
      cur(X, "http_forwarder", kContrib),
      cur(X, "jaegerremotesampling", kContrib),
      cur(X, "oauth2client", kContrib),
      cur(X, "docker_observer", kContrib),
      cur(X, "ecs_observer", kContrib),
      cur(X, "host_observer", kContrib),
      cur(X, "k8s_observer", kContrib),
      cur(X, "oidc", kContrib),
      cur(X, "opamp", kContrib),
      cur(X, "sigv4auth", kContrib),
      cur(X, "file_storage", kContrib),
      cur(X, "db_storage", kContrib),
      cur(X, "redis_storage", kContrib),
      cur(X, "sumologic", kContrib),
      cur(X, "k8s_leader_elector", kContrib),
      gone(X, "memory_ballast", 108, "the memory_limiter processor, or GOMEMLIMIT", kCore),
      gone(X, "ecs_task_observer", 139, "ecs_observer"),
      gone(X, "kafkatopics_observer", 159, ""),
      // Connectors: what each takes as an exporter and gives as a receiver.
      conn("forward", kCore, A, A, true),
      conn("count", kContrib, A, M, false),
      conn("datadog", kContrib, T, T | M, false),
      conn("exceptions", kContrib, T, M | L, false),
      conn("failover", kContrib, kTML, kTML, true),
      conn("grafanacloud", kContrib, T, M, false),
      conn("otlpjson", kContrib, L, kTML, false),
      conn("roundrobin", kContrib, kTML, kTML, true),
      conn("routing", kContrib, kTML, kTML, true),
      conn("servicegraph", kContrib, T, M, false),
      conn("sum", kContrib, kTML, M, false),
  };
  rename(t, E, "otlp", "otlp_grpc", kCore, 144, A);
  rename(t, E, "otlphttp", "otlp_http", kCore, 144, A);
  rename(t, P, "k8sattributes", "k8s_attributes", kContrib, 146, 0);
  rename(t, P, "resourcedetection", "resource_detection", kContrib, 153, 0);
  rename(t, R, "hostmetrics", "host_metrics", kCore, 155, M);
  rename(t, R, "httpcheck", "http_check", kContrib, 150, M);
  rename(t, P, "genainormalizer", "gen_ai_normalizer", kContrib, 155, 0);
  // Connectors: the signals they take and give stay with both names.
  auto rename_connector = [&t](std::string_view old_name, std::string_view new_name, int minor,
                               uint8_t from, uint8_t to) {
    t.push_back({C, old_name, kContrib, {}, {}, from, to, false, {}, new_name, {0, minor}});
    t.push_back({C, new_name, kContrib, {}, {}, from, to, false, {0, minor}, {}, {}});
  };
  rename_connector("spanmetrics", "span_metrics", 155, T, M);
  rename_connector("signaltometrics", "signal_to_metrics", 146, A, M);
  std::sort(t.begin(), t.end(), [](const ComponentType& a, const ComponentType& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
  });
  return t;
}

const std::vector<ComponentType>& table() {
  static const std::vector<ComponentType> t = build();
  return t;
}

}  // namespace

std::string version_string(Version v) {
  return "v" + std::to_string(v.major) + "." + std::to_string(v.minor) + ".0";
}

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::kReceiver:
      return "receiver";
    case Kind::kProcessor:
      return "processor";
    case Kind::kExporter:
      return "exporter";
    case Kind::kExtension:
      return "extension";
    case Kind::kConnector:
      return "connector";
  }
  return "";
}

std::string_view section_name(Kind k) {
  switch (k) {
    case Kind::kReceiver:
      return "receivers";
    case Kind::kProcessor:
      return "processors";
    case Kind::kExporter:
      return "exporters";
    case Kind::kExtension:
      return "extensions";
    case Kind::kConnector:
      return "connectors";
  }
  return "";
}

std::string_view signal_name(uint8_t s) {
  switch (s) {
    case kTraces:
      return "traces";
    case kMetrics:
      return "metrics";
    case kLogs:
      return "logs";
    case kProfiles:
      return "profiles";
    default:
      return "";
  }
}

std::span<const ComponentType> component_types() { return table(); }

const ComponentType* find_type(Kind kind, std::string_view name) {
  const auto& t = table();
  auto it =
      std::lower_bound(t.begin(), t.end(), std::pair{kind, name},
                       [](const ComponentType& a, const std::pair<Kind, std::string_view>& k) {
                         return a.kind != k.first ? a.kind < k.first : a.name < k.second;
                       });
  if (it == t.end() || it->kind != kind || it->name != name) return nullptr;
  return &*it;
}

std::vector<std::string_view> current_type_names(Kind kind, Distribution dist) {
  std::vector<std::string_view> out;
  for (const ComponentType& c : table()) {
    if (c.kind != kind || c.is_removed_entry()) continue;
    if (dist == Distribution::kCore && c.distribution != Distribution::kCore) continue;
    out.push_back(c.name);
  }
  return out;
}

bool connector_supports(const ComponentType& t, uint8_t from, uint8_t to) {
  if ((t.signals & from) == 0) return false;
  if (t.connector_same) return from == to && (t.connector_to & to) != 0;
  return (t.connector_to & to) != 0;
}

}  // namespace caxtool::collector
