// SPDX-License-Identifier: Apache-2.0
// The tokens of PromQL. A token is a kind and a byte range into the expression: no copies, no
// allocation, so lexing a 50,000-rule file costs no heap traffic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace caxtool::promql {

enum class Tok : uint8_t {
  kEof,
  kError,
  kComment,
  kIdentifier,
  kMetricIdentifier,
  kNumber,
  kDuration,
  kString,
  kLeftParen,
  kRightParen,
  kLeftBrace,
  kRightBrace,
  kLeftBracket,
  kRightBracket,
  kComma,
  kAssign,  // "=" inside braces
  kColon,
  // Operators.
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
  kEqlc,
  kNeq,
  kLte,
  kLss,
  kGte,
  kGtr,
  kTrimUpper,
  kTrimLower,
  kEqlRegex,
  kNeqRegex,
  kAt,
  kLand,
  kLor,
  kLunless,
  kAtan2,
  // Aggregators.
  kAvg,
  kBottomk,
  kCount,
  kCountValues,
  kGroup,
  kMax,
  kMin,
  kQuantile,
  kStddev,
  kStdvar,
  kSum,
  kTopk,
  kLimitk,
  kLimitRatio,
  // Keywords.
  kBool,
  kBy,
  kGroupLeft,
  kGroupRight,
  kFill,
  kFillLeft,
  kFillRight,
  kIgnoring,
  kOffset,
  kSmoothed,
  kAnchored,
  kOn,
  kWithout,
  // Preprocessors and duration functions.
  kStart,
  kEnd,
  kStep,
  kRange,
  kMaxOf,
  kMinOf,
};

struct Token {
  Tok kind = Tok::kEof;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The spelling of a token kind ("(", "offset", "sum"); "" for kinds without one.
std::string_view token_name(Tok kind);

constexpr bool is_operator(Tok t) { return t >= Tok::kAdd && t <= Tok::kAtan2; }
constexpr bool is_aggregator(Tok t) { return t >= Tok::kAvg && t <= Tok::kLimitRatio; }
constexpr bool is_keyword(Tok t) { return t >= Tok::kBool && t <= Tok::kWithout; }
constexpr bool is_preprocessor(Tok t) { return t >= Tok::kStart && t <= Tok::kMinOf; }

// How Prometheus names a token in "unexpected ..." messages: `end of input`, `"("`,
// `<op:+>`, `<aggr:sum>`, `<by>`, `identifier "foo"`, `number "1"`, `string "\"a\""`.
std::string describe_token(Tok kind, std::string_view text);

}  // namespace caxtool::promql
