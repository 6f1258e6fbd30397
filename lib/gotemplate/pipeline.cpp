// SPDX-License-Identifier: Apache-2.0
// Go's template parser, continued: pipelines, declarations, commands, operands and terms, and the
// checks Go makes on them at parse time (functions exist, variables are declared, literals are
// valid, only the first stage of a pipeline may be a constant).
#include <string>

#include "gotemplate/literals.h"
#include "gotemplate/parser_impl.h"
#include "util/strings.h"

namespace caxtool::gotemplate::detail {

// pipeline: declarations? command ('|' command)*, up to `end` ("}}" or ")").
void Parser::pipeline(std::string_view context, TokenType end) {
  declarations(context);
  std::vector<Operand> heads;  // the first operand of each command
  for (;;) {
    Token t = next_non_space();
    if (t.type == end) {
      check_pipeline(heads, context, t);
      return;
    }
    switch (t.type) {
      case TokenType::kBool:
      case TokenType::kCharConstant:
      case TokenType::kComplex:
      case TokenType::kDot:
      case TokenType::kField:
      case TokenType::kIdentifier:
      case TokenType::kNumber:
      case TokenType::kNil:
      case TokenType::kRawString:
      case TokenType::kString:
      case TokenType::kVariable:
      case TokenType::kLeftParen:
        backup();
        heads.push_back(command());
        break;
      default:
        unexpected(t, context);
    }
  }
}

// "$x :=" or "$x =" before a pipeline; in range, "$i, $e :=". A variable is usable from its
// own declaration on: {{$x := $x}} parses. Assigning an undeclared one parses too (Go checks
// that only when executing).
void Parser::declarations(std::string_view context) {
  int declared = 0;
  for (;;) {
    Token v = peek_non_space();
    if (v.type != TokenType::kVariable) return;
    size_t at_variable = pos_;
    next();
    Token after = peek_non_space();
    if (after.type == TokenType::kAssign || after.type == TokenType::kDeclare) {
      next_non_space();
      scope_.vars.push_back(value(v));
      return;
    }
    if (after.type == TokenType::kChar && value(after) == ",") {
      next_non_space();
      scope_.vars.push_back(value(v));
      ++declared;
      if (context == "range" && declared < 2) {
        TokenType t = peek_non_space().type;
        if (t == TokenType::kVariable || t == TokenType::kRightDelim ||
            t == TokenType::kRightParen) {
          continue;
        }
        hard_error("range can only initialize variables", after.begin, after.end);
      }
      hard_error("too many declarations in " + std::string(context), after.begin, after.end);
    }
    pos_ = at_variable;  // $x is the first argument, not a declaration
    return;
  }
}

void Parser::check_pipeline(const std::vector<Operand>& heads, std::string_view context,
                            const Token& end) {
  if (heads.empty()) {
    soft_error("missing value for " + std::string(context), end.begin, end.end);
    return;
  }
  for (size_t i = 1; i < heads.size(); ++i) {
    switch (heads[i].kind) {
      case ArgKind::kBool:
      case ArgKind::kDot:
      case ArgKind::kNil:
      case ArgKind::kNumber:
      case ArgKind::kString:
        soft_error("non executable command in pipeline stage " + std::to_string(i + 1) +
                       ": a constant cannot take the value piped into it",
                   heads[i].begin, heads[i].end);
        break;
      default:
        break;
    }
  }
}

// command: operands separated by spaces, up to "|", "}}" or ")".
Operand Parser::command() {
  std::vector<Operand> args;
  for (;;) {
    peek_non_space();
    if (std::optional<Operand> arg = operand()) args.push_back(*arg);
    Token t = next();
    if (t.type == TokenType::kSpace) continue;
    if (t.type == TokenType::kRightDelim || t.type == TokenType::kRightParen) {
      backup();
    } else if (t.type != TokenType::kPipe) {
      // Go says "unexpected X in operand"; the usual cause is a missing space, as in f(x).
      bool adjacent = pos_ >= 2 && tokens_[pos_ - 2].type != TokenType::kSpace;
      if (t.type != TokenType::kError && adjacent) {
        hard_error("unexpected " + describe(t, text_) +
                       " right after an argument; separate arguments with spaces",
                   t.begin, t.end);
      }
      unexpected(t, "command");
    }
    break;
  }
  if (args.empty()) {
    const Token& t = peek();
    hard_error("empty command", t.begin, t.end);
  }
  note_index_call(args);
  return args.front();
}

// index $labels "k" reads a label as surely as $labels.k does.
void Parser::note_index_call(const std::vector<Operand>& args) {
  if (!options_.collect_references || args.size() < 3) return;
  if (args[0].kind != ArgKind::kIdentifier || slice(args[0].begin, args[0].end) != "index") return;
  if (args[1].kind != ArgKind::kVariable && args[1].kind != ArgKind::kField) return;
  if (args[2].kind != ArgKind::kString) return;
  std::optional<std::string> key = unquote(slice(args[2].begin, args[2].end));
  if (!key) return;
  add_reference(&result_.variables, args[0].begin, args[2].end,
                std::string(slice(args[1].begin, args[1].end)) + "." + *key);
}

void Parser::add_reference(std::vector<Reference>* list, size_t begin, size_t end,
                           std::string text) {
  if (options_.collect_references) list->push_back({std::move(text), begin, end});
}

// operand: term .Field*
std::optional<Operand> Parser::operand() {
  std::optional<Operand> node = term();
  if (!node) return std::nullopt;
  if (peek().type == TokenType::kField) {
    size_t end = node->end;
    while (peek().type == TokenType::kField) end = next().end;
    switch (node->kind) {
      case ArgKind::kField:
      case ArgKind::kVariable:
        break;
      case ArgKind::kBool:
      case ArgKind::kString:
      case ArgKind::kNumber:
      case ArgKind::kNil:
      case ArgKind::kDot:
        soft_error("unexpected . after term " + quoted(slice(node->begin, node->end)) +
                       ": a constant has no fields",
                   node->end, end);
        break;
      default:
        node->kind = ArgKind::kChain;
    }
    node->end = end;
  }
  if (node->kind == ArgKind::kVariable || node->kind == ArgKind::kField) {
    add_reference(&result_.variables, node->begin, node->end,
                  std::string(slice(node->begin, node->end)));
  }
  return node;
}

// term: a literal, a function name, ".", ".Field", "$x", or "(" pipeline ")".
std::optional<Operand> Parser::term() {
  Token t = next_non_space();
  switch (t.type) {
    case TokenType::kIdentifier:
      check_function(t);
      return Operand{ArgKind::kIdentifier, t.begin, t.end};
    case TokenType::kDot:
      return Operand{ArgKind::kDot, t.begin, t.end};
    case TokenType::kNil:
      return Operand{ArgKind::kNil, t.begin, t.end};
    case TokenType::kVariable:
      check_variable(t);
      return Operand{ArgKind::kVariable, t.begin, t.end};
    case TokenType::kField:
      return Operand{ArgKind::kField, t.begin, t.end};
    case TokenType::kBool:
      return Operand{ArgKind::kBool, t.begin, t.end};
    case TokenType::kCharConstant:
    case TokenType::kComplex:
    case TokenType::kNumber:
      if (std::optional<std::string> problem = check_number(value(t), t.type)) {
        soft_error(*problem, t.begin, t.end);
      }
      return Operand{ArgKind::kNumber, t.begin, t.end};
    case TokenType::kLeftParen: {
      NestingGuard guard(this, t);
      pipeline("parenthesized pipeline", TokenType::kRightParen);
      return Operand{ArgKind::kPipe, t.begin, tokens_[pos_ - 1].end};
    }
    case TokenType::kString:
    case TokenType::kRawString:
      if (!unquote(value(t))) {
        soft_error("invalid escape in string " + describe(t, text_), t.begin, t.end);
      }
      return Operand{ArgKind::kString, t.begin, t.end};
    default:
      backup();
      return std::nullopt;
  }
}

// A "did you mean" for the first few unknown names of a template only: each costs an edit
// distance against every candidate, and a hostile template could declare thousands of variables
// and misspell thousands more.
std::string Parser::suggest(std::string_view name, std::span<const std::string_view> candidates) {
  constexpr size_t kMaxNameLength = 64;
  if (suggestions_left_ == 0 || name.size() > kMaxNameLength) return {};
  --suggestions_left_;
  return util::closest_match(name, candidates);
}

void Parser::check_function(const Token& t) {
  std::string_view name = value(t);
  add_reference(&result_.functions, t.begin, t.end, std::string(name));
  if (has_function(name, options_.version)) return;
  std::string message = "function \"" + std::string(name) + "\" is not defined";
  if (const TemplateFunction* f = find_function(name)) {
    message += " in Prometheus templates before " + std::to_string(f->since.major) + "." +
               std::to_string(f->since.minor);
  } else {
    message += " in Prometheus templates";
    std::string suggestion = suggest(name, function_names(options_.version));
    if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
  }
  soft_error(std::move(message), t.begin, t.end);
}

void Parser::check_variable(const Token& t) {
  std::string_view name = value(t);
  const auto& vars = scope_.vars;
  if (std::find(vars.begin(), vars.end(), name) != vars.end()) return;
  std::string message = "undefined variable \"" + std::string(name) + "\"";
  if (scope_.nested_template) {
    message += " (a {{define}} or {{block}} body sees only its own variables)";
  } else if (std::string suggestion = suggest(name, vars);
             !suggestion.empty() && suggestion != "$") {
    message += "; did you mean \"" + suggestion + "\"?";
  }
  soft_error(std::move(message), t.begin, t.end);
}

}  // namespace caxtool::gotemplate::detail
