// SPDX-License-Identifier: Apache-2.0
// See server.h. VictoriaMetrics answers the build info with an empty object; Thanos with a 0.x
// version; Prometheus with its own, plus revision and Go version. --engine overrides all of it.
#include "promapi/server.h"

#include <charconv>

namespace caxtool::promapi {

std::variant<ServerInfo, ApiError> detect_server(http::Session& session) {
  ServerInfo info;
  info.engine = session.options().engine;
  ApiResult r = call(session, "/api/v1/status/buildinfo");
  if (auto* e = std::get_if<ApiError>(&r)) {
    // No answer at all is an error for every command; a 4xx only means no build info here.
    if (e->status == 0 || e->status >= 500) return std::move(*e);
    return info;
  }
  auto doc = std::move(std::get<std::unique_ptr<Document>>(r));
  info.version = std::string(get_string(doc->data(), "version"));
  std::string_view v = info.version;
  if (!v.empty() && v.front() == 'v') v.remove_prefix(1);
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), info.major);
  if (ec == std::errc() && p < v.data() + v.size() && *p == '.') {
    std::from_chars(p + 1, v.data() + v.size(), info.minor);
  }
  if (info.engine == http::Engine::kAuto) {
    // Prometheus and Thanos say which commit and Go built them; VictoriaMetrics sends nothing
    // (before 1.96) or only a fake Prometheus version ("2.24.0", for Grafana).
    bool has_build = !get_string(doc->data(), "revision").empty() ||
                     !get_string(doc->data(), "goVersion").empty();
    if (info.version.empty() || !has_build) {
      info.engine = http::Engine::kVictoriaMetrics;
    } else if (info.major == 0) {
      info.engine = http::Engine::kThanos;
    } else {
      info.engine = http::Engine::kPrometheus;
    }
  }
  info.buildinfo = std::move(doc);
  return info;
}

}  // namespace caxtool::promapi
