// SPDX-License-Identifier: Apache-2.0
// Fuzz target: whatever a server sends back. The bytes are a response body (with the status
// code and content type taken from the first byte), read as the envelope and then as targets,
// TSDB status and a query result; plus the URL and time parsers a server's strings reach.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/url.h"
#include "promapi/api.h"
#include "promapi/query.h"
#include "promapi/targets.h"
#include "promapi/tsdb_status.h"
#include "util/time.h"

int caxtool_fuzz_promapi(const uint8_t* data, size_t size) {
  if (size < 1 || size > (1 << 20)) return 0;
  using namespace caxtool;
  static const long kStatus[] = {200, 400, 401, 404, 422, 429, 499, 500, 503};
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  http::Response r;
  r.status = kStatus[data[0] % (sizeof kStatus / sizeof kStatus[0])];
  r.headers.emplace_back("content-type", data[0] & 0x80 ? "text/plain" : "application/json");
  r.body = std::string(text);
  (void)util::parse_rfc3339(text);
  (void)util::parse_time_arg(text, 0);
  (void)http::parse_url(text);
  (void)http::redact_url(text);
  promapi::ApiResult result = promapi::parse_envelope("GET fuzz", r);
  auto* doc = std::get_if<std::unique_ptr<promapi::Document>>(&result);
  if (doc == nullptr) {
    (void)promapi::render(std::get<promapi::ApiError>(result));
    return 0;
  }
  promapi::ServerInfo info;
  info.engine = http::Engine::kPrometheus;
  promapi::TsdbStatusQuery q;
  q.limit = 3;
  (void)promapi::read_tsdb_status(**doc, info, q, true);
  // read_targets and read_query_result take ownership: parse the body again for each.
  promapi::ApiResult again = promapi::parse_envelope("GET fuzz", r);
  if (auto* d = std::get_if<std::unique_ptr<promapi::Document>>(&again)) {
    promapi::TargetsQuery tq;
    tq.down_only = (data[0] & 1) != 0;
    (void)promapi::read_targets(std::move(*d), tq);
  }
  auto q_result = promapi::read_query_result(std::move(*doc));
  if (auto* qr = std::get_if<promapi::QueryResult>(&q_result)) {
    for (const auto& s : qr->series) (void)promapi::series_name(s);
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_promapi(data, size);
}
#endif
