// SPDX-License-Identifier: Apache-2.0
// The executor's tree and values, shared by exec_parse.cpp (tree), exec.cpp (walk), format.cpp
// (Go's fmt) and prom_functions.cpp (Prometheus's function map). Internal to lib/gotemplate.
//
// Values are the few Go types Prometheus templates meet: bool, int, float64, string, the
// map[string]string of labels, the data struct, query results ([]*sample) and one *sample,
// a map[string]interface{} (args), time.Time and html_template.HTML (printed as a string).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gotemplate/exec.h"

namespace caxtool::gotemplate::detail::exec {

struct Value;
using ValuePtr = std::shared_ptr<const Value>;

enum class Kind {
  kNil,
  kBool,
  kInt,
  kFloat,
  kString,
  kStringMap,
  kData,
  kSamples,
  kSample,
  kAnyMap,
  kTime,
  kList
};

struct Value {
  Kind kind = Kind::kNil;
  bool b = false;
  int64_t i = 0;  // also the time, in milliseconds since the epoch, for kTime
  double f = 0;
  std::string s;
  StringMap map;                     // kStringMap
  const AlertData* data = nullptr;   // kData
  std::vector<QuerySample> samples;  // kSamples; kSample uses samples[0]
  std::map<std::string, Value> any;  // kAnyMap
  std::vector<Value> list;           // kList
  bool html = false;                 // a kString of type html_template.HTML

  static Value nil() { return Value{}; }
  static Value boolean(bool v) {
    Value x;
    x.kind = Kind::kBool;
    x.b = v;
    return x;
  }
  static Value integer(int64_t v) {
    Value x;
    x.kind = Kind::kInt;
    x.i = v;
    return x;
  }
  static Value floating(double v) {
    Value x;
    x.kind = Kind::kFloat;
    x.f = v;
    return x;
  }
  static Value string(std::string v) {
    Value x;
    x.kind = Kind::kString;
    x.s = std::move(v);
    return x;
  }
};

// Go's type names, for error messages ("float64", "map[string]string", ...).
std::string type_name(const Value& v);
// fmt.Sprint of one value.
std::string print_value(const Value& v);
// Go's truth: false, 0, nil, "" and empty collections are false.
bool truth(const Value& v);

// fmt.Sprintf with Go's verbs; fmt.Sprint and fmt.Sprintln of several values.
std::string go_sprintf(std::string_view format, const std::vector<Value>& args);
std::string go_sprint(const std::vector<Value>& args);
std::string go_sprintln(const std::vector<Value>& args);
// strconv.FormatFloat(v, fmt, prec, 64) for 'f', 'e', 'E', 'g', 'G' with Go's Inf/NaN spellings.
std::string format_float(double v, char fmt, int prec);

// The tree.
enum class ArgKind {
  kField,
  kVariable,
  kDot,
  kNil,
  kBool,
  kNumber,
  kString,
  kIdentifier,
  kPipe,
  kChain
};
struct Pipe;
struct Arg {
  ArgKind kind = ArgKind::kNil;
  std::string name;                 // variable or identifier name
  std::vector<std::string> fields;  // .A.B after the operand
  Value literal;                    // bool, number, string
  std::shared_ptr<Pipe> pipe;       // parenthesised pipeline (kPipe / kChain)
  size_t begin = 0, end = 0;
};
struct Command {
  std::vector<Arg> args;
  size_t begin = 0, end = 0;
};
struct Pipe {
  std::vector<std::string> decl;  // $x := or $x, $y := (range)
  bool assign = false;            // = rather than :=
  std::vector<Command> cmds;
  size_t begin = 0, end = 0;
};
enum class NodeKind { kText, kAction, kIf, kRange, kWith, kTemplate, kBreak, kContinue };
struct Node {
  NodeKind kind = NodeKind::kText;
  size_t begin = 0, end = 0;  // text range, or the action's
  Pipe pipe;
  std::vector<Node> list, else_list;
  std::string name;  // {{template "name"}}
  bool has_pipe = false;
};

struct Tree {
  std::vector<Node> root;
  std::map<std::string, std::vector<Node>> defines;
};

// Builds the tree of a template that check() accepted; false (with `error`) if it cannot.
bool build_tree(std::string_view text, Tree& tree, std::string& error);

// Prometheus's functions and Go's builtins that need no tree (everything but and/or, which
// short-circuit, and call). False with `error` as Go words it ("error calling humanize: ...").
struct FunctionContext {
  const ExpandOptions* options = nullptr;
  const AlertData* data = nullptr;
};
// A function's failure, worded as Go words it; call_function adds "error calling NAME: ".
struct FunctionError {
  std::string message;
};
// Go's builtins (eq, len, index, printf, html, ...): false when `name` is not one.
bool call_go_builtin(const std::string& name, std::vector<Value>& args, Value& result);
// Helpers shared by the function files.
std::string url_query_escape(std::string_view s);
void want(const std::vector<Value>& args, size_t n, const std::string& name);
const std::string& str(const Value& v);

bool call_function(const std::string& name, std::vector<Value>& args, const FunctionContext& ctx,
                   Value& result, std::string& error);

}  // namespace caxtool::gotemplate::detail::exec
