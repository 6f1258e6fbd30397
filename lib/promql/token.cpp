// SPDX-License-Identifier: Apache-2.0
// Token names, and token descriptions worded as Prometheus words them in syntax errors.
#include "promql/token.h"

#include "promql/literals.h"

namespace caxtool::promql {

std::string_view token_name(Tok kind) {
  switch (kind) {
    case Tok::kLeftParen:
      return "(";
    case Tok::kRightParen:
      return ")";
    case Tok::kLeftBrace:
      return "{";
    case Tok::kRightBrace:
      return "}";
    case Tok::kLeftBracket:
      return "[";
    case Tok::kRightBracket:
      return "]";
    case Tok::kComma:
      return ",";
    case Tok::kAssign:
      return "=";
    case Tok::kColon:
      return ":";
    case Tok::kAdd:
      return "+";
    case Tok::kSub:
      return "-";
    case Tok::kMul:
      return "*";
    case Tok::kDiv:
      return "/";
    case Tok::kMod:
      return "%";
    case Tok::kPow:
      return "^";
    case Tok::kEqlc:
      return "==";
    case Tok::kNeq:
      return "!=";
    case Tok::kLte:
      return "<=";
    case Tok::kLss:
      return "<";
    case Tok::kGte:
      return ">=";
    case Tok::kGtr:
      return ">";
    case Tok::kTrimUpper:
      return "</";
    case Tok::kTrimLower:
      return ">/";
    case Tok::kEqlRegex:
      return "=~";
    case Tok::kNeqRegex:
      return "!~";
    case Tok::kAt:
      return "@";
    case Tok::kLand:
      return "and";
    case Tok::kLor:
      return "or";
    case Tok::kLunless:
      return "unless";
    case Tok::kAtan2:
      return "atan2";
    case Tok::kAvg:
      return "avg";
    case Tok::kBottomk:
      return "bottomk";
    case Tok::kCount:
      return "count";
    case Tok::kCountValues:
      return "count_values";
    case Tok::kGroup:
      return "group";
    case Tok::kMax:
      return "max";
    case Tok::kMin:
      return "min";
    case Tok::kQuantile:
      return "quantile";
    case Tok::kStddev:
      return "stddev";
    case Tok::kStdvar:
      return "stdvar";
    case Tok::kSum:
      return "sum";
    case Tok::kTopk:
      return "topk";
    case Tok::kLimitk:
      return "limitk";
    case Tok::kLimitRatio:
      return "limit_ratio";
    case Tok::kBool:
      return "bool";
    case Tok::kBy:
      return "by";
    case Tok::kGroupLeft:
      return "group_left";
    case Tok::kGroupRight:
      return "group_right";
    case Tok::kFill:
      return "fill";
    case Tok::kFillLeft:
      return "fill_left";
    case Tok::kFillRight:
      return "fill_right";
    case Tok::kIgnoring:
      return "ignoring";
    case Tok::kOffset:
      return "offset";
    case Tok::kSmoothed:
      return "smoothed";
    case Tok::kAnchored:
      return "anchored";
    case Tok::kOn:
      return "on";
    case Tok::kWithout:
      return "without";
    case Tok::kStart:
      return "start";
    case Tok::kEnd:
      return "end";
    case Tok::kStep:
      return "step";
    case Tok::kRange:
      return "range";
    case Tok::kMaxOf:
      return "max_of";
    case Tok::kMinOf:
      return "min_of";
    default:
      return "";
  }
}

namespace {
// Go's %q, or %.10q followed by "..." for values longer than ten characters.
std::string quote_short(std::string_view text) {
  size_t runes = 0, i = 0;
  while (i < text.size() && runes < 10) {
    size_t w;
    detail::decode_rune(text, i, &w);
    i += w;
    ++runes;
  }
  if (i < text.size()) return detail::go_quote(text.substr(0, i)) + "...";
  return detail::go_quote(text);
}
}  // namespace

std::string describe_token(Tok kind, std::string_view text) {
  switch (kind) {
    case Tok::kEof:
      return "end of input";
    case Tok::kIdentifier:
      return "identifier " + detail::go_quote(text);
    case Tok::kMetricIdentifier:
      return "metric identifier " + detail::go_quote(text);
    case Tok::kNumber:
      return "number " + quote_short(text);
    case Tok::kDuration:
      return "duration " + quote_short(text);
    case Tok::kString:
      return "string " + quote_short(text);
    case Tok::kError:
    case Tok::kComment:
      return std::string(text);
    default:
      break;
  }
  if (is_keyword(kind)) return "<" + std::string(text) + ">";
  if (is_operator(kind)) return "<op:" + std::string(text) + ">";
  if (is_aggregator(kind)) return "<aggr:" + std::string(text) + ">";
  return quote_short(text);
}

}  // namespace caxtool::promql
