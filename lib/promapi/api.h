// SPDX-License-Identifier: Apache-2.0
// The Prometheus HTTP API envelope, and everything real servers send instead of it: plain-text
// 503s while the WAL replays, 499 on cancel, VictoriaMetrics' numeric errorType, Mimir's plain
// text, bodies without a `status`. Each failure becomes one ApiError that says what was asked,
// what came back and what to try. Parsing is simdjson's DOM: a 100,000-target answer is ~100 MB.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "http/session.h"

namespace caxtool::promapi {

struct ApiError {
  std::string asked;    // "GET http://127.0.0.1:9090/api/v1/targets"
  std::string message;  // what came back
  std::string hint;     // what to try
  long status = 0;      // HTTP status, 0 when there was no answer
  bool interrupted = false;
};

// A parsed answer. Owns the parser, so strings read from data() live as long as it does.
class Document {
 public:
  simdjson::dom::element root() const { return root_; }
  // The envelope's `data`, or the whole body where a server sends no envelope.
  simdjson::dom::element data() const { return data_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  const std::vector<std::string>& infos() const { return infos_; }
  const http::Response& response() const { return response_; }

 private:
  friend std::variant<std::unique_ptr<Document>, ApiError> parse_envelope(std::string asked,
                                                                          http::Response r);
  http::Response response_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
  simdjson::dom::element data_;
  std::vector<std::string> warnings_;
  std::vector<std::string> infos_;
};

using ApiResult = std::variant<std::unique_ptr<Document>, ApiError>;

// GET path and read the envelope.
ApiResult call(http::Session& session, std::string_view path, const http::Params& params = {});

// The envelope of a response already received (exposed for the tests).
ApiResult parse_envelope(std::string asked, http::Response r);

// An ApiError for a response that did not come back or did not succeed (any endpoint, JSON or
// not): used for the plain-text endpoints (/-/ready) too.
ApiError failure(std::string asked, const http::Response& r, const http::SessionOptions& options);

// "ApiError: message\n  hint" in one place, for every command.
std::string render(const ApiError& e);

// Small readers over simdjson elements that never throw: a missing or mistyped field reads as
// the fallback.
std::string_view get_string(simdjson::dom::element e, std::string_view key,
                            std::string_view fallback = {});
double get_number(simdjson::dom::element e, std::string_view key, double fallback = 0);
// A JSON number or a numeric string ("12.5", "NaN", "+Inf"), as Prometheus sends sample values.
double to_number(simdjson::dom::element e, double fallback = 0);

}  // namespace caxtool::promapi
