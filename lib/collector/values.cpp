// SPDX-License-Identifier: Apache-2.0
// Go's address, URL and duration syntaxes, as the collector's config structs parse them, so
// that an endpoint that would fail at start is reported with its line now.
#include "collector/values.h"

#include <cctype>

namespace caxtool::collector {
namespace {

bool parse_port(std::string_view p, int& port) {
  if (p.empty() || p.size() > 5) return false;
  int v = 0;
  for (char c : p) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v > 65535) return false;
  port = v;
  return true;
}

}  // namespace

std::optional<HostPort> parse_host_port(std::string_view s, std::string& error) {
  HostPort out;
  std::string_view port;
  if (s.find("://") != std::string_view::npos) {
    error = "a listen address is host:port, without a scheme";
    return std::nullopt;
  }
  if (s.starts_with("[")) {
    size_t close = s.find(']');
    if (close == std::string_view::npos) {
      error = "missing ']' in address";
      return std::nullopt;
    }
    out.host = std::string(s.substr(1, close - 1));
    std::string_view rest = s.substr(close + 1);
    if (!rest.starts_with(":")) {
      error = "missing port in address";
      return std::nullopt;
    }
    port = rest.substr(1);
  } else {
    size_t colon = s.rfind(':');
    if (colon == std::string_view::npos) {
      error = "missing port in address";
      return std::nullopt;
    }
    if (s.find(':') != colon) {
      error = "too many colons in address";
      return std::nullopt;
    }
    if (s.find("/") != std::string_view::npos) {
      error = "a listen address is host:port, without a scheme or path";
      return std::nullopt;
    }
    out.host = std::string(s.substr(0, colon));
    port = s.substr(colon + 1);
  }
  if (!parse_port(port, out.port)) {
    error = "invalid port \"" + std::string(port) + "\"";
    return std::nullopt;
  }
  return out;
}

std::optional<HostPort> parse_url(std::string_view s, std::string& error) {
  size_t sep = s.find("://");
  if (sep == std::string_view::npos || sep == 0) {
    error = "not a URL (scheme://host:port)";
    return std::nullopt;
  }
  for (char c : s.substr(0, sep)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      error = "invalid scheme";
      return std::nullopt;
    }
  }
  std::string_view rest = s.substr(sep + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  HostPort out;
  size_t colon = authority.rfind(':');
  bool bracketed = authority.starts_with("[");
  if (colon != std::string_view::npos && (!bracketed || colon > authority.find(']'))) {
    out.host = std::string(authority.substr(0, colon));
    std::string_view p = authority.substr(colon + 1);
    if (!p.empty() && !parse_port(p, out.port)) {
      error = "invalid port \"" + std::string(p) + "\"";
      return std::nullopt;
    }
  } else {
    out.host = std::string(authority);
  }
  if (out.host.empty() && !s.starts_with("unix") && !s.starts_with("file")) {
    error = "missing host";
    return std::nullopt;
  }
  return out;
}

std::optional<double> parse_go_duration(std::string_view s) {
  if (s.starts_with("-") || s.starts_with("+")) s.remove_prefix(1);
  if (s == "0") return 0.0;
  if (s.empty()) return std::nullopt;
  double total = 0;
  while (!s.empty()) {
    size_t i = 0;
    double v = 0, scale = 0;
    bool digits = false;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) {
      if (s[i] == '.') {
        if (scale != 0) return std::nullopt;
        scale = 1;
      } else {
        digits = true;
        if (scale == 0) {
          v = v * 10 + (s[i] - '0');
        } else {
          scale /= 10;
          v += (s[i] - '0') * scale;
        }
      }
      ++i;
    }
    if (!digits) return std::nullopt;
    size_t j = i;
    while (j < s.size() && !std::isdigit(static_cast<unsigned char>(s[j])) && s[j] != '.') ++j;
    std::string_view unit = s.substr(i, j - i);
    double mult = unit == "ns"                   ? 1e-9
                  : unit == "us" || unit == "µs" ? 1e-6
                  : unit == "ms"                 ? 1e-3
                  : unit == "s"                  ? 1
                  : unit == "m"                  ? 60
                  : unit == "h"                  ? 3600
                                                 : -1;
    if (mult < 0) return std::nullopt;
    total += v * mult;
    s.remove_prefix(j);
  }
  return total;
}

bool has_reference(std::string_view s) { return s.find("${") != std::string_view::npos; }

bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace caxtool::collector
