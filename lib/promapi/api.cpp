// SPDX-License-Identifier: Apache-2.0
// See api.h. The order of the questions matters: did anything come back; is it JSON; is it the
// envelope; did it succeed. A server that is not ready, not Prometheus, or not JSON at all gets
// a message about that, not about a parse error at byte 0.
#include "promapi/api.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace caxtool::promapi {

namespace {

std::string trim(std::string_view s, size_t max = 300) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out;
  for (char c : s.substr(0, max)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (s.size() > max) out += "...";
  return out;
}

bool looks_like_json(std::string_view body) {
  for (char c : body) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{' || c == '[';
  }
  return false;
}

std::string hint_for_status(long status, std::string_view body) {
  switch (status) {
    case 401:
    case 403:
      return "the server wants credentials: --bearer-token-file FILE, or --basic-auth-user with "
             "--basic-auth-password-file (and --tenant for a multi-tenant engine)";
    case 404:
      return "this server has no such endpoint: is --url the API root (for Mimir include the "
             "/prometheus prefix, for vmselect /select/<tenant>/prometheus)?";
    case 429:
      return "the server is rate-limiting this client; retry later or raise --retries";
    case 499:
      return "the server canceled the request: it is shutting down, or the query was aborted";
    case 503:
      if (trim(body) == "Service Unavailable") {
        return "the server is starting (replaying its write-ahead log) and is not ready yet; "
               "wait, or watch `caxtool status`";
      }
      return "the server is overloaded or not ready; retry later";
    default:
      if (status >= 500) return "the server failed; its own log says why";
      return "";
  }
}

std::string hint_for_error_type(std::string_view type) {
  if (type == "bad_data" || type == "400") return "the server rejected the request's parameters";
  if (type == "timeout")
    return "the server's query timeout ran out; narrow the query or the time range";
  if (type == "canceled") return "the server canceled the request (shutting down, or aborted)";
  if (type == "execution" || type == "422") return "the query failed while running on the server";
  if (type == "unavailable")
    return "the server cannot answer this now (for example an agent-mode Prometheus)";
  if (type == "not_found") return "the server has nothing by that name";
  return "";
}

}  // namespace

std::string_view get_string(simdjson::dom::element e, std::string_view key,
                            std::string_view fallback) {
  std::string_view out;
  if (e.is_object() && e[key].get(out) == simdjson::SUCCESS) return out;
  return fallback;
}

double to_number(simdjson::dom::element e, double fallback) {
  double d = 0;
  if (e.is_number()) {
    if (e.get(d) == simdjson::SUCCESS) return d;
    int64_t i = 0;
    if (e.get(i) == simdjson::SUCCESS) return static_cast<double>(i);
    uint64_t u = 0;
    if (e.get(u) == simdjson::SUCCESS) return static_cast<double>(u);
    return fallback;
  }
  std::string_view s;
  if (e.get(s) != simdjson::SUCCESS || s.empty()) return fallback;
  if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (s == "+Inf" || s == "Inf") return std::numeric_limits<double>::infinity();
  if (s == "-Inf") return -std::numeric_limits<double>::infinity();
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || p != s.data() + s.size()) return fallback;
  return d;
}

double get_number(simdjson::dom::element e, std::string_view key, double fallback) {
  simdjson::dom::element v;
  if (!e.is_object() || e[key].get(v) != simdjson::SUCCESS) return fallback;
  return to_number(v, fallback);
}

ApiError failure(std::string asked, const http::Response& r, const http::SessionOptions& options) {
  ApiError e;
  e.asked = std::move(asked);
  e.status = r.status;
  if (!r.ok()) {
    switch (r.error) {
      case http::ErrorKind::kConnect:
        e.message = "could not connect: " + r.error_message;
        e.hint = "is the server running and listening there? Set --url or CAXTOOL_URL";
        break;
      case http::ErrorKind::kTimeout:
        e.message =
            "no answer within " + std::to_string(options.timeout_ms) + " ms: " + r.error_message;
        e.hint = "the server is slow or stuck; raise --timeout, or check its load";
        break;
      case http::ErrorKind::kTooLarge:
        e.message = r.error_message;
        e.hint = "narrow the request (a selector, --pool, --state, --limit)";
        break;
      case http::ErrorKind::kTls:
        e.message = "TLS failed: " + r.error_message;
        e.hint =
            "check --ca-file, --cert-file and --key-file (--insecure-skip-verify only for a test "
            "server)";
        break;
      case http::ErrorKind::kCanceled:
        e.message = "interrupted";
        e.interrupted = true;
        break;
      case http::ErrorKind::kStopped:  // the streaming reader knows why; it replaces this
      case http::ErrorKind::kOther:
      case http::ErrorKind::kNone:
        e.message = "the transfer failed: " + r.error_message;
        e.hint = "the connection broke or the server does not speak HTTP correctly";
        break;
    }
    return e;
  }
  std::string body = trim(r.body);
  e.message = "HTTP " + std::to_string(r.status);
  if (!body.empty()) e.message += ": " + body;
  e.hint = hint_for_status(r.status, r.body);
  return e;
}

ApiResult parse_envelope(std::string asked, http::Response r) {
  auto doc = std::make_unique<Document>();
  doc->response_ = std::move(r);
  const http::Response& resp = doc->response_;
  const bool success_code = resp.status >= 200 && resp.status < 300;
  if (!looks_like_json(resp.body)) {
    ApiError e = failure(std::move(asked), resp, {});
    if (success_code) {
      std::string_view type = resp.header("content-type");
      e.message =
          "the answer is not JSON" +
          (type.empty() ? std::string() : " (" + std::string(type) + ")") + ": " +
          (resp.body.empty() ? std::string("an empty body") : "'" + trim(resp.body, 120) + "'");
      e.hint = "is --url a Prometheus-compatible API root?";
    }
    return e;
  }
  // In place when the transport left simdjson's padding spare (it reserves it), else a copy.
  const bool padded = resp.body.capacity() >= resp.body.size() + simdjson::SIMDJSON_PADDING;
  auto error = doc->parser_.parse(resp.body.data(), resp.body.size(), !padded).get(doc->root_);
  if (error != simdjson::SUCCESS) {
    ApiError e;
    e.asked = std::move(asked);
    e.status = resp.status;
    e.message = "HTTP " + std::to_string(resp.status) + " with invalid JSON (" +
                std::to_string(resp.body.size()) + " bytes): " + simdjson::error_message(error);
    e.hint = "the body was cut short or the server is not a Prometheus-compatible API";
    return e;
  }
  simdjson::dom::element root = doc->root_;
  std::string_view status = get_string(root, "status");
  if (status == "error" || (!success_code && root.is_object())) {
    ApiError e;
    e.asked = std::move(asked);
    e.status = resp.status;
    std::string_view type = get_string(root, "errorType");
    std::string_view message = get_string(root, "error");
    e.message = "HTTP " + std::to_string(resp.status);
    if (!type.empty()) e.message += ", " + std::string(type);
    if (!message.empty()) e.message += ": " + trim(message, 2000);
    if (type.empty() && message.empty()) e.message += ": " + trim(resp.body);
    e.hint = hint_for_error_type(type);
    if (e.hint.empty()) e.hint = hint_for_status(resp.status, "");
    return e;
  }
  if (!success_code) {
    ApiError e = failure(std::move(asked), resp, {});
    return e;
  }
  simdjson::dom::element data;
  if (status == "success" && root["data"].get(data) == simdjson::SUCCESS) {
    doc->data_ = data;
  } else {
    doc->data_ = root;  // Mimir's cardinality answers, and bare arrays
  }
  for (auto [key, out] :
       {std::pair{"warnings", &doc->warnings_}, std::pair{"infos", &doc->infos_}}) {
    simdjson::dom::array list;
    if (root.is_object() && root[key].get(list) == simdjson::SUCCESS) {
      for (simdjson::dom::element w : list) {
        std::string_view s;
        if (w.get(s) == simdjson::SUCCESS) out->emplace_back(s);
      }
    }
  }
  return doc;
}

ApiResult call(http::Session& session, std::string_view path, const http::Params& params) {
  std::string asked = session.describe(path, params);
  http::Response r = session.get(path, params);
  if (!r.ok()) return failure(std::move(asked), r, session.options());
  return parse_envelope(std::move(asked), std::move(r));
}

std::string render(const ApiError& e) {
  std::string out = "caxtool: " + e.asked + ": " + e.message + "\n";
  if (!e.hint.empty()) out += "  hint: " + e.hint + "\n";
  return out;
}

}  // namespace caxtool::promapi
