// SPDX-License-Identifier: Apache-2.0
// Go's math.Atan and math.Atan2, ported because Go computes them in Go (Cephes' rational
// approximation) rather than with the C library, and libm's answers differ in the last bit:
// promtool compares test values exactly, so `atan2` must round as Prometheus's does.
#include <cmath>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

// Valid in [0, 0.66].
double xatan(double x) {
  constexpr double P0 = -8.750608600031904122785e-01;
  constexpr double P1 = -1.615753718733365076637e+01;
  constexpr double P2 = -7.500855792314704667340e+01;
  constexpr double P3 = -1.228866684490136173410e+02;
  constexpr double P4 = -6.485021904942025371773e+01;
  constexpr double Q0 = +2.485846490142306297962e+01;
  constexpr double Q1 = +1.650270098316988542046e+02;
  constexpr double Q2 = +4.328810604912902668951e+02;
  constexpr double Q3 = +4.853903996359136964868e+02;
  constexpr double Q4 = +1.945506571482613964425e+02;
  double z = x * x;
  z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) /
      (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
  return x * z + x;
}

// For positive x: reduce to [0, 0.66].
double satan(double x) {
  constexpr double kMorebits = 6.123233995736765886130e-17;  // pi/2 = PIO2 + Morebits
  constexpr double kTan3pio8 = 2.41421356237309504880;
  if (x <= 0.66) return xatan(x);
  if (x > kTan3pio8) return M_PI / 2 - xatan(1 / x) + kMorebits;
  return M_PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * kMorebits;
}

}  // namespace

double go_satan(double x) { return satan(x); }

double go_atan(double x) {
  if (x == 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}

double go_atan2(double y, double x) {
  if (std::isnan(y) || std::isnan(x)) return std::nan("");
  if (y == 0) {
    if (x >= 0 && !std::signbit(x)) return std::copysign(0.0, y);
    return std::copysign(M_PI, y);
  }
  if (x == 0) return std::copysign(M_PI / 2, y);
  if (std::isinf(x)) {
    if (x > 0) return std::isinf(y) ? std::copysign(M_PI / 4, y) : std::copysign(0.0, y);
    return std::isinf(y) ? std::copysign(3 * M_PI / 4, y) : std::copysign(M_PI, y);
  }
  if (std::isinf(y)) return std::copysign(M_PI / 2, y);
  double q = go_atan(y / x);
  if (x < 0) return q <= 0 ? q + M_PI : q - M_PI;
  return q;
}

}  // namespace caxtool::promql::eval::detail
