// SPDX-License-Identifier: Apache-2.0
// Template variable references anywhere in the dashboard (undefined, unused, unknown formats)
// and datasource references (a variable of the wrong type, a hard-coded uid where a
// datasource variable exists).
#include <algorithm>
#include <set>

#include "dashboard/context.h"

namespace caxtool::dashboard {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

class RefWalker {
 public:
  explicit RefWalker(Context& c) : c_(c) {}

  void run() {
    pointer_ = c_.unit.pointer;
    walk(c_.dash, 0);
    for (const Panel& p : c_.panels) {
      const json::Value* r = p.v->get("repeat");
      if (r != nullptr && r->is_string() && !r->text.empty()) name(*r, p.pointer + "/repeat", &p);
    }
    if (const json::Value* rows = c_.dash.get("rows"); rows && rows->is_array()) {
      for (size_t i = 0; i < rows->items.size(); ++i) {
        const json::Value* r = rows->items[i].get("repeat");
        if (r != nullptr && r->is_string() && !r->text.empty()) {
          name(*r, c_.unit.pointer + "/rows/" + std::to_string(i) + "/repeat", nullptr);
        }
      }
    }
    for (const Variable& v : c_.vars.list) {
      if (used_.count(v.name) != 0 || v.type == "adhoc" || v.type == "groupby") continue;
      const json::Value* n = v.node->get("name");
      c_.report("dashboard/unused-variable", n->begin, n->end, v.pointer + "/name",
                "variable \"" + v.name + "\" is defined but nothing refers to it",
                "remove it, or use it as $" + v.name);
    }
  }

 private:
  // A bare variable name (panel repeat).
  void name(const json::Value& v, const std::string& pointer, const Panel* p) {
    used_.insert(v.text);
    if (!c_.vars.defines(v.text)) {
      c_.report("dashboard/undefined-variable", v.begin, v.end, pointer,
                "repeat names variable \"" + v.text + "\", which the dashboard does not define", {},
                {p, -1});
    }
  }

  // Fields other datasources' query editors leave in a target (InfluxDB's groupBy, select,
  // tags): Grafana never interpolates them for Prometheus.
  static bool editor_leftover(std::string_view k) {
    return k == "groupBy" || k == "select" || k == "tags" || k == "policy" || k == "measurement";
  }

  void walk(const json::Value& v, size_t depth) {
    if (v.is_string()) return string(v);
    size_t len = pointer_.size();
    if (v.is_array()) {
      for (size_t i = 0; i < v.items.size(); ++i) {
        pointer_ += '/';
        pointer_ += std::to_string(i);
        walk(v.items[i], depth + 1);
        pointer_.resize(len);
      }
    } else if (v.is_object()) {
      for (size_t i = 0; i < v.items.size(); ++i) {
        const std::string& k = v.keys[i].name;
        // Values a variable has (current, options) are data, not references; __inputs and
        // __requires describe the export.
        bool variable_data = (k == "current" || k == "options") &&
                             pointer_.find("/templating/") != std::string::npos;
        if (variable_data || (depth == 0 && k.starts_with("__"))) continue;
        if (editor_leftover(k) && pointer_.find("/targets/") != std::string::npos) continue;
        pointer_ += '/';
        pointer_ += json::pointer_token(k);
        walk(v.items[i], depth + 1);
        pointer_.resize(len);
      }
    }
  }

  void string(const json::Value& v) {
    if (v.text.find('$') == std::string::npos && v.text.find("[[") == std::string::npos) return;
    for (const Reference& r : find_references(v.text)) {
      if (all_digits(r.name)) continue;  // $1 in a regex replacement
      size_t b = c_.string_at(v, r.begin), e = c_.string_at(v, r.end);
      if (r.has_format && !is_known_format(r.format)) {
        c_.report(
            "dashboard/variable-format", b, e, pointer_,
            "unknown format \"" + r.format + "\" in " + v.text.substr(r.begin, r.end - r.begin),
            "Grafana falls back to glob; see caxtool help check dashboard/variable-format");
      }
      if (is_builtin(r.name)) continue;
      used_.insert(r.name);
      if (!c_.vars.defines(r.name)) {
        c_.report("dashboard/undefined-variable", b, e, pointer_,
                  "variable \"" + r.name + "\" is not defined by the dashboard",
                  "Grafana sends " + v.text.substr(r.begin, r.end - r.begin) +
                      " verbatim; define the variable or fix the name");
      }
    }
  }

  Context& c_;
  std::string pointer_;
  std::set<std::string, std::less<>> used_;
};

bool special_datasource(std::string_view uid) {
  return uid == "-- Mixed --" || uid == "-- Dashboard --" || uid == "-- Grafana --" ||
         uid == "grafana" || uid == "__expr__" || uid == "default" || uid.empty();
}

void check_reference(Context& c, const json::Value* ds, const std::string& pointer, Scope scope) {
  if (ds == nullptr || ds->is_null()) return;
  const json::Value* text = ds;
  std::string type;
  std::string ptr = pointer;
  if (ds->is_object()) {
    text = ds->get("uid");
    type = std::string(ds->str("type"));
    ptr += "/uid";
    if (type == "datasource" || type == "grafana" || type == "__expr__") return;
  }
  if (text == nullptr || !text->is_string() || special_datasource(text->text)) return;
  std::vector<Reference> refs = find_references(text->text);
  if (!refs.empty()) {
    const Variable* v = c.vars.find(refs.front().name);
    if (v != nullptr && v->type != "datasource") {
      c.report("dashboard/datasource-type", text->begin, text->end, ptr,
               "datasource " + text->text + " names variable \"" + v->name + "\" of type " +
                   (v->type.empty() ? std::string("(none)") : v->type) + ", not datasource",
               "point it at a variable of type datasource", scope);
    }
    return;
  }
  // Hard-coded: is there a datasource variable for this kind of datasource?
  const Variable* pick = nullptr;
  for (const Variable& v : c.vars.list) {
    if (v.type != "datasource") continue;
    if (!type.empty() && v.plugin != type) continue;
    if (type.empty() && v.plugin != "prometheus") continue;
    pick = &v;
    break;
  }
  if (pick == nullptr) return;
  std::string repl = "${" + pick->name + "}";
  c.report("dashboard/datasource-variable", text->begin, text->end, ptr,
           "datasource \"" + text->text + "\" is hard-coded; the dashboard has variable \"" +
               pick->name + "\" for it",
           "use \"" + repl + "\" (--fix does)", scope);
  if (text->end - text->begin == text->text.size() + 2) {
    c.edit("dashboard/datasource-variable", text->begin + 1, text->end - 1, repl,
           ptr + ": \"" + text->text + "\" -> \"" + repl + "\"", scope);
  }
}

}  // namespace

void check_variable_references(Context& c) { RefWalker(c).run(); }

void check_datasources(Context& c) {
  for (const Panel& p : c.panels) {
    check_reference(c, p.v->get("datasource"), p.pointer + "/datasource", {&p, -1});
    const json::Value* ts = p.v->get("targets");
    if (ts == nullptr || !ts->is_array()) continue;
    for (size_t i = 0; i < ts->items.size(); ++i) {
      check_reference(c, ts->items[i].get("datasource"),
                      p.pointer + "/targets/" + std::to_string(i) + "/datasource",
                      {&p, static_cast<int>(i)});
    }
  }
  for (const Variable& v : c.vars.list) {
    if (v.type == "query")
      check_reference(c, v.node->get("datasource"), v.pointer + "/datasource", {});
  }
  const json::Value* ann = c.dash.get("annotations");
  const json::Value* list = ann != nullptr ? ann->get("list") : nullptr;
  if (list == nullptr || !list->is_array()) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    check_reference(c, list->items[i].get("datasource"),
                    c.unit.pointer + "/annotations/list/" + std::to_string(i) + "/datasource", {});
  }
}

}  // namespace caxtool::dashboard
