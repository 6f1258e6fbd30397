// SPDX-License-Identifier: Apache-2.0
// Go's math.Sinh, Cosh, Tanh, Asinh, Acosh, Atanh and Log1p, which Go computes in Go on amd64
// (from its Exp and Log, go_exp_log.cpp, and FreeBSD's log1p); glibc's answers differ in the
// last bit for some inputs and promtool compares test values exactly. Sinh and Cosh are Go
// 1.19's (Prometheus 2.42's), with 1/Exp(x) where later Go computes Exp(-x). Written from the
// algorithms' description, operation by operation in Go's evaluation order.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

double go_sinh(double x) {
  constexpr double P0 = -0.6307673640497716991184787251e+6, P1 = -0.8991272022039509355398013511e+5,
                   P2 = -0.2894211355989563807284660366e+4, P3 = -0.2630563213397497062819489e+2,
                   Q0 = -0.6307673640497716991212077277e+6, Q1 = 0.1521517378790019070696485176e+5,
                   Q2 = -0.173678953558233699533450911e+3;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  double temp;
  if (x > 21) {
    temp = go_exp(x) / 2;
  } else if (x > 0.5) {
    double ex = go_exp(x);  // Go before 1.22 (Prometheus 2.42's): 1/ex, not Exp(-x)
    temp = (ex - 1 / ex) * 0.5;
  } else {
    double sq = x * x;
    temp = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
    temp = temp / (((sq + Q2) * sq + Q1) * sq + Q0);
  }
  return sign ? -temp : temp;
}

double go_cosh(double x) {
  x = std::fabs(x);
  if (x > 21) return go_exp(x) / 2;
  double ex = go_exp(x);
  return (ex + 1 / ex) * 0.5;
}

double go_tanh(double x) {
  constexpr double kMaxLog = 8.8029691931113054295988e+01;  // log(2**127)
  constexpr double P[] = {-9.64399179425052238628E-1, -9.92877231001918586564E1,
                          -1.61468768441708447952E3};
  constexpr double Q[] = {1.12811678491632931402E2, 2.23548839060100448583E3,
                          4.84406305325125486048E3};
  double z = std::fabs(x);
  if (z > 0.5 * kMaxLog) return x < 0 ? -1 : 1;
  if (z >= 0.625) {
    double s = go_exp(2 * z);
    z = 1 - 2 / (s + 1);
    return x < 0 ? -z : z;
  }
  if (x == 0) return x;
  double s = x * x;
  return x + x * s * ((P[0] * s + P[1]) * s + P[2]) / (((s + Q[0]) * s + Q[1]) * s + Q[2]);
}

// Go's math.Log1p (FreeBSD's s_log1p.c, in Go).
double go_log1p(double x) {
  constexpr double kSqrt2M1 = 4.142135623730950488017e-01,
                   kSqrt2HalfM1 = -2.928932188134524755992e-01, kSmall = 1.0 / (1 << 29),
                   kTiny = 1.0 / (uint64_t{1} << 54),
                   kTwo53 = static_cast<double>(uint64_t{1} << 53),
                   kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10,
                   Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01,
                   Lp3 = 2.857142874366239149e-01, Lp4 = 2.222219843214978396e-01,
                   Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01,
                   Lp7 = 1.479819860511658591e-01;
  if (x < -1 || std::isnan(x)) return NAN;
  if (x == -1) return -HUGE_VAL;
  if (std::isinf(x)) return HUGE_VAL;
  double absx = std::fabs(x), f = 0, c = 0;
  uint64_t iu = 0;
  int k = 1;
  if (absx < kSqrt2M1) {
    if (absx < kSmall) return absx < kTiny ? x : x - x * x * 0.5;
    if (x > kSqrt2HalfM1) {
      k = 0;
      f = x;
      iu = 1;
    }
  }
  if (k != 0) {
    double u;
    if (absx < kTwo53) {
      u = 1.0 + x;
      std::memcpy(&iu, &u, sizeof iu);
      k = static_cast<int>(static_cast<int64_t>(iu >> 52) - 1023);
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      std::memcpy(&iu, &u, sizeof iu);
      k = static_cast<int>(static_cast<int64_t>(iu >> 52) - 1023);
      c = 0;
    }
    iu &= 0x000fffffffffffff;
    uint64_t b;
    if (iu < 0x0006a09e667f3bcd) {
      b = iu | 0x3ff0000000000000;
    } else {
      ++k;
      b = iu | 0x3fe0000000000000;
      iu = (0x0010000000000000 - iu) >> 2;
    }
    std::memcpy(&u, &b, sizeof u);
    f = u - 1.0;
  }
  double hfsq = 0.5 * f * f, dk = static_cast<double>(k);
  if (iu == 0) {
    if (f == 0) {
      if (k == 0) return 0;
      c += dk * kLn2Lo;
      return dk * kLn2Hi + c;
    }
    double R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return dk * kLn2Hi - ((R - (dk * kLn2Lo + c)) - f);
  }
  double s = f / (2.0 + f), z = s * s;
  double R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  if (k == 0) return f - (hfsq - s * (hfsq + R));
  return dk * kLn2Hi - ((hfsq - (s * (hfsq + R) + (dk * kLn2Lo + c))) - f);
}

double go_asinh(double x) {
  constexpr double kLn2 = 6.93147180559945286227e-01, kNearZero = 1.0 / (1 << 28), kLarge = 1 << 28;
  if (std::isnan(x) || std::isinf(x)) return x;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  double temp;
  if (x > kLarge) {
    temp = go_log(x) + kLn2;
  } else if (x > 2) {
    temp = go_log(2 * x + 1 / (std::sqrt(x * x + 1) + x));
  } else if (x < kNearZero) {
    temp = x;
  } else {
    temp = go_log1p(x + x * x / (1 + std::sqrt(1 + x * x)));
  }
  return sign ? -temp : temp;
}

double go_acosh(double x) {
  constexpr double kLarge = 1 << 28;
  if (x < 1 || std::isnan(x)) return NAN;
  if (x == 1) return 0;
  if (x >= kLarge) return go_log(x) + M_LN2;
  if (x > 2) return go_log(2 * x - 1 / (x + std::sqrt(x * x - 1)));
  double t = x - 1;
  return go_log1p(t + std::sqrt(2 * t + t * t));
}

double go_atanh(double x) {
  constexpr double kNearZero = 1.0 / (1 << 28);
  if (x < -1 || x > 1 || std::isnan(x)) return NAN;
  if (x == 1) return HUGE_VAL;
  if (x == -1) return -HUGE_VAL;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  double temp;
  if (x < kNearZero) {
    temp = x;
  } else if (x < 0.5) {
    temp = x + x;
    temp = 0.5 * go_log1p(temp + temp * x / (1 - x));
  } else {
    temp = 0.5 * go_log1p((x + x) / (1 - x));
  }
  return sign ? -temp : temp;
}

}  // namespace caxtool::promql::eval::detail
