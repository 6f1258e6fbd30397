// SPDX-License-Identifier: Apache-2.0
// Service discovery blocks: the required fields and allowed values each mechanism's
// UnmarshalYAML checks (discovery/*/ in prometheus/prometheus), with its messages. Checks that
// need the network (an EC2 region from instance metadata) are decided as they fail offline.
#include <algorithm>
#include <cctype>

#include "promconfig/validators.h"

namespace caxtool::promconfig {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), v) != options.end();
}

// http(s)://host... as Go's url.Parse and the SDs' checks see it. Returns an error or "".
std::string check_http_url(std::string_view url) {
  if (url.empty()) return "URL is missing";
  size_t colon = url.find("://");
  std::string scheme = colon == std::string_view::npos ? "" : lower(url.substr(0, colon));
  if (scheme != "http" && scheme != "https") return "URL scheme must be 'http' or 'https'";
  std::string_view rest = url.substr(colon + 3);
  if (rest.empty() || rest.front() == '/' || rest.front() == '?') return "host is missing in URL";
  return "";
}

}  // namespace

void validate_file_sd(const yaml::Node& n, Context& ctx) {
  const yaml::Node* files = value(n, "files");
  if (files == nullptr || files->children.empty()) {
    return ctx.error(n, "file service discovery config must contain at least one path name");
  }
  for (const yaml::Node& f : files->children) {
    // ^[^*]*(\*[^/]*)?\.(json|yml|yaml|JSON|YML|YAML)$
    const std::string& p = f.value;
    size_t star = p.find('*');
    bool ok = star == std::string::npos || (p.find('*', star + 1) == std::string::npos &&
                                            p.find('/', star) == std::string::npos);
    size_t dot = p.rfind('.');
    std::string ext = dot == std::string::npos ? "" : p.substr(dot + 1);
    ok = ok && one_of(ext, {"json", "yml", "yaml", "JSON", "YML", "YAML"});
    if (!ok) return ctx.error(f, "path name " + quote(p) + " is not valid for file discovery");
  }
}

void validate_http_sd(const yaml::Node& n, Context& ctx) {
  std::string err = check_http_url(text(n, "url"));
  if (!err.empty()) ctx.error(has(n, "url") ? *value(n, "url") : n, err);
}

void validate_dns_sd(const yaml::Node& n, Context& ctx) {
  const yaml::Node* names = value(n, "names");
  if (names == nullptr || names->children.empty()) {
    return ctx.error(n, "DNS-SD config must contain at least one SRV record name");
  }
  std::string type = lower(text(n, "type"));
  if (type.empty() || type == "srv") return;
  if (!one_of(type, {"a", "aaaa", "mx", "ns"})) {
    return ctx.error(*value(n, "type"),
                     "invalid DNS-SD records type " + std::string(text(n, "type")));
  }
  if (text(n, "port").empty() || text(n, "port") == "0") {
    ctx.error(n, "a port is required in DNS-SD configs for all record types except SRV");
  }
}

void validate_kubernetes_sd(const yaml::Node& n, Context& ctx) {
  std::string_view role = text(n, "role");
  if (role.empty()) {
    return ctx.error(
        n, "role missing (one of: pod, service, endpoints, endpointslice, node, ingress)");
  }
  if (!one_of(role, {"pod", "service", "endpoints", "endpointslice", "node", "ingress"})) {
    return ctx.error(*value(n, "role"), "unknown Kubernetes SD role " + quote(role));
  }
  bool api = !text(n, "api_server").empty();
  bool kubeconfig = !text(n, "kubeconfig_file").empty();
  if (api && kubeconfig) {
    return ctx.error(n, "cannot use 'kubeconfig_file' and 'api_server' simultaneously");
  }
  bool custom_http = has(n, "basic_auth") || has(n, "authorization") || has(n, "oauth2") ||
                     has(n, "bearer_token") || has(n, "bearer_token_file") ||
                     has(n, "tls_config") || has(n, "proxy_url");
  if (kubeconfig && custom_http) {
    return ctx.error(n,
                     "cannot use a custom HTTP client configuration together with "
                     "'kubeconfig_file'");
  }
  if (!api && !kubeconfig && custom_http) {
    return ctx.error(n,
                     "to use custom HTTP client configuration please provide the "
                     "'api_server' URL explicitly");
  }
  const yaml::Node* ns = value(n, "namespaces");
  bool own = ns != nullptr && text(*ns, "own_namespace") == "true";
  if (api && own)
    return ctx.error(n, "cannot use 'api_server' and 'namespaces.own_namespace' simultaneously");
  if (kubeconfig && own) {
    return ctx.error(n,
                     "cannot use 'kubeconfig_file' and 'namespaces.own_namespace' simultaneously");
  }
  const yaml::Node* selectors = value(n, "selectors");
  if (selectors == nullptr) return;
  std::vector<std::string> seen;
  for (const yaml::Node& s : selectors->children) {
    std::string srole(text(s, "role"));
    if (std::find(seen.begin(), seen.end(), srole) != seen.end()) {
      return ctx.error(s, "duplicated selector role: " + srole);
    }
    seen.push_back(srole);
    std::string allowed = role == "pod"             ? "pod node"
                          : role == "service"       ? "service"
                          : role == "endpoints"     ? "pod service endpoints"
                          : role == "endpointslice" ? "pod service endpointslice"
                          : role == "node"          ? "node"
                                                    : "ingress";
    bool ok = false;
    for (size_t at = 0; at <= allowed.size();) {
      size_t end = std::min(allowed.find(' ', at), allowed.size());
      if (allowed.substr(at, end - at) == srole) ok = true;
      at = end + 1;
    }
    if (!ok) {
      return ctx.error(s, std::string(role) + " role supports only " + allowed + " selectors");
    }
  }
}

void validate_consul_sd(const yaml::Node& n, Context& ctx) {
  if (has(n, "server") && text(n, "server").empty()) {
    return ctx.error(n, "consul SD configuration requires a server address");
  }
  bool user = !text(n, "username").empty() || !text(n, "password").empty();
  if (user && has(n, "basic_auth")) {
    return ctx.error(n,
                     "at most one of consul SD configuration username and password and basic "
                     "auth can be configured");
  }
  if (!text(n, "token").empty() && (has(n, "authorization") || has(n, "oauth2"))) {
    return ctx.error(n,
                     "at most one of consul SD token, authorization, or oauth2 can be configured");
  }
}

void validate_ec2_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "region").empty() && !ctx.at_least(3, 14)) {
    return ctx.error(n,
                     ctx.at_least(3, 10) ? "could not determine AWS region"
                                         : "EC2 SD configuration requires a region",
                     "config/invalid", "set region: offline, no instance metadata can supply it");
  }
  if (const yaml::Node* filters = value(n, "filters")) {
    for (const yaml::Node& f : filters->children) {
      const yaml::Node* values = value(f, "values");
      if (values == nullptr || values->children.empty()) {
        return ctx.error(f, "EC2 SD configuration filter values cannot be empty");
      }
    }
  }
}

void validate_lightsail_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "region").empty() && !ctx.at_least(3, 14)) {
    ctx.error(n, ctx.at_least(3, 7) ? "lightsail SD configuration requires a region"
                                    : "Lightsail SD configuration requires a region");
  }
}

void validate_azure_sd(const yaml::Node& n, Context& ctx) {
  std::string_view method = text(n, "authentication_method");
  if (method.empty()) method = "OAuth";
  if (text(n, "subscription_id").empty()) {
    return ctx.error(n, "azure SD configuration requires a subscription_id");
  }
  if (method == "OAuth") {
    for (const char* key : {"tenant_id", "client_id", "client_secret"}) {
      if (text(n, key).empty()) {
        return ctx.error(n, "azure SD configuration requires a " + std::string(key));
      }
    }
  }
  bool ok = method == "OAuth" || method == "ManagedIdentity" ||
            (ctx.at_least(2, 52) && method == "SDK") ||
            (ctx.at_least(3, 11) && method == "WorkloadIdentity");
  if (!ok) {
    ctx.error(*value(n, "authentication_method"), "unknown authentication_type " + quote(method) +
                                                      ". Supported types are \"OAuth\" "
                                                      "or \"ManagedIdentity\"" +
                                                      (ctx.at_least(2, 52) ? " or \"SDK\"" : ""));
  }
}

void validate_gce_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "project").empty()) return ctx.error(n, "GCE SD configuration requires a project");
  if (text(n, "zone").empty()) ctx.error(n, "GCE SD configuration requires a zone");
}

void validate_openstack_sd(const yaml::Node& n, Context& ctx) {
  std::string_view availability = text(n, "availability");
  if (!availability.empty() && !one_of(availability, {"public", "admin", "internal"})) {
    return ctx.error(n, "unknown availability " + std::string(availability) +
                            ", must be one of admin, internal or public");
  }
  std::string_view role = text(n, "role");
  bool v32 = ctx.at_least(3, 2);
  if (role.empty()) {
    return ctx.error(n, v32 ? "role missing (one of: instance, hypervisor, loadbalancer)"
                            : "role missing (one of: instance, hypervisor)");
  }
  if (!(role == "instance" || role == "hypervisor" || (v32 && role == "loadbalancer"))) {
    return ctx.error(*value(n, "role"), "unknown OpenStack SD role " + quote(role));
  }
  if (text(n, "region").empty()) ctx.error(n, "openstack SD configuration requires a region");
}

void validate_eureka_sd(const yaml::Node& n, Context& ctx) {
  std::string_view server = text(n, "server");
  if (server.empty()) return ctx.error(n, "eureka_sd: empty or null eureka server");
  size_t colon = server.find("://");
  if (colon == std::string_view::npos || colon == 0 || colon + 3 >= server.size()) {
    ctx.error(*value(n, "server"), "eureka_sd: invalid eureka server URL");
  }
}

void validate_hetzner_sd(const yaml::Node& n, Context& ctx) {
  std::string_view role = text(n, "role");
  if (role.empty()) return ctx.error(n, "role missing (one of: robot, hcloud)");
  if (role != "robot" && role != "hcloud") {
    ctx.error(*value(n, "role"), "unknown role " + quote(role));
  }
}

void validate_ionos_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "datacenter_id").empty()) ctx.error(n, "datacenter id can't be empty");
}

void validate_uyuni_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "server").empty()) return ctx.error(n, "Uyuni SD configuration requires server host");
  if (text(n, "username").empty())
    return ctx.error(n, "Uyuni SD configuration requires a username");
  if (text(n, "password").empty()) ctx.error(n, "Uyuni SD configuration requires a password");
}

void validate_marathon_sd(const yaml::Node& n, Context& ctx) {
  const yaml::Node* servers = value(n, "servers");
  if (servers == nullptr || servers->children.empty()) {
    return ctx.error(n, "marathon_sd: must contain at least one Marathon server");
  }
  bool token = !text(n, "auth_token").empty();
  bool token_file = !text(n, "auth_token_file").empty();
  if (token && token_file) {
    return ctx.error(n,
                     "marathon_sd: at most one of auth_token & auth_token_file must be configured");
  }
  if (token || token_file) {
    if (has(n, "basic_auth")) {
      return ctx.error(n,
                       "marathon_sd: at most one of basic_auth, auth_token & auth_token_file "
                       "must be configured");
    }
    if (has(n, "bearer_token") || has(n, "bearer_token_file")) {
      return ctx.error(n,
                       "marathon_sd: at most one of bearer_token, bearer_token_file, "
                       "auth_token & auth_token_file must be configured");
    }
    if (has(n, "authorization")) {
      ctx.error(n,
                "marathon_sd: at most one of auth_token, auth_token_file & authorization must "
                "be configured");
    }
  }
}

void validate_docker_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "host").empty()) ctx.error(n, "host missing");
}

void validate_dockerswarm_sd(const yaml::Node& n, Context& ctx) {
  if (text(n, "host").empty()) return ctx.error(n, "host missing");
  std::string_view role = text(n, "role");
  if (role.empty()) return ctx.error(n, "role missing (one of: tasks, services, nodes)");
  if (!one_of(role, {"tasks", "services", "nodes"})) {
    ctx.error(*value(n, "role"),
              "invalid role " + std::string(role) + ", expected tasks, services, or nodes");
  }
}

void validate_puppetdb_sd(const yaml::Node& n, Context& ctx) {
  std::string err = check_http_url(text(n, "url"));
  if (!err.empty()) return ctx.error(n, err);
  if (text(n, "query").empty()) ctx.error(n, "query missing");
}

void validate_scaleway_sd(const yaml::Node& n, Context& ctx) {
  std::string_view role = text(n, "role");
  if (role.empty()) return ctx.error(n, "role missing (one of: instance, baremetal)");
  if (role != "instance" && role != "baremetal") {
    return ctx.error(*value(n, "role"), "unknown role " + quote(role));
  }
  if (text(n, "project_id").empty()) return ctx.error(n, "project_id is mandatory");
  bool key = !text(n, "secret_key").empty();
  bool key_file = !text(n, "secret_key_file").empty();
  if (!key && !key_file)
    return ctx.error(n, "one of secret_key & secret_key_file must be configured");
  if (key && key_file) {
    return ctx.error(n, "at most one of secret_key & secret_key_file must be configured");
  }
  if (text(n, "access_key").empty()) ctx.error(n, "access_key is mandatory");
}

void validate_triton_sd(const yaml::Node& n, Context& ctx) {
  std::string_view role = text(n, "role");
  if (!role.empty() && role != "container" && role != "cn") {
    return ctx.error(n, "triton SD configuration requires role to be 'container' or 'cn'");
  }
  if (text(n, "account").empty())
    return ctx.error(n, "triton SD configuration requires an account");
  if (text(n, "dns_suffix").empty()) {
    return ctx.error(n, "triton SD configuration requires a dns_suffix");
  }
  if (text(n, "endpoint").empty())
    return ctx.error(n, "triton SD configuration requires an endpoint");
  if (text(n, "refresh_interval") == "0") {
    ctx.error(n, "triton SD configuration requires RefreshInterval to be a positive integer");
  }
}

void validate_kuma_sd(const yaml::Node& n, Context& ctx) {
  std::string_view server = text(n, "server");
  if (server.empty())
    return ctx.error(n, "kuma SD server must not be empty: " + std::string(server));
  if (server.find("://") == std::string_view::npos) {
    ctx.error(n, "kuma SD server must not be empty and have a scheme: " + std::string(server));
  }
}

namespace {
void validate_zookeeper(const yaml::Node& n, Context& ctx, const std::string& what) {
  const yaml::Node* servers = value(n, "servers");
  if (servers == nullptr || servers->children.empty()) {
    return ctx.error(n, what + " SD config must contain at least one Zookeeper server");
  }
  const yaml::Node* paths = value(n, "paths");
  if (paths == nullptr || paths->children.empty()) {
    return ctx.error(n, what + " SD config must contain at least one path");
  }
  for (const yaml::Node& p : paths->children) {
    if (p.value.empty() || p.value.front() != '/') {
      return ctx.error(p, what + " SD config paths must begin with '/': " + p.value);
    }
  }
}
}  // namespace

void validate_serverset_sd(const yaml::Node& n, Context& ctx) {
  validate_zookeeper(n, ctx, "serverset");
}
void validate_nerve_sd(const yaml::Node& n, Context& ctx) { validate_zookeeper(n, ctx, "nerve"); }

void validate_ovhcloud_sd(const yaml::Node& n, Context& ctx) {
  if (has(n, "endpoint") && text(n, "endpoint").empty())
    return ctx.error(n, "endpoint can not be empty");
  if (text(n, "application_key").empty()) return ctx.error(n, "application key can not be empty");
  if (text(n, "application_secret").empty()) {
    return ctx.error(n, "application secret can not be empty");
  }
  if (text(n, "consumer_key").empty()) return ctx.error(n, "consumer key can not be empty");
  std::string_view service = text(n, "service");
  if (service != "dedicated_server" && service != "vps") {
    ctx.error(n, "unknown service: " + std::string(service));
  }
}

void validate_nomad_sd(const yaml::Node& n, Context& ctx) {
  if (has(n, "server") && text(n, "server").empty()) {
    ctx.error(n, "nomad SD configuration requires a server address");
  }
}

}  // namespace caxtool::promconfig
