// SPDX-License-Identifier: Apache-2.0
// The selector is parsed as the newest Prometheus does (regex `.` matches a newline, 3.0+),
// and must be a bare instant-vector selector, as promtool's ParseMetricSelector requires.
#include "tsdb/selector.h"

#include "promql/parser.h"

namespace caxtool::tsdb {

namespace {

TsdbError bad(std::string message) {
  TsdbError e;
  e.kind = TsdbError::Kind::kBadSelector;
  e.message = std::move(message);
  return e;
}

}  // namespace

bool LabelMatcher::matches(std::string_view v) const {
  switch (op) {
    case promql::MatchOp::kEqual:
      return v == value;
    case promql::MatchOp::kNotEqual:
      return v != value;
    case promql::MatchOp::kRegex:
      return regex->matches(v);
    case promql::MatchOp::kNotRegex:
      return !regex->matches(v);
  }
  return false;
}

std::variant<std::vector<LabelMatcher>, TsdbError> parse_selector(std::string_view text) {
  promql::ParseResult r = promql::parse(text);
  if (!r.errors.empty()) {
    return bad(promql::prometheus_error_string(text, r.errors.front()));
  }
  const auto* vs = r.expr ? r.expr->as<promql::VectorSelector>() : nullptr;
  if (vs == nullptr || vs->offset.set() || vs->at.kind != promql::At::Kind::kNone) {
    return bad("not a series selector: " + std::string(text) +
               " (expected a metric name and/or {label matchers})");
  }
  std::vector<LabelMatcher> out;
  if (!vs->name.empty()) out.push_back({"__name__", promql::MatchOp::kEqual, vs->name, nullptr});
  for (const auto& m : vs->matchers) {
    LabelMatcher lm{m.name, m.op, m.value, nullptr};
    if (m.op == promql::MatchOp::kRegex || m.op == promql::MatchOp::kNotRegex) {
      auto re = std::make_shared<promql::detail::LabelRegex>(m.value, /*dot_nl=*/true);
      if (!re->ok()) return bad("invalid regex in " + m.name + " matcher: " + m.value);
      lm.regex = std::move(re);
    }
    out.push_back(std::move(lm));
  }
  return out;
}

}  // namespace caxtool::tsdb
