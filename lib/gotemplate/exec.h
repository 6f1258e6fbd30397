// SPDX-License-Identifier: Apache-2.0
// Executes a Go text/template as Prometheus expands alert labels and annotations: the data is
// AlertTemplateData (.Labels, .ExternalLabels, .ExternalURL, .Value, with the $labels, $value,
// ... prelude), the functions are Go's builtins plus Prometheus's map (humanize*, printf with
// Go's fmt verbs, query against a store, reReplaceAll, ...). check() (template.h) gives the parse
// verdict; this gives the text, or the error Prometheus would embed in
// "<error expanding template: ...>".
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gotemplate/functions.h"

namespace caxtool::gotemplate {

using StringMap = std::vector<std::pair<std::string, std::string>>;  // sorted by key

struct QuerySample {
  StringMap labels;
  double value = 0;
};

// Runs a PromQL instant query at the expansion time; false with `error` set when it fails.
using QueryFunction = std::function<bool(const std::string& query, std::vector<QuerySample>& out,
                                         std::string& error)>;

struct AlertData {
  StringMap labels;
  StringMap external_labels;
  std::string external_url;
  double value = 0;
};

struct ExpandOptions {
  std::string name;  // the template's name: "__alert_" + the alert's name
  int64_t time_ms = 0;
  QueryFunction query;
  Version version;
};

struct ExpandResult {
  std::string text;
  std::optional<std::string> error;  // "error executing template NAME: ..." or a parse error
};

// A template parsed once for many expansions (an alert's annotation, once per firing series
// and evaluation); its parse error, if any, is what every expansion reports.
struct CompiledTemplate;
std::shared_ptr<const CompiledTemplate> compile_alert_template(std::string_view text,
                                                               const ExpandOptions& options);
ExpandResult expand_compiled(const CompiledTemplate& compiled, const AlertData& data,
                             const ExpandOptions& options);

// Prepends Prometheus's prelude ({{$labels := .Labels}}...) to `text`, parses and executes it.
ExpandResult expand_alert_template(std::string_view text, const AlertData& data,
                                   const ExpandOptions& options);

}  // namespace caxtool::gotemplate
