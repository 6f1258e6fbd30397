// SPDX-License-Identifier: Apache-2.0
// The phases of `check collector` on one file: parse the YAML (stop there on a syntax error, as
// otelcol does), read the model, then the validity passes in otelcol's order, the ${...}
// references, the lints, and finally the `# caxtool disable` comments that silence lints.
#include "collector/check.h"

#include <algorithm>

#include "collector/lint.h"
#include "collector/model.h"
#include "yaml/fast_parse.h"
#include "yaml/locate.h"

namespace caxtool::collector {
namespace {

// `# caxtool disable NAME[,NAME]` silences those lints on its own line and the next;
// `# caxtool file/disable NAME[,NAME]` in the whole file. Validity errors always stay.
void apply_disable_comments(std::string_view text, diag::Diagnostics& diags) {
  std::vector<std::pair<int, std::string>> lines;  // (line, name); line 0: the whole file
  int line = 1;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    std::string_view l =
        text.substr(pos, eol == std::string_view::npos ? text.size() - pos : eol - pos);
    size_t at = l.find("# caxtool ");
    if (at != std::string_view::npos) {
      std::string_view rest = l.substr(at + 10);
      int scope = -1;
      if (rest.starts_with("disable ")) {
        scope = line;
        rest.remove_prefix(8);
      } else if (rest.starts_with("file/disable ")) {
        scope = 0;
        rest.remove_prefix(13);
      }
      while (scope >= 0 && !rest.empty()) {
        size_t comma = rest.find_first_of(", \t\r");
        std::string name(rest.substr(0, comma));
        if (!name.empty()) lines.emplace_back(scope, name);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
    ++line;
  }
  if (lines.empty()) return;
  auto& items = diags.mutable_items();
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const diag::Diagnostic& d) {
                               if (find_lint(d.check) == nullptr) return false;
                               return std::any_of(lines.begin(), lines.end(), [&](const auto& x) {
                                 return x.second == d.check && (x.first == 0 || x.first == d.line ||
                                                                x.first + 1 == d.line);
                               });
                             }),
              items.end());
}

}  // namespace

std::optional<Version> parse_version(std::string_view text) {
  if (text.starts_with("v")) text.remove_prefix(1);
  int parts[3] = {0, 0, 0};
  size_t n = 0;
  bool digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9' && parts[n] < 100000) {
      parts[n] = parts[n] * 10 + (c - '0');
      digits = true;
    } else if (c == '.' && digits && n < 2) {
      ++n;
      digits = false;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || n == 0) return std::nullopt;
  return Version{parts[0], parts[1]};
}

CheckResult check_collector_text(std::string_view text, const std::string& file,
                                 const CheckOptions& options) {
  CheckResult result;
  yaml::ParseResult parsed = yaml::parse_fast_first(text, file);
  if (!parsed.ok()) {
    result.diagnostics = std::move(parsed.diagnostics);
    result.invalid = true;
    return result;
  }
  result.diagnostics = std::move(parsed.diagnostics);
  Reporter r(file, result.diagnostics);
  static const yaml::Node kEmpty{};
  const yaml::Node& root = parsed.documents.empty() ? kEmpty : parsed.documents[0].root;
  if (parsed.documents.size() > 1) {
    r.add(parsed.documents[1].root, diag::Severity::kWarning, "collector/multiple-documents",
          "the collector reads only the first YAML document; this one is ignored");
  }
  Model m;
  load_model(root, options, r, m);
  check_pipelines(m, options, r);
  check_component_configs(m, options, r);
  check_telemetry(m, options, r);
  yaml::SourceIndex source(text);
  check_env_references(root, source, options, r);
  run_lints(m, options, r);
  apply_disable_comments(text, result.diagnostics);
  result.diagnostics.sort();
  result.components = m.components.size();
  result.pipelines = m.pipelines.size();
  result.invalid =
      std::any_of(result.diagnostics.items().begin(), result.diagnostics.items().end(),
                  [](const diag::Diagnostic& d) {
                    return d.severity == diag::Severity::kError && find_lint(d.check) == nullptr;
                  });
  return result;
}

}  // namespace caxtool::collector
