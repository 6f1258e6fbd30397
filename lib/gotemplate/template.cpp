// SPDX-License-Identifier: Apache-2.0
// The public entry points: the version rules promtool applies around the parser.
#include "gotemplate/template.h"

#include <algorithm>

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

namespace {

// Whether release `v` parses a template exactly as summarize()'s newest one does: the same Go
// toolchain, the same prelude variables and the same functions. The template name only adds an
// error once parsing is over, so it changes no reference.
bool parses_like_newest(Version v) {
  static const Version kLatestFunction = [] {
    Version latest{0, 0};
    for (const TemplateFunction& f : template_functions()) latest = std::max(latest, f.since);
    return latest;
  }();
  return v >= Version{2, 28} && v >= kLatestFunction &&
         go_minor_version(v) == go_minor_version(Version{});
}

}  // namespace

std::vector<Error> check(std::string_view text, const CheckOptions& options, Summary& summary) {
  Version version{options.major, options.minor};
  if (version < Version{2, 5} || !options.prometheus_prelude || !parses_like_newest(version)) {
    summary = summarize(text);
    return check(text, options);
  }
  ParseOptions parse_options;
  parse_options.version = version;
  parse_options.template_name = options.template_name;
  ParseResult result = parse(text, parse_options);
  summary = {std::move(result.variables), std::move(result.functions)};
  return std::move(result.errors);
}

}  // namespace caxtool::gotemplate
