// SPDX-License-Identifier: Apache-2.0
// Grafana template variables: what a dashboard defines, where its strings refer to them, and
// the expansion of a query before it is parsed as PromQL. Grafana leaves unknown names verbatim,
// so an undefined variable silently breaks a query at runtime; and a query is only PromQL after
// expansion, so the parser must see plausible values with a map back to the original text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"

namespace caxtool::dashboard {

struct Variable {
  std::string name;
  std::string type;  // query, custom, constant, textbox, datasource, interval, adhoc, ...
  bool multi = false;
  bool include_all = false;
  std::vector<std::string> values;  // the values known from the JSON, current first
  std::string plugin;               // datasource variables: the plugin id in `query`
  const json::Value* node = nullptr;
  std::string pointer;
  bool multi_valued() const { return multi || include_all; }
};

struct Variables {
  std::vector<Variable> list;
  std::vector<std::string> inputs;  // __inputs names of an exported dashboard (DS_PROMETHEUS)
  const Variable* find(std::string_view name) const;
  bool defines(std::string_view name) const;  // a variable or an __input
};

Variables read_variables(const json::Value& dashboard, const std::string& pointer);

struct Reference {
  size_t begin = 0, end = 0;  // in the string that holds it
  std::string name;
  std::string format;  // after ':' in ${name:format} or [[name:format]]; "" when none
  bool has_format = false;
};

// Every $name, ${name...} and [[name]] in `s`, as Grafana's VARIABLE_REGEX finds them.
std::vector<Reference> find_references(std::string_view s);

// Grafana's global variables ($__interval, $__from, ...), and the old $timeFilter.
bool is_builtin(std::string_view name);
bool is_known_format(std::string_view format);

struct Expansion {
  std::string text;
  std::vector<uint32_t> to_source;  // text offset -> offset in the original; size text.size()+1
  struct Sub {
    size_t begin = 0, end = 0;          // in text
    size_t src_begin = 0, src_end = 0;  // in the original
    std::string name;
    bool guessed = false;  // no value was known: a stand-in chosen by context
  };
  std::vector<Sub> subs;
};

// `expr` with every reference replaced by a value that keeps it PromQL: the variable's own
// value where the JSON has one, else a stand-in that fits the spot (a duration inside [...] or
// after offset, a label name in by (...), a name elsewhere; a number when `numbers` is set).
Expansion expand(std::string_view expr, const Variables& vars, bool numbers);

}  // namespace caxtool::dashboard
