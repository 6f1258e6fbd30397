// SPDX-License-Identifier: Apache-2.0
// The PromQL front end: parse an expression the way a given Prometheus release does (syntax,
// then the type checks Prometheus runs after parsing), print it back canonically, dump it for
// tests. Errors are values with byte ranges into the expression; the first one is the one
// Prometheus would report.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "promql/ast.h"
#include "promql/functions.h"
#include "promql/version.h"

namespace caxtool::promql {

struct ParseError {
  size_t begin = 0;  // byte offsets into the expression: [begin, end)
  size_t end = 0;
  std::string message;  // Prometheus's wording, without its "1:5: parse error: " prefix
};

struct ParseResult {
  // The tree, also when only semantic errors were found; null after a syntax error.
  std::unique_ptr<Expr> expr;
  // Every error found, in the order Prometheus finds them (it prints only the first). Type
  // errors are looked for only when there is no syntax error, as in Prometheus.
  std::vector<ParseError> errors;
  bool ok() const { return expr != nullptr && errors.empty(); }
};

// Nesting limit: deeper expressions are rejected rather than risking the stack.
inline constexpr size_t kMaxNesting = 1000;

ParseResult parse(std::string_view expr, const ParseOptions& options = {});

// Canonical PromQL, as Prometheus's String() writes it: single spaces around binary
// operators, `sum by (a) (x)`, sorted matchers, normalised durations and numbers.
std::string format(const Expr& e);

struct DumpOptions {
  bool positions = false;      // append [begin,end) to every node
  bool sort_matchers = false;  // in Prometheus's printing order (what format() changes)
};
// A one-line debug tree: bin(+, sel(foo), num(1)).
std::string dump(const Expr& e, const DumpOptions& options = {});

// Prometheus's rendering of a parse error: "1:5: parse error: <message>", with a 1-based line
// and a 1-based byte column.
std::string prometheus_error_string(std::string_view expr, const ParseError& error);

}  // namespace caxtool::promql
