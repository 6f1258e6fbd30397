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
// each inner node over all steps before its parent; caxtool evaluates step by step but keeps,
// per node, its outputs of the steps so far (SampleAccumulator), so at the last step it holds
// what Prometheus holds at that node's last step, and the counts only grow with the steps.
#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

void Evaluator::check_samples(int64_t n) const {
  if (limited() && n > opt_.max_samples)
    fail("query processing would load too many samples into memory in query execution");
}

int64_t Evaluator::accumulate(const Expr& e, int64_t out) {
  if (!acc_) return out;
  return (*acc_)[&e] += out;
}

int64_t Evaluator::accumulated(const Expr& e) const {
  if (!acc_) return 0;
  auto it = acc_->find(&e);
  return it == acc_->end() ? 0 : it->second;
}

void Evaluator::count_range_eval(const Expr& e, SampleMark m, int64_t out, bool gathers_inputs) {
  if (!limited()) return;
  int64_t children = cur_ - m.cur, inputs = gathers_inputs ? in_ - m.in : 0;
  int64_t held = accumulate(e, out);
  check_samples(m.cur + children + inputs + held);
  cur_ = m.cur + held;
  in_ = m.in + out;
}

void Evaluator::count_selected(const Expr& e, SampleMark m, int64_t n, bool accumulates) {
  if (!limited()) return;
  int64_t held = accumulates ? accumulate(e, n) : n;
  check_samples(m.cur + held);
  cur_ = m.cur + held;
  in_ = m.in + n;
}

}  // namespace caxtool::promql::eval::detail
