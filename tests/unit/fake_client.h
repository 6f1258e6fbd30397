// SPDX-License-Identifier: Apache-2.0
// The test double behind http::Client, shared by http_test.cpp and promapi_test.cpp: it records
// every request and answers from a script (in order) or, once the script is spent, by URL path,
// so that a sequence of retries and a whole doctor run can both be written down as data.
#pragma once

#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/client.h"
#include "http/url.h"

namespace caxtool::testing {

class FakeClient : public http::Client {
 public:
  std::vector<http::Request> requests;
  std::deque<http::Response> script;             // answered first, one per request
  std::map<std::string, http::Response> routes;  // then by URL path (query excluded)
  http::Response fallback = not_scripted();      // then this

  http::Response send(const http::Request& request) override {
    requests.push_back(request);
    http::Response r = fallback;
    if (!script.empty()) {
      r = std::move(script.front());
      script.pop_front();
    } else if (auto it = routes.find(http::parse_url(request.url).path); it != routes.end()) {
      r = it->second;
    }
    // As the curl transport: a successful body goes to the reader when the request has one,
    // here in two pieces so that readers see a cut.
    if (request.on_body && r.ok() && r.status >= 200 && r.status < 300 && !r.body.empty()) {
      std::string body = std::move(r.body);
      r.body.clear();
      r.streamed = true;
      size_t half = body.size() / 2;
      if (!request.on_body(std::string_view(body).substr(0, half)) ||
          !request.on_body(std::string_view(body).substr(half))) {
        r.error = http::ErrorKind::kStopped;
        r.error_message = "the reader stopped the transfer";
      }
    }
    return r;
  }

  static http::Response not_scripted() {
    http::Response r;
    r.error = http::ErrorKind::kOther;
    r.error_message = "the fake client has no answer for this request";
    return r;
  }
};

inline http::Response answer(long status, std::string body = {},
                             std::string content_type = "application/json") {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  if (!content_type.empty()) r.headers.emplace_back("content-type", std::move(content_type));
  return r;
}

inline http::Response transport_error(http::ErrorKind kind, std::string message = "boom") {
  http::Response r;
  r.error = kind;
  r.error_message = std::move(message);
  return r;
}

inline http::Response redirect(std::string location, long status = 302) {
  http::Response r;
  r.status = status;
  r.location = std::move(location);
  r.headers.emplace_back("location", r.location);
  return r;
}

// A request header's value, compared case-insensitively by name; nullopt when absent.
inline std::optional<std::string> header_of(const http::Request& r, std::string_view name) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  for (const auto& [k, v] : r.headers) {
    if (lower(k) == lower(name)) return v;
  }
  return std::nullopt;
}

}  // namespace caxtool::testing
