// SPDX-License-Identifier: Apache-2.0
// The tokens of Go's template language, one for each item type of text/template/parse, so the
// lexer and parser can follow Go's own state machine step by step.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caxtool::gotemplate {

enum class TokenType {
  kError,         // the lexer stopped; the token's range is where, its message why
  kBool,          // true, false
  kChar,          // a printable ASCII character of no other kind: , ! # ...
  kCharConstant,  // 'x'
  kComplex,       // 1+2i
  kAssign,        // =
  kDeclare,       // :=
  kEof,
  kField,       // .Name
  kIdentifier,  // a function name
  kLeftDelim,   // {{
  kLeftParen,
  kNumber,
  kPipe,
  kRawString,   // `...`
  kRightDelim,  // }}
  kRightParen,
  kSpace,     // a run of blanks inside an action
  kString,    // "..."
  kText,      // text outside actions
  kVariable,  // $ or $name
  // Keywords.
  kBlock,
  kBreak,
  kContinue,
  kDot,
  kDefine,
  kElse,
  kEnd,
  kIf,
  kNil,
  kRange,
  kTemplate,
  kWith,
};

struct Token {
  TokenType type = TokenType::kEof;
  size_t begin = 0;  // byte offsets into the template text
  size_t end = 0;
};

// A short name for the kind, for debugging dumps: "identifier", "left delimiter", ...
std::string_view token_name(TokenType type);
bool is_keyword(TokenType type);

// How an error message shows a token, close to Go's: "foo" quoted, keywords as <if>, long
// values cut after ten characters.
std::string describe(const Token& token, std::string_view text);

// Template text fit for a one-line message: control characters and invalid UTF-8 escaped, cut
// after max_runes characters ("..." follows). quoted() adds double quotes, escaping those inside.
std::string escaped(std::string_view s, size_t max_runes = 40);
std::string quoted(std::string_view s, size_t max_runes = 40);

}  // namespace caxtool::gotemplate
