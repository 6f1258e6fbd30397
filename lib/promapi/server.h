// SPDX-License-Identifier: Apache-2.0
// Which engine and version answer at --url, from the build info: it decides which parameters a
// request may carry (`limit` on the TSDB status exists from Prometheus 2.45) and how answers
// are read.
#pragma once

#include <memory>
#include <string>

#include "promapi/api.h"

namespace caxtool::promapi {

struct ServerInfo {
  http::Engine engine = http::Engine::kAuto;  // kAuto: could not tell
  std::string version;                        // "2.42.0", "" when the server does not say
  int major = 0;
  int minor = 0;
  std::unique_ptr<Document> buildinfo;  // null when the endpoint failed
  bool at_least(int maj, int min) const { return major > maj || (major == maj && minor >= min); }
};

// GET /api/v1/status/buildinfo; never fails (a server without it is "unknown"), but an answer
// that shows the server is unreachable is returned as the error.
std::variant<ServerInfo, ApiError> detect_server(http::Session& session);

}  // namespace caxtool::promapi
