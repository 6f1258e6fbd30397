// SPDX-License-Identifier: Apache-2.0
// The transport seen by the rest of caxtool: one request in, one response or one transport error
// out. Only curl_client.cpp knows libcurl; unit tests put a fake that records requests behind
// this interface (opentelemetry-cpp's http_client.h with its no-send double).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caxtool::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method = "GET";
  std::string url;  // absolute, query string included
  Headers headers;
  std::string body;  // sent when not empty (POST forms)
  int64_t timeout_ms = 30000;
  // When set, the body of a 2xx answer goes here chunk by chunk instead of into Response::body
  // (a million series is several hundred MB of JSON). Returning false stops the transfer.
  std::function<bool(std::string_view)> on_body;
};

enum class ErrorKind {
  kNone,
  kConnect,   // refused, unreachable, DNS: nothing was sent, safe to retry
  kTimeout,   // no complete answer in time
  kTooLarge,  // the body passed the response size cap
  kTls,       // certificate, key or handshake
  kCanceled,  // SIGINT
  kStopped,   // Request::on_body returned false
  kOther,     // truncated body, protocol error, bad URL
};

struct Response {
  ErrorKind error = ErrorKind::kNone;
  std::string error_message;  // set with `error`
  long status = 0;
  Headers headers;        // names lower-cased
  std::string body;       // decoded (gzip is undone by the transport)
  std::string location;   // absolute redirect target of a 3xx, "" otherwise
  bool streamed = false;  // the body went to Request::on_body (at least one chunk)

  bool ok() const { return error == ErrorKind::kNone; }
  std::string_view header(std::string_view name) const;
};

struct TransportOptions {
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  bool insecure_skip_verify = false;
  uint64_t max_body_bytes = uint64_t{1} << 30;  // 1 GiB
  const std::atomic<bool>* cancel = nullptr;
};

class Client {
 public:
  virtual ~Client() = default;
  // Never follows redirects and never retries: the session above decides both.
  virtual Response send(const Request& request) = 0;
};

}  // namespace caxtool::http
