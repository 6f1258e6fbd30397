// SPDX-License-Identifier: Apache-2.0
// The parser's state and productions, shared by parser.cpp (templates, lists, control structures)
// and pipeline.cpp (pipelines, commands, operands). Internal to lib/gotemplate.
//
// Go keeps three tokens of look-ahead and backs up by pushing tokens back; here every token is
// lexed first and backing up moves an index, which replays exactly what Go replays. Go stops at
// its first error by panicking; a hard error here throws Abort, caught in Parser::run(), the one
// place that turns it into a result. Errors that leave the structure intact are "soft": recorded,
// and parsing goes on.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gotemplate/parser.h"
#include "gotemplate/token.h"

namespace caxtool::gotemplate::detail {

// Go recurses without limit (Go 1.22+ stops parentheses at 10,000). Deeper nesting than this in
// an alert annotation is an attack or a generator bug; stopping keeps the stack bounded.
inline constexpr int kMaxNesting = 400;

enum class NodeKind { kText, kAction, kControl, kTemplate, kLoopControl, kEnd, kElse };

struct Node {
  NodeKind kind;
  Token token;         // the text, or the keyword of a control
  bool blank = false;  // only white space: a define body of nothing else is no definition
};

// The kinds of operand that checkPipeline and the "." check tell apart.
enum class ArgKind {
  kBool,
  kString,
  kNumber,
  kNil,
  kDot,
  kField,
  kVariable,
  kIdentifier,
  kChain,
  kPipe
};

struct Operand {
  ArgKind kind;
  size_t begin;
  size_t end;
};

// What Go keeps per parse tree: the top level, each define and each block have their own.
struct Scope {
  std::vector<std::string_view> vars{"$"};
  int range_depth = 0;
  bool nested_template = false;  // a define or block body, which sees no outer variable
};

struct DefinedTemplate {
  bool blank;
  Token name;
};

struct Abort {};

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options);
  ParseResult run();

 private:
  // parser.cpp: templates, lists and control structures.
  void parse_top();
  Node item_list(bool* blank);
  Node text_or_action();
  Node action();
  Node parse_control(const Token& keyword);
  Node else_control(const Token& keyword);
  Node loop_control(const Token& keyword);
  std::string template_name(const Token& t, std::string_view context);
  void parse_definition(const Token& keyword);
  Node block_control(const Token& keyword);
  void nested_template_body(const Token& keyword, const std::string& name, const Token& name_token);
  void add_template(const std::string& name, bool blank, const Token& name_token);
  Node template_control(const Token& keyword);
  bool else_with() const { return go_minor_ >= 23; }

  // pipeline.cpp: pipelines and what they are made of.
  void pipeline(std::string_view context, TokenType end);
  void declarations(std::string_view context);
  void check_pipeline(const std::vector<Operand>& heads, std::string_view context,
                      const Token& end);
  Operand command();
  void note_index_call(const std::vector<Operand>& args);
  std::optional<Operand> operand();
  std::optional<Operand> term();
  void check_function(const Token& t);
  void check_variable(const Token& t);
  std::string suggest(std::string_view name, std::span<const std::string_view> candidates);
  void add_reference(std::vector<Reference>* list, size_t begin, size_t end, std::string text);

  // Tokens.
  std::string_view value(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  std::string_view slice(size_t begin, size_t end) const {
    return text_.substr(begin, end - begin);
  }
  // The lexer ends with kEof or kError, and the parser never reads past either.
  const Token& peek() const { return tokens_[std::min(pos_, tokens_.size() - 1)]; }
  Token next() {
    Token t = peek();
    ++pos_;
    return t;
  }
  void backup() { --pos_; }
  Token next_non_space() {
    Token t = next();
    while (t.type == TokenType::kSpace) t = next();
    return t;
  }
  Token peek_non_space() {
    Token t = next_non_space();
    backup();
    return t;
  }
  Token expect(TokenType type, std::string_view context) {
    Token t = next_non_space();
    if (t.type != type) unexpected(t, context);
    return t;
  }

  // Errors.
  void soft_error(std::string message, size_t begin, size_t end) {
    result_.errors.push_back({begin, end, std::move(message)});
  }
  [[noreturn]] void hard_error(std::string message, size_t begin, size_t end) {
    soft_error(std::move(message), begin, end);
    throw Abort{};
  }
  [[noreturn]] void unexpected(const Token& t, std::string_view context);

  class NestingGuard {
   public:
    NestingGuard(Parser* parser, const Token& at);
    ~NestingGuard() { --parser_->nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    Parser* parser_;
  };

  std::string_view text_;
  ParseOptions options_;
  int go_minor_;
  std::vector<Token> tokens_;
  std::string lex_error_;
  size_t pos_ = 0;
  Scope scope_;
  std::vector<Token> open_;  // keywords of the blocks being parsed, innermost last
  std::map<std::string, DefinedTemplate> templates_;
  int nesting_ = 0;
  int suggestions_left_ = 8;
  ParseResult result_;
};

}  // namespace caxtool::gotemplate::detail
