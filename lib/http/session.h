// SPDX-License-Identifier: Apache-2.0
// A conversation with one server: its API root, credentials, tenant, the overall deadline, the
// retry policy and redirects. Commands ask for a path; the session decides what is sent, so
// that the rules on secrets live in one place.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "http/client.h"
#include "http/url.h"

namespace caxtool::http {

// Which engine answers, for its tenant header and its API shapes.
enum class Engine { kAuto, kPrometheus, kVictoriaMetrics, kThanos, kMimir, kCortex };
std::string_view engine_name(Engine e);

struct SessionOptions {
  std::string root_url = "http://localhost:9090";
  std::string bearer_token;  // read from its file; never printed
  std::string basic_user;
  std::string basic_password;  // read from its file; never printed
  Headers headers;  // --header, sent as given (values redacted in -v when secret-looking)
  Engine engine = Engine::kAuto;
  std::string tenant;          // sent the way `engine` expects it
  int64_t timeout_ms = 30000;  // for the whole call: retries and redirects included
  int retries = 2;             // further attempts after connection errors, 429 and 503
  int max_redirects = 5;
  std::function<void(std::string_view)> log;  // -v; gets no secret
  std::function<void(int64_t)> sleep_ms;      // default: std::this_thread::sleep_for
  uint32_t jitter_seed = 0;                   // 0: random
  const std::atomic<bool>* cancel = nullptr;  // SIGINT: no further attempt
};

class Session {
 public:
  Session(Client& client, SessionOptions options);

  // GET root+path?params. Retries connection errors, 429 and 503 with exponential backoff and
  // jitter (or the server's Retry-After) while the deadline allows; follows redirects, sending
  // credentials and custom headers only to the origin of the root URL.
  Response get(std::string_view path, const Params& params = {});
  // The same, with a successful body streamed to `on_body` (see Request::on_body). A streamed
  // answer is never retried: its reader has seen part of it.
  Response get(std::string_view path, const Params& params,
               const std::function<bool(std::string_view)>& on_body);

  // "GET http://host:9090/api/v1/targets?state=active", credentials removed: for messages.
  std::string describe(std::string_view path, const Params& params = {}) const;

  const SessionOptions& options() const { return options_; }
  // The root's path, with the VictoriaMetrics tenant inserted where the engine takes it there.
  const std::string& root() const { return root_; }

 private:
  Headers headers_for(const Origin& target) const;
  void trace(const std::string& line) const;

  Client& client_;
  SessionOptions options_;
  std::string root_;
  Origin root_origin_;
  std::mt19937 rng_;
};

// Whether a header's value must never be shown ("Authorization", "X-Api-Key", a token...).
bool is_secret_header(std::string_view name);

}  // namespace caxtool::http
