// SPDX-License-Identifier: Apache-2.0
// Numbers as the two formats spell them. Prometheus text accepts what Go's strconv.ParseFloat
// and ParseInt accept (minus hex, underscores and p exponents, which expfmt refuses); OpenMetrics
// has its own ABNF, which turns out to be the same set of floats with the same special values.
// Validation is separate from conversion: the check only needs to know a value is well-formed.
// Only plain decimals are converted on the way (fast_decimal, a few instructions a digit); the
// rest go through strtod only when a lint needs their value.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace caxtool::exposition {

// A float as both formats write it: decimal with optional exponent, or Inf/Infinity (optional
// sign) or NaN, case-insensitive. Values out of float64 range are refused, as Go does.
bool is_valid_float(std::string_view s);
// The value of a token that passed is_valid_float.
double to_float(std::string_view s);
// The value of a plain decimal (digits with at most one '.', at most 15 digits) when it is one,
// exactly as strtod gives it; false for anything else, which is_valid_float then decides.
bool fast_decimal(std::string_view s, double& out);
// A decimal int64, optional sign (Prometheus text timestamps).
bool is_valid_int64(std::string_view s);
// A finite OpenMetrics realnumber (timestamps): no Inf, no NaN.
bool is_valid_real(std::string_view s);

}  // namespace caxtool::exposition
