// SPDX-License-Identifier: Apache-2.0
// Go's strconv integer syntax (ParseInt and ParseUint with base 0), which both PromQL and Go
// templates inherit: base prefixes 0b, 0o, 0x and a bare 0 for octal, and underscores only
// between digits or right after a prefix.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>

namespace caxtool::util {

enum class GoNumError { kNone, kSyntax, kRange };

// strconv's underscoreOK: whether the underscores of `s` (a number, sign allowed) are placed
// where Go allows them.
bool go_underscore_ok(std::string_view s);

// strconv.ParseUint(s, 0, 64).
GoNumError go_parse_uint(std::string_view s, uint64_t* value);

// strconv.ParseInt(s, 0, 64): an optional sign, then ParseUint, then the int64 range.
GoNumError go_parse_int(std::string_view s, int64_t* value);

// Go's int64(f) as amd64 compiles it (CVTTSD2SI): truncation toward zero, and the "integer
// indefinite" value math.MinInt64 for NaN and for anything outside the int64 range, where a
// C++ cast would be undefined. Prometheus's templates and date functions show that value.
constexpr int64_t go_int64(double f) {
  if (!(f > -9223372036854775808.0 && f < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(f);
}

}  // namespace caxtool::util
