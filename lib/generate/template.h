// SPDX-License-Identifier: Apache-2.0
// The small template language of templates/stack/ (docs/templates.md): values in, text out, with
// escaping filters for YAML, JSON, PromQL and Go templates, so a value with quotes, colons, `#`,
// newlines or non-ASCII cannot break the file it lands in.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace caxtool::generate {

struct TemplateError {
  int line = 0;  // 1-based, in the template
  int column = 0;
  std::string message;
};

struct RenderResult {
  std::string text;
  std::optional<TemplateError> error;
};

RenderResult render_template(std::string_view source, const nlohmann::json& context);

// The filters, exposed for tests and for code that writes these formats directly.
std::string yaml_quote(std::string_view s);       // "..." safe as a YAML scalar
std::string promql_quote(std::string_view s);     // "..." as a PromQL string literal
std::string gotemplate_text(std::string_view s);  // literal text inside a Go template
std::string format_number(double v);              // shortest round-trip

}  // namespace caxtool::generate
