// SPDX-License-Identifier: Apache-2.0
// The executor's tree. parser.cpp checks a template as Go's parser does but keeps no tree (check
// rules needs only verdicts); execution needs one, so this builds it from the same lexer's
// tokens. It runs only on templates check() accepted, so it trusts the structure and bails out
// with an error, never a crash, on anything it does not expect.
#include <cstdlib>

#include "gotemplate/exec_impl.h"
#include "gotemplate/lexer.h"
#include "gotemplate/literals.h"

namespace caxtool::gotemplate::detail::exec {
namespace {

struct Fail {
  std::string message;
};

class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, Tree& tree) : text_(text), tree_(tree) {}

  void run() {
    LexResult lexed = lex(text_);
    tokens_ = std::move(lexed.tokens);
    if (!tokens_.empty() && tokens_.back().type == TokenType::kError) throw Fail{lexed.error};
    TokenType stop = TokenType::kEof;
    tree_.root = list(stop);
    if (stop != TokenType::kEof) throw Fail{"unexpected {{end}} or {{else}}"};
  }

 private:
  const Token& peek() const { return tokens_[std::min(pos_, tokens_.size() - 1)]; }
  Token next() {
    Token t = peek();
    if (pos_ < tokens_.size()) ++pos_;
    return t;
  }
  Token next_ns() {
    Token t = next();
    while (t.type == TokenType::kSpace) t = next();
    return t;
  }
  const Token& peek_ns() {
    while (peek().type == TokenType::kSpace) ++pos_;
    return peek();
  }
  std::string_view value(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  void expect(TokenType type) {
    if (next_ns().type != type) throw Fail{"unexpected token"};
  }

  // A list of nodes up to {{end}}, {{else}} or EOF; `stop` says which (the {{ }} consumed
  // except for else, whose rest the caller reads).
  std::vector<Node> list(TokenType& stop) {
    std::vector<Node> out;
    while (true) {
      Token t = next();
      if (t.type == TokenType::kEof) {
        stop = TokenType::kEof;
        return out;
      }
      if (t.type == TokenType::kText) {
        Node n;
        n.kind = NodeKind::kText;
        n.begin = t.begin;
        n.end = t.end;
        out.push_back(std::move(n));
        continue;
      }
      if (t.type != TokenType::kLeftDelim) throw Fail{"unexpected token"};
      size_t action_begin = t.begin;
      Token k = peek_ns();
      switch (k.type) {
        case TokenType::kEnd:
          next_ns();
          expect(TokenType::kRightDelim);
          stop = TokenType::kEnd;
          return out;
        case TokenType::kElse:
          next_ns();
          stop = TokenType::kElse;
          return out;
        case TokenType::kIf:
        case TokenType::kRange:
        case TokenType::kWith:
          next_ns();
          out.push_back(control(k.type, action_begin));
          break;
        case TokenType::kDefine:
          next_ns();
          define(false, action_begin, out);
          break;
        case TokenType::kBlock:
          next_ns();
          define(true, action_begin, out);
          break;
        case TokenType::kTemplate: {
          next_ns();
          Node n;
          n.kind = NodeKind::kTemplate;
          n.begin = action_begin;
          n.name = string_literal(next_ns());
          if (peek_ns().type != TokenType::kRightDelim) {
            n.pipe = pipeline(TokenType::kRightDelim);
            n.has_pipe = true;
          } else {
            next_ns();
          }
          n.end = tokens_[pos_ - 1].end;
          out.push_back(std::move(n));
          break;
        }
        case TokenType::kBreak:
        case TokenType::kContinue: {
          next_ns();
          expect(TokenType::kRightDelim);
          Node n;
          n.kind = k.type == TokenType::kBreak ? NodeKind::kBreak : NodeKind::kContinue;
          out.push_back(std::move(n));
          break;
        }
        default: {
          Node n;
          n.kind = NodeKind::kAction;
          n.begin = action_begin;
          n.pipe = pipeline(TokenType::kRightDelim);
          n.end = tokens_[pos_ - 1].end;
          out.push_back(std::move(n));
        }
      }
    }
  }

  Node control(TokenType keyword, size_t begin) {
    Node n;
    n.kind = keyword == TokenType::kIf      ? NodeKind::kIf
             : keyword == TokenType::kRange ? NodeKind::kRange
                                            : NodeKind::kWith;
    n.begin = begin;
    n.pipe = pipeline(TokenType::kRightDelim);
    n.end = tokens_[pos_ - 1].end;
    TokenType stop = TokenType::kEof;
    n.list = list(stop);
    if (stop == TokenType::kElse) {
      TokenType chained = peek_ns().type;
      if ((chained == TokenType::kIf && keyword == TokenType::kIf) ||
          (chained == TokenType::kWith && keyword == TokenType::kWith)) {
        // {{else if ...}}: an if inside the else branch sharing this {{end}}.
        next_ns();
        n.else_list.push_back(control(chained, begin));
        return n;
      }
      expect(TokenType::kRightDelim);
      n.else_list = list(stop);
    }
    if (stop != TokenType::kEnd) throw Fail{"unexpected EOF"};
    return n;
  }

  void define(bool block, size_t begin, std::vector<Node>& out) {
    std::string name = string_literal(next_ns());
    Node call;
    if (block) {
      call.kind = NodeKind::kTemplate;
      call.begin = begin;
      call.name = name;
      call.pipe = pipeline(TokenType::kRightDelim);
      call.has_pipe = true;
    } else {
      expect(TokenType::kRightDelim);
    }
    TokenType stop = TokenType::kEof;
    std::vector<Node> body = list(stop);
    if (stop != TokenType::kEnd) throw Fail{"unexpected EOF in define"};
    tree_.defines[name] = std::move(body);
    if (block) out.push_back(std::move(call));
  }

  std::string string_literal(const Token& t) {
    if (t.type != TokenType::kString && t.type != TokenType::kRawString) {
      throw Fail{"expected a template name"};
    }
    std::optional<std::string> s = unquote(value(t));
    if (!s) throw Fail{"bad string"};
    return *s;
  }

  Pipe pipeline(TokenType end) {
    Pipe p;
    p.begin = peek_ns().begin;
    // Declarations: $x := ..., $x = ..., $i, $e := ...
    size_t save = pos_;
    std::vector<std::string> vars;
    while (peek_ns().type == TokenType::kVariable) {
      vars.emplace_back(value(next_ns()));
      const Token& t = peek_ns();
      if (t.type == TokenType::kDeclare || t.type == TokenType::kAssign) {
        p.assign = t.type == TokenType::kAssign;
        next_ns();
        p.decl = std::move(vars);
        break;
      }
      if (t.type == TokenType::kChar && value(t) == ",") {
        next_ns();
        continue;
      }
      vars.clear();
      pos_ = save;
      break;
    }
    while (true) {
      Command c = command();
      p.cmds.push_back(std::move(c));
      Token t = next_ns();
      if (t.type == TokenType::kPipe) continue;
      if (t.type == end) break;
      throw Fail{"unexpected token in pipeline"};
    }
    p.end = tokens_[pos_ - 1].end;
    return p;
  }

  Command command() {
    Command c;
    c.begin = peek_ns().begin;
    while (true) {
      const Token& t = peek_ns();
      if (t.type == TokenType::kPipe || t.type == TokenType::kRightDelim ||
          t.type == TokenType::kRightParen || t.type == TokenType::kEof) {
        break;
      }
      c.args.push_back(operand());
      c.end = c.args.back().end;
    }
    if (c.args.empty()) throw Fail{"empty command"};
    return c;
  }

  Arg operand() {
    Token t = next_ns();
    Arg a;
    a.begin = t.begin;
    a.end = t.end;
    switch (t.type) {
      case TokenType::kField:
        a.kind = ArgKind::kField;
        a.fields.emplace_back(value(t).substr(1));
        break;
      case TokenType::kVariable:
        a.kind = ArgKind::kVariable;
        a.name = std::string(value(t));
        break;
      case TokenType::kDot:
        a.kind = ArgKind::kDot;
        break;
      case TokenType::kNil:
        a.kind = ArgKind::kNil;
        break;
      case TokenType::kBool:
        a.kind = ArgKind::kBool;
        a.literal = Value::boolean(value(t) == "true");
        break;
      case TokenType::kNumber:
      case TokenType::kCharConstant:
        a.kind = ArgKind::kNumber;
        a.literal = number(t);
        break;
      case TokenType::kString:
      case TokenType::kRawString:
        a.kind = ArgKind::kString;
        a.literal = Value::string(string_literal(t));
        break;
      case TokenType::kIdentifier:
        a.kind = ArgKind::kIdentifier;
        a.name = std::string(value(t));
        break;
      case TokenType::kLeftParen:
        a.kind = ArgKind::kPipe;
        a.pipe = std::make_shared<Pipe>(pipeline(TokenType::kRightParen));
        a.end = tokens_[pos_ - 1].end;
        break;
      default:
        throw Fail{"unexpected " + std::string(token_name(t.type)) + " in operand"};
    }
    // Field chains directly after the operand: .A.B, $x.y, (pipe).z
    while (peek().type == TokenType::kField) {
      Token f = next();
      a.fields.emplace_back(value(f).substr(1));
      a.end = f.end;
      if (a.kind == ArgKind::kPipe) a.kind = ArgKind::kChain;
    }
    return a;
  }

  Value number(const Token& t) {
    std::string_view s = value(t);
    if (t.type == TokenType::kCharConstant) {
      std::optional<std::string> u = unquote("\"" + std::string(s.substr(1, s.size() - 2)) + "\"");
      unsigned char c = u && !u->empty() ? static_cast<unsigned char>((*u)[0]) : 0;
      return Value::integer(c);
    }
    std::string clean;
    for (char c : s) {
      if (c != '_') clean.push_back(c);
    }
    bool hex = clean.find("0x") != std::string::npos || clean.find("0X") != std::string::npos;
    bool floaty = !hex && clean.find_first_of(".eE") != std::string::npos;
    if (!floaty) {
      char* end = nullptr;
      long long v = std::strtoll(clean.c_str(), &end, 0);
      if (end == clean.c_str() + clean.size()) return Value::integer(v);
    }
    return Value::floating(std::strtod(clean.c_str(), nullptr));
  }

  std::string_view text_;
  Tree& tree_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

bool build_tree(std::string_view text, Tree& tree, std::string& error) {
  try {
    TreeBuilder(text, tree).run();
    return true;
  } catch (const Fail& f) {
    error = f.message;
    return false;
  }
}

}  // namespace caxtool::gotemplate::detail::exec
