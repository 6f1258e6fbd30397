// SPDX-License-Identifier: Apache-2.0
// Go's text/template builtins that need no tree: eq/ne/lt/le/gt/ge with Go's comparison rules,
// not, len, index, print/printf/println and the html/js/urlquery escapers. and/or short-circuit
// and live in exec.cpp; Prometheus's own functions in prom_functions.cpp.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "gotemplate/exec_impl.h"

namespace caxtool::gotemplate::detail::exec {
namespace {

using Err = FunctionError;

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '"':
        out += "&#34;";
        break;
      case '\0':
        out += "\uFFFD";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string js_escape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '"':
        out += "\\\"";
        break;
      case '<':
        out += "\\u003C";
        break;
      case '>':
        out += "\\u003E";
        break;
      case '&':
        out += "\\u0026";
        break;
      case '=':
        out += "\\u003D";
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
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

// Go's basic comparisons: `eq` and `lt`; le is lt || eq, gt is !le and ge is !lt, exactly as
// text/template derives them, which decides what NaN compares as (gt NaN 2.0 is true).
void check_comparable(const Value& a, const Value& b, bool ordered) {
  auto numeric = [](const Value& v) { return v.kind == Kind::kInt || v.kind == Kind::kFloat; };
  auto basic = [&](const Value& v) {
    return numeric(v) || v.kind == Kind::kString || (!ordered && v.kind == Kind::kBool);
  };
  if (!basic(a) || !basic(b)) throw Err{"invalid type for comparison"};
  if (a.kind != b.kind) throw Err{"incompatible types for comparison"};
}

bool go_eq(const Value& a, const Value& b) {
  check_comparable(a, b, false);
  switch (a.kind) {
    case Kind::kInt:
      return a.i == b.i;
    case Kind::kFloat:
      return a.f == b.f;
    case Kind::kBool:
      return a.b == b.b;
    default:
      return a.s == b.s;
  }
}

bool go_lt(const Value& a, const Value& b) {
  check_comparable(a, b, true);
  switch (a.kind) {
    case Kind::kInt:
      return a.i < b.i;
    case Kind::kFloat:
      return a.f < b.f;
    default:
      return a.s < b.s;
  }
}

}  // namespace

std::string url_query_escape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

void want(const std::vector<Value>& args, size_t n, const std::string& name) {
  if (args.size() != n) {
    throw Err{"wrong number of args for " + name + ": want " + std::to_string(n) + " got " +
              std::to_string(args.size())};
  }
}

const std::string& str(const Value& v) {
  if (v.kind != Kind::kString) {
    throw Err{"wrong type for value; expected string; got " + type_name(v)};
  }
  return v.s;
}

bool call_go_builtin(const std::string& name, std::vector<Value>& args, Value& result) {
  auto run = [&]() -> std::optional<Value> {
    if (name == "eq" || name == "ne" || name == "lt" || name == "le" || name == "gt" ||
        name == "ge") {
      if (name == "eq") {
        if (args.empty()) throw Err{"wrong number of args for eq: want at least 1 got 0"};
        if (args.size() == 1) throw Err{"missing argument for comparison"};
        for (size_t i = 1; i < args.size(); ++i) {
          if (go_eq(args[0], args[i])) return Value::boolean(true);
        }
        return Value::boolean(false);
      }
      want(args, 2, name);
      if (name == "ne") return Value::boolean(!go_eq(args[0], args[1]));
      if (name == "lt") return Value::boolean(go_lt(args[0], args[1]));
      if (name == "ge") return Value::boolean(!go_lt(args[0], args[1]));
      bool le = go_lt(args[0], args[1]) || go_eq(args[0], args[1]);
      return Value::boolean(name == "le" ? le : !le);
    }
    if (name == "not") {
      want(args, 1, name);
      return Value::boolean(!truth(args[0]));
    }
    if (name == "len") {
      want(args, 1, name);
      const Value& v = args[0];
      switch (v.kind) {
        case Kind::kString:
          return Value::integer(static_cast<int64_t>(v.s.size()));
        case Kind::kStringMap:
          return Value::integer(static_cast<int64_t>(v.map.size()));
        case Kind::kSamples:
          return Value::integer(static_cast<int64_t>(v.samples.size()));
        case Kind::kAnyMap:
          return Value::integer(static_cast<int64_t>(v.any.size()));
        case Kind::kList:
          return Value::integer(static_cast<int64_t>(v.list.size()));
        default:
          throw Err{"len of type " + type_name(v)};
      }
    }
    if (name == "index") {
      if (args.empty()) throw Err{"wrong number of args for index: want at least 1 got 0"};
      Value v = args[0];
      for (size_t i = 1; i < args.size(); ++i) {
        const Value& k = args[i];
        if (v.kind == Kind::kStringMap) {
          auto it = std::find_if(v.map.begin(), v.map.end(),
                                 [&](const auto& p) { return p.first == str(k); });
          v = Value::string(it == v.map.end() ? "" : it->second);
        } else if (v.kind == Kind::kAnyMap) {
          auto it = v.any.find(str(k));
          v = it == v.any.end() ? Value::nil() : it->second;
        } else if (v.kind == Kind::kSamples || v.kind == Kind::kList) {
          if (k.kind != Kind::kInt) throw Err{"cannot index slice/array with type " + type_name(k)};
          size_t n = v.kind == Kind::kSamples ? v.samples.size() : v.list.size();
          if (k.i < 0 || static_cast<size_t>(k.i) >= n) {
            throw Err{"index out of range: " + std::to_string(k.i)};
          }
          if (v.kind == Kind::kSamples) {
            Value s;
            s.kind = Kind::kSample;
            s.samples = {v.samples[static_cast<size_t>(k.i)]};
            v = s;
          } else {
            v = v.list[static_cast<size_t>(k.i)];
          }
        } else if (v.kind == Kind::kNil) {
          throw Err{"index of untyped nil"};
        } else {
          throw Err{"can't index item of type " + type_name(v)};
        }
      }
      return v;
    }
    if (name == "print") return Value::string(go_sprint(args));
    if (name == "println") return Value::string(go_sprintln(args));
    if (name == "printf") {
      if (args.empty()) throw Err{"wrong number of args for printf: want at least 1 got 0"};
      std::string format = str(args[0]);
      std::vector<Value> rest(args.begin() + 1, args.end());
      return Value::string(go_sprintf(format, rest));
    }
    if (name == "html" || name == "js" || name == "urlquery") {
      std::string s =
          args.size() == 1 && args[0].kind == Kind::kString ? args[0].s : go_sprint(args);
      return Value::string(name == "html" ? html_escape(s)
                           : name == "js" ? js_escape(s)
                                          : url_query_escape(s));
    }
    return std::nullopt;
  };
  std::optional<Value> v = run();
  if (!v) return false;
  result = std::move(*v);
  return true;
}

}  // namespace caxtool::gotemplate::detail::exec
