// SPDX-License-Identifier: Apache-2.0
// A hand-written lexer and tree-walking renderer. Templates are small and rendered once per
// run, so each render parses its template afresh: simpler than caching, and well under a
// millisecond for the whole stack.
#include "generate/template.h"

#include <charconv>
#include <memory>
#include <vector>

#include "util/strings.h"

namespace caxtool::generate {
namespace {

using nlohmann::json;

enum class NodeType { kText, kOutput, kIf, kFor };

struct Pos {
  int line = 1;
  int column = 1;
};

struct TNode {
  NodeType type = NodeType::kText;
  Pos pos;
  std::string text;                  // kText
  std::string path;                  // kOutput, kIf, kFor
  std::vector<std::string> filters;  // kOutput
  bool negate = false;               // kIf
  std::string var;                   // kFor
  std::vector<TNode> body;           // kIf (then), kFor
  std::vector<TNode> else_body;      // kIf
};

struct Token {
  enum Kind { kText, kOutput, kIf, kElse, kEnd, kFor, kComment } kind = kText;
  Pos pos;
  std::string content;  // text, or the tag's inside, trimmed
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  std::optional<TemplateError> run(std::vector<Token>& out) {
    size_t i = 0;
    while (i < src_.size()) {
      size_t open = src_.find("{%", i);
      if (open == std::string_view::npos) {
        push_text(out, src_.substr(i), i);
        break;
      }
      size_t close = src_.find("%}", open + 2);
      if (close == std::string_view::npos) return error_at(open, "unterminated tag: no '%}'");
      std::string_view inner = src_.substr(open + 2, close - open - 2);
      Token tok;
      tok.pos = pos_of(open);
      if (!inner.empty() && inner[0] == '=') {
        tok.kind = Token::kOutput;
        tok.content = trim(inner.substr(1));
      } else if (!inner.empty() && inner[0] == '#') {
        tok.kind = Token::kComment;
      } else {
        std::string_view body = trim(inner);
        std::string_view word = body.substr(0, body.find(' '));
        if (word == "if") {
          tok.kind = Token::kIf;
        } else if (word == "else") {
          tok.kind = Token::kElse;
        } else if (word == "end") {
          tok.kind = Token::kEnd;
        } else if (word == "for") {
          tok.kind = Token::kFor;
        } else {
          return error_at(open, "unknown tag '" + std::string(word) + "'");
        }
        tok.content = body;
      }
      size_t after = close + 2;
      std::string_view before = src_.substr(i, open - i);
      if (tok.kind != Token::kOutput && standalone(open, after)) {
        // Drop the indentation before the tag and the newline after it.
        size_t line_start = before.find_last_of('\n');
        before = line_start == std::string_view::npos ? std::string_view()
                                                      : before.substr(0, line_start + 1);
        while (after < src_.size() && src_[after] != '\n') ++after;
        if (after < src_.size()) ++after;
      }
      push_text(out, before, i);
      if (tok.kind != Token::kComment) out.push_back(std::move(tok));
      i = after;
    }
    return std::nullopt;
  }

 private:
  bool standalone(size_t open, size_t after) const {
    size_t b = open;
    while (b > 0 && (src_[b - 1] == ' ' || src_[b - 1] == '\t')) --b;
    if (b > 0 && src_[b - 1] != '\n') return false;
    size_t a = after;
    while (a < src_.size() && (src_[a] == ' ' || src_[a] == '\t')) ++a;
    if (a < src_.size() && src_[a] == '\r') ++a;
    return a == src_.size() || src_[a] == '\n';
  }

  void push_text(std::vector<Token>& out, std::string_view text, size_t at) {
    if (text.empty()) return;
    Token t;
    t.kind = Token::kText;
    t.pos = pos_of(at);
    t.content = text;
    out.push_back(std::move(t));
  }

  Pos pos_of(size_t offset) const {
    Pos p;
    for (size_t k = 0; k < offset && k < src_.size(); ++k) {
      if (src_[k] == '\n') {
        ++p.line;
        p.column = 1;
      } else {
        ++p.column;
      }
    }
    return p;
  }

  TemplateError error_at(size_t offset, std::string message) const {
    Pos p = pos_of(offset);
    return {p.line, p.column, std::move(message)};
  }

  std::string_view src_;
};

class Parser {
 public:
  explicit Parser(std::vector<Token>& tokens) : tokens_(tokens) {}

  std::optional<TemplateError> run(std::vector<TNode>& out) {
    Token::Kind stop = Token::kText;
    if (auto err = parse_block(out, stop)) return err;
    if (i_ < tokens_.size()) {
      const Token& t = tokens_[i_];
      return TemplateError{
          t.pos.line, t.pos.column,
          std::string(t.kind == Token::kElse ? "'else'" : "'end'") + " without an open block"};
    }
    return std::nullopt;
  }

 private:
  // Parses until an else/end token (left unconsumed; its kind goes to `stop`) or the end.
  std::optional<TemplateError> parse_block(std::vector<TNode>& out, Token::Kind& stop) {
    while (i_ < tokens_.size()) {
      Token& t = tokens_[i_];
      if (t.kind == Token::kElse || t.kind == Token::kEnd) {
        stop = t.kind;
        return std::nullopt;
      }
      ++i_;
      TNode n;
      n.pos = t.pos;
      switch (t.kind) {
        case Token::kText:
          n.type = NodeType::kText;
          n.text = std::move(t.content);
          break;
        case Token::kOutput: {
          n.type = NodeType::kOutput;
          std::string_view rest = t.content;
          size_t bar = rest.find('|');
          n.path = trim(rest.substr(0, bar));
          while (bar != std::string_view::npos) {
            rest.remove_prefix(bar + 1);
            bar = rest.find('|');
            n.filters.emplace_back(trim(rest.substr(0, bar)));
          }
          if (n.path.empty()) return err(t, "empty output tag");
          break;
        }
        case Token::kIf: {
          n.type = NodeType::kIf;
          auto words = split_words(t.content);
          if (words.size() == 3 && words[1] == "not") {
            n.negate = true;
            n.path = words[2];
          } else if (words.size() == 2) {
            n.path = words[1];
          } else {
            return err(t, "expected 'if PATH' or 'if not PATH'");
          }
          Token::Kind s = Token::kText;
          if (auto e = parse_block(n.body, s)) return e;
          if (s == Token::kElse) {
            ++i_;
            if (auto e = parse_block(n.else_body, s)) return e;
            if (s == Token::kElse) return err(tokens_[i_], "second 'else' in one 'if'");
          }
          if (s != Token::kEnd) return err(t, "'if' without 'end'");
          ++i_;
          break;
        }
        case Token::kFor: {
          n.type = NodeType::kFor;
          auto words = split_words(t.content);
          if (words.size() != 4 || words[2] != "in") return err(t, "expected 'for NAME in PATH'");
          n.var = words[1];
          n.path = words[3];
          Token::Kind s = Token::kText;
          if (auto e = parse_block(n.body, s)) return e;
          if (s != Token::kEnd) return err(t, "'for' without 'end'");
          ++i_;
          break;
        }
        default:
          break;
      }
      out.push_back(std::move(n));
    }
    return std::nullopt;
  }

  static std::optional<TemplateError> err(const Token& t, std::string message) {
    return TemplateError{t.pos.line, t.pos.column, std::move(message)};
  }

  std::vector<Token>& tokens_;
  size_t i_ = 0;
};

bool truthy(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_array() || v.is_object()) return !v.empty();
  return false;
}

// Appends `cp` (a code point) as \uXXXX, as a surrogate pair above the BMP.
void append_u_escape(std::string& out, uint32_t cp) {
  char buf[16];
  if (cp > 0xFFFF) {
    cp -= 0x10000;
    std::snprintf(buf, sizeof buf, "\\u%04X\\u%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
  } else {
    std::snprintf(buf, sizeof buf, "\\u%04X", cp);
  }
  out += buf;
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 for an invalid one.
size_t utf8_decode(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  uint32_t lead = c;
  cp = len == 1 ? lead : lead & (0x7Fu >> len);
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  return len;
}

std::string yaml_value(const json& v);

std::string scalar_raw(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number_float()) return format_number(v.get<double>());
  if (v.is_null()) return "";
  return v.dump();
}

std::string yaml_value(const json& v) {
  if (v.is_string()) return yaml_quote(v.get_ref<const std::string&>());
  if (v.is_null()) return "null";
  if (v.is_array()) {
    std::string out = "[";
    for (size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + yaml_value(v[k]);
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, item] : v.items()) {
      out += (first ? "" : ", ") + yaml_quote(key) + ": " + yaml_value(item);
      first = false;
    }
    return out + "}";
  }
  return scalar_raw(v);
}

class Renderer {
 public:
  explicit Renderer(const json& root) : root_(root) {}

  std::optional<TemplateError> run(const std::vector<TNode>& nodes, std::string& out) {
    for (const TNode& n : nodes) {
      if (auto e = render(n, out)) return e;
    }
    return std::nullopt;
  }

 private:
  struct Scope {
    std::string name;
    const json* value;
    json loop;
  };

  std::optional<TemplateError> render(const TNode& n, std::string& out) {
    switch (n.type) {
      case NodeType::kText:
        out += n.text;
        return std::nullopt;
      case NodeType::kOutput: {
        const json* v = nullptr;
        if (auto e = lookup(n, v)) return e;
        json value = *v;
        bool encoded = false;  // after yaml/json/promql, the value is final text
        std::string text;
        for (const std::string& f : n.filters) {
          std::string current = encoded ? text : scalar_raw(value);
          if (f == "yaml") {
            text = encoded ? yaml_quote(text) : yaml_value(value);
          } else if (f == "json") {
            text = encoded ? json(text).dump(-1, ' ', false, json::error_handler_t::replace)
                           : value.dump(-1, ' ', false, json::error_handler_t::replace);
          } else if (f == "promql") {
            text = promql_quote(current);
          } else if (f == "gotext") {
            text = gotemplate_text(current);
          } else if (f == "label") {
            if (!util::is_label_name(current)) {
              return TemplateError{n.pos.line, n.pos.column,
                                   "'" + current + "' is not a valid label name"};
            }
            text = current;
          } else {
            return TemplateError{n.pos.line, n.pos.column, "unknown filter '" + f + "'"};
          }
          encoded = true;
        }
        out += encoded ? text : scalar_raw(value);
        return std::nullopt;
      }
      case NodeType::kIf: {
        const json* v = nullptr;
        if (auto e = lookup(n, v)) return e;
        bool cond = truthy(*v) != n.negate;
        return run(cond ? n.body : n.else_body, out);
      }
      case NodeType::kFor: {
        const json* v = nullptr;
        if (auto e = lookup(n, v)) return e;
        if (!v->is_array() && !v->is_object()) {
          return TemplateError{n.pos.line, n.pos.column, "'" + n.path + "' is not a list"};
        }
        std::vector<const json*> items;
        for (const auto& item : *v) items.push_back(&item);
        for (size_t k = 0; k < items.size(); ++k) {
          scopes_.push_back(
              Scope{n.var, items[k],
                    json{{"index", k}, {"first", k == 0}, {"last", k + 1 == items.size()}}});
          auto e = run(n.body, out);
          scopes_.pop_back();
          if (e) return e;
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::optional<TemplateError> lookup(const TNode& n, const json*& out) {
    std::string_view path = n.path;
    size_t dot = path.find('.');
    std::string_view head = path.substr(0, dot);
    const json* cur = nullptr;
    for (auto it = scopes_.rbegin(); it != scopes_.rend() && cur == nullptr; ++it) {
      if (head == it->name) cur = it->value;
      if (head == "loop") cur = &it->loop;
    }
    if (cur == nullptr) {
      cur = &root_;
    } else {
      path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    while (!path.empty()) {
      size_t d = path.find('.');
      std::string key(path.substr(0, d));
      path = d == std::string_view::npos ? std::string_view() : path.substr(d + 1);
      if (cur->is_object() && cur->contains(key)) {
        cur = &(*cur)[key];
        continue;
      }
      size_t idx = 0;
      auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), idx);
      if (cur->is_array() && ec == std::errc() && ptr == key.data() + key.size() &&
          idx < cur->size()) {
        cur = &(*cur)[idx];
        continue;
      }
      return TemplateError{n.pos.line, n.pos.column, "no value at '" + n.path + "'"};
    }
    out = cur;
    return std::nullopt;
  }

  const json& root_;
  std::vector<Scope> scopes_;
};

}  // namespace

std::string format_number(double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return "0";
  return std::string(buf, ptr);
}

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t len = utf8_decode(s, i, cp);
    if (len == 0) {  // invalid UTF-8: replace, as the values loader should have refused it
      out += "\\uFFFD";
      ++i;
      continue;
    }
    switch (cp) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        // YAML forbids C0/C1 controls and DEL unescaped, and folds NEL, LS and PS as line breaks.
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
            cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) {
          append_u_escape(out, cp);
        } else {
          out.append(s.substr(i, len));
        }
    }
    i += len;
  }
  return out + "\"";
}

std::string promql_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string gotemplate_text(std::string_view s) {
  bool risky = s.find("{{") != std::string_view::npos || s.find("}}") != std::string_view::npos ||
               (!s.empty() && (s.back() == '{' || s.front() == '}'));
  if (!risky) return std::string(s);
  // A Go string literal has the same escapes as a PromQL one.
  return "{{ " + promql_quote(s) + " }}";
}

RenderResult render_template(std::string_view source, const nlohmann::json& context) {
  RenderResult result;
  std::vector<Token> tokens;
  if (auto e = Lexer(source).run(tokens)) {
    result.error = e;
    return result;
  }
  std::vector<TNode> nodes;
  if (auto e = Parser(tokens).run(nodes)) {
    result.error = e;
    return result;
  }
  if (auto e = Renderer(context).run(nodes, result.text)) {
    result.error = e;
    result.text.clear();
  }
  return result;
}

}  // namespace caxtool::generate
