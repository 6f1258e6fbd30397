// SPDX-License-Identifier: Apache-2.0
// Go's math.Exp and math.Log as promtool computes them on amd64, where Go implements both in
// assembly (exp_amd64.s, log_amd64.s) rather than with the pure-Go FreeBSD code: Exp reduces
// the argument by ln 2, divides it by 16, sums a Taylor series and squares back four times (with
// fused multiply-adds when the CPU has AVX2 and FMA, as Go decides at start-up), and Log is the
// FreeBSD algorithm with Frexp done on the bits. Their last bits differ from glibc's for many
// inputs, and promtool compares test values exactly, so `exp`, `ln`, `log2` and `log10` (Go's
// log2 and log10 are built on Log) round here as they do in Prometheus. Written from the
// algorithm's description, instruction by instruction in the order Go evaluates it.
#include <bit>
#include <cmath>
#include <cstdint>

#include "promql/eval/internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#endif

namespace caxtool::promql::eval::detail {
namespace {

double from_bits(uint64_t b) { return std::bit_cast<double>(b); }
uint64_t to_bits(double d) { return std::bit_cast<uint64_t>(d); }

// Go's useFMA: cpu.X86.HasAVX && cpu.X86.HasFMA (both need the OS to save AVX state).
bool cpu_has_fma() {
#if defined(__x86_64__) && defined(__GNUC__)
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  bool fma = (c & (1u << 12)) != 0, osxsave = (c & (1u << 27)) != 0, avx = (c & (1u << 28)) != 0;
  if (!fma || !osxsave || !avx) return false;
  unsigned lo = 0, hi = 0;
  __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (lo & 6u) == 6u;
#else
  return true;
#endif
}

}  // namespace

double go_exp(double x) {
  constexpr double kLog2e = 1.4426950408889634073599246810018920;
  constexpr double kLn2U = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2L = 0.28235290563031577122588448175013436025525412068e-12;
  constexpr double kOverflow = 7.09782712893384e+02;
  constexpr double kC[] = {2.4801587301587301587e-5,
                           1.9841269841269841270e-4,
                           1.3888888888888888889e-3,
                           8.3333333333333333333e-3,
                           4.1666666666666666667e-2,
                           1.6666666666666666667e-1,
                           0.5,
                           1.0};
  static const bool use_fma = cpu_has_fma();
  uint64_t bits = to_bits(x);
  if ((bits & ~(uint64_t{1} << 63)) >= 0x7FF0000000000000ULL) {  // not finite
    if (bits == 0xFFF0000000000000ULL) return 0;                 // -Inf
    return x;                                                    // NaN or +Inf
  }
  if (x > kOverflow) return HUGE_VAL;
  // CVTSD2SL rounds to nearest, ties to even (and gives INT32_MIN out of range).
  double scaled = kLog2e * x;
  int32_t e =
      std::fabs(scaled) < 2147483647.0 ? static_cast<int32_t>(std::nearbyint(scaled)) : INT32_MIN;
  double k = static_cast<double>(e);
  double r;
  if (use_fma) {
    r = std::fma(-kLn2U, k, x);
    r = std::fma(-kLn2L, k, r);
    r *= 0.0625;
    double p = kC[0];
    for (int i = 1; i < 8; ++i) p = std::fma(p, r, kC[i]);
    r *= p;
    for (int i = 0; i < 3; ++i) r *= r + 2.0;
    r = std::fma(r, r + 2.0, 1.0);
  } else {
    r = x - kLn2U * k;
    r = r - kLn2L * k;
    r *= 0.0625;
    double p = kC[0];
    for (int i = 1; i < 8; ++i) p = p * r + kC[i];
    r *= p;
    for (int i = 0; i < 4; ++i) r *= r + 2.0;
    r += 1.0;
  }
  int64_t biased = static_cast<int64_t>(e) + 0x3FF;
  if (biased <= 0) {
    // A subnormal result: scaled in two steps, so that only the last one rounds.
    if (biased < -52) return 0;
    r *= from_bits(static_cast<uint64_t>(biased + 0x3FE) << 52);
    biased = 1;
  } else if (biased >= 0x7FF) {
    return HUGE_VAL;
  }
  return r * from_bits(static_cast<uint64_t>(biased) << 52);
}

double go_log(double x) {
  constexpr double kHalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                   L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                   L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                   L7 = 1.479819860511658591e-01;
  uint64_t bits = to_bits(x);
  if ((bits & ~(uint64_t{1} << 63)) == 0) return -HUGE_VAL;
  if (static_cast<int64_t>(bits) < 0) return from_bits(0x7FF8000000000001ULL);
  if (bits >= 0x7FF0000000000000ULL) return x;
  // Frexp on the bits (a subnormal keeps its unnormalised mantissa, as in Go's assembly).
  double f1 = from_bits((bits & 0x000FFFFFFFFFFFFFULL) | 0x3FE0000000000000ULL);
  double k = static_cast<double>(static_cast<int32_t>((bits >> 52) & 0x7FF) - 0x3FE);
  if (!(kHalfSqrt2 < f1)) {  // CMPSD's not-less-than: f1 <= Sqrt2/2 here
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2 + f);
  double s2 = s * s, s4 = s2 * s2;
  double t1 = s2 * (((L7 * s4 + L5) * s4 + L3) * s4 + L1);
  double t2 = s4 * ((L6 * s4 + L4) * s4 + L2);
  double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + (t1 + t2)) + k * kLn2Lo)) - f);
}

// Go's math.Log2: exact for powers of two, else Log(frac) / ln 2 + exp.
// The constants are Go's 1/Ln2 and 1/Ln10, exact constants rounded once.
double go_log2(double x) {
  int e = 0;
  double frac = x;
  if (std::isfinite(x) && x != 0) frac = std::frexp(x, &e);
  if (frac == 0.5) return static_cast<double>(e - 1);
  return go_log(frac) * 1.4426950408889634074 + static_cast<double>(e);
}

// Go's math.Log10.
double go_log10(double x) { return go_log(x) * 0.43429448190325182765; }

}  // namespace caxtool::promql::eval::detail
