// SPDX-License-Identifier: Apache-2.0
// The model's small pieces shared by every pass: component IDs parsed as otelcol parses them
// (component/identifiable.go), ID lookup, Go-style quoting for messages, and the Reporter that
// turns a finding at a YAML node into a diagnostic (lints only when enabled).
#include "collector/model.h"

#include <algorithm>

#include "collector/lint.h"

namespace caxtool::collector {
namespace {

bool valid_type(std::string_view t) {
  if (t.empty() || t.size() > 63) return false;
  if (!((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z'))) return false;
  return std::all_of(t.begin(), t.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// ^[^\pZ\pC\pS]+$ on the ASCII range (separators, controls, symbols); other code points pass.
bool valid_name(std::string_view n) {
  return std::none_of(n.begin(), n.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c <= 0x20 || c == 0x7f ||
           std::string_view("$+<=>^`|~").find(ch) != std::string_view::npos;
  });
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_reference(const yaml::Node& n) {
  return n.is_scalar() && n.value.starts_with("${") && n.value.ends_with("}");
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

ParsedId parse_component_id(std::string_view text) {
  ParsedId out;
  std::string_view s = trim(text);
  if (s.empty()) {
    out.error = "id must not be empty";
    return out;
  }
  size_t slash = s.find('/');
  out.type = std::string(trim(s.substr(0, slash)));
  if (slash != std::string_view::npos) {
    out.name = std::string(trim(s.substr(slash + 1)));
    if (out.type.empty()) {
      out.error = "in " + quote(s) + " id: the part before / should not be empty";
    } else if (out.name.empty()) {
      out.error = "in " + quote(s) + " id: the part after / should not be empty";
    } else if (!valid_name(out.name)) {
      out.error = "in " + quote(out.name) + " id: invalid character(s) in name " + quote(out.name);
    } else if (out.name.size() > 1024) {
      out.error = "in " + quote(out.name) + " id: name is longer than 1024 characters";
    }
  }
  if (out.error.empty() && !valid_type(out.type)) {
    out.error = "in " + quote(s) + " id: invalid character(s) in type " + quote(out.type);
  }
  return out;
}

std::string normalized_id(std::string_view text) {
  ParsedId id = parse_component_id(text);
  if (!id.error.empty()) return {};
  return id.name.empty() ? id.type : id.type + "/" + id.name;
}

const Component* Model::find(Kind kind, std::string_view id) const {
  if (indexed_ != components.size()) {
    index_.clear();
    indexed_ = components.size();
    for (size_t i = 0; i < components.size(); ++i) {
      const Component& c = components[i];
      index_.emplace(std::string(kind_name(c.kind)) + ':' + c.id, i);  // the first one wins
    }
  }
  auto it = index_.find(std::string(kind_name(kind)) + ':' + std::string(id));
  return it == index_.end() ? nullptr : &components[it->second];
}

bool Model::section_empty(Kind kind) const {
  return std::none_of(components.begin(), components.end(),
                      [&](const Component& c) { return c.kind == kind; });
}

void Reporter::add(const yaml::Node& at, diag::Severity severity, std::string_view check,
                   std::string message, std::string hint) {
  diags_.add({file_, at.start.line, at.start.column, at.end.line, at.end.column, severity,
              std::string(check), std::move(message), std::move(hint)});
}

void Reporter::add_at(yaml::Mark start, yaml::Mark end, diag::Severity severity,
                      std::string_view check, std::string message, std::string hint) {
  diags_.add({file_, start.line, start.column, end.line, end.column, severity, std::string(check),
              std::move(message), std::move(hint)});
}

void Reporter::lint_at(const CheckOptions& options, yaml::Mark start, yaml::Mark end,
                       std::string_view check, std::string message, std::string hint) {
  if (options.lints.find(check) == options.lints.end()) return;
  const LintInfo* l = find_lint(check);
  add_at(start, end, l != nullptr ? l->severity : diag::Severity::kWarning, check,
         std::move(message), std::move(hint));
}

void Reporter::lint(const CheckOptions& options, const yaml::Node& at, std::string_view check,
                    std::string message, std::string hint) {
  if (options.lints.find(check) == options.lints.end()) return;
  const LintInfo* l = find_lint(check);
  add(at, l != nullptr ? l->severity : diag::Severity::kWarning, check, std::move(message),
      std::move(hint));
}

}  // namespace caxtool::collector
