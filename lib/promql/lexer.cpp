// SPDX-License-Identifier: Apache-2.0
// The PromQL lexer. Each state function follows the one of the same name in Prometheus's
// promql/parser/lex.go for the selected version; the differences between versions are the
// number scanner (2.54), what follows "[" (2.54, 3.4) and letters inside brackets (3.6).
#include "promql/lexer.h"

#include "promql/literals.h"

namespace caxtool::promql::detail {

namespace {

constexpr char32_t kEofRune = 0xffffffff;

bool is_space(char32_t r) { return r == ' ' || r == '\t' || r == '\n' || r == '\r'; }
bool is_digit(char32_t r) { return r >= '0' && r <= '9'; }
bool is_alpha(char32_t r) { return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'); }
bool is_alnum(char32_t r) { return is_alpha(r) || is_digit(r); }
char32_t to_lower(char32_t r) { return (r >= 'A' && r <= 'Z') ? r + 32 : r; }

int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return 16;
}

std::string quote_rune(char32_t r) { return go_quote_rune(r == kEofRune ? 0xfffd : r); }

}  // namespace

char32_t Lexer::next_rune() {
  if (pos_ >= in_.size()) {
    width_ = 0;
    return kEofRune;
  }
  auto c = static_cast<unsigned char>(in_[pos_]);
  if (c < 0x80) {
    width_ = 1;
    ++pos_;
    return c;
  }
  char32_t r = decode_rune(in_, pos_, &width_);
  pos_ += width_;
  return r;
}

char32_t Lexer::peek_rune() {
  char32_t r = next_rune();
  backup();
  return r;
}

bool Lexer::accept(std::string_view valid) {
  char32_t r = next_rune();
  if (r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
  backup();
  return false;
}

void Lexer::accept_run(std::string_view valid) {
  while (accept(valid)) {
  }
}

void Lexer::skip_spaces() {
  while (pos_ < in_.size() && is_space(static_cast<unsigned char>(in_[pos_]))) ++pos_;
  start_ = pos_;
}

Token Lexer::emit(Tok kind) {
  Token t{kind, static_cast<uint32_t>(start_), static_cast<uint32_t>(pos_)};
  start_ = pos_;
  return t;
}

Token Lexer::fail(std::string message) {
  error_ = std::move(message);
  state_ = State::kDone;
  last_ = Token{Tok::kError, static_cast<uint32_t>(start_),
                static_cast<uint32_t>(pos_ > start_ ? pos_ : start_)};
  return last_;
}

Token Lexer::next() {
  for (;;) {
    Token t;
    switch (state_) {
      case State::kDone:
        return last_;
      case State::kStatements:
        t = brace_open_ ? lex_inside_braces() : lex_statements();
        break;
      case State::kRangeDuration:
        state_ = State::kStatements;
        t = lex_range_duration();
        break;
      case State::kRangeNumber:
        state_ = State::kStatements;
        t = lex_number_or_duration();
        break;
      case State::kDurationExpr:
        t = lex_duration_expr();
        break;
    }
    if (t.kind == Tok::kComment) continue;
    if (t.kind == Tok::kEof) {
      state_ = State::kDone;
      last_ = t;
    }
    return t;
  }
}

Token Lexer::lex_statements() {
  for (;;) {
    start_ = pos_;
    if (pos_ < in_.size() && in_[pos_] == '#') {
      while (pos_ < in_.size() && in_[pos_] != '\n' && in_[pos_] != '\r') ++pos_;
      return emit(Tok::kComment);
    }
    char32_t r = next_rune();
    if (r == kEofRune) {
      if (paren_depth_ != 0) return fail("unclosed left parenthesis");
      if (bracket_open_) return fail("unclosed left bracket");
      return emit(Tok::kEof);
    }
    if (is_space(r)) {
      skip_spaces();
      if (brace_open_) return lex_inside_braces();
      continue;
    }
    switch (r) {
      case ',':
        return emit(Tok::kComma);
      case '*':
        return emit(Tok::kMul);
      case '/':
        return emit(Tok::kDiv);
      case '%':
        return emit(Tok::kMod);
      case '+':
        return emit(Tok::kAdd);
      case '-':
        return emit(Tok::kSub);
      case '^':
        return emit(Tok::kPow);
      case '@':
        return emit(Tok::kAt);
      case '=': {
        char32_t t = peek_rune();
        if (t == '=') {
          next_rune();
          return emit(Tok::kEqlc);
        }
        if (t == '~') return fail("unexpected character after '=': " + quote_rune(t));
        return emit(Tok::kAssign);
      }
      case '!': {
        char32_t t = next_rune();
        if (t != '=') return fail("unexpected character after '!': " + quote_rune(t));
        return emit(Tok::kNeq);
      }
      case '<':
      case '>': {
        bool less = r == '<';
        char32_t t = peek_rune();
        if (t == '=') {
          next_rune();
          return emit(less ? Tok::kLte : Tok::kGte);
        }
        if (t == '/' && f_.trim_operators) {
          next_rune();
          return emit(less ? Tok::kTrimUpper : Tok::kTrimLower);
        }
        return emit(less ? Tok::kLss : Tok::kGtr);
      }
      case '"':
      case '\'':
        return lex_string(static_cast<char>(r));
      case '`':
        return lex_string('`');
      case '(':
        ++paren_depth_;
        return emit(Tok::kLeftParen);
      case ')':
        // Prometheus reports this one after the parenthesis.
        if (--paren_depth_ < 0) {
          start_ = pos_;
          return fail("unexpected right parenthesis ')'");
        }
        return emit(Tok::kRightParen);
      case '{':
        brace_open_ = true;
        return emit(Tok::kLeftBrace);
      case '[': {
        if (bracket_open_) return fail("unexpected left bracket '['");
        got_colon_ = false;
        Token t = emit(Tok::kLeftBracket);
        if (pos_ < in_.size() && is_space(static_cast<unsigned char>(in_[pos_]))) skip_spaces();
        bracket_open_ = true;
        state_ = f_.duration_lexer     ? State::kDurationExpr
                 : f_.new_number_lexer ? State::kRangeNumber
                                       : State::kRangeDuration;
        return t;
      }
      case ']':
        if (!bracket_open_) return fail("unexpected right bracket ']'");
        bracket_open_ = false;
        return emit(Tok::kRightBracket);
      default:
        break;
    }
    if (is_digit(r) || (r == '.' && is_digit(peek_rune()))) {
      backup();
      return lex_number_or_duration();
    }
    if (is_alpha(r) || r == ':') {
      if (!bracket_open_) {
        backup();
        return lex_keyword_or_identifier();
      }
      if (r == ':' || f_.letter_acts_as_colon) {
        if (got_colon_) return fail("unexpected colon " + quote_rune(r));
        got_colon_ = true;
        return emit(Tok::kColon);
      }
      Tok kind;
      if (scan_duration_keyword(&kind)) return emit(kind);
      pos_ = start_ + 1;
      return fail("unexpected character: " + quote_rune(r) + ", expected ':'");
    }
    return fail("unexpected character: " + quote_rune(r));
  }
}

Token Lexer::lex_inside_braces() {
  for (;;) {
    start_ = pos_;
    if (pos_ < in_.size() && in_[pos_] == '#') {
      while (pos_ < in_.size() && in_[pos_] != '\n' && in_[pos_] != '\r') ++pos_;
      return emit(Tok::kComment);
    }
    char32_t r = next_rune();
    if (r == kEofRune) return fail("unexpected end of input inside braces");
    if (is_space(r)) {
      skip_spaces();
      continue;
    }
    if (is_alpha(r)) {
      backup();
      return lex_identifier();
    }
    switch (r) {
      case ',':
        return emit(Tok::kComma);
      case '"':
      case '\'':
        return lex_string(static_cast<char>(r));
      case '`':
        return lex_string('`');
      case '=':
        if (next_rune() == '~') return emit(Tok::kEqlRegex);
        backup();
        return emit(Tok::kAssign);
      case '!': {
        char32_t t = next_rune();
        if (t == '~') return emit(Tok::kNeqRegex);
        if (t == '=') return emit(Tok::kNeq);
        return fail("unexpected character after '!' inside braces: " + quote_rune(t));
      }
      case '{':
        return fail("unexpected left brace '{'");
      case '}':
        brace_open_ = false;
        return emit(Tok::kRightBrace);
      default:
        return fail("unexpected character inside braces: " + quote_rune(r));
    }
  }
}

// 2.42-2.53: the token right after "[" must be a duration with a unit.
Token Lexer::lex_range_duration() {
  if (scan_number_legacy()) return fail("missing unit character in duration");
  if (!accept_remaining_duration())
    return fail("bad duration syntax: " + go_quote(in_.substr(start_, pos_ - start_)));
  backup();
  return emit(Tok::kDuration);
}

// 3.4+: inside brackets, until the first number, arithmetic on durations.
Token Lexer::lex_duration_expr() {
  for (;;) {
    start_ = pos_;
    char32_t r = next_rune();
    if (r == kEofRune) return fail("unexpected end of input in duration expression");
    if (is_space(r)) {
      skip_spaces();
      continue;
    }
    switch (r) {
      case ']':
        bracket_open_ = false;
        got_colon_ = false;
        state_ = State::kStatements;
        return emit(Tok::kRightBracket);
      case ':':
        if (!got_duration_) return fail("unexpected colon before duration in duration expression");
        if (got_colon_) return fail("unexpected repeated colon in duration expression");
        got_colon_ = true;
        return emit(Tok::kColon);
      case '(':
        ++paren_depth_;
        return emit(Tok::kLeftParen);
      case ')':
        if (--paren_depth_ < 0) {
          start_ = pos_;
          return fail("unexpected right parenthesis ')'");
        }
        return emit(Tok::kRightParen);
      case '+':
        return emit(Tok::kAdd);
      case '-':
        return emit(Tok::kSub);
      case '*':
        return emit(Tok::kMul);
      case '/':
        return emit(Tok::kDiv);
      case '%':
        return emit(Tok::kMod);
      case '^':
        return emit(Tok::kPow);
      case ',':
        return emit(Tok::kComma);
      default:
        break;
    }
    if (is_digit(r) || (r == '.' && is_digit(peek_rune()))) {
      backup();
      got_duration_ = true;
      state_ = State::kStatements;
      return lex_number_or_duration();
    }
    if (is_alpha(r)) {
      Tok kind;
      if (scan_duration_keyword(&kind)) return emit(kind);
      pos_ = start_ + 1;
    }
    return fail("unexpected character in duration expression: " + quote_rune(r));
  }
}

// The words a duration expression knows in this version (step, range, min_of, ...). The first
// letter has been read.
bool Lexer::scan_duration_keyword(Tok* kind) {
  while (is_alpha(peek_rune())) next_rune();
  std::string_view word = in_.substr(start_, pos_ - start_);
  char lower[8];
  if (word.size() > sizeof lower) return false;
  for (size_t i = 0; i < word.size(); ++i)
    lower[i] = static_cast<char>(to_lower(static_cast<unsigned char>(word[i])));
  std::string_view w(lower, word.size());
  if (w == "step" && f_.step_keyword)
    *kind = Tok::kStep;
  else if (w == "range" && f_.range_keyword)
    *kind = Tok::kRange;
  else if ((w == "min_of" && f_.min_of_max_of) || (w == "min" && f_.min_max_durations))
    *kind = Tok::kMinOf;
  else if ((w == "max_of" && f_.min_of_max_of) || (w == "max" && f_.min_max_durations))
    *kind = Tok::kMaxOf;
  else
    return false;
  return true;
}

Token Lexer::lex_number_or_duration() {
  if (scan_number()) return emit(Tok::kNumber);
  if (accept_remaining_duration()) {
    backup();
    return emit(Tok::kDuration);
  }
  return fail("bad number or duration syntax: " + go_quote(in_.substr(start_, pos_ - start_)));
}

bool Lexer::accept_remaining_duration() {
  if (!accept("smhdwy")) return false;
  accept("s");  // ms; bad units such as "hs" are caught when the duration is parsed
  while (accept("0123456789")) {
    accept_run("0123456789");
    if (!accept("smhdw")) return false;
    accept("s");
  }
  return !is_alnum(next_rune());
}

bool Lexer::scan_number() { return f_.new_number_lexer ? scan_number_new() : scan_number_legacy(); }

bool Lexer::scan_number_legacy() {
  std::string_view digits = "0123456789";
  if (accept("0") && accept("xX")) digits = "0123456789abcdefABCDEF";
  accept_run(digits);
  if (accept(".")) accept_run(digits);
  if (accept("eE")) {
    accept("+-");
    accept_run("0123456789");
  }
  return !is_alnum(peek_rune());
}

// 2.54+: underscores between digits, no fractional hex, at most one dot and exponent.
bool Lexer::scan_number_new() {
  size_t initial = pos_;
  std::string_view digits = "0123456789";
  std::string_view all = "0123456789._eE";
  if (accept("0") && accept("xX")) {
    accept("_");
    digits = "0123456789abcdefABCDEF";
    all = "0123456789abcdefABCDEF._eE";
  }
  bool hex = digits.size() > 10;
  accept(".");
  accept(digits);
  bool dot = false, exponent = false;
  auto is = [&](std::string_view set) {
    char32_t r = peek_rune();
    return r < 0x80 && set.find(static_cast<char>(r)) != std::string_view::npos;
  };
  while (is(all)) {
    if (is(".") && dot) {
      accept(".");
      return false;
    }
    if (is("eE") && exponent) {
      accept("eE");
      return false;
    }
    if (accept(".")) {
      dot = true;
      if (accept("_.")) return false;
      if (hex) return false;
      continue;
    }
    if (accept("eE")) {
      exponent = true;
      accept("+-");
      if (accept("._eE") || peek_rune() == kEofRune) return false;
      continue;
    }
    if (accept("_")) {
      if (accept("._eE") || peek_rune() == kEofRune) return false;
      continue;
    }
    accept_run(digits);
  }
  if (pos_ == initial) return false;
  return !is_alnum(peek_rune());
}

Tok Lexer::keyword(std::string_view word) const {
  char lower[16];
  if (word.size() > sizeof lower) return Tok::kIdentifier;
  for (size_t i = 0; i < word.size(); ++i)
    lower[i] = static_cast<char>(to_lower(static_cast<unsigned char>(word[i])));
  std::string_view w(lower, word.size());
  struct Entry {
    std::string_view word;
    Tok kind;
  };
  static constexpr Entry kWords[] = {
      {"and", Tok::kLand},
      {"or", Tok::kLor},
      {"unless", Tok::kLunless},
      {"atan2", Tok::kAtan2},
      {"sum", Tok::kSum},
      {"avg", Tok::kAvg},
      {"count", Tok::kCount},
      {"min", Tok::kMin},
      {"max", Tok::kMax},
      {"group", Tok::kGroup},
      {"stddev", Tok::kStddev},
      {"stdvar", Tok::kStdvar},
      {"topk", Tok::kTopk},
      {"bottomk", Tok::kBottomk},
      {"count_values", Tok::kCountValues},
      {"quantile", Tok::kQuantile},
      {"limitk", Tok::kLimitk},
      {"limit_ratio", Tok::kLimitRatio},
      {"offset", Tok::kOffset},
      {"by", Tok::kBy},
      {"without", Tok::kWithout},
      {"on", Tok::kOn},
      {"ignoring", Tok::kIgnoring},
      {"group_left", Tok::kGroupLeft},
      {"group_right", Tok::kGroupRight},
      {"bool", Tok::kBool},
      {"smoothed", Tok::kSmoothed},
      {"anchored", Tok::kAnchored},
      {"fill", Tok::kFill},
      {"fill_left", Tok::kFillLeft},
      {"fill_right", Tok::kFillRight},
      {"start", Tok::kStart},
      {"end", Tok::kEnd},
      {"step", Tok::kStep},
      {"range", Tok::kRange},
      {"max_of", Tok::kMaxOf},
      {"min_of", Tok::kMinOf},
      {"inf", Tok::kNumber},
      {"nan", Tok::kNumber},
  };
  for (const auto& e : kWords) {
    if (e.word != w) continue;
    switch (e.kind) {
      case Tok::kLimitk:
      case Tok::kLimitRatio:
        return f_.limit_aggregations ? e.kind : Tok::kIdentifier;
      case Tok::kSmoothed:
      case Tok::kAnchored:
        return f_.extended_range_keywords ? e.kind : Tok::kIdentifier;
      case Tok::kFill:
      case Tok::kFillLeft:
      case Tok::kFillRight:
        return f_.fill_keywords ? e.kind : Tok::kIdentifier;
      case Tok::kStep:
        return f_.step_keyword ? e.kind : Tok::kIdentifier;
      case Tok::kRange:
        return f_.range_keyword ? e.kind : Tok::kIdentifier;
      case Tok::kMaxOf:
      case Tok::kMinOf:
        return f_.min_of_max_of ? e.kind : Tok::kIdentifier;
      default:
        return e.kind;
    }
  }
  return Tok::kIdentifier;
}

Token Lexer::lex_keyword_or_identifier() {
  bool colon = false;
  for (;;) {
    char32_t r = next_rune();
    if (is_alnum(r)) continue;
    if (r == ':') {
      colon = true;
      continue;
    }
    backup();
    break;
  }
  std::string_view word = in_.substr(start_, pos_ - start_);
  Tok kind = keyword(word);
  if (kind == Tok::kFill || kind == Tok::kFillLeft || kind == Tok::kFillRight) {
    // Keywords only before "(", so "fill" stays a usable metric name.
    size_t p = pos_;
    while (p < in_.size() && is_space(static_cast<unsigned char>(in_[p]))) ++p;
    if (p >= in_.size() || in_[p] != '(') kind = Tok::kIdentifier;
  }
  if (kind == Tok::kIdentifier && colon) kind = Tok::kMetricIdentifier;
  return emit(kind);
}

Token Lexer::lex_identifier() {
  while (is_alnum(peek_rune())) next_rune();
  return emit(Tok::kIdentifier);
}

Token Lexer::lex_string(char quote) {
  for (;;) {
    char32_t r = next_rune();
    if (quote != '`' && r == '\\') {
      Token t = lex_escape(quote);
      if (t.kind == Tok::kError) return t;
      continue;
    }
    if (r == 0xfffd) return fail("invalid UTF-8 rune");
    if (r == kEofRune)
      return fail(quote == '`' ? "unterminated raw string" : "unterminated quoted string");
    if (r == '\n' && quote != '`') return fail("unterminated quoted string");
    if (r == static_cast<char32_t>(quote)) return emit(Tok::kString);
  }
}

// After a backslash in a quoted string: Go's escapes, validated as go/scanner does. Returns a
// kError token on failure, kString otherwise.
Token Lexer::lex_escape(char quote) {
  char32_t ch = next_rune();
  int n;
  uint32_t base, max;
  switch (ch) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\':
      return Token{Tok::kString};
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x':
      ch = next_rune();
      n = 2, base = 16, max = 255;
      break;
    case 'u':
      ch = next_rune();
      n = 4, base = 16, max = 0x10ffff;
      break;
    case 'U':
      ch = next_rune();
      n = 8, base = 16, max = 0x10ffff;
      break;
    case kEofRune:
      return fail("escape sequence not terminated");
    default:
      if (ch == static_cast<char32_t>(quote)) return Token{Tok::kString};
      return fail("unknown escape sequence " + go_unicode_rune(ch));
  }
  uint32_t x = 0;
  while (n > 0) {
    auto d = static_cast<uint32_t>(digit_value(ch));
    if (d >= base) {
      if (ch == kEofRune) return fail("escape sequence not terminated");
      return fail("illegal character " + go_unicode_rune(ch) + " in escape sequence");
    }
    x = x * base + d;
    if (--n > 0) ch = next_rune();
  }
  if (x > max || (x >= 0xd800 && x < 0xe000))
    return fail("escape sequence is an invalid Unicode code point");
  return Token{Tok::kString};
}

}  // namespace caxtool::promql::detail
