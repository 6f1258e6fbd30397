// SPDX-License-Identifier: Apache-2.0
// Reading templating.list and finding references with Grafana's syntax (expand.cpp expands).
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

}  // namespace caxtool::dashboard
