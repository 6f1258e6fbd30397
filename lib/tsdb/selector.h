// SPDX-License-Identifier: Apache-2.0
// --match: one series selector ({job="api", code=~"5.."}), parsed by the PromQL front end and
// turned into matchers with their regexes compiled once, because each regex runs on every
// value of its label name.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "promql/ast.h"
#include "promql/regex.h"
#include "tsdb/error.h"

namespace caxtool::tsdb {

struct LabelMatcher {
  std::string name;
  promql::MatchOp op = promql::MatchOp::kEqual;
  std::string value;
  std::shared_ptr<const promql::detail::LabelRegex> regex;  // for =~ and !~

  // Whether a series whose `name` label is `v` ("" when it has none) is selected.
  bool matches(std::string_view v) const;
};

// The matchers of `text`, or a kBadSelector error in Prometheus's words. A metric name
// before the braces becomes a __name__="..." matcher.
std::variant<std::vector<LabelMatcher>, TsdbError> parse_selector(std::string_view text);

}  // namespace caxtool::tsdb
