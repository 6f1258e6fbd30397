// SPDX-License-Identifier: Apache-2.0
// Go's template lexer as a loop over states. Each state mirrors one function of lex.go, in the
// same order of tests, because the order is the language: "{{-3}}" is the number -3 while
// "{{- 3}}" trims, "$x=1" is a bad character while "$x = 1" assigns. Positions are bytes.
#include "gotemplate/lexer.h"

#include <cstdio>
#include <utility>

#include "gotemplate/unicode.h"

namespace caxtool::gotemplate {
namespace {

constexpr std::string_view kLeftDelimiter = "{{";
constexpr std::string_view kRightDelimiter = "}}";
constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";
constexpr std::string_view kTrimSpaceChars = " \t\r\n";
constexpr size_t kTrimMarkerLength = 2;  // "- " after "{{", " -" before "}}"

std::string quote_rune(Rune r, size_t width) {
  char buf[32];
  if (r == kRuneError && width == 1) return "an invalid UTF-8 byte";
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(r));
  std::string out = buf;
  switch (r) {
    case 0xA0:
      return out + " (no-break space)";
    case 0x200B:
      return out + " (zero-width space)";
    case 0xFEFF:
      return out + " (byte order mark)";
    default:
      break;
  }
  if (r > 0x20 && r < 0x7F) {
    out += " '";
    out += static_cast<char>(r);
    out += "'";
  }
  return out;
}

class Lexer {
 public:
  Lexer(std::string_view input, const LexOptions& options) : input_(input), options_(options) {
    // About one token per four bytes in Prometheus templates: one allocation, not a regrowth.
    result_.tokens.reserve(input.size() / 4 + 8);
  }

  LexResult run() {
    State state = State::kText;
    while (state != State::kDone) state = step(state);
    return std::move(result_);
  }

 private:
  enum class State {
    kText,
    kLeftDelim,
    kComment,
    kRightDelim,
    kInsideAction,
    kSpace,
    kIdentifier,
    kField,
    kVariable,
    kChar,
    kNumber,
    kQuote,
    kRawQuote,
    kDone,
  };

  State step(State state) {
    switch (state) {
      case State::kText:
        return lex_text();
      case State::kLeftDelim:
        return lex_left_delim();
      case State::kComment:
        return lex_comment();
      case State::kRightDelim:
        return lex_right_delim();
      case State::kInsideAction:
        return lex_inside_action();
      case State::kSpace:
        return lex_space();
      case State::kIdentifier:
        return lex_identifier();
      case State::kField:
        return lex_field_or_variable(TokenType::kField);
      case State::kVariable:
        return lex_field_or_variable(TokenType::kVariable);
      case State::kChar:
        return lex_quoted('\'', "unterminated character constant", TokenType::kCharConstant);
      case State::kNumber:
        return lex_number();
      case State::kQuote:
        return lex_quoted('"', "unterminated quoted string", TokenType::kString);
      case State::kRawQuote:
        return lex_raw_quote();
      case State::kDone:
        break;
    }
    return State::kDone;
  }

  // --- Reading runes, as lex.go's next/peek/backup: once the end is hit, backup is a no-op.

  std::string_view rest() const { return input_.substr(pos_); }

  Rune next() {
    if (pos_ >= input_.size()) {
      at_eof_ = true;
      return kEof;
    }
    // Templates are nearly all ASCII, and check rules lexes every one of a large file's.
    if (auto b = static_cast<unsigned char>(input_[pos_]); b < 0x80) {
      ++pos_;
      return static_cast<Rune>(b);
    }
    Decoded d = decode_rune(rest());
    pos_ += d.width;
    return d.rune;
  }

  void backup() {
    if (at_eof_ || pos_ == 0) return;
    if (static_cast<unsigned char>(input_[pos_ - 1]) < 0x80) {
      --pos_;
    } else {
      pos_ -= decode_last_rune(input_.substr(0, pos_)).width;
    }
  }

  Rune peek() {
    Rune r = next();
    backup();
    return r;
  }

  bool accept(std::string_view valid) {
    Rune r = next();
    if (r >= 0 && r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos) {
      return true;
    }
    backup();
    return false;
  }

  void accept_run(std::string_view valid) {
    while (accept(valid)) {
    }
  }

  void emit(TokenType type) {
    result_.tokens.push_back({type, start_, pos_});
    start_ = pos_;
  }

  void ignore() { start_ = pos_; }

  State fail(std::string message, size_t begin, size_t end) {
    result_.tokens.push_back({TokenType::kError, begin, end});
    result_.error = std::move(message);
    return State::kDone;
  }

  // --- Character classes that depend on the Go version.

  bool is_space(Rune r) const {
    return r == ' ' || r == '\t' || (options_.newline_in_action && (r == '\r' || r == '\n'));
  }

  bool has_left_trim_marker(std::string_view s) const {
    return s.size() >= 2 && s[0] == '-' && is_space(static_cast<unsigned char>(s[1]));
  }

  bool has_right_trim_marker(std::string_view s) const {
    return s.size() >= 2 && is_space(static_cast<unsigned char>(s[0])) && s[1] == '-';
  }

  // Whether "}}" (or " -}}") starts here; the second member tells a trim marker.
  std::pair<bool, bool> at_right_delim() const {
    std::string_view s = rest();
    if (has_right_trim_marker(s) && s.substr(kTrimMarkerLength).starts_with(kRightDelimiter)) {
      return {true, true};
    }
    return {s.starts_with(kRightDelimiter), false};
  }

  // What may follow a name: it ends "$x.y" at the dot, and rejects "$x+1".
  bool at_terminator() {
    Rune r = peek();
    if (is_space(r) || r == '\r' || r == '\n') return true;
    switch (r) {
      case kEof:
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
      default:
        return rest().starts_with(kRightDelimiter);
    }
  }

  static size_t right_trim_length(std::string_view s) {
    size_t keep = s.find_last_not_of(kTrimSpaceChars);
    return keep == std::string_view::npos ? s.size() : s.size() - keep - 1;
  }

  static size_t left_trim_length(std::string_view s) {
    size_t first = s.find_first_not_of(kTrimSpaceChars);
    return first == std::string_view::npos ? s.size() : first;
  }

  State bad_character(Rune r) {
    size_t width = r == kEof ? 0 : decode_rune(rest()).width;
    return fail("bad character " + quote_rune(r, width) + " after \"" +
                    std::string(input_.substr(start_, pos_ - start_)) + "\"",
                pos_, pos_ + width);
  }

  State unclosed_action() {
    std::string where = options_.newline_in_action
                            ? "before the end of the template"
                            : "on the same line (this Go version ends actions at a line break)";
    return fail("unclosed action: no \"}}\" " + where, action_start_,
                action_start_ + kLeftDelimiter.size());
  }

  // --- States.

  State lex_text() {
    size_t x = input_.find(kLeftDelimiter, pos_);
    if (x == std::string_view::npos) {
      pos_ = input_.size();
      if (pos_ > start_) emit(TokenType::kText);
      emit(TokenType::kEof);
      return State::kDone;
    }
    pos_ = x;
    size_t trim = 0;
    if (has_left_trim_marker(input_.substr(pos_ + kLeftDelimiter.size()))) {
      trim = right_trim_length(input_.substr(start_, pos_ - start_));
    }
    pos_ -= trim;
    if (pos_ > start_) emit(TokenType::kText);
    pos_ += trim;
    ignore();
    return State::kLeftDelim;
  }

  State lex_left_delim() {
    action_start_ = pos_;
    pos_ += kLeftDelimiter.size();
    size_t after_marker = has_left_trim_marker(rest()) ? kTrimMarkerLength : 0;
    if (input_.substr(pos_ + after_marker).starts_with(kLeftComment)) {
      pos_ += after_marker;
      ignore();
      return State::kComment;
    }
    emit(TokenType::kLeftDelim);
    pos_ += after_marker;
    ignore();
    open_parens_.clear();
    return State::kInsideAction;
  }

  State lex_comment() {
    pos_ += kLeftComment.size();
    size_t close = input_.find(kRightComment, pos_);
    if (close == std::string_view::npos) {
      return fail("unclosed comment: no \"*/\" after \"/*\"", action_start_, pos_);
    }
    pos_ = close + kRightComment.size();
    auto [delim, trim] = at_right_delim();
    if (!delim) {
      return fail("comment ends before closing delimiter: \"*/\" must be followed by \"}}\"", close,
                  pos_);
    }
    if (trim) pos_ += kTrimMarkerLength;
    pos_ += kRightDelimiter.size();
    if (trim) pos_ += left_trim_length(rest());
    ignore();
    return State::kText;
  }

  State lex_right_delim() {
    bool trim = has_right_trim_marker(rest());
    if (trim) {
      pos_ += kTrimMarkerLength;
      ignore();
    }
    pos_ += kRightDelimiter.size();
    emit(TokenType::kRightDelim);
    if (trim) {
      pos_ += left_trim_length(rest());
      ignore();
    }
    return State::kText;
  }

  State lex_inside_action() {
    if (at_right_delim().first) {
      if (open_parens_.empty()) return State::kRightDelim;
      return fail("unclosed left paren: no \")\" before \"}}\"", open_parens_.back(),
                  open_parens_.back() + 1);
    }
    size_t here = pos_;
    Rune r = next();
    if (r == kEof || (!options_.newline_in_action && (r == '\r' || r == '\n'))) {
      return unclosed_action();
    }
    if (is_space(r)) {
      backup();  // the space may start " -}}"
      return State::kSpace;
    }
    switch (r) {
      case '=':
        emit(TokenType::kAssign);
        return State::kInsideAction;
      case ':':
        if (next() != '=') return fail("expected \":=\" after \":\"", here, here + 1);
        emit(TokenType::kDeclare);
        return State::kInsideAction;
      case '|':
        emit(TokenType::kPipe);
        return State::kInsideAction;
      case '"':
        return State::kQuote;
      case '`':
        return State::kRawQuote;
      case '$':
        return State::kVariable;
      case '\'':
        return State::kChar;
      case '.':
        // ".5" is a number, ".x" a field, "." alone the cursor.
        if (pos_ < input_.size() && (input_[pos_] < '0' || input_[pos_] > '9')) {
          return State::kField;
        }
        backup();
        return State::kNumber;
      case '+':
      case '-':
        backup();
        return State::kNumber;
      case '(':
        emit(TokenType::kLeftParen);
        open_parens_.push_back(here);
        return State::kInsideAction;
      case ')':
        emit(TokenType::kRightParen);
        if (open_parens_.empty()) {
          return fail("unexpected right paren: no \"(\" to close", here, here + 1);
        }
        open_parens_.pop_back();
        return State::kInsideAction;
      default:
        break;
    }
    if (r >= '0' && r <= '9') {
      backup();
      return State::kNumber;
    }
    if (is_alphanumeric(r)) {
      backup();
      return State::kIdentifier;
    }
    if (r > 0x20 && r < 0x7F) {
      emit(TokenType::kChar);
      return State::kInsideAction;
    }
    return fail("unrecognized character in action: " + quote_rune(r, pos_ - here), here, pos_);
  }

  State lex_space() {
    size_t spaces = 0;
    while (is_space(peek())) {
      next();
      ++spaces;
    }
    // A space may be the start of a trim-marked " -}}".
    std::string_view last = input_.substr(pos_ - 1);
    if (has_right_trim_marker(last) &&
        last.substr(kTrimMarkerLength).starts_with(kRightDelimiter)) {
      backup();
      if (spaces == 1) return State::kRightDelim;
    }
    emit(TokenType::kSpace);
    return State::kInsideAction;
  }

  State lex_identifier() {
    Rune r = next();
    while (is_alphanumeric(r)) r = next();
    backup();
    if (!at_terminator()) return bad_character(r);
    std::string_view word = input_.substr(start_, pos_ - start_);
    emit(keyword_type(word));
    return State::kInsideAction;
  }

  TokenType keyword_type(std::string_view word) const {
    struct Keyword {
      std::string_view word;
      TokenType type;
    };
    static constexpr Keyword kKeywords[] = {
        {"block", TokenType::kBlock},
        {"break", TokenType::kBreak},
        {"continue", TokenType::kContinue},
        {"define", TokenType::kDefine},
        {"else", TokenType::kElse},
        {"end", TokenType::kEnd},
        {"if", TokenType::kIf},
        {"nil", TokenType::kNil},
        {"range", TokenType::kRange},
        {"template", TokenType::kTemplate},
        {"with", TokenType::kWith},
        {"true", TokenType::kBool},
        {"false", TokenType::kBool},
    };
    for (const auto& k : kKeywords) {
      if (k.word != word) continue;
      bool loop_control = k.type == TokenType::kBreak || k.type == TokenType::kContinue;
      if (loop_control && !options_.break_continue) break;
      return k.type;
    }
    return TokenType::kIdentifier;
  }

  // After "." or "$": a name, or nothing (the cursor "." or the root variable "$").
  State lex_field_or_variable(TokenType type) {
    if (at_terminator()) {
      emit(type == TokenType::kVariable ? TokenType::kVariable : TokenType::kDot);
      return State::kInsideAction;
    }
    Rune r = next();
    while (is_alphanumeric(r)) r = next();
    backup();
    if (!at_terminator()) return bad_character(r);
    emit(type);
    return State::kInsideAction;
  }

  // A "..." string or a '...' character constant: a backslash escapes any character but a
  // newline; the parser checks the escapes.
  State lex_quoted(char quote, const char* unterminated, TokenType type) {
    for (;;) {
      size_t before = pos_;
      Rune r = next();
      if (r == '\\') {
        before = pos_;
        r = next();
        if (r != kEof && r != '\n') continue;
      }
      if (r == kEof || r == '\n') return fail(unterminated, start_, before);
      if (r == quote) break;
    }
    emit(type);
    return State::kInsideAction;
  }

  State lex_raw_quote() {
    size_t close = input_.find('`', pos_);
    if (close == std::string_view::npos) {
      return fail("unterminated raw quoted string", start_, input_.size());
    }
    pos_ = close + 1;
    emit(TokenType::kRawString);
    return State::kInsideAction;
  }

  // lex.go's scanNumber: deliberately loose ("089", "0x1.8" pass); the parser checks the value.
  bool scan_number() {
    accept("+-");
    std::string_view digits = "0123456789_";
    bool decimal = true;
    bool hex = false;
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
        decimal = false;
        hex = true;
      } else if (accept("oO")) {
        digits = "01234567_";
        decimal = false;
      } else if (accept("bB")) {
        digits = "01_";
        decimal = false;
      }
    }
    accept_run(digits);
    if (accept(".")) accept_run(digits);
    if (decimal && accept("eE")) {
      accept("+-");
      accept_run("0123456789_");
    }
    if (hex && accept("pP")) {
      accept("+-");
      accept_run("0123456789_");
    }
    accept("i");
    if (is_alphanumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  State bad_number() {
    std::string_view number = input_.substr(start_, pos_ - start_);
    return fail("bad number syntax: \"" + std::string(number) + "\"", start_, pos_);
  }

  State lex_number() {
    if (!scan_number()) return bad_number();
    Rune sign = peek();
    if (sign == '+' || sign == '-') {
      // A complex constant, 1+2i: no spaces, and it must end in 'i'.
      if (!scan_number() || input_[pos_ - 1] != 'i') return bad_number();
      emit(TokenType::kComplex);
    } else {
      emit(TokenType::kNumber);
    }
    return State::kInsideAction;
  }

  std::string_view input_;
  LexOptions options_;
  LexResult result_;
  size_t pos_ = 0;
  size_t start_ = 0;
  size_t action_start_ = 0;
  bool at_eof_ = false;
  std::vector<size_t> open_parens_;  // offsets of the "(" not yet closed in this action
};

}  // namespace

LexResult lex(std::string_view text, const LexOptions& options) {
  return Lexer(text, options).run();
}

}  // namespace caxtool::gotemplate
