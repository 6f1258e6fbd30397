// SPDX-License-Identifier: Apache-2.0
// See server_flags.h. Secrets are read here and handed to the session, which alone decides
// where they are sent; nothing here prints them, -v included.
#include "server_flags.h"

#include <cstdlib>

#include "exit_codes.h"
#include "http/curl_client.h"
#include "http/url.h"
#include "util/duration.h"
#include "util/file.h"

namespace caxtool::cli {

void ServerFlags::add_to(CLI::App& app, Choices& choices) {
  const std::string group = "Server options";
  app.add_option("--url", url,
                 "the server's API root (env CAXTOOL_URL; default http://localhost:9090)")
      ->type_name("URL")
      ->group(group);
  app.add_option("--bearer-token-file", bearer_token_file,
                 "send the token in FILE as a bearer token")
      ->type_name("FILE")
      ->group(group);
  app.add_option("--basic-auth-user", basic_auth_user, "basic auth user name")
      ->type_name("USER")
      ->group(group);
  app.add_option("--basic-auth-password-file", basic_auth_password_file,
                 "basic auth password, read from FILE")
      ->type_name("FILE")
      ->group(group);
  app.add_option("--header", headers, "an extra request header, 'Name: value' (repeatable)")
      ->type_name("'NAME: VALUE'")
      ->group(group);
  app.add_option("--tenant", tenant,
                 "tenant ID, sent as the engine expects (X-Scope-OrgID, THANOS-TENANT, "
                 "AccountID[:ProjectID])")
      ->type_name("ID")
      ->group(group);
  add_choice_option(app, choices, "--engine", engine,
                    {"auto", "prometheus", "victoriametrics", "thanos", "mimir", "cortex"},
                    "the server's engine (default: auto, from its build info and URL)")
      ->type_name("ENGINE")
      ->group(group);
  app.add_option("--ca-file", ca_file, "CA certificates to verify the server with")
      ->type_name("FILE")
      ->group(group);
  app.add_option("--cert-file", cert_file, "client certificate for TLS")
      ->type_name("FILE")
      ->group(group);
  app.add_option("--key-file", key_file, "client key for TLS")->type_name("FILE")->group(group);
  app.add_flag("--insecure-skip-verify", insecure_skip_verify,
               "do not verify the server's certificate")
      ->group(group);
  app.add_option("--timeout", timeout, "give up after this long, retries included (default 30s)")
      ->type_name("DURATION")
      ->group(group);
  app.add_option("--retries", retries,
                 "further attempts after connection errors, 429 and 503 (default 2)")
      ->type_name("N")
      ->check(CLI::Range(0, 10))
      ->group(group);
  app.add_option("--max-response-size", max_response_size,
                 "refuse answers larger than SIZE (default 1GB; units B KB MB GB)")
      ->type_name("SIZE")
      ->group(group);
}

namespace {

http::Engine parse_engine(std::string_view s, std::string_view url) {
  if (s == "prometheus") return http::Engine::kPrometheus;
  if (s == "victoriametrics") return http::Engine::kVictoriaMetrics;
  if (s == "thanos") return http::Engine::kThanos;
  if (s == "mimir") return http::Engine::kMimir;
  if (s == "cortex") return http::Engine::kCortex;
  // auto: what the URL gives away
  std::string path = http::parse_url(url).path;
  if (path.find("/select/") != std::string::npos || path.ends_with("/select")) {
    return http::Engine::kVictoriaMetrics;
  }
  if (path.ends_with("/prometheus") || path.ends_with("/prometheus/")) return http::Engine::kMimir;
  return http::Engine::kAuto;
}

// A secret file's content without its trailing newline, as Prometheus reads credentials_file.
bool read_secret(const std::string& flag, const std::string& path, std::string& out, Io& io) {
  std::string error;
  auto content = util::read_file(path, error);
  if (!content) {
    io.err << "caxtool: " << flag << ": " << path << ": " << error << '\n';
    return false;
  }
  out = std::move(*content);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return true;
}

}  // namespace

std::unique_ptr<Connection> connect(const ServerFlags& flags, const GlobalOptions& global, Io& io,
                                    int& code) {
  code = to_int(ExitCode::kUsage);
  http::SessionOptions o;
  o.root_url = flags.url;
  if (o.root_url.empty()) {
    const char* env = std::getenv("CAXTOOL_URL");
    o.root_url = env != nullptr && *env != '\0' ? env : "http://localhost:9090";
  }
  if (!http::parse_url(o.root_url).ok) {
    io.err << "caxtool: --url: '" << http::redact_url(o.root_url)
           << "' is not an http:// or https:// URL with a host\n";
    return nullptr;
  }
  auto timeout = util::parse_duration_ms(flags.timeout);
  if (!timeout || *timeout <= 0) {
    io.err << "caxtool: --timeout: '" << flags.timeout
           << "' is not a positive duration such as 30s or 2m\n";
    return nullptr;
  }
  o.timeout_ms = *timeout;
  auto cap = util::parse_size_bytes(flags.max_response_size);
  if (!cap || *cap == 0) {
    io.err << "caxtool: --max-response-size: '" << flags.max_response_size
           << "' is not a size such as 512MB or 1GB\n";
    return nullptr;
  }
  o.retries = flags.retries;
  o.engine = parse_engine(flags.engine, o.root_url);
  o.tenant = flags.tenant;
  if (!o.tenant.empty() &&
      (o.engine == http::Engine::kAuto || o.engine == http::Engine::kPrometheus)) {
    io.err << "caxtool: --tenant: say which engine takes it with --engine mimir, cortex, thanos or "
              "victoriametrics (Prometheus has no tenants)\n";
    return nullptr;
  }
  for (const std::string& h : flags.headers) {
    size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0 || h.find_first_of("\r\n") != std::string::npos) {
      io.err << "caxtool: --header: expected 'Name: value'\n";  // the value may be a secret: not
                                                                // echoed
      return nullptr;
    }
    std::string value = h.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    o.headers.emplace_back(h.substr(0, colon), value);
  }
  if (!flags.basic_auth_password_file.empty() && flags.basic_auth_user.empty()) {
    io.err << "caxtool: --basic-auth-password-file needs --basic-auth-user\n";
    return nullptr;
  }
  if (!flags.bearer_token_file.empty() && !flags.basic_auth_user.empty()) {
    io.err << "caxtool: --bearer-token-file and --basic-auth-user exclude each other\n";
    return nullptr;
  }
  code = to_int(ExitCode::kCannotRun);
  if (!flags.bearer_token_file.empty() &&
      !read_secret("--bearer-token-file", flags.bearer_token_file, o.bearer_token, io)) {
    return nullptr;
  }
  o.basic_user = flags.basic_auth_user;
  if (!flags.basic_auth_password_file.empty() &&
      !read_secret("--basic-auth-password-file", flags.basic_auth_password_file, o.basic_password,
                   io)) {
    return nullptr;
  }
  for (const std::string* f : {&flags.ca_file, &flags.cert_file, &flags.key_file}) {
    std::string error;
    if (!f->empty() && !util::read_file(*f, error)) {
      io.err << "caxtool: " << *f << ": " << error << '\n';
      return nullptr;
    }
  }
  http::TransportOptions t;
  t.max_body_bytes = *cap;
  t.ca_file = flags.ca_file;
  t.cert_file = flags.cert_file;
  t.key_file = flags.key_file;
  t.insecure_skip_verify = flags.insecure_skip_verify;
  t.cancel = io.cancel;
  o.cancel = io.cancel;
  if (global.verbose) {
    std::ostream* err = &io.err;
    o.log = [err](std::string_view line) { *err << line << '\n'; };
  }
  auto conn = std::make_unique<Connection>();
  conn->client = http::make_curl_client(t);
  conn->session = std::make_unique<http::Session>(*conn->client, std::move(o));
  code = to_int(ExitCode::kOk);
  return conn;
}

}  // namespace caxtool::cli

#include "promapi/api.h"

namespace caxtool::cli {

int report_api_error(const promapi::ApiError& e, Io& io) {
  if (e.interrupted || (io.cancel != nullptr && io.cancel->load())) {
    io.err << "caxtool: interrupted\n";
    return to_int(ExitCode::kInterrupted);
  }
  io.err << promapi::render(e);
  return to_int(ExitCode::kCannotRun);
}

}  // namespace caxtool::cli

namespace caxtool::cli {

int check_text_or_json(const GlobalOptions& global, Io& io) {
  if (global.format == "text" || global.format == "json") return 0;
  io.err << "caxtool: --format " << global.format
         << " is for findings in files; this command prints text or json\n";
  return to_int(ExitCode::kUsage);
}

}  // namespace caxtool::cli
