// SPDX-License-Identifier: Apache-2.0
// EvalOptions::max_samples: Prometheus's query sample limit (EngineOpts.MaxSamples, 10000 in
// promtool's rule tests), which turns a query that would hold too many samples at once into the
// error "query processing would load too many samples into memory in query execution".
// Prometheus evaluates each node over all steps before its parent and counts, in
// ev.currentSamples, the samples every evaluated node still holds; caxtool evaluates instant by
// instant, so the count is modelled per node kind from Prometheus 2.42's evaluator:
//  - a vector selector adds one sample per selected series;
//  - a matrix selector adds its points (and a range function's window points are held while
//    its output is built, series by series);
//  - rangeEval nodes (aggregations, binary operators, functions without a range argument,
//    literals) hold their children's samples, gather them again as the step's inputs, then add
//    the output; afterwards only the output is held;
//  - a subquery holds the points of its steps, accumulated step by step.
// For an instant query this is Prometheus's own count. Inside a subquery Prometheus evaluates
// the inner expression over all steps at once and holds every step's inputs together; caxtool
// holds one step's inputs on top of the earlier steps' outputs, so its count there is lower
// when the inner expression is more than a selector.
#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

void Evaluator::check_samples(int64_t n) const {
  if (limited() && n > opt_.max_samples)
    fail("query processing would load too many samples into memory in query execution");
}

void Evaluator::count_range_eval(int64_t orig, int64_t out, bool inputs_counted_twice) {
  if (!limited()) return;
  int64_t children = cur_ - orig;
  check_samples(orig + (inputs_counted_twice ? 2 * children : children) + out);
  cur_ = orig + out;
}

}  // namespace caxtool::promql::eval::detail
