// SPDX-License-Identifier: Apache-2.0
// See session.h. The policy, in one place: what is retried (nothing was processed, or the
// server said "later"), how long we wait (exponential, jittered, within the deadline), and who
// gets credentials (only the origin the user named).
#include "http/session.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <thread>

namespace caxtool::http {

namespace {

using Clock = std::chrono::steady_clock;

int64_t ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool retryable(const Response& r) {
  if (r.error == ErrorKind::kConnect) return true;
  return r.ok() && (r.status == 429 || r.status == 503);
}

// Retry-After in seconds (the HTTP-date form is rare from these servers and is ignored).
int64_t retry_after_ms(const Response& r) {
  std::string_view v = r.header("retry-after");
  int64_t s = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), s);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size() || s < 0) return -1;
  return s * 1000;
}

std::string describe_outcome(const Response& r, int64_t ms) {
  std::string out = "  <- ";
  if (!r.ok()) {
    out += "failed: " + r.error_message;
  } else {
    out += std::to_string(r.status) + ", " + std::to_string(r.body.size()) + " bytes";
    std::string_view type = r.header("content-type");
    if (!type.empty()) out += ", " + std::string(type);
  }
  out += " (" + std::to_string(ms) + " ms)";
  return out;
}

}  // namespace

std::string_view engine_name(Engine e) {
  switch (e) {
    case Engine::kAuto:
      return "auto";
    case Engine::kPrometheus:
      return "prometheus";
    case Engine::kVictoriaMetrics:
      return "victoriametrics";
    case Engine::kThanos:
      return "thanos";
    case Engine::kMimir:
      return "mimir";
    case Engine::kCortex:
      return "cortex";
  }
  return "auto";
}

bool is_secret_header(std::string_view name) {
  std::string n = lower(name);
  for (std::string_view word : {"authorization", "cookie", "token", "secret", "password", "key",
                                "credential", "auth", "session"}) {
    if (n.find(word) != std::string::npos) return true;
  }
  return false;
}

Session::Session(Client& client, SessionOptions options)
    : client_(client), options_(std::move(options)), rng_(options_.jitter_seed) {
  if (options_.jitter_seed == 0) rng_.seed(std::random_device{}());
  if (!options_.sleep_ms) {
    options_.sleep_ms = [](int64_t ms) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    };
  }
  root_ = options_.root_url;
  while (!root_.empty() && root_.back() == '/') root_.pop_back();
  // A vmselect root without a tenant (".../select") takes it in the path: /select/<id>/prometheus.
  if (options_.engine == Engine::kVictoriaMetrics && !options_.tenant.empty()) {
    std::string_view r = root_;
    if (r.size() >= 7 && r.substr(r.size() - 7) == "/select") {
      root_ += "/" + options_.tenant + "/prometheus";
    }
  }
  root_origin_ = parse_url(root_).origin;
}

Headers Session::headers_for(const Origin& target) const {
  Headers h;
  // Credentials and the user's headers go to the origin the user named, and nowhere else.
  if (target != root_origin_) return h;
  if (!options_.bearer_token.empty()) {
    h.emplace_back("Authorization", "Bearer " + options_.bearer_token);
  } else if (!options_.basic_user.empty()) {
    h.emplace_back("Authorization",
                   "Basic " + base64(options_.basic_user + ":" + options_.basic_password));
  }
  if (!options_.tenant.empty()) {
    switch (options_.engine) {
      case Engine::kMimir:
      case Engine::kCortex:
        h.emplace_back("X-Scope-OrgID", options_.tenant);
        break;
      case Engine::kThanos:
        h.emplace_back("THANOS-TENANT", options_.tenant);
        break;
      case Engine::kVictoriaMetrics: {
        if (root_.find("/select/") != std::string::npos) break;  // in the path already
        std::string_view t = options_.tenant;
        size_t colon = t.find(':');
        h.emplace_back("AccountID", std::string(t.substr(0, colon)));
        if (colon != std::string_view::npos)
          h.emplace_back("ProjectID", std::string(t.substr(colon + 1)));
        break;
      }
      case Engine::kAuto:
      case Engine::kPrometheus:
        break;
    }
  }
  for (const auto& header : options_.headers) h.push_back(header);
  return h;
}

void Session::trace(const std::string& line) const {
  if (options_.log) options_.log(line);
}

std::string Session::describe(std::string_view path, const Params& params) const {
  return "GET " + redact_url(join_url(root_, path, params));
}

Response Session::get(std::string_view path, const Params& params) {
  return get(path, params, nullptr);
}

Response Session::get(std::string_view path, const Params& params,
                      const std::function<bool(std::string_view)>& on_body) {
  const auto start = Clock::now();
  std::string url = join_url(root_, path, params);
  Response last;
  int redirects = 0;
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  for (int attempt = 0;; ++attempt) {
    int64_t left = options_.timeout_ms - ms_since(start);
    if (left <= 0) {
      if (last.ok() && last.status != 0) return last;
      last.error = ErrorKind::kTimeout;
      last.error_message =
          "no answer within the timeout of " + std::to_string(options_.timeout_ms) + " ms";
      return last;
    }
    Request request;
    request.url = url;
    ParsedUrl target = parse_url(url);
    request.headers = headers_for(target.origin);
    request.timeout_ms = left;
    request.on_body = on_body;
    if (options_.log) {
      trace("-> GET " + redact_url(url));
      for (const auto& [name, value] : request.headers) {
        trace("   " + name + ": " + (is_secret_header(name) ? std::string("<redacted>") : value));
      }
    }
    auto sent = Clock::now();
    last = client_.send(request);
    trace(describe_outcome(last, ms_since(sent)));

    if (last.ok() && last.status >= 300 && last.status < 400 && !last.location.empty()) {
      if (++redirects > options_.max_redirects) {
        last.error = ErrorKind::kOther;
        last.error_message = "more than " + std::to_string(options_.max_redirects) + " redirects";
        return last;
      }
      ParsedUrl next = parse_url(last.location);
      if (!next.ok) {
        last.error = ErrorKind::kOther;
        last.error_message = "redirect to an unusable location '" + redact_url(last.location) + "'";
        return last;
      }
      if (next.origin != root_origin_) {
        trace("   redirect to another origin: credentials and custom headers are not sent there");
      }
      url = last.location;
      --attempt;  // a redirect is not a retry
      continue;
    }
    if (last.streamed || !retryable(last) || attempt >= options_.retries) return last;
    int64_t wait = retry_after_ms(last);
    if (wait < 0) {
      double base = 250.0 * static_cast<double>(int64_t{1} << std::min(attempt, 5));
      wait = static_cast<int64_t>(base * jitter(rng_));
    }
    wait = std::min<int64_t>(wait, 10000);
    if (wait >= options_.timeout_ms - ms_since(start)) return last;  // no time for another try
    trace("   retrying in " + std::to_string(wait) + " ms");
    options_.sleep_ms(wait);
    if (options_.cancel != nullptr && options_.cancel->load()) return last;
  }
  return last;
}

}  // namespace caxtool::http
