// SPDX-License-Identifier: Apache-2.0
// Expanding a query before it is parsed: each reference is replaced by the variable's value when
// the JSON has one, else by a stand-in that fits the spot (judged from the text before it), and
// every byte of the expansion remembers where it came from, so a parse error maps back into the
// original string.
#include <algorithm>

#include "dashboard/variables.h"

namespace caxtool::dashboard {
namespace {

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool looks_like_duration(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    size_t d = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == d) return false;
    size_t u = i;
    while (i < s.size() && (s[i] == 'm' || s[i] == 's' || s[i] == 'h' || s[i] == 'd' ||
                            s[i] == 'w' || s[i] == 'y')) {
      ++i;
    }
    if (i == u) return false;
    any = true;
  }
  return any;
}

bool looks_like_name(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_word(c) || c == ':' || c == ','; });
}

// What sits at a spot of a PromQL expression, judged from the text before it.
struct Context {
  char quote = 0;         // inside a string with this quote
  bool brackets = false;  // inside [...]
  bool grouping = false;  // inside by (...), without (...), on (...), ...
  bool offset = false;    // right after `offset`
};

class Scanner {
 public:
  // Advances the context over s[from, to).
  void advance(std::string_view s, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      char c = s[i];
      if (ctx_.quote != 0) {
        if (c == '\\' && ctx_.quote != '`') {
          ++i;
        } else if (c == ctx_.quote) {
          ctx_.quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') {
        ctx_.quote = c;
      } else if (c == '[') {
        ctx_.brackets = true;
      } else if (c == ']') {
        ctx_.brackets = false;
      } else if (c == '(') {
        ctx_.grouping = grouping_word(s, i);
      } else if (c == ')') {
        ctx_.grouping = false;
      }
      if (is_word(c)) {
        word_ += c;
      } else if (c != ' ' && c != '\t' && c != '\n') {
        last_word_.clear();
        word_.clear();
      } else if (!word_.empty()) {
        last_word_ = word_;
        word_.clear();
      }
    }
    ctx_.offset = ctx_.quote == 0 && (last_word_ == "offset" && word_.empty());
  }
  const Context& context() const { return ctx_; }

 private:
  static bool grouping_word(std::string_view s, size_t paren) {
    size_t e = paren;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n')) --e;
    size_t b = e;
    while (b > 0 && is_word(s[b - 1])) --b;
    std::string_view w = s.substr(b, e - b);
    return w == "by" || w == "without" || w == "on" || w == "ignoring" || w == "group_left" ||
           w == "group_right";
  }
  Context ctx_;
  std::string word_, last_word_;
};

std::string escape_for(char quote, std::string_view v) {
  std::string out;
  for (char c : v) {
    if ((c == quote || c == '\\') && quote != '`') out += '\\';
    if (c == '`' && quote == '`') continue;
    out += c;
  }
  return out;
}

std::string sanitize_name(std::string_view name) {
  std::string out;
  for (char c : name) out += is_word(c) ? c : '_';
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "v");
  return out;
}

}  // namespace

Expansion expand(std::string_view expr, const Variables& vars, bool numbers) {
  Expansion out;
  Scanner scan;
  size_t at = 0;
  auto copy = [&](size_t to) {
    for (size_t i = at; i < to; ++i) {
      out.text += expr[i];
      out.to_source.push_back(static_cast<uint32_t>(i));
    }
    scan.advance(expr, at, to);
    at = to;
  };
  for (const Reference& r : find_references(expr)) {
    copy(r.begin);
    const Context& ctx = scan.context();
    bool want_duration = ctx.quote == 0 && (ctx.brackets || ctx.offset);
    std::string value;
    bool guessed = false;
    const Variable* v = vars.find(r.name);
    std::string_view n = r.name;
    if (n.ends_with("_ms") || n == "__range_s" || n == "__from" || n == "__to") {
      value = n == "__from" || n == "__to" ? "1594671549254" : "60000";
      if (r.format.starts_with("date:seconds")) value = "1594671549";
    } else if (n.starts_with("__") &&
               (n.starts_with("__interval") || n.starts_with("__rate_interval") ||
                n.starts_with("__range") || n.starts_with("__auto"))) {
      value = "5m";
    } else if (v != nullptr && !v->values.empty()) {
      value = v->values.front();  // one value formats as itself in every format that matters
    } else {
      guessed = true;
      if (v != nullptr && v->type == "interval") guessed = false;
    }
    if (guessed || (ctx.quote == 0 && want_duration && !looks_like_duration(value))) {
      value = want_duration ? "5m" : numbers ? "1" : sanitize_name(r.name);
    } else if (ctx.quote == 0 && value.empty()) {
      value = numbers ? "1" : sanitize_name(r.name);
      guessed = true;
    } else if (ctx.quote == 0 && ctx.grouping && !looks_like_name(value)) {
      value = sanitize_name(r.name);
    }
    if (ctx.quote != 0) value = escape_for(ctx.quote, value);
    Expansion::Sub sub{out.text.size(), 0, r.begin, r.end, r.name, guessed};
    for (char c : value) {
      out.text += c;
      out.to_source.push_back(static_cast<uint32_t>(r.begin));
    }
    sub.end = out.text.size();
    out.subs.push_back(std::move(sub));
    at = r.end;  // the reference's own brackets must not change the context
  }
  copy(expr.size());
  out.to_source.push_back(static_cast<uint32_t>(expr.size()));
  return out;
}

}  // namespace caxtool::dashboard
