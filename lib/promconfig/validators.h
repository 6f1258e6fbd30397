// SPDX-License-Identifier: Apache-2.0
// The checks Prometheus runs after a block unmarshals (its Validate and UnmarshalYAML methods),
// one function per block, with promtool's messages. The schema tables point at them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "promconfig/context.h"
#include "promconfig/model.h"
#include "promql/regex.h"
#include "yaml/node.h"

namespace caxtool::promconfig {

void validate_root(const yaml::Node& n, Context& ctx);
void validate_global(const yaml::Node& n, Context& ctx);
void validate_scrape(const yaml::Node& n, Context& ctx);
void validate_relabel(const yaml::Node& n, Context& ctx);
void validate_http_client(const yaml::Node& n, Context& ctx);
void validate_tls(const yaml::Node& n, Context& ctx);
void validate_alertmanager(const yaml::Node& n, Context& ctx);
void validate_alerting(const yaml::Node& n, Context& ctx);
void validate_remote_write(const yaml::Node& n, Context& ctx);
void validate_remote_read(const yaml::Node& n, Context& ctx);
void validate_tracing(const yaml::Node& n, Context& ctx);

// Service discovery blocks.
void validate_file_sd(const yaml::Node& n, Context& ctx);
void validate_http_sd(const yaml::Node& n, Context& ctx);
void validate_dns_sd(const yaml::Node& n, Context& ctx);
void validate_kubernetes_sd(const yaml::Node& n, Context& ctx);
void validate_consul_sd(const yaml::Node& n, Context& ctx);
void validate_ec2_sd(const yaml::Node& n, Context& ctx);
void validate_lightsail_sd(const yaml::Node& n, Context& ctx);
void validate_azure_sd(const yaml::Node& n, Context& ctx);
void validate_gce_sd(const yaml::Node& n, Context& ctx);
void validate_openstack_sd(const yaml::Node& n, Context& ctx);
void validate_eureka_sd(const yaml::Node& n, Context& ctx);
void validate_hetzner_sd(const yaml::Node& n, Context& ctx);
void validate_ionos_sd(const yaml::Node& n, Context& ctx);
void validate_uyuni_sd(const yaml::Node& n, Context& ctx);
void validate_marathon_sd(const yaml::Node& n, Context& ctx);
void validate_docker_sd(const yaml::Node& n, Context& ctx);
void validate_dockerswarm_sd(const yaml::Node& n, Context& ctx);
void validate_puppetdb_sd(const yaml::Node& n, Context& ctx);
void validate_scaleway_sd(const yaml::Node& n, Context& ctx);
void validate_triton_sd(const yaml::Node& n, Context& ctx);
void validate_kuma_sd(const yaml::Node& n, Context& ctx);
void validate_serverset_sd(const yaml::Node& n, Context& ctx);
void validate_nerve_sd(const yaml::Node& n, Context& ctx);
void validate_ovhcloud_sd(const yaml::Node& n, Context& ctx);
void validate_nomad_sd(const yaml::Node& n, Context& ctx);

// A relabel rule as Prometheus reads it, defaults filled in.
Relabel read_relabel(const yaml::Node& n);

// A relabel regex compiled once per run (anchored as the release anchors it).
const promql::detail::LabelRegex& compiled_regex(const std::string& re, bool dot_nl);

// A static target's labels after target relabelling, or nullopt when the rules drop the target
// or read a label whose value cannot be known offline (a hashmod result).
std::optional<std::map<std::string, std::string>> relabel_target(
    std::map<std::string, std::string> labels, const std::vector<Relabel>& rules, bool dot_nl);

}  // namespace caxtool::promconfig
