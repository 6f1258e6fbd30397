// SPDX-License-Identifier: Apache-2.0
// The PromQL lexer: a state machine over the expression's bytes, mirroring the states of
// Prometheus's own lexer (statements, inside braces, after "[") because several verdicts are
// decided there: "foo[5m x 1m]" is a subquery up to 3.5, "{a=~b}" fails in the lexer, and a
// bracket changes how letters and numbers are read.
#pragma once

#include <string>
#include <string_view>

#include "promql/features.h"
#include "promql/token.h"

namespace caxtool::promql::detail {

class Lexer {
 public:
  Lexer(std::string_view input, const Features& features) : in_(input), f_(features) {}

  // The next token, comments skipped. After kEof or kError, keeps returning the same.
  Token next();

  // The message of the last kError token.
  const std::string& error() const { return error_; }

 private:
  enum class State { kStatements, kRangeDuration, kRangeNumber, kDurationExpr, kDone };

  Token lex_statements();
  Token lex_inside_braces();
  Token lex_range_duration();
  Token lex_duration_expr();
  Token lex_number_or_duration();
  Token lex_keyword_or_identifier();
  Token lex_identifier();
  Token lex_string(char quote);
  Token lex_escape(char quote);
  bool scan_number();
  bool scan_number_legacy();
  bool scan_number_new();
  bool accept_remaining_duration();
  bool scan_duration_keyword(Tok* kind);
  Tok keyword(std::string_view word) const;

  Token emit(Tok kind);
  Token fail(std::string message);
  char32_t next_rune();
  char32_t peek_rune();
  void backup() { pos_ -= width_; }
  bool accept(std::string_view valid);
  void accept_run(std::string_view valid);
  void skip_spaces();

  std::string_view in_;
  const Features& f_;
  State state_ = State::kStatements;
  size_t pos_ = 0;
  size_t start_ = 0;
  size_t width_ = 0;
  int paren_depth_ = 0;
  bool brace_open_ = false;
  bool bracket_open_ = false;
  bool got_colon_ = false;
  bool got_duration_ = false;
  Token last_{};
  std::string error_;
};

}  // namespace caxtool::promql::detail
