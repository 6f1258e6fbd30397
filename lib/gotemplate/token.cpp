// SPDX-License-Identifier: Apache-2.0
// Names of token kinds, and how error messages quote a token.
#include "gotemplate/token.h"

#include <cstdio>

#include "gotemplate/unicode.h"

namespace caxtool::gotemplate {

std::string_view token_name(TokenType type) {
  switch (type) {
    case TokenType::kError:
      return "error";
    case TokenType::kBool:
      return "bool";
    case TokenType::kChar:
      return "char";
    case TokenType::kCharConstant:
      return "char constant";
    case TokenType::kComplex:
      return "complex";
    case TokenType::kAssign:
      return "=";
    case TokenType::kDeclare:
      return ":=";
    case TokenType::kEof:
      return "EOF";
    case TokenType::kField:
      return "field";
    case TokenType::kIdentifier:
      return "identifier";
    case TokenType::kLeftDelim:
      return "{{";
    case TokenType::kLeftParen:
      return "(";
    case TokenType::kNumber:
      return "number";
    case TokenType::kPipe:
      return "|";
    case TokenType::kRawString:
      return "raw string";
    case TokenType::kRightDelim:
      return "}}";
    case TokenType::kRightParen:
      return ")";
    case TokenType::kSpace:
      return "space";
    case TokenType::kString:
      return "string";
    case TokenType::kText:
      return "text";
    case TokenType::kVariable:
      return "variable";
    case TokenType::kBlock:
      return "block";
    case TokenType::kBreak:
      return "break";
    case TokenType::kContinue:
      return "continue";
    case TokenType::kDot:
      return ".";
    case TokenType::kDefine:
      return "define";
    case TokenType::kElse:
      return "else";
    case TokenType::kEnd:
      return "end";
    case TokenType::kIf:
      return "if";
    case TokenType::kNil:
      return "nil";
    case TokenType::kRange:
      return "range";
    case TokenType::kTemplate:
      return "template";
    case TokenType::kWith:
      return "with";
  }
  return "?";
}

bool is_keyword(TokenType type) { return type >= TokenType::kBlock; }

namespace {

std::string escape(std::string_view s, size_t max_runes, bool quote) {
  std::string out = quote ? "\"" : "";
  size_t runes = 0;
  while (!s.empty() && runes < max_runes) {
    Decoded d = decode_rune(s);
    if (quote && (d.rune == '"' || d.rune == '\\')) {
      out += '\\';
      out += static_cast<char>(d.rune);
    } else if (d.rune == '\n') {
      out += "\\n";
    } else if (d.rune == '\t') {
      out += "\\t";
    } else if (d.rune == '\r') {
      out += "\\r";
    } else if (d.rune < 0x20 || d.rune == 0x7F || (d.rune >= 0x80 && d.rune < 0xA0) ||
               d.rune == 0x2028 || d.rune == 0x2029 || (d.rune == kRuneError && d.width == 1)) {
      char buf[16];
      if (d.width == 1) {
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[0]));
      } else {
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(d.rune));
      }
      out += buf;
    } else {
      out += s.substr(0, d.width);
    }
    s.remove_prefix(d.width);
    ++runes;
  }
  if (quote) out += '"';
  if (!s.empty()) out += "...";
  return out;
}

}  // namespace

std::string escaped(std::string_view s, size_t max_runes) { return escape(s, max_runes, false); }
std::string quoted(std::string_view s, size_t max_runes) { return escape(s, max_runes, true); }

std::string describe(const Token& token, std::string_view text) {
  if (token.type == TokenType::kEof) return "end of template";
  std::string_view value = text.substr(token.begin, token.end - token.begin);
  if (is_keyword(token.type)) return "<" + std::string(value) + ">";
  return quoted(value, 10);  // Go's %.10q
}

}  // namespace caxtool::gotemplate
