// SPDX-License-Identifier: Apache-2.0
// The parser of Go's text/template (text/template/parse/parse.go, Go 1.19), with one function per
// production as in Go, checking what Go checks at parse time: functions exist, variables are
// declared, literals are valid, blocks are closed, break/continue sit inside range. It builds no
// tree; it keeps only what those checks and summarize() need.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gotemplate/functions.h"
#include "gotemplate/template.h"

namespace caxtool::gotemplate {

struct ParseOptions {
  Version version;
  bool prelude = true;             // declare Prometheus's $labels, $value, ...
  std::string_view template_name;  // see CheckOptions::template_name
  bool collect_references = true;  // fill variables and functions, for summarize()
};

struct ParseResult {
  std::vector<Error> errors;
  std::vector<Reference> variables;
  std::vector<Reference> functions;
};

ParseResult parse(std::string_view text, const ParseOptions& options);

}  // namespace caxtool::gotemplate
