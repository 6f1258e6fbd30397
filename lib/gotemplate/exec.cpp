// SPDX-License-Identifier: Apache-2.0
// The walk of text/template's exec.go: dot, variables scoped per control structure, pipelines
// feeding each command's result as the next one's last argument, if/range/with with else,
// {{template}} with its own $, and and/or evaluated lazily. Errors end the execution, as Go's
// panics do, worded as Go words them: `template: NAME:LINE:COL: executing "NAME" at <...>: ...`.
#include "gotemplate/exec.h"

#include <algorithm>
#include <ctime>

#include "gotemplate/exec_impl.h"
#include "gotemplate/template.h"

namespace caxtool::gotemplate {
namespace {

using namespace detail::exec;  // NOLINT: the executor's own vocabulary

constexpr std::string_view kPrelude =
    "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
    "{{$externalURL := .ExternalURL}}{{$value := .Value}}";
constexpr int kMaxDepth = 100000;       // Go: maxExecDepth
constexpr size_t kMaxOutput = 1 << 24;  // a runaway range cannot eat memory

struct ExecError {
  std::string message;
};
struct BreakSignal {};
struct ContinueSignal {};

class Executor {
 public:
  Executor(std::string_view text, const Tree& tree, const AlertData& data,
           const ExpandOptions& options)
      : text_(text), tree_(tree), data_(data), options_(options) {
    fctx_.options = &options_;
    fctx_.data = &data_;
  }

  std::string run() {
    Value dot;
    dot.kind = Kind::kData;
    dot.data = &data_;
    vars_.push_back({"$", dot});
    walk_list(tree_.root, dot);
    return out_;
  }

 private:
  // Go's state.errorf: the position of the node and its text. `context` is what Go's
  // Node.String() gives: the source of a whole node, or a command or argument rewritten in the
  // canonical spacing of canon().
  [[noreturn]] void fail(size_t at, std::string_view context, const std::string& message) {
    size_t line_start = text_.rfind('\n', at == 0 ? 0 : at - 1);
    size_t line = 1 + static_cast<size_t>(
                          std::count(text_.begin(), text_.begin() + static_cast<long>(at), '\n'));
    size_t col = line_start == std::string_view::npos || at == 0 ? at : at - line_start - 1;
    throw ExecError{"template: " + options_.name + ":" + std::to_string(line) + ":" +
                    std::to_string(col) + ": executing \"" + options_.name + "\" at <" +
                    std::string(context) + ">: " + message};
  }
  [[noreturn]] void fail(const Node& n, const std::string& message) {
    fail(n.begin, text_.substr(n.begin, n.end - n.begin), message);
  }
  [[noreturn]] void fail(const Command& c, const std::string& message) {
    fail(c.begin, canon(c), message);
  }
  [[noreturn]] void fail(const Arg& a, const std::string& message) {
    fail(a.begin, canon(a), message);
  }

  // parse.Node.String() of an argument, a command and a pipeline: single spaces between
  // arguments, " | " between commands, parentheses around nested pipelines, literals as written.
  std::string canon(const Arg& a) const {
    std::string out;
    switch (a.kind) {
      case ArgKind::kField:
        break;
      case ArgKind::kVariable:
      case ArgKind::kIdentifier:
        out = a.name;
        break;
      case ArgKind::kDot:
        return ".";
      case ArgKind::kNil:
        return "nil";
      case ArgKind::kBool:
      case ArgKind::kNumber:
      case ArgKind::kString:
        return std::string(text_.substr(a.begin, a.end - a.begin));
      case ArgKind::kPipe:
      case ArgKind::kChain:
        out = "(" + canon(*a.pipe) + ")";
        break;
    }
    if (a.kind == ArgKind::kIdentifier) return out;
    for (const std::string& f : a.fields) out += "." + f;
    return out;
  }
  std::string canon(const Command& c) const {
    std::string out;
    for (const Arg& a : c.args) {
      if (!out.empty()) out += ' ';
      out += canon(a);
    }
    return out;
  }
  std::string canon(const Pipe& p) const {
    std::string out;
    for (size_t i = 0; i < p.decl.size(); ++i) out += (i > 0 ? ", " : "") + p.decl[i];
    if (!p.decl.empty()) out += " := ";
    for (size_t i = 0; i < p.cmds.size(); ++i) out += (i > 0 ? " | " : "") + canon(p.cmds[i]);
    return out;
  }

  void walk_list(const std::vector<Node>& list, const Value& dot) {
    for (const Node& n : list) walk(n, dot);
  }

  void walk(const Node& n, const Value& dot) {
    if (++depth_ > kMaxDepth) fail(n, "exceeded maximum template depth (100000)");
    switch (n.kind) {
      case NodeKind::kText:
        out_.append(text_.substr(n.begin, n.end - n.begin));
        break;
      case NodeKind::kAction: {
        Value v = pipe(n.pipe, dot);
        if (n.pipe.decl.empty()) out_ += print_value(v);
        break;
      }
      case NodeKind::kIf:
      case NodeKind::kWith: {
        size_t mark = vars_.size();
        Value v = pipe(n.pipe, dot);
        if (truth(v)) {
          walk_list(n.list, n.kind == NodeKind::kWith ? v : dot);
        } else {
          walk_list(n.else_list, dot);
        }
        vars_.resize(mark);
        break;
      }
      case NodeKind::kRange:
        range(n, dot);
        break;
      case NodeKind::kTemplate: {
        auto it = tree_.defines.find(n.name);
        if (it == tree_.defines.end()) {
          fail(n, "template \"" + n.name + "\" not defined");
        }
        Value v = n.has_pipe ? pipe(n.pipe, dot) : Value::nil();
        std::vector<std::pair<std::string, Value>> saved;
        saved.swap(vars_);
        vars_.push_back({"$", v});
        walk_list(it->second, v);
        vars_.swap(saved);
        break;
      }
      case NodeKind::kBreak:
        throw BreakSignal{};
      case NodeKind::kContinue:
        throw ContinueSignal{};
    }
    --depth_;
    if (out_.size() > kMaxOutput) fail(n, "output exceeds 16 MiB");
  }

  void range(const Node& n, const Value& dot) {
    size_t mark = vars_.size();
    Pipe p = n.pipe;
    std::vector<std::string> decl = std::move(p.decl);
    p.decl.clear();
    Value v = pipe(p, dot);
    std::vector<std::pair<Value, Value>> items;
    switch (v.kind) {
      case Kind::kSamples:
        for (size_t i = 0; i < v.samples.size(); ++i) {
          Value e;
          e.kind = Kind::kSample;
          e.samples = {v.samples[i]};
          items.emplace_back(Value::integer(static_cast<int64_t>(i)), std::move(e));
        }
        break;
      case Kind::kList:
        for (size_t i = 0; i < v.list.size(); ++i) {
          items.emplace_back(Value::integer(static_cast<int64_t>(i)), v.list[i]);
        }
        break;
      case Kind::kStringMap:
        for (const auto& [k, s] : v.map) items.emplace_back(Value::string(k), Value::string(s));
        break;
      case Kind::kAnyMap:
        for (const auto& [k, x] : v.any) items.emplace_back(Value::string(k), x);
        break;
      case Kind::kInt:
        for (int64_t i = 0; i < v.i; ++i) items.emplace_back(Value::integer(i), Value::integer(i));
        break;
      case Kind::kNil:
        break;
      default:
        fail(n.pipe.begin, canon(n.pipe), "range can't iterate over " + print_value(v));
    }
    if (items.empty()) {
      vars_.resize(mark);
      walk_list(n.else_list, dot);
      return;
    }
    for (auto& [key, elem] : items) {
      size_t inner = vars_.size();
      int depth = depth_;
      if (decl.size() == 1) vars_.push_back({decl[0], elem});
      if (decl.size() == 2) {
        vars_.push_back({decl[0], key});
        vars_.push_back({decl[1], elem});
      }
      try {
        walk_list(n.list, elem);
      } catch (const BreakSignal&) {
        vars_.resize(inner);
        depth_ = depth;
        break;
      } catch (const ContinueSignal&) {
        depth_ = depth;
      }
      vars_.resize(inner);
    }
    vars_.resize(mark);
  }

  Value pipe(const Pipe& p, const Value& dot) {
    Value v;
    bool has = false;
    for (const Command& c : p.cmds) {
      v = command(c, dot, has ? &v : nullptr);
      has = true;
    }
    for (const std::string& name : p.decl) {
      if (p.assign) {
        for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
          if (it->first == name) {
            it->second = v;
            break;
          }
        }
      } else {
        vars_.push_back({name, v});
      }
    }
    return v;
  }

  Value command(const Command& c, const Value& dot, const Value* final_arg) {
    const Arg& first = c.args.front();
    if (first.kind == ArgKind::kIdentifier) return call(first, c, dot, final_arg);
    if (final_arg != nullptr || c.args.size() > 1) {
      if (first.kind == ArgKind::kField || first.kind == ArgKind::kChain ||
          first.kind == ArgKind::kVariable) {
        fail(c, "can't give argument to non-function " +
                    std::string(text_.substr(first.begin, first.end - first.begin)));
      }
      fail(c, "can't give argument to non-function");
    }
    return arg(first, dot);
  }

  Value call(const Arg& fn, const Command& c, const Value& dot, const Value* final_arg) {
    const std::string& name = fn.name;
    if (name == "and" || name == "or") {
      size_t n = c.args.size() - 1 + (final_arg ? 1 : 0);
      if (n < 1) fail(c, "wrong number of args for " + name + ": want at least 1 got 0");
      Value v;
      for (size_t i = 1; i <= n; ++i) {
        v = i < c.args.size() ? arg(c.args[i], dot) : *final_arg;
        if (truth(v) != (name == "and")) return v;
      }
      return v;
    }
    std::vector<Value> args;
    for (size_t i = 1; i < c.args.size(); ++i) args.push_back(arg(c.args[i], dot));
    if (final_arg != nullptr) args.push_back(*final_arg);
    Value result;
    std::string error;
    if (!call_function(name, args, fctx_, result, error)) fail(c, error);
    return result;
  }

  Value arg(const Arg& a, const Value& dot) {
    Value base;
    switch (a.kind) {
      case ArgKind::kField:
        base = dot;
        break;
      case ArgKind::kVariable: {
        bool found = false;
        for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
          if (it->first == a.name) {
            base = it->second;
            found = true;
            break;
          }
        }
        if (!found) fail(a, "undefined variable: " + a.name);
        break;
      }
      case ArgKind::kDot:
        return dot;
      case ArgKind::kNil:
        return Value::nil();
      case ArgKind::kBool:
      case ArgKind::kNumber:
      case ArgKind::kString:
        return a.literal;
      case ArgKind::kIdentifier: {
        Command c;
        c.args.push_back(a);
        c.begin = a.begin;
        c.end = a.end;
        return call(a, c, dot, nullptr);
      }
      case ArgKind::kPipe:
      case ArgKind::kChain:
        base = pipe(*a.pipe, dot);
        break;
    }
    for (const std::string& f : a.fields) base = field(base, f, a);
    return base;
  }

  Value field(const Value& v, const std::string& name, const Arg& a) {
    switch (v.kind) {
      case Kind::kData:
        if (name == "Labels" || name == "ExternalLabels") {
          Value m;
          m.kind = Kind::kStringMap;
          m.map = name == "Labels" ? v.data->labels : v.data->external_labels;
          return m;
        }
        if (name == "ExternalURL") return Value::string(v.data->external_url);
        if (name == "Value") return Value::floating(v.data->value);
        fail(a, "can't evaluate field " + name + " in type struct { Labels " +
                    "map[string]string; ExternalLabels map[string]string; ExternalURL " +
                    "string; Value float64 }");
      case Kind::kStringMap: {
        auto it = std::lower_bound(v.map.begin(), v.map.end(), name,
                                   [](const auto& p, const std::string& n) { return p.first < n; });
        return Value::string(it != v.map.end() && it->first == name ? it->second : "");
      }
      case Kind::kAnyMap: {
        auto it = v.any.find(name);
        return it == v.any.end() ? Value::nil() : it->second;
      }
      case Kind::kSample:
        if (name == "Labels") {
          Value m;
          m.kind = Kind::kStringMap;
          m.map = v.samples.front().labels;
          return m;
        }
        if (name == "Value") return Value::floating(v.samples.front().value);
        fail(a, "can't evaluate field " + name + " in type *template.sample");
      case Kind::kTime:
        // The niladic methods of *time.Time that yield numbers or the time itself.
        if (name == "Unix") return Value::integer(v.i / 1000 - (v.i % 1000 < 0 ? 1 : 0));
        if (name == "UnixMilli") return Value::integer(v.i);
        if (name == "UTC") return v;
        if (name == "String") return Value::string(v.s);
        if (name == "Year" || name == "YearDay" || name == "Day" || name == "Hour" ||
            name == "Minute" || name == "Second" || name == "Nanosecond") {
          int64_t secs = v.i / 1000 - (v.i % 1000 < 0 ? 1 : 0);
          std::time_t t = static_cast<std::time_t>(secs);
          std::tm tm{};
          gmtime_r(&t, &tm);
          int64_t x = name == "Year"      ? tm.tm_year + int64_t{1900}
                      : name == "YearDay" ? tm.tm_yday + 1
                      : name == "Day"     ? tm.tm_mday
                      : name == "Hour"    ? tm.tm_hour
                      : name == "Minute"  ? tm.tm_min
                      : name == "Second"  ? tm.tm_sec
                                          : (v.i - secs * 1000) * 1'000'000;
          return Value::integer(x);
        }
        fail(a, "can't evaluate field " + name + " in type " + type_name(v));
      case Kind::kNil:
        fail(a, "nil pointer evaluating interface {}." + name);
      default:
        fail(a, "can't evaluate field " + name + " in type " + type_name(v));
    }
  }

  std::string_view text_;
  const Tree& tree_;
  const AlertData& data_;
  const ExpandOptions& options_;
  FunctionContext fctx_;
  std::vector<std::pair<std::string, Value>> vars_;
  std::string out_;
  int depth_ = 0;
};

}  // namespace

struct CompiledTemplate {
  std::string full;  // the prelude and the text
  Tree tree;
  std::optional<std::string> error;  // a parse error, reported by every expansion
};

std::shared_ptr<const CompiledTemplate> compile_alert_template(std::string_view text,
                                                               const ExpandOptions& options) {
  auto c = std::make_shared<CompiledTemplate>();
  c->full = std::string(kPrelude) + std::string(text);
  CheckOptions co;
  co.major = options.version.major;
  co.minor = options.version.minor;
  co.prometheus_prelude = false;
  std::vector<Error> errors = check(c->full, co);
  std::string why;
  if (!errors.empty()) {
    c->error = "error parsing template " + options.name + ": template: " + options.name +
               ":1: " + errors.front().message;
  } else if (!detail::exec::build_tree(c->full, c->tree, why)) {
    c->error =
        "error parsing template " + options.name + ": template: " + options.name + ":1: " + why;
  }
  return c;
}

ExpandResult expand_compiled(const CompiledTemplate& compiled, const AlertData& data,
                             const ExpandOptions& options) {
  ExpandResult r;
  if (compiled.error) {
    r.error = compiled.error;
    return r;
  }
  try {
    r.text = Executor(compiled.full, compiled.tree, data, options).run();
  } catch (const ExecError& e) {
    r.error = "error executing template " + options.name + ": " + e.message;
  } catch (const BreakSignal&) {
    r.error = "error executing template " + options.name + ": break outside range";
  } catch (const ContinueSignal&) {
    r.error = "error executing template " + options.name + ": continue outside range";
  }
  return r;
}

ExpandResult expand_alert_template(std::string_view text, const AlertData& data,
                                   const ExpandOptions& options) {
  return expand_compiled(*compile_alert_template(text, options), data, options);
}

}  // namespace caxtool::gotemplate
