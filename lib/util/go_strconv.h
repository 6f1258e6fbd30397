// SPDX-License-Identifier: Apache-2.0
// Go's strconv integer syntax (ParseInt and ParseUint with base 0), which both PromQL and Go
// templates inherit: base prefixes 0b, 0o, 0x and a bare 0 for octal, and underscores only
// between digits or right after a prefix.
#pragma once

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

}  // namespace caxtool::util
