// SPDX-License-Identifier: Apache-2.0
// Binary operators with a native histogram on either side, apart from binary.cpp's float paths:
// what Prometheus's vectorElemBinop computes (a scaled, divided, trimmed, summed or subtracted
// histogram, or an exact comparison of two), and the info annotation for the pairings it drops.
#include <string>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

void histogram_binop(Tok op, const FloatHistogram* lh, double lv, const FloatHistogram* rh,
                     double rv, HistogramResult& r) {
  FloatHistogram& out = r.computed;
  if (op == Tok::kMul && (lh == nullptr) != (rh == nullptr)) {
    out = lh ? *lh : *rh;
    out.scale(lh ? rv : lv);
    out.compact();  // a factor of 0 empties every bucket
  } else if (op == Tok::kDiv && lh && !rh) {
    out = *lh;
    out.div(rv);
    out.compact();
  } else if ((op == Tok::kAdd || op == Tok::kSub) && lh && rh) {
    out = *lh;
    bool ok = op == Tok::kAdd ? out.add(*rh, nullptr, &r.reconciled)
                              : out.sub(*rh, nullptr, &r.reconciled);
    if (!ok) return;
    if (op == Tok::kSub) out.hint = CounterResetHint::kGauge;
    out.compact();
  } else if ((op == Tok::kTrimUpper || op == Tok::kTrimLower) && lh && !rh) {
    out = *lh;
    out.trim_buckets(rv, op == Tok::kTrimUpper);
  } else if ((op == Tok::kEqlc || op == Tok::kNeq) && lh && rh) {
    r.keep = lh->equals(*rh) == (op == Tok::kEqlc);
    r.same = lh;
  } else {
    r.incompatible = true;
    return;
  }
  r.drop = false;
}

std::string incompatible_types(Tok op, bool lh, bool rh) {
  std::string o(token_name(op));
  return "PromQL info: incompatible sample types encountered for binary operator \"" + o +
         "\": " + (lh ? "histogram " : "float ") + o + (rh ? " histogram" : " float");
}

}  // namespace caxtool::promql::eval::detail
