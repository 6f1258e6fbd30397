// SPDX-License-Identifier: Apache-2.0
// The HTTP client block every scraper, SD and remote endpoint inlines (prometheus/common's
// HTTPClientConfig.Validate) and its TLS block: which authentication methods exclude which.
#include <cctype>

#include "promconfig/validators.h"

namespace caxtool::promconfig {
namespace {

bool set(const yaml::Node* block, std::string_view key) {
  return block != nullptr && !text(*block, key).empty();
}

std::string trim_lower(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void validate_http_client(const yaml::Node& n, Context& ctx) {
  const yaml::Node* basic = value(n, "basic_auth");
  const yaml::Node* oauth2 = value(n, "oauth2");
  const yaml::Node* authz = value(n, "authorization");
  bool token = !text(n, "bearer_token").empty();
  bool token_file = !text(n, "bearer_token_file").empty();
  if (token && token_file) {
    return ctx.error(n, "at most one of bearer_token & bearer_token_file must be configured");
  }
  if ((basic != nullptr || oauth2 != nullptr) && (token || token_file)) {
    return ctx.error(
        n,
        "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
  }
  bool v53 = ctx.at_least(2, 53);
  if (set(basic, "password") + set(basic, "password_file") + set(basic, "password_ref") > 1) {
    return ctx.error(*basic, v53 ? "at most one of basic_auth password, password_file & "
                                   "password_ref must be configured"
                                 : "at most one of basic_auth password & password_file must be "
                                   "configured");
  }
  if (set(basic, "username") + set(basic, "username_file") + set(basic, "username_ref") > 1) {
    return ctx.error(*basic, v53 ? "at most one of basic_auth username, username_file & "
                                   "username_ref must be configured"
                                 : "at most one of basic_auth username & username_file must be "
                                   "configured");
  }
  if (authz != nullptr) {
    if (token || token_file) {
      return ctx.error(*authz,
                       "authorization is not compatible with bearer_token & "
                       "bearer_token_file");
    }
    if (set(authz, "credentials") + set(authz, "credentials_file") + set(authz, "credentials_ref") >
        1) {
      return ctx.error(*authz, v53 ? "at most one of authorization credentials, credentials_file "
                                     "& credentials_ref must be configured"
                                   : "at most one of authorization credentials & "
                                     "credentials_file must be configured");
    }
    if (trim_lower(text(*authz, "type")) == "basic") {
      return ctx.error(*authz,
                       "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
    }
    if (basic != nullptr || oauth2 != nullptr) {
      return ctx.error(*authz,
                       "at most one of basic_auth, oauth2 & authorization must be configured");
    }
  }
  if (oauth2 != nullptr) {
    if (basic != nullptr) {
      return ctx.error(*oauth2,
                       "at most one of basic_auth, oauth2 & authorization must be configured");
    }
    if (text(*oauth2, "client_id").empty()) {
      return ctx.error(*oauth2, "oauth2 client_id must be configured");
    }
    int secrets = set(oauth2, "client_secret") + set(oauth2, "client_secret_file") +
                  set(oauth2, "client_secret_ref");
    if (!ctx.at_least(2, 51) && secrets == 0) {
      return ctx.error(*oauth2,
                       "either oauth2 client_secret or client_secret_file must be configured");
    }
    if (text(*oauth2, "token_url").empty()) {
      return ctx.error(*oauth2, "oauth2 token_url must be configured");
    }
    if (secrets > 1) {
      return ctx.error(*oauth2, v53 ? "at most one of oauth2 client_secret, client_secret_file & "
                                      "client_secret_ref must be configured"
                                    : "at most one of oauth2 client_secret & client_secret_file "
                                      "must be configured");
    }
  }
  bool proxy_url = !text(n, "proxy_url").empty();
  bool from_env = text(n, "proxy_from_environment") == "true";
  if (has(n, "proxy_connect_header") && value(n, "proxy_connect_header")->entry_count() > 0 &&
      !proxy_url && !from_env) {
    return ctx.error(n, ctx.at_least(2, 43)
                            ? "if proxy_connect_header is configured, proxy_url or "
                              "proxy_from_environment must also be configured"
                            : "if proxy_connect_header is configured proxy_url must also be "
                              "configured");
  }
  if (from_env && proxy_url) {
    return ctx.error(n,
                     "if proxy_from_environment is configured, proxy_url must not be configured");
  }
  if (from_env && !text(n, "no_proxy").empty()) {
    return ctx.error(n, "if proxy_from_environment is configured, no_proxy must not be configured");
  }
  if (!text(n, "no_proxy").empty() && !proxy_url) {
    return ctx.error(n, "if no_proxy is configured, proxy_url must also be configured");
  }
}

void validate_tls(const yaml::Node& n, Context& ctx) {
  if (!ctx.at_least(2, 45)) return;  // promtool checks the pair itself (check.cpp)
  bool v53 = ctx.at_least(2, 53);
  int ca = set(&n, "ca") + set(&n, "ca_file") + set(&n, "ca_ref");
  int cert = set(&n, "cert") + set(&n, "cert_file") + set(&n, "cert_ref");
  int key = set(&n, "key") + set(&n, "key_file") + set(&n, "key_ref");
  if (ca > 1) {
    return ctx.error(n, v53 ? "at most one of ca, ca_file & ca_ref must be configured"
                            : "at most one of ca and ca_file must be configured");
  }
  if (cert > 1) {
    return ctx.error(n, v53 ? "at most one of cert, cert_file & cert_ref must be configured"
                            : "at most one of cert and cert_file must be configured");
  }
  if (key > 1) return ctx.error(n, "at most one of key and key_file must be configured");
  if (cert > 0 && key == 0) {
    return ctx.error(n,
                     "exactly one of key or key_file must be configured when a client "
                     "certificate is configured");
  }
  if (key > 0 && cert == 0) {
    return ctx.error(n,
                     "exactly one of cert or cert_file must be configured when a client key "
                     "is configured");
  }
}

}  // namespace caxtool::promconfig
