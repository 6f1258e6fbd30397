// SPDX-License-Identifier: Apache-2.0
// ${...} references, as confmap expands them in every string value before anything else reads
// the config (confmap/expand.go, envprovider): `${env:NAME}`, `${NAME}` (default scheme env),
// `${env:NAME:-default}`, other providers' `${scheme:...}`, and `$$` for a literal `$`. A
// malformed reference fails the whole config, so each is checked where it is written.
#include <cctype>

#include "collector/lint.h"
#include "collector/model.h"

namespace caxtool::collector {
namespace {

// The providers of otelcol and otelcol-contrib (collector-releases manifests).
bool known_scheme(std::string_view s) {
  for (std::string_view k : {"env", "file", "http", "https", "yaml", "aes", "s3", "secretsmanager",
                             "googlesecretmanager"}) {
    if (s == k) return true;
  }
  return false;
}

bool valid_env_name(std::string_view n) {
  if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
  for (char c : n) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

bool valid_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

struct Scanner {
  const yaml::SourceIndex& source;
  const CheckOptions& options;
  Reporter& r;

  void error(const yaml::Node& n, size_t from, size_t to, std::string msg, std::string hint = {}) {
    r.add_at(yaml::locate_in_scalar(n, source, from), yaml::locate_in_scalar(n, source, to),
             diag::Severity::kError, "collector/env-reference", std::move(msg), std::move(hint));
  }
  void lint(const yaml::Node& n, size_t from, size_t to, std::string_view check, std::string msg,
            std::string hint) {
    r.lint_at(options, yaml::locate_in_scalar(n, source, from),
              yaml::locate_in_scalar(n, source, to), check, std::move(msg), std::move(hint));
  }

  void reference(const yaml::Node& n, size_t at, size_t end, int depth) {
    std::string_view v = n.value;
    std::string_view body = v.substr(at + 2, end - at - 2);
    std::string text(v.substr(at, end - at + 1));
    if (body.find("${") != std::string_view::npos && depth < 8) {
      // Nested references expand first (${file:${env:DIR}/x.yaml}); the outer one's scheme
      // is all that can be judged before run time.
      scan(n, at + 2, end, depth + 1);
      size_t colon = body.find(':');
      std::string_view scheme = body.substr(0, colon);
      if (colon != std::string_view::npos && scheme.find('$') == std::string_view::npos &&
          (!valid_scheme(scheme) || !known_scheme(scheme))) {
        error(n, at, end + 1,
              "scheme " + quote(scheme) + " is not supported for uri " + quote(body));
      }
      return;
    }
    if (body.find('$') != std::string_view::npos) {
      error(n, at, end + 1, "the uri " + quote(body) + " contains unsupported characters ('$')");
      return;
    }
    size_t colon = body.find(':');
    if (colon == std::string_view::npos) {
      if (!valid_env_name(body)) {
        error(n, at, end + 1,
              "environment variable " + quote(body) +
                  " has invalid name: must match regex ^[a-zA-Z_][a-zA-Z0-9_]*$");
        return;
      }
      lint(n, at, end + 1, kLintEnvScheme, text + " uses the default scheme",
           "write ${env:" + std::string(body) + "}");
      return;
    }
    std::string_view scheme = body.substr(0, colon);
    if (!valid_scheme(scheme)) {
      error(n, at, end + 1, "invalid uri: " + quote(body));
      return;
    }
    if (!known_scheme(scheme)) {
      error(n, at, end + 1, "scheme " + quote(scheme) + " is not supported for uri " + quote(body),
            "the providers are env, file, http, https and yaml (contrib adds aes, s3, "
            "secretsmanager, googlesecretmanager)");
      return;
    }
    if (scheme == "env") {
      std::string_view name = body.substr(colon + 1);
      name = name.substr(0, name.find(":-"));
      if (!valid_env_name(name)) {
        error(n, at, end + 1,
              "environment variable " + quote(name) +
                  " has invalid name: must match regex ^[a-zA-Z_][a-zA-Z0-9_]*$");
      }
    }
  }

  // The } that closes the ${ at `at`, counting nested ${...}; npos when none does.
  static size_t closing(std::string_view v, size_t at, size_t to) {
    int depth = 0;
    for (size_t i = at; i < to; ++i) {
      if (v[i] == '$' && i + 1 < to && v[i + 1] == '{') {
        ++depth;
        ++i;
      } else if (v[i] == '}' && --depth == 0) {
        return i;
      }
    }
    return std::string_view::npos;
  }

  void scalar(const yaml::Node& n) { scan(n, 0, n.value.size(), 0); }

  void scan(const yaml::Node& n, size_t from, size_t to, int depth) {
    std::string_view v = n.value;
    for (size_t i = from; i < to; ++i) {
      if (v[i] != '$' || i + 1 >= to) continue;
      char next = v[i + 1];
      if (next == '$') {
        ++i;  // $$: a literal $
      } else if (next == '{') {
        size_t end = closing(v, i, to);
        if (end == std::string_view::npos) {
          error(n, i, to, "unterminated ${ reference",
                "close it with }, or write $$ for a literal $");
          return;
        }
        reference(n, i, end, depth);
        i = end;
      } else if (std::isalpha(static_cast<unsigned char>(next)) || next == '_') {
        size_t end = i + 1;
        while (end < to && (std::isalnum(static_cast<unsigned char>(v[end])) || v[end] == '_')) {
          ++end;
        }
        std::string name(v.substr(i + 1, end - i - 1));
        lint(n, i, end, kLintBareEnv, "$" + name + " is not expanded by the collector",
             "write ${env:" + name + "} for the variable, or $$" + name + " for the text");
        i = end - 1;
      }
    }
  }

  void walk(const yaml::Node& n) {
    if (n.is_scalar()) {
      if (n.value.find('$') != std::string::npos) scalar(n);
      return;
    }
    bool mapping = n.is_mapping();
    for (size_t i = 0; i < n.children.size(); ++i) {
      if (mapping && i % 2 == 0) continue;  // keys are not expanded
      walk(n.children[i]);
    }
  }
};

}  // namespace

void check_env_references(const yaml::Node& root, const yaml::SourceIndex& source,
                          const CheckOptions& options, Reporter& r) {
  Scanner{source, options, r}.walk(root);
}

}  // namespace caxtool::collector
