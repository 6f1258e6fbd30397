// SPDX-License-Identifier: Apache-2.0
// Reporting and the small value helpers every validator uses.
#include "promconfig/context.h"

#include <cstdio>
#include <filesystem>

#include "promql/regex.h"

namespace caxtool::promconfig {

void Context::error(const yaml::Node& at, std::string message, std::string_view check,
                    std::string hint) {
  error(at.start, std::move(message), check, std::move(hint));
}

void Context::error(yaml::Mark at, std::string message, std::string_view check, std::string hint) {
  ++errors_;
  diags_.add({file_, at.line, at.column, 0, 0, diag::Severity::kError, std::string(check),
              std::move(message), std::move(hint)});
}

void Context::warning(yaml::Mark at, std::string message, std::string_view check,
                      std::string hint) {
  diags_.add({file_, at.line, at.column, 0, 0, diag::Severity::kWarning, std::string(check),
              std::move(message), std::move(hint)});
}

const std::optional<std::string>& Context::regex_error(const std::string& re) {
  auto it = regex_errors_.find(re);
  if (it == regex_errors_.end()) {
    it = regex_errors_.emplace(re, promql::detail::check_regex(re, false, at_least(3, 0)).error)
             .first;
  }
  return it->second;
}

std::string Context::resolve(std::string_view path) const {
  if (path.empty() || path.front() == '/' || options_.dir.empty()) return std::string(path);
  return (std::filesystem::path(options_.dir) / std::string(path)).lexically_normal().string();
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + '"';
}

const yaml::Node* value(const yaml::Node& block, std::string_view key) {
  if (!block.is_mapping()) return nullptr;
  const yaml::Node* n = block.get(key);
  if (n == nullptr || n->is_null()) return nullptr;
  return n;
}

std::string_view text(const yaml::Node& block, std::string_view key) {
  const yaml::Node* n = value(block, key);
  return n != nullptr && n->is_scalar() ? std::string_view(n->value) : std::string_view();
}

bool has(const yaml::Node& block, std::string_view key) { return value(block, key) != nullptr; }

bool is_label_name(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace caxtool::promconfig
