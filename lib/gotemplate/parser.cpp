// SPDX-License-Identifier: Apache-2.0
// Go's template parser (text/template/parse/parse.go), production by production: the top level,
// item lists, control structures, define, block and template. Pipelines are in pipeline.cpp.
#include "gotemplate/parser.h"

#include <utility>

#include "gotemplate/lexer.h"
#include "gotemplate/literals.h"
#include "gotemplate/parser_impl.h"
#include "gotemplate/unicode.h"

namespace caxtool::gotemplate {
namespace detail {

Parser::Parser(std::string_view text, const ParseOptions& options)
    : text_(text), options_(options), go_minor_(go_minor_version(options.version)) {
  LexOptions lex_options;
  lex_options.newline_in_action = go_minor_ >= 16;
  lex_options.break_continue = go_minor_ >= 18;
  LexResult lexed = lex(text, lex_options);
  tokens_ = std::move(lexed.tokens);
  lex_error_ = std::move(lexed.error);
  if (options.prelude) {
    scope_.vars.insert(scope_.vars.end(), {"$labels", "$externalLabels", "$value"});
    if (options.version >= Version{2, 28}) scope_.vars.push_back("$externalURL");
  }
}

ParseResult Parser::run() {
  try {
    parse_top();
  } catch (const Abort&) {
    // The error is recorded; like Go, stop at it.
  }
  auto by_position = [](const Reference& a, const Reference& b) { return a.begin < b.begin; };
  std::stable_sort(result_.variables.begin(), result_.variables.end(), by_position);
  return std::move(result_);
}

void Parser::unexpected(const Token& t, std::string_view context) {
  if (t.type == TokenType::kError) hard_error(lex_error_, t.begin, t.end);
  hard_error("unexpected " + describe(t, text_) + " in " + std::string(context), t.begin, t.end);
}

Parser::NestingGuard::NestingGuard(Parser* parser, const Token& at) : parser_(parser) {
  if (++parser_->nesting_ > kMaxNesting) {
    parser_->hard_error("nesting deeper than " + std::to_string(kMaxNesting) + " levels", at.begin,
                        at.end);
  }
}

// parse(): the top level, the only place where {{define}} may appear.
void Parser::parse_top() {
  bool blank = !options_.prelude;  // the prelude's actions are content
  while (peek().type != TokenType::kEof) {
    if (peek().type == TokenType::kLeftDelim) {
      size_t delim = pos_;
      next();
      Token keyword = next_non_space();
      if (keyword.type == TokenType::kDefine) {
        parse_definition(keyword);
        continue;
      }
      pos_ = delim;
    }
    Node n = text_or_action();
    if (n.kind == NodeKind::kEnd) {
      hard_error(
          "unexpected {{end}}: no {{if}}, {{range}}, {{with}}, {{define}} or {{block}} "
          "to close",
          n.token.begin, n.token.end);
    }
    if (n.kind == NodeKind::kElse) {
      hard_error("unexpected {{else}} outside {{if}}, {{range}} or {{with}}", n.token.begin,
                 n.token.end);
    }
    blank = blank && n.blank;
  }
  if (!options_.template_name.empty()) {
    auto it = templates_.find(std::string(options_.template_name));
    if (it != templates_.end() && !it->second.blank && !blank) {
      const Token& name = it->second.name;
      soft_error("template " + escaped(value(name)) +
                     " has the name Prometheus gives this template itself",
                 name.begin, name.end);
    }
  }
}

// itemList: nodes up to an {{end}} or {{else}}, which is returned.
Node Parser::item_list(bool* blank) {
  while (peek_non_space().type != TokenType::kEof) {
    Node n = text_or_action();
    if (n.kind == NodeKind::kEnd || n.kind == NodeKind::kElse) return n;
    if (blank != nullptr) *blank = *blank && n.blank;
  }
  const Token& open = open_.back();
  hard_error("unclosed {{" + std::string(value(open)) + "}}: missing {{end}}", open.begin,
             open.end);
}

Node Parser::text_or_action() {
  Token t = next_non_space();
  if (t.type == TokenType::kText) return {NodeKind::kText, t, is_blank(value(t))};
  if (t.type == TokenType::kLeftDelim) return action();
  unexpected(t, "input");
}

Node Parser::action() {
  Token t = next_non_space();
  switch (t.type) {
    case TokenType::kBlock:
      return block_control(t);
    case TokenType::kBreak:
    case TokenType::kContinue:
      return loop_control(t);
    case TokenType::kElse:
      return else_control(t);
    case TokenType::kEnd:
      expect(TokenType::kRightDelim, "end");
      return {NodeKind::kEnd, t};
    case TokenType::kIf:
    case TokenType::kRange:
    case TokenType::kWith:
      return parse_control(t);
    case TokenType::kTemplate:
      return template_control(t);
    default:
      break;
  }
  backup();
  pipeline("command", TokenType::kRightDelim);
  return {NodeKind::kAction, t};
}

// --- Control structures.

// parseControl: {{if|range|with pipeline}} list [{{else}} list] {{end}}. Variables declared
// anywhere inside live until the {{end}}, the else branch included, as in Go.
Node Parser::parse_control(const Token& keyword) {
  NestingGuard guard(this, keyword);  // also bounds {{else if}} chains, which recurse here
  size_t vars = scope_.vars.size();
  std::string context(value(keyword));
  pipeline(context, TokenType::kRightDelim);
  bool is_range = keyword.type == TokenType::kRange;
  if (is_range) ++scope_.range_depth;
  open_.push_back(keyword);
  Node next_node = item_list(nullptr);
  if (is_range) --scope_.range_depth;
  if (next_node.kind == NodeKind::kElse) {
    // "{{else if}}" (and, from Go 1.23, "{{else with}}" in a with) opens a nested control
    // that the outer {{end}} closes.
    TokenType chained = peek().type;
    if ((keyword.type == TokenType::kIf && chained == TokenType::kIf) ||
        (else_with() && keyword.type == TokenType::kWith && chained == TokenType::kWith)) {
      parse_control(next());
    } else {
      Node last = item_list(nullptr);
      if (last.kind != NodeKind::kEnd) {
        hard_error("expected {{end}}; found a second {{else}}", last.token.begin, last.token.end);
      }
    }
  }
  open_.pop_back();
  scope_.vars.resize(vars);
  return {NodeKind::kControl, keyword};
}

Node Parser::else_control(const Token& keyword) {
  TokenType chained = peek_non_space().type;
  if (chained == TokenType::kIf || (else_with() && chained == TokenType::kWith)) {
    return {NodeKind::kElse, keyword};
  }
  expect(TokenType::kRightDelim, "else");
  return {NodeKind::kElse, keyword};
}

Node Parser::loop_control(const Token& keyword) {
  std::string name = "{{" + std::string(value(keyword)) + "}}";
  Token t = next_non_space();
  if (t.type != TokenType::kRightDelim) unexpected(t, name);
  if (scope_.range_depth == 0) soft_error(name + " outside {{range}}", keyword.begin, keyword.end);
  return {NodeKind::kLoopControl, keyword};
}

// The name of a define, block or template: a string constant.
std::string Parser::template_name(const Token& t, std::string_view context) {
  if (t.type != TokenType::kString && t.type != TokenType::kRawString) unexpected(t, context);
  std::optional<std::string> name = unquote(value(t));
  if (!name) {
    soft_error("invalid escape in template name " + describe(t, text_), t.begin, t.end);
    return {};
  }
  return *name;
}

// {{define "name"}} list {{end}}, a template with a scope of its own.
void Parser::parse_definition(const Token& keyword) {
  Token name_token = next_non_space();
  std::string name = template_name(name_token, "define clause");
  expect(TokenType::kRightDelim, "define clause");
  nested_template_body(keyword, name, name_token);
}

// {{block "name" pipeline}} list {{end}}: a define and a {{template}} call at once.
Node Parser::block_control(const Token& keyword) {
  Token name_token = next_non_space();
  std::string name = template_name(name_token, "block clause");
  pipeline("block clause", TokenType::kRightDelim);
  nested_template_body(keyword, name, name_token);
  return {NodeKind::kTemplate, keyword};
}

void Parser::nested_template_body(const Token& keyword, const std::string& name,
                                  const Token& name_token) {
  NestingGuard guard(this, keyword);
  Scope outer = std::exchange(scope_, Scope{});
  scope_.nested_template = true;
  open_.push_back(keyword);
  bool blank = true;
  Node end = item_list(&blank);
  if (end.kind != NodeKind::kEnd) {
    hard_error("unexpected {{else}} in {{" + std::string(value(keyword)) + "}}", end.token.begin,
               end.token.end);
  }
  open_.pop_back();
  scope_ = std::move(outer);
  add_template(name, blank, name_token);
}

// Tree.add: a second non-blank definition of a name is an error; a blank one is ignored.
void Parser::add_template(const std::string& name, bool blank, const Token& name_token) {
  auto [it, inserted] = templates_.try_emplace(name, DefinedTemplate{blank, name_token});
  if (inserted) return;
  if (it->second.blank) {
    it->second = {blank, name_token};
  } else if (!blank) {
    soft_error("template " + escaped(value(name_token)) + " is defined twice", name_token.begin,
               name_token.end);
  }
}

Node Parser::template_control(const Token& keyword) {
  template_name(next_non_space(), "template clause");
  if (next_non_space().type != TokenType::kRightDelim) {
    backup();
    pipeline("template clause", TokenType::kRightDelim);
  }
  return {NodeKind::kTemplate, keyword};
}

}  // namespace detail

ParseResult parse(std::string_view text, const ParseOptions& options) {
  return detail::Parser(text, options).run();
}

}  // namespace caxtool::gotemplate
