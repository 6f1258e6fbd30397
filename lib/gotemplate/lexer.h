// SPDX-License-Identifier: Apache-2.0
// The lexer of Go's text/template, rewritten from the state machine in text/template/parse/
// lex.go (Go 1.19, the Go that built Prometheus 2.42), with the few differences between Go
// versions that change what parses behind flags.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gotemplate/token.h"

namespace caxtool::gotemplate {

// What the Go that built a Prometheus release lexes differently.
struct LexOptions {
  // Go 1.16+: newlines and carriage returns are blanks inside an action; before, they end it
  // with "unclosed action".
  bool newline_in_action = true;
  // Go 1.18+: break and continue are keywords; before, they are (undefined) function names.
  bool break_continue = true;
};

struct LexResult {
  // Ends with kEof, or with kError when the lexer stopped (like Go's lexer, it stops at the
  // first error; the parser reports it when it reaches that token).
  std::vector<Token> tokens;
  std::string error;  // the message of the kError token
};

LexResult lex(std::string_view text, const LexOptions& options = {});

}  // namespace caxtool::gotemplate
