// SPDX-License-Identifier: Apache-2.0
// Reading templating.list, finding references with Grafana's syntax, and expanding a query by
// syntactic context, keeping a byte map from the expansion back to the original string.
#include "dashboard/variables.h"

#include <algorithm>
#include <array>

namespace caxtool::dashboard {
namespace {

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

void add_value(Variable& v, std::string s) {
  if (s == "$__all" || s == "All") return;
  if (std::find(v.values.begin(), v.values.end(), s) == v.values.end()) v.values.push_back(s);
}

void add_values(Variable& v, const json::Value* x) {
  if (x == nullptr) return;
  if (x->is_string()) add_value(v, x->text);
  if (x->is_array()) {
    for (const json::Value& i : x->items) {
      if (i.is_string()) add_value(v, i.text);
    }
  }
}

// "a,b,c" and "key : value" items of a custom variable's query.
void add_custom(Variable& v, std::string_view q) {
  while (!q.empty()) {
    size_t comma = q.find(',');
    std::string_view item = q.substr(0, comma);
    size_t colon = item.find(" : ");
    if (colon != std::string_view::npos) item = item.substr(colon + 3);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) add_value(v, std::string(item));
    q = comma == std::string_view::npos ? std::string_view() : q.substr(comma + 1);
  }
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

const Variable* Variables::find(std::string_view name) const {
  for (const Variable& v : list) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

bool Variables::defines(std::string_view name) const {
  return find(name) != nullptr || std::find(inputs.begin(), inputs.end(), name) != inputs.end();
}

Variables read_variables(const json::Value& dashboard, const std::string& pointer) {
  Variables out;
  if (const json::Value* inputs = dashboard.get("__inputs"); inputs && inputs->is_array()) {
    for (const json::Value& i : inputs->items) {
      if (!i.str("name").empty()) out.inputs.emplace_back(i.str("name"));
    }
  }
  const json::Value* templating = dashboard.get("templating");
  const json::Value* list = templating != nullptr ? templating->get("list") : nullptr;
  if (list == nullptr || !list->is_array()) return out;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const json::Value& t = list->items[i];
    if (!t.is_object() || t.str("name").empty()) continue;
    Variable v;
    v.name = std::string(t.str("name"));
    v.type = std::string(t.str("type"));
    v.node = &t;
    v.pointer = pointer + "/templating/list/" + std::to_string(i);
    const json::Value* multi = t.get("multi");
    v.multi = multi != nullptr && multi->text == "true";
    const json::Value* all = t.get("includeAll");
    v.include_all = all != nullptr && all->text == "true";
    if (const json::Value* cur = t.get("current"); cur != nullptr) add_values(v, cur->get("value"));
    if (const json::Value* opts = t.get("options"); opts && opts->is_array()) {
      for (const json::Value& o : opts->items) add_values(v, o.get("value"));
    }
    std::string_view q = t.str("query");
    if (v.type == "custom" || v.type == "interval") add_custom(v, q);
    if (v.type == "constant" || v.type == "textbox") add_value(v, std::string(q));
    if (v.type == "datasource") v.plugin = std::string(q);
    out.list.push_back(std::move(v));
  }
  return out;
}

std::vector<Reference> find_references(std::string_view s) {
  std::vector<Reference> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      size_t j = i + 2, n = j;
      while (j < s.size() && is_word(s[j])) ++j;
      if (j == n) continue;
      Reference r{i, 0, std::string(s.substr(n, j - n)), "", false};
      // Field paths (${__field.labels.job}, ${__data.fields["x"]}) belong to the name.
      while (j < s.size() && s[j] != '}' && s[j] != ':' && s[j] != '{') ++j;
      if (j < s.size() && s[j] == ':') {
        size_t f = ++j;
        while (j < s.size() && s[j] != '}') ++j;
        r.format = std::string(s.substr(f, j - f));
        r.has_format = true;
      }
      if (j >= s.size() || s[j] != '}') continue;
      r.end = j + 1;
      i = j;
      out.push_back(std::move(r));
    } else if (s[i] == '$') {
      size_t j = i + 1;
      while (j < s.size() && is_word(s[j])) ++j;
      if (j == i + 1) continue;
      out.push_back({i, j, std::string(s.substr(i + 1, j - i - 1)), "", false});
      i = j - 1;
    } else if (s[i] == '[' && i + 1 < s.size() && s[i + 1] == '[') {
      size_t j = i + 2, n = j;
      while (j < s.size() && is_word(s[j])) ++j;
      if (j == n) continue;
      Reference r{i, 0, std::string(s.substr(n, j - n)), "", false};
      if (j < s.size() && s[j] == ':') {
        size_t f = ++j;
        while (j < s.size() && is_word(s[j])) ++j;
        r.format = std::string(s.substr(f, j - f));
        r.has_format = true;
      }
      if (s.substr(j, 2) != "]]") continue;
      r.end = j + 2;
      i = j + 1;
      out.push_back(std::move(r));
    }
  }
  return out;
}

bool is_builtin(std::string_view name) { return name.starts_with("__") || name == "timeFilter"; }

bool is_known_format(std::string_view format) {
  static constexpr std::array<std::string_view, 20> kFormats{"glob",
                                                             "raw",
                                                             "csv",
                                                             "pipe",
                                                             "regex",
                                                             "distributed",
                                                             "doublequote",
                                                             "singlequote",
                                                             "sqlstring",
                                                             "json",
                                                             "lucene",
                                                             "percentencode",
                                                             "uriencode",
                                                             "html",
                                                             "text",
                                                             "queryparam",
                                                             "date",
                                                             "join",
                                                             "customqueryparam",
                                                             "value"};
  std::string_view head = format.substr(0, format.find(':'));
  return std::find(kFormats.begin(), kFormats.end(), head) != kFormats.end();
}

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
