// SPDX-License-Identifier: Apache-2.0
// The conformance runner's test of whether a case over native-histogram data uses only what
// caxtool's engine evaluates on histograms (histogram_readiness.cpp).
#pragma once

#include <set>
#include <string>

#include "promql/ast.h"

namespace caxtool::promql::evaltest {

// True when `e` evaluates as Prometheus does with the metrics named in `native` holding native
// histograms: selectors, the histogram_* functions, functions and aggregations that ignore
// histograms, sum/avg/count/group, rate/increase/delta, and/or/unless, + - * /, unary minus.
bool histogram_ready(const Expr& e, const std::set<std::string>& native);

}  // namespace caxtool::promql::evaltest
