// SPDX-License-Identifier: Apache-2.0
// The tables. Keys are as in prometheus/prometheus config/config.go and discovery/*/ and
// prometheus/common config/http_config.go at v2.42.0, plus the keys later releases added, each
// with the release that added it (see ../shared/research/config-schemas.md, A.1-A.8).
#include "promconfig/schema.h"

#include "promconfig/validators.h"

namespace caxtool::promconfig {
namespace {

using K = Kind;
constexpr promql::Version kBase{2, 42};
constexpr promql::Version kNever{99, 0};

// --- HTTP client (prometheus/common), inline in most blocks ---
const Field kTlsFields[] = {
    {"ca_file"},
    {"cert_file"},
    {"key_file"},
    {"server_name"},
    {"insecure_skip_verify", K::kBool},
    {"min_version"},
    {"max_version"},
    {"ca", K::kString, nullptr, {2, 45}},
    {"cert", K::kString, nullptr, {2, 45}},
    {"key", K::kString, nullptr, {2, 45}},
    {"ca_ref", K::kString, nullptr, {2, 53}},
    {"cert_ref", K::kString, nullptr, {2, 53}},
    {"key_ref", K::kString, nullptr, {2, 53}},
};
const Schema kTls{"config.plain", kTlsFields, {}, validate_tls};

const Field kBasicAuthFields[] = {
    {"username"},
    {"password"},
    {"password_file"},
    {"username_file", K::kString, nullptr, {2, 49}},
    {"username_ref", K::kString, nullptr, {2, 53}},
    {"password_ref", K::kString, nullptr, {2, 53}},
};
const Schema kBasicAuth{"config.BasicAuth", kBasicAuthFields};

const Field kAuthorizationFields[] = {
    {"type"},
    {"credentials"},
    {"credentials_file"},
    {"credentials_ref", K::kString, nullptr, {2, 53}},
};
const Schema kAuthorization{"config.Authorization", kAuthorizationFields};

const Field kOAuth2Fields[] = {
    {"client_id"},
    {"client_secret"},
    {"client_secret_file"},
    {"client_secret_ref", K::kString, nullptr, {2, 53}},
    {"scopes", K::kStrings},
    {"token_url"},
    {"endpoint_params", K::kStringMap},
    {"tls_config", K::kObject, &kTls},
    {"proxy_url"},
    {"no_proxy", K::kString, nullptr, {2, 43}},
    {"proxy_from_environment", K::kBool, nullptr, {2, 43}},
    {"proxy_connect_header", K::kStringLists, nullptr, {2, 43}},
    {"grant_type", K::kString, nullptr, {3, 8}},
    {"client_certificate_key", K::kString, nullptr, {3, 8}},
    {"client_certificate_key_file", K::kString, nullptr, {3, 8}},
    {"client_certificate_key_ref", K::kString, nullptr, {3, 8}},
    {"client_certificate_key_id", K::kString, nullptr, {3, 8}},
    {"signature_algorithm", K::kString, nullptr, {3, 8}},
    {"iss", K::kString, nullptr, {3, 8}},
    {"audience", K::kString, nullptr, {3, 8}},
    {"claims", K::kAny, nullptr, {3, 8}},
};
const Schema kOAuth2{"config.OAuth2", kOAuth2Fields};

const Field kHttpFields[] = {
    {"basic_auth", K::kObject, &kBasicAuth},
    {"authorization", K::kObject, &kAuthorization},
    {"oauth2", K::kObject, &kOAuth2},
    {"bearer_token"},
    {"bearer_token_file"},
    {"proxy_url"},
    {"proxy_connect_header", K::kStringLists},
    {"no_proxy", K::kString, nullptr, {2, 43}},
    {"proxy_from_environment", K::kBool, nullptr, {2, 43}},
    {"tls_config", K::kObject, &kTls},
    {"follow_redirects", K::kBool},
    {"enable_http2", K::kBool},
    {"http_headers", K::kAny, nullptr, {2, 53}},
};
const Schema kHttp{"config.HTTPClientConfig", kHttpFields, {}, validate_http_client};
const Schema* const kHttpInline[] = {&kHttp};
// The same keys without the checks: in 2.42 these SDs never called HTTPClientConfig.Validate.
const Schema kHttpUnchecked{"config.HTTPClientConfig", kHttpFields};
const Schema* const kHttpUncheckedInline[] = {&kHttpUnchecked};

// --- relabelling, static targets ---
const Field kRelabelFields[] = {
    {"source_labels", K::kLabelNames},
    {"separator"},
    {"regex"},
    {"modulus", K::kUint},
    {"target_label"},
    {"replacement"},
    {"action"},
};
const Schema kRelabel{"relabel.plain", kRelabelFields, {}, validate_relabel};

const Field kStaticFields[] = {{"targets", K::kStrings}, {"labels", K::kLabels}};
const Schema kStatic{"targetgroup.Group", kStaticFields};

// --- service discovery ---
const Field kFileSd[] = {{"files", K::kStrings}, {"refresh_interval", K::kDuration}};
const Field kHttpSd[] = {{"url"}, {"refresh_interval", K::kDuration}};
const Field kDnsSd[] = {
    {"names", K::kStrings}, {"refresh_interval", K::kDuration}, {"type"}, {"port", K::kInt}};
const Field kNamespacesFields[] = {{"own_namespace", K::kBool}, {"names", K::kStrings}};
const Schema kNamespaces{"kubernetes.plain", kNamespacesFields};
const Field kSelectorFields[] = {{"role"}, {"label"}, {"field"}};
const Schema kSelector{"kubernetes.SelectorConfig", kSelectorFields};
const Field kKubernetesSd[] = {
    {"api_server"},
    {"role"},
    {"kubeconfig_file"},
    {"namespaces", K::kObject, &kNamespaces},
    {"selectors", K::kObjects, &kSelector},
    {"attach_metadata", K::kAny},
};
const Field kConsulSd[] = {
    {"server"},
    {"path_prefix", K::kString, nullptr, {2, 45}},
    {"token"},
    {"datacenter"},
    {"namespace"},
    {"partition"},
    {"tag_separator"},
    {"scheme"},
    {"username"},
    {"password"},
    {"allow_stale", K::kBool},
    {"refresh_interval", K::kDuration},
    {"services", K::kStrings},
    {"tags", K::kStrings},
    {"node_meta", K::kStringMap},
    {"filter", K::kString, nullptr, {3, 0}},
};
const Field kFilterFields[] = {{"name"}, {"values", K::kStrings}};
const Schema kFilter{"aws.EC2Filter", kFilterFields};
const Field kEc2Sd[] = {
    {"endpoint"},
    {"region"},
    {"access_key"},
    {"secret_key"},
    {"profile"},
    {"role_arn"},
    {"refresh_interval", K::kDuration},
    {"port", K::kInt},
    {"filters", K::kObjects, &kFilter},
};
const Field kLightsailSd[] = {
    {"endpoint"},
    {"region"},
    {"access_key"},
    {"secret_key"},
    {"profile"},
    {"role_arn"},
    {"refresh_interval", K::kDuration},
    {"port", K::kInt},
};
const Field kAzureSd[] = {
    {"environment"},
    {"port", K::kInt},
    {"subscription_id"},
    {"tenant_id"},
    {"client_id"},
    {"client_secret"},
    {"refresh_interval", K::kDuration},
    {"authentication_method"},
    {"resource_group"},
};
const Field kGceSd[] = {{"project"},       {"zone"},
                        {"filter"},        {"refresh_interval", K::kDuration},
                        {"port", K::kInt}, {"tag_separator"}};
const Field kOpenstackSd[] = {
    {"identity_endpoint"},
    {"username"},
    {"userid"},
    {"password"},
    {"project_name"},
    {"project_id"},
    {"domain_name"},
    {"domain_id"},
    {"application_credential_name"},
    {"application_credential_id"},
    {"application_credential_secret"},
    {"role"},
    {"region"},
    {"refresh_interval", K::kDuration},
    {"port", K::kInt},
    {"all_tenants", K::kBool},
    {"tls_config", K::kObject, &kTls},
    {"availability"},
};
const Field kServerRefresh[] = {{"server"}, {"refresh_interval", K::kDuration}};
const Field kRolePortRefresh[] = {{"role"}, {"port", K::kInt}, {"refresh_interval", K::kDuration}};
const Field kPortRefresh[] = {{"port", K::kInt}, {"refresh_interval", K::kDuration}};
const Field kLinodeSd[] = {
    {"port", K::kInt}, {"refresh_interval", K::kDuration}, {"tag_separator"}};
const Field kIonosSd[] = {{"datacenter_id"}, {"port", K::kInt}, {"refresh_interval", K::kDuration}};
const Field kUyuniSd[] = {{"server"},      {"username"},  {"password"},
                          {"entitlement"}, {"separator"}, {"refresh_interval", K::kDuration}};
const Field kMarathonSd[] = {{"servers", K::kStrings},
                             {"refresh_interval", K::kDuration},
                             {"auth_token"},
                             {"auth_token_file"}};
const Field kDockerSd[] = {{"host"},
                           {"port", K::kInt},
                           {"filters", K::kObjects, &kFilter},
                           {"host_networking_host"},
                           {"refresh_interval", K::kDuration},
                           {"match_first_network", K::kBool, nullptr, {2, 54}}};
const Field kDockerswarmSd[] = {{"host"},
                                {"role"},
                                {"port", K::kInt},
                                {"filters", K::kObjects, &kFilter},
                                {"refresh_interval", K::kDuration}};
const Field kPuppetdbSd[] = {{"url"},
                             {"query"},
                             {"include_parameters", K::kBool},
                             {"port", K::kInt},
                             {"refresh_interval", K::kDuration}};
const Field kScalewaySd[] = {
    {"project_id"},
    {"api_url"},
    {"zone"},
    {"access_key"},
    {"secret_key"},
    {"secret_key_file"},
    {"name_filter"},
    {"tags_filter", K::kStrings},
    {"refresh_interval", K::kDuration},
    {"port", K::kInt},
    {"role"},
};
const Field kTritonSd[] = {
    {"account"},
    {"role"},
    {"dns_suffix"},
    {"endpoint"},
    {"groups", K::kStrings},
    {"port", K::kInt},
    {"refresh_interval", K::kDuration},
    {"tls_config", K::kObject, &kTls},
    {"version", K::kInt},
};
const Field kKumaSd[] = {
    {"server"}, {"refresh_interval", K::kDuration}, {"fetch_timeout", K::kDuration}};
const Field kZookeeperSd[] = {
    {"servers", K::kStrings}, {"paths", K::kStrings}, {"timeout", K::kDuration}};
const Field kOvhSd[] = {{"endpoint"},
                        {"application_key"},
                        {"application_secret"},
                        {"consumer_key"},
                        {"refresh_interval", K::kDuration},
                        {"service"}};
const Field kNomadSd[] = {{"allow_stale", K::kBool},
                          {"namespace"},
                          {"refresh_interval", K::kDuration},
                          {"region"},
                          {"server"},
                          {"tag_separator"}};

const Schema kFileSdS{"file.SDConfig", kFileSd, {}, validate_file_sd};
const Schema kHttpSdS{"http.SDConfig", kHttpSd, kHttpUncheckedInline, validate_http_sd};
const Schema kDnsSdS{"dns.SDConfig", kDnsSd, {}, validate_dns_sd};
const Schema kKubernetesSdS{"kubernetes.plain", kKubernetesSd, kHttpInline, validate_kubernetes_sd};
const Schema kConsulSdS{"consul.plain", kConsulSd, kHttpInline, validate_consul_sd};
const Schema kEc2SdS{"aws.plain", kEc2Sd, kHttpUncheckedInline, validate_ec2_sd};
const Schema kLightsailSdS{"aws.plain", kLightsailSd, kHttpUncheckedInline, validate_lightsail_sd};
const Schema kAzureSdS{"azure.plain", kAzureSd, kHttpUncheckedInline, validate_azure_sd};
const Schema kGceSdS{"gce.plain", kGceSd, {}, validate_gce_sd};
const Schema kOpenstackSdS{"openstack.plain", kOpenstackSd, {}, validate_openstack_sd};
const Schema kEurekaSdS{"eureka.plain", kServerRefresh, kHttpInline, validate_eureka_sd};
const Schema kHetznerSdS{"hetzner.plain", kRolePortRefresh, kHttpInline, validate_hetzner_sd};
const Schema kDigitaloceanSdS{"digitalocean.plain", kPortRefresh, kHttpInline};
const Schema kVultrSdS{"vultr.plain", kPortRefresh, kHttpInline};
const Schema kLinodeSdS{"linode.plain", kLinodeSd, kHttpInline};
const Schema kIonosSdS{"ionos.plain", kIonosSd, kHttpInline, validate_ionos_sd};
const Schema kUyuniSdS{"uyuni.plain", kUyuniSd, kHttpUncheckedInline, validate_uyuni_sd};
const Schema kMarathonSdS{"marathon.plain", kMarathonSd, kHttpInline, validate_marathon_sd};
const Schema kDockerSdS{"moby.plain", kDockerSd, kHttpInline, validate_docker_sd};
const Schema kDockerswarmSdS{"moby.plain", kDockerswarmSd, kHttpInline, validate_dockerswarm_sd};
const Schema kPuppetdbSdS{"puppetdb.plain", kPuppetdbSd, kHttpUncheckedInline,
                          validate_puppetdb_sd};
const Schema kScalewaySdS{"scaleway.plain", kScalewaySd, kHttpInline, validate_scaleway_sd};
const Schema kTritonSdS{"triton.plain", kTritonSd, {}, validate_triton_sd};
const Schema kKumaSdS{"xds.plain", kKumaSd, kHttpInline, validate_kuma_sd};
const Schema kServersetSdS{"zookeeper.plain", kZookeeperSd, {}, validate_serverset_sd};
const Schema kNerveSdS{"zookeeper.plain", kZookeeperSd, {}, validate_nerve_sd};
const Schema kOvhSdS{"ovhcloud.plain", kOvhSd, {}, validate_ovhcloud_sd};
const Schema kNomadSdS{"nomad.plain", kNomadSd, kHttpInline, validate_nomad_sd};

const Discovery kDiscoveries[] = {
    {"azure", &kAzureSdS},
    {"consul", &kConsulSdS, kBase, true},
    {"digitalocean", &kDigitaloceanSdS},
    {"dns", &kDnsSdS},
    {"docker", &kDockerSdS},
    {"dockerswarm", &kDockerswarmSdS},
    {"ec2", &kEc2SdS},
    {"eureka", &kEurekaSdS},
    {"file", &kFileSdS},
    {"gce", &kGceSdS},
    {"hetzner", &kHetznerSdS},
    {"http", &kHttpSdS},
    {"ionos", &kIonosSdS},
    {"kubernetes", &kKubernetesSdS, kBase, true},
    {"kuma", &kKumaSdS, kBase, true},
    {"lightsail", &kLightsailSdS},
    {"linode", &kLinodeSdS, kBase, true},
    {"marathon", &kMarathonSdS},
    {"nerve", &kNerveSdS},
    {"nomad", &kNomadSdS, kBase, true},
    {"openstack", &kOpenstackSdS},
    {"ovhcloud", &kOvhSdS},
    {"puppetdb", &kPuppetdbSdS},
    {"scaleway", &kScalewaySdS},
    {"serverset", &kServersetSdS},
    {"triton", &kTritonSdS},
    {"uyuni", &kUyuniSdS},
    {"vultr", &kVultrSdS},
};

// --- scrape configs ---
const Field kScrapeFields[] = {
    {"job_name"},
    {"honor_labels", K::kBool},
    {"honor_timestamps", K::kBool},
    {"track_timestamps_staleness", K::kBool, nullptr, {2, 48}},
    {"params", K::kStringLists},
    {"scrape_interval", K::kDuration},
    {"scrape_timeout", K::kDuration},
    {"scrape_protocols", K::kStrings, nullptr, {2, 49}},
    {"fallback_scrape_protocol", K::kString, nullptr, {3, 0}},
    {"scrape_classic_histograms", K::kBool, nullptr, {2, 45}, {3, 0}},
    {"always_scrape_classic_histograms", K::kBool, nullptr, {3, 0}},
    {"convert_classic_histograms_to_nhcb", K::kBool, nullptr, {3, 0}},
    {"scrape_native_histograms", K::kBool, nullptr, {3, 8}},
    {"scrape_failure_log_file", K::kString, nullptr, {2, 55}},
    {"metrics_path"},
    {"scheme"},
    {"enable_compression", K::kBool, nullptr, {2, 49}},
    {"body_size_limit", K::kBytes},
    {"sample_limit", K::kUint},
    {"target_limit", K::kUint},
    {"label_limit", K::kUint},
    {"label_name_length_limit", K::kUint},
    {"label_value_length_limit", K::kUint},
    {"native_histogram_bucket_limit", K::kUint, nullptr, {2, 45}},
    {"native_histogram_min_bucket_factor", K::kFloat, nullptr, {2, 50}},
    {"keep_dropped_targets", K::kUint, nullptr, {2, 47}},
    {"metric_name_validation_scheme", K::kString, nullptr, {2, 55}},
    {"metric_name_escaping_scheme", K::kString, nullptr, {3, 4}},
    {"extra_scrape_metrics", K::kBool, nullptr, {3, 10}},
    {"relabel_configs", K::kObjects, &kRelabel, kBase, kNever,
     "empty or null target relabeling rule in scrape config"},
    {"metric_relabel_configs", K::kObjects, &kRelabel, kBase, kNever,
     "empty or null metric relabeling rule in scrape config"},
};
const Schema kScrape{"config.ScrapeConfig", kScrapeFields, kHttpInline, validate_scrape, true};

// --- global, storage, tracing ---
const Field kGlobalFields[] = {
    {"scrape_interval", K::kDuration},
    {"scrape_timeout", K::kDuration},
    {"evaluation_interval", K::kDuration},
    {"query_log_file"},
    {"external_labels", K::kLabels},
    {"body_size_limit", K::kBytes, nullptr, {2, 45}},
    {"sample_limit", K::kUint, nullptr, {2, 45}},
    {"target_limit", K::kUint, nullptr, {2, 45}},
    {"label_limit", K::kUint, nullptr, {2, 45}},
    {"label_name_length_limit", K::kUint, nullptr, {2, 45}},
    {"label_value_length_limit", K::kUint, nullptr, {2, 45}},
    {"keep_dropped_targets", K::kUint, nullptr, {2, 47}},
    {"scrape_protocols", K::kStrings, nullptr, {2, 49}},
    {"rule_query_offset", K::kDuration, nullptr, {2, 53}},
    {"scrape_failure_log_file", K::kString, nullptr, {2, 55}},
    {"metric_name_validation_scheme", K::kString, nullptr, {2, 55}},
    {"metric_name_escaping_scheme", K::kString, nullptr, {3, 4}},
    {"convert_classic_histograms_to_nhcb", K::kBool, nullptr, {3, 4}},
    {"always_scrape_classic_histograms", K::kBool, nullptr, {3, 5}},
    {"scrape_native_histograms", K::kBool, nullptr, {3, 8}},
    {"extra_scrape_metrics", K::kBool, nullptr, {3, 10}},
};
const Schema kGlobal{"config.plain", kGlobalFields, {}, validate_global};

const Field kRetentionFields[] = {
    {"time", K::kDuration}, {"size", K::kBytes}, {"percentage", K::kFloat, nullptr, {3, 11}}};
const Schema kRetention{"config.TSDBRetentionConfig", kRetentionFields};
const Field kChunkEncodingFields[] = {{"floats"}};
const Schema kChunkEncoding{"config.plain", kChunkEncodingFields};
const Field kTsdbFields[] = {
    {"out_of_order_time_window", K::kDuration},
    {"retention", K::kObject, &kRetention, {3, 8}},
    {"stale_series_compaction_threshold", K::kFloat, nullptr, {3, 10}},
    {"chunk_encoding", K::kObject, &kChunkEncoding, {3, 13}},
};
const Schema kTsdb{"config.TSDBConfig", kTsdbFields};
const Field kExemplarsFields[] = {{"max_exemplars", K::kInt}};
const Schema kExemplars{"config.ExemplarsConfig", kExemplarsFields};
const Field kStorageFields[] = {{"tsdb", K::kObject, &kTsdb},
                                {"exemplars", K::kObject, &kExemplars}};
const Schema kStorage{"config.StorageConfig", kStorageFields};

const Field kTracingFields[] = {
    {"client_type"},
    {"endpoint"},
    {"sampling_fraction", K::kFloat},
    {"insecure", K::kBool},
    {"tls_config", K::kObject, &kTls},
    {"headers", K::kStringMap},
    {"compression"},
    {"timeout", K::kDuration},
};
const Schema kTracing{"config.plain", kTracingFields, {}, validate_tracing};

// --- alerting ---
const Field kSigv4Fields[] = {{"region"},
                              {"access_key"},
                              {"secret_key"},
                              {"profile"},
                              {"role_arn"},
                              {"use_fips_sts_endpoint", K::kBool, nullptr, {3, 0}},
                              {"service_name", K::kString, nullptr, {3, 5}}};
const Schema kSigv4{"sigv4.SigV4Config", kSigv4Fields};
const Field kAlertmanagerFields[] = {
    {"scheme"},
    {"path_prefix"},
    {"timeout", K::kDuration},
    {"api_version"},
    {"relabel_configs", K::kObjects, &kRelabel, kBase, kNever,
     "empty or null Alertmanager target relabeling rule"},
    {"alert_relabel_configs",
     K::kObjects,
     &kRelabel,
     {2, 51},
     kNever,
     "empty or null Alertmanager alert relabeling rule"},
    {"sigv4", K::kObject, &kSigv4, {2, 48}},
};
const Schema kAlertmanager{"config.AlertmanagerConfig", kAlertmanagerFields, kHttpInline,
                           validate_alertmanager, true};
const Field kAlertingFields[] = {
    {"alert_relabel_configs", K::kObjects, &kRelabel, kBase, kNever,
     "empty or null alert relabeling rule"},
    {"alertmanagers", K::kObjects, &kAlertmanager, kBase, kNever,
     "empty or null alertmanager config section"},
};
const Schema kAlerting{"config.AlertingConfig", kAlertingFields, {}, validate_alerting};

// --- remote write / read ---
const Field kQueueFields[] = {
    {"capacity", K::kInt},
    {"max_shards", K::kInt},
    {"min_shards", K::kInt},
    {"max_samples_per_send", K::kInt},
    {"batch_send_deadline", K::kDuration},
    {"min_backoff", K::kDuration},
    {"max_backoff", K::kDuration},
    {"retry_on_http_429", K::kBool},
    {"sample_age_limit", K::kDuration, nullptr, {2, 50}},
};
const Schema kQueue{"config.QueueConfig", kQueueFields};
const Field kMetadataFields[] = {
    {"send", K::kBool}, {"send_interval", K::kDuration}, {"max_samples_per_send", K::kInt}};
const Schema kMetadata{"config.MetadataConfig", kMetadataFields};
const Field kRemoteWriteFields[] = {
    {"url"},
    {"remote_timeout", K::kDuration},
    {"headers", K::kStringMap},
    {"write_relabel_configs", K::kObjects, &kRelabel, kBase, kNever,
     "empty or null relabeling rule in remote write config"},
    {"name"},
    {"send_exemplars", K::kBool},
    {"send_native_histograms", K::kBool},
    {"round_robin_dns", K::kBool, nullptr, {3, 1}},
    {"protobuf_message", K::kString, nullptr, {2, 54}},
    {"queue_config", K::kObject, &kQueue},
    {"metadata_config", K::kObject, &kMetadata},
    {"sigv4", K::kObject, &kSigv4},
    {"azuread", K::kAny, nullptr, {2, 45}},
    {"google_iam", K::kAny, nullptr, {2, 55}},
};
const Schema kRemoteWrite{"config.plain", kRemoteWriteFields, kHttpInline, validate_remote_write};
const Field kRemoteReadFields[] = {
    {"url"},
    {"remote_timeout", K::kDuration},
    {"headers", K::kStringMap},
    {"read_recent", K::kBool},
    {"name"},
    {"required_matchers", K::kStringMap},
    {"filter_external_labels", K::kBool},
    {"chunked_read_limit", K::kUint, nullptr, {2, 55}},
};
const Schema kRemoteRead{"config.plain", kRemoteReadFields, kHttpInline, validate_remote_read};

// --- the file ---
const Field kRuntimeFields[] = {{"gogc", K::kInt}};
const Schema kRuntime{"config.RuntimeConfig", kRuntimeFields};
const Field kRootFields[] = {
    {"global", K::kObject, &kGlobal},
    {"runtime", K::kObject, &kRuntime, {2, 53}},
    {"alerting", K::kObject, &kAlerting},
    {"rule_files", K::kStrings},
    {"scrape_config_files", K::kStrings, nullptr, {2, 43}},
    {"scrape_configs", K::kObjects, &kScrape, kBase, kNever, "empty or null scrape config section"},
    {"storage", K::kObject, &kStorage},
    {"tracing", K::kObject, &kTracing},
    {"remote_write", K::kObjects, &kRemoteWrite, kBase, kNever,
     "empty or null remote write config section"},
    {"remote_read", K::kObjects, &kRemoteRead, kBase, kNever,
     "empty or null remote read config section"},
    {"otlp", K::kAny, nullptr, {2, 55}},
};
const Schema kRoot{"config.plain", kRootFields, {}, validate_root};

}  // namespace

const Schema& root_schema() { return kRoot; }
const Schema& scrape_config_schema() { return kScrape; }
const Schema& static_config_schema() { return kStatic; }
std::span<const Discovery> discoveries() { return kDiscoveries; }

const Discovery* find_discovery(std::string_view key) {
  constexpr std::string_view kSuffix = "_sd_configs";
  if (key.size() <= kSuffix.size() || key.substr(key.size() - kSuffix.size()) != kSuffix) {
    return nullptr;
  }
  std::string_view name = key.substr(0, key.size() - kSuffix.size());
  for (const Discovery& d : kDiscoveries) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

}  // namespace caxtool::promconfig
