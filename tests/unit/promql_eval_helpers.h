// SPDX-License-Identifier: Apache-2.0
// The engine tests' one way to run a query: parse with the switches a test needs (version,
// experimental functions, experimental syntax), evaluate at one instant with the same version
// and switches, and fail the test at once if the expression does not parse.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "promql/eval/engine.h"
#include "promql/parser.h"

namespace caxtool::promql::testing {

inline eval::EvalResult eval_at(const std::string& expr, int64_t t, const eval::Storage& st,
                                const ParseOptions& po = {}) {
  auto p = parse(expr, po);
  REQUIRE(p.ok());
  eval::EvalOptions eo;
  eo.version = po.version;
  eo.enable_experimental_functions = po.enable_experimental_functions;
  return eval::eval_instant(*p.expr, t, st, eo);
}

inline ParseOptions experimental_functions() {
  ParseOptions po;
  po.enable_experimental_functions = true;
  return po;
}

}  // namespace caxtool::promql::testing
