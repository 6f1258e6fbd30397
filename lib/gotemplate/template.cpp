// SPDX-License-Identifier: Apache-2.0
// The public entry points: the version rules promtool applies around the parser.
#include "gotemplate/template.h"

#include "gotemplate/parser.h"

namespace caxtool::gotemplate {

std::vector<Error> check(std::string_view text, const CheckOptions& options) {
  Version version{options.major, options.minor};
  // promtool check rules has parsed templates since 2.5 (rulefmt's testTemplateParsing).
  if (version < Version{2, 5}) return {};
  ParseOptions parse_options;
  parse_options.version = version;
  parse_options.prelude = options.prometheus_prelude;
  parse_options.template_name = options.template_name;
  parse_options.collect_references = false;
  return parse(text, parse_options).errors;
}

Summary summarize(std::string_view text) {
  ParseOptions parse_options;
  ParseResult result = parse(text, parse_options);
  return {std::move(result.variables), std::move(result.functions)};
}

}  // namespace caxtool::gotemplate
