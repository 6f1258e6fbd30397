// SPDX-License-Identifier: Apache-2.0
// The value syntaxes collector configs share, parsed as Go parses them: listen addresses
// (net.SplitHostPort), URLs, durations (time.ParseDuration). A value that holds a ${...}
// reference is only known at run time and is never judged by these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caxtool::collector {

struct HostPort {
  std::string host;  // without brackets; "" for all interfaces
  int port = 0;
};

// "host:port", ":port" or "[v6]:port"; nullopt with `error` set otherwise.
std::optional<HostPort> parse_host_port(std::string_view s, std::string& error);

// scheme://host[:port][/path]; the host and port, or nullopt with `error` set.
std::optional<HostPort> parse_url(std::string_view s, std::string& error);

// Seconds, or nullopt: Go's time.ParseDuration ("1s", "1m30s", "500ms", "0").
std::optional<double> parse_go_duration(std::string_view s);

bool has_reference(std::string_view s);  // holds ${...}

// Listens on every interface (or on one another host could reach).
bool is_loopback(std::string_view host);

}  // namespace caxtool::collector
