// SPDX-License-Identifier: Apache-2.0
// Go's math.Sin, Cos, Tan, Asin and Acos. Go computes them in Go on amd64 (Cephes' polynomials
// after reducing the argument by Pi/4 in three parts, Payne-Hanek reduction past 2^29; Asin
// from Go's atan), and glibc's answers differ in the last bit for about a quarter of the inputs;
// promtool compares test values exactly, so these functions round as Prometheus's do. Written
// from the algorithms' description, operation by operation in Go's evaluation order (Go's
// amd64 default target fuses no multiply-adds). The hyperbolic functions: go_hyperbolic.cpp.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

constexpr double kPi4A = 7.85398125648498535156e-1;  // Pi/4 in three parts
constexpr double kPi4B = 3.77489470793079817668e-8;
constexpr double kPi4C = 2.69515142907905952645e-15;
constexpr double kFourOverPi = 1.27323954473516268615107010698011489627567716592365;
constexpr double kReduceThreshold = 1 << 29;

constexpr double kSin[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8,
                           2.75573136213857245213e-6,  -1.98412698295895385996e-4,
                           8.33333333332211858878e-3,  -1.66666666666666307295e-1};
constexpr double kCos[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9,
                           -2.75573141792967388112e-7,  2.48015872888517045348e-5,
                           -1.38888888888730564116e-3,  4.16666666666665929218e-2};

// The binary digits of 4/pi: 4/pi = sum of kMPi4[i] * 2^(-64 i).
constexpr uint64_t kMPi4[] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083,
    0xfca2c757bd778ac3, 0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d,
    0xd1046bea5d768909, 0xd338e04d68befc82, 0x7323ac7306a673e9, 0x3908bf177bf25076,
    0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e, 0x9e8c7ecd3cbfd45a,
    0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757};

// Go's shifts: by 64 or more, 0.
uint64_t shl(uint64_t v, unsigned n) { return n >= 64 ? 0 : v << n; }
uint64_t shr(uint64_t v, unsigned n) { return n >= 64 ? 0 : v >> n; }

// Payne-Hanek reduction for x >= 2^29: the octant j and the remainder z (in radians).
void trig_reduce(double x, uint64_t& j, double& z) {
  if (x < M_PI_4) {
    j = 0;
    z = x;
    return;
  }
  uint64_t ix;
  std::memcpy(&ix, &x, sizeof ix);
  int exp = static_cast<int>((ix >> 52) & 0x7FF) - 1023 - 52;
  ix &= ~(uint64_t{0x7FF} << 52);
  ix |= uint64_t{1} << 52;
  unsigned digit = static_cast<unsigned>(exp + 61) / 64,
           bitshift = static_cast<unsigned>(exp + 61) % 64;
  uint64_t z0 = shl(kMPi4[digit], bitshift) | shr(kMPi4[digit + 1], 64 - bitshift);
  uint64_t z1 = shl(kMPi4[digit + 1], bitshift) | shr(kMPi4[digit + 2], 64 - bitshift);
  uint64_t z2 = shl(kMPi4[digit + 2], bitshift) | shr(kMPi4[digit + 3], 64 - bitshift);
  using u128 = unsigned __int128;
  uint64_t z2hi = static_cast<uint64_t>((static_cast<u128>(z2) * ix) >> 64);
  u128 p1 = static_cast<u128>(z1) * ix;
  uint64_t z1hi = static_cast<uint64_t>(p1 >> 64), z1lo = static_cast<uint64_t>(p1);
  uint64_t z0lo = z0 * ix;
  uint64_t lo = z1lo + z2hi;
  uint64_t carry = lo < z1lo ? 1 : 0;
  uint64_t hi = z0lo + z1hi + carry;
  j = hi >> 61;
  hi = hi << 3 | lo >> 61;
  unsigned lz = hi == 0 ? 64 : static_cast<unsigned>(__builtin_clzll(hi));
  uint64_t e = static_cast<uint64_t>(1023 - static_cast<int>(lz + 1));
  hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
  hi >>= 64 - 52;
  hi |= e << 52;
  std::memcpy(&z, &hi, sizeof z);
  if (j & 1) {
    ++j;
    j &= 7;
    z -= 1;
  }
  z *= M_PI_4;
}

// The octant of x >= 0 and the remainder, zeros mapped to the origin.
void reduce(double x, uint64_t& j, double& z, bool wrap) {
  if (x >= kReduceThreshold) {
    trig_reduce(x, j, z);
    return;
  }
  j = static_cast<uint64_t>(x * kFourOverPi);
  double y = static_cast<double>(j);
  if (j & 1) {
    ++j;
    y += 1;
  }
  if (wrap) j &= 7;
  z = ((x - y * kPi4A) - y * kPi4B) - y * kPi4C;
}

double sin_poly(double z, double zz) {
  return z + z * zz *
                 (((((kSin[0] * zz + kSin[1]) * zz + kSin[2]) * zz + kSin[3]) * zz + kSin[4]) * zz +
                  kSin[5]);
}

double cos_poly(double zz) {
  return 1.0 - 0.5 * zz +
         zz * zz *
             (((((kCos[0] * zz + kCos[1]) * zz + kCos[2]) * zz + kCos[3]) * zz + kCos[4]) * zz +
              kCos[5]);
}

}  // namespace

double go_sin(double x) {
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return NAN;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  uint64_t j;
  double z;
  reduce(x, j, z, true);
  if (j > 3) {
    sign = !sign;
    j -= 4;
  }
  double zz = z * z;
  double y = (j == 1 || j == 2) ? cos_poly(zz) : sin_poly(z, zz);
  return sign ? -y : y;
}

double go_cos(double x) {
  if (std::isnan(x) || std::isinf(x)) return NAN;
  bool sign = false;
  x = std::fabs(x);
  uint64_t j;
  double z;
  reduce(x, j, z, true);
  if (j > 3) {
    j -= 4;
    sign = !sign;
  }
  if (j > 1) sign = !sign;
  double zz = z * z;
  double y = (j == 1 || j == 2) ? sin_poly(z, zz) : cos_poly(zz);
  return sign ? -y : y;
}

double go_tan(double x) {
  constexpr double P[] = {-1.30936939181383777646e4, 1.15351664838587416140e6,
                          -1.79565251976484877988e7};
  constexpr double Q[] = {1.0, 1.36812963470692954678e4, -1.32089234440210967447e6,
                          2.50083801823357915839e7, -5.38695755929454629881e7};
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return NAN;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  uint64_t j;
  double z;
  reduce(x, j, z, false);
  double zz = z * z, y = z;
  if (zz > 1e-14)
    y = z + z * (zz * ((P[0] * zz + P[1]) * zz + P[2]) /
                 ((((zz + Q[1]) * zz + Q[2]) * zz + Q[3]) * zz + Q[4]));
  if (j & 2) y = -1 / y;
  return sign ? -y : y;
}

double go_asin(double x) {
  if (x == 0) return x;
  bool sign = false;
  if (x < 0) {
    x = -x;
    sign = true;
  }
  if (x > 1) return NAN;
  double temp = std::sqrt(1 - x * x);
  temp = x > 0.7 ? M_PI_2 - go_satan(temp / x) : go_satan(x / temp);
  return sign ? -temp : temp;
}

double go_acos(double x) { return M_PI_2 - go_asin(x); }

}  // namespace caxtool::promql::eval::detail
