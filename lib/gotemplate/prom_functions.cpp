// SPDX-License-Identifier: Apache-2.0
// Prometheus's template function map (template/template.go): humanize*, query, first, label,
// value, sortByLabel, reReplaceAll, graphLink, toTime, ...; with their argument conversions and
// error texts, since an error becomes part of the annotation a test compares. Go's own builtins
// are in go_builtins.cpp.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>

#include "gotemplate/exec_impl.h"
#include "promql/literals.h"
#include "util/go_strconv.h"

namespace caxtool::gotemplate::detail::exec {
namespace {

using Err = FunctionError;

const QuerySample& sample(const Value& v) {
  if (v.kind != Kind::kSample) {
    if (v.kind == Kind::kNil) throw Err{"invalid memory address or nil pointer dereference"};
    throw Err{"wrong type for value; expected *template.sample; got " + type_name(v)};
  }
  return v.samples.front();
}

// convertToFloat: numbers, numeric strings, durations.
double to_float(const Value& v) {
  switch (v.kind) {
    case Kind::kFloat:
      return v.f;
    case Kind::kInt:
      return static_cast<double>(v.i);
    case Kind::kString: {
      std::string s = v.s;
      const char* begin = s.c_str();
      char* end = nullptr;
      double d = std::strtod(begin, &end);
      if (s.empty() || end != begin + s.size()) {
        throw Err{"strconv.ParseFloat: parsing " + promql::detail::go_quote(s) +
                  ": invalid syntax"};
      }
      return d;
    }
    default:
      throw Err{"can't convert " + type_name(v) + " to float"};
  }
}

std::string g4(double v) { return format_float(v, 'g', 4); }

std::string humanize(double v) {
  if (v == 0 || std::isnan(v) || std::isinf(v)) return g4(v);
  if (std::fabs(v) >= 1) {
    const char* prefix = "";
    for (const char* p : {"k", "M", "G", "T", "P", "E", "Z", "Y"}) {
      if (std::fabs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return g4(v) + prefix;
  }
  const char* prefix = "";
  for (const char* p : {"m", "u", "n", "p", "f", "a", "z", "y"}) {
    if (std::fabs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return g4(v) + prefix;
}

std::string humanize1024(double v) {
  if (std::fabs(v) <= 1 || std::isnan(v) || std::isinf(v)) return g4(v);
  const char* prefix = "";
  for (const char* p : {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
    if (std::fabs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return g4(v) + prefix;
}

std::string humanize_duration(double v) {
  if (std::isnan(v) || std::isinf(v)) return g4(v);
  if (v == 0) return g4(v) + "s";  // "-0s" for negative zero, as Go prints it
  if (std::fabs(v) >= 1) {
    std::string sign = v < 0 ? "-" : "";
    v = std::fabs(v);
    int64_t whole = util::go_int64(v);
    int64_t seconds = whole % 60, minutes = (whole / 60) % 60, hours = (whole / 3600) % 24,
            days = whole / 86400;
    auto n = [](int64_t x) { return std::to_string(x); };
    if (days != 0)
      return sign + n(days) + "d " + n(hours) + "h " + n(minutes) + "m " + n(seconds) + "s";
    if (hours != 0) return sign + n(hours) + "h " + n(minutes) + "m " + n(seconds) + "s";
    if (minutes != 0) return sign + n(minutes) + "m " + n(seconds) + "s";
    return sign + g4(v) + "s";
  }
  const char* prefix = "";
  for (const char* p : {"m", "u", "n"}) {
    if (std::fabs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return g4(v) + prefix + "s";
}

// Prometheus's floatToTime: the seconds go through int64 nanoseconds and model.Time, so only
// milliseconds survive; beyond the int64 nanosecond range is an error.
int64_t time_ms(double seconds) {
  double ns = seconds * 1e9;
  if (ns > 9223372036854775808.0 || ns < -9223372036854775808.0)
    throw Err{format_float(seconds, 'g', -1) +
              " cannot be represented as a nanoseconds timestamp since it overflows int64"};
  return util::go_int64(ns) / 1'000'000;
}

// time.Time.String() of a UTC time: "2006-01-02 15:04:05.999 +0000 UTC".
std::string time_text(int64_t ms) {
  int64_t secs = ms / 1000;
  int64_t frac_ms = ms % 1000;
  if (frac_ms < 0) {
    frac_ms += 1000;
    --secs;
  }
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  std::string out = buf;
  if (frac_ms != 0) {
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03lld", static_cast<long long>(frac_ms));
    std::string f = frac;
    while (f.back() == '0') f.pop_back();
    out += f;
  }
  return out + " +0000 UTC";
}

// Go's ReplaceAllString template ($1, ${1}, ${name}, $$) as an RE2 rewrite (\1, \\).
std::string go_rewrite(const std::string& repl, const re2::RE2& re) {
  std::string out;
  const auto& names = re.NamedCapturingGroups();
  for (size_t i = 0; i < repl.size(); ++i) {
    char c = repl[i];
    if (c == '\\') {
      out += "\\\\";
      continue;
    }
    if (c != '$' || i + 1 >= repl.size()) {
      out += c;
      continue;
    }
    if (repl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    size_t j = i + 1;
    std::string name;
    bool braced = repl[j] == '{';
    if (braced) {
      size_t close = repl.find('}', j);
      if (close == std::string::npos) {
        out += c;
        continue;
      }
      name = repl.substr(j + 1, close - j - 1);
      j = close + 1;
    } else {
      while (j < repl.size() &&
             (std::isalnum(static_cast<unsigned char>(repl[j])) || repl[j] == '_')) {
        name += repl[j++];
      }
    }
    if (name.empty()) {
      out += c;
      continue;
    }
    int index = -1;
    if (std::all_of(name.begin(), name.end(),
                    [](char d) { return std::isdigit(static_cast<unsigned char>(d)); })) {
      index = std::atoi(name.c_str());
    } else if (auto it = names.find(name); it != names.end()) {
      index = it->second;
    }
    if (index >= 0 && index <= re.NumberOfCapturingGroups() && index <= 9) {
      out += "\\" + std::to_string(index);
    }
    i = j - 1;
  }
  return out;
}

std::unique_ptr<re2::RE2> compile(const std::string& pattern) {
  re2::RE2::Options o;
  o.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(pattern, o);
  if (!re->ok()) throw Err{"error parsing regexp: " + re->error() + ": `" + pattern + "`"};
  return re;
}

Value call(const std::string& name, std::vector<Value>& args, const FunctionContext& ctx) {
  const ExpandOptions& opt = *ctx.options;
  if (Value v; call_go_builtin(name, args, v)) return v;
  // Prometheus's function map.
  if (name == "query") {
    want(args, 1, name);
    if (!opt.query) throw Err{"no query function"};
    Value v;
    v.kind = Kind::kSamples;
    std::string error;
    if (!opt.query(str(args[0]), v.samples, error)) throw Err{error};
    return v;
  }
  if (name == "first") {
    want(args, 1, name);
    if (args[0].kind != Kind::kSamples)
      throw Err{"wrong type for value; expected template.queryResult; got " + type_name(args[0])};
    if (args[0].samples.empty()) throw Err{"first() called on vector with no elements"};
    Value v;
    v.kind = Kind::kSample;
    v.samples = {args[0].samples.front()};
    return v;
  }
  if (name == "label") {
    want(args, 2, name);
    const std::string& l = str(args[0]);
    const QuerySample& s = sample(args[1]);
    for (const auto& [k, x] : s.labels) {
      if (k == l) return Value::string(x);
    }
    return Value::string("");
  }
  if (name == "value") {
    want(args, 1, name);
    return Value::floating(sample(args[0]).value);
  }
  if (name == "strvalue") {
    want(args, 1, name);
    for (const auto& [k, x] : sample(args[0]).labels) {
      if (k == "__value__") return Value::string(x);
    }
    return Value::string("");
  }
  if (name == "sortByLabel") {
    want(args, 2, name);
    const std::string& l = str(args[0]);
    if (args[1].kind != Kind::kSamples)
      throw Err{"wrong type for value; expected template.queryResult; got " + type_name(args[1])};
    Value v = args[1];
    auto get = [&](const QuerySample& s) {
      for (const auto& [k, x] : s.labels) {
        if (k == l) return x;
      }
      return std::string();
    };
    std::stable_sort(v.samples.begin(), v.samples.end(),
                     [&](const QuerySample& a, const QuerySample& b) { return get(a) < get(b); });
    return v;
  }
  if (name == "args") {
    Value v;
    v.kind = Kind::kAnyMap;
    for (size_t i = 0; i < args.size(); ++i) v.any["arg" + std::to_string(i)] = args[i];
    return v;
  }
  if (name == "reReplaceAll") {
    want(args, 3, name);
    auto re = compile(str(args[0]));
    std::string text = str(args[2]);
    re2::RE2::GlobalReplace(&text, *re, go_rewrite(str(args[1]), *re));
    return Value::string(text);
  }
  if (name == "match") {
    want(args, 2, name);
    auto re = compile(str(args[0]));
    return Value::boolean(re2::RE2::PartialMatch(str(args[1]), *re));
  }
  if (name == "safeHtml") {
    want(args, 1, name);
    Value v = Value::string(str(args[0]));
    v.html = true;
    return v;
  }
  if (name == "title" || name == "toUpper" || name == "toLower") {
    want(args, 1, name);
    std::string s = str(args[0]);
    bool start = true;
    for (char& c : s) {
      auto u = static_cast<unsigned char>(c);
      if (name == "toUpper") c = static_cast<char>(std::toupper(u));
      if (name == "toLower") c = static_cast<char>(std::tolower(u));
      if (name == "title") {
        if (start && std::islower(u)) c = static_cast<char>(std::toupper(u));
        start = !(std::isalnum(u) || c == '_' || c == '\'' || u >= 0x80);
      }
    }
    return Value::string(s);
  }
  if (name == "humanize" || name == "humanize1024" || name == "humanizeDuration" ||
      name == "humanizePercentage" || name == "humanizeTimestamp" || name == "toTime") {
    want(args, 1, name);
    double v = to_float(args[0]);
    if (name == "humanize") return Value::string(humanize(v));
    if (name == "humanize1024") return Value::string(humanize1024(v));
    if (name == "humanizeDuration") return Value::string(humanize_duration(v));
    if (name == "humanizePercentage") return Value::string(g4(v * 100) + "%");
    if (std::isnan(v) || std::isinf(v)) {
      if (name == "toTime") throw Err{"value is NaN or Inf"};
      return Value::string(g4(v));
    }
    int64_t ms = time_ms(v);
    Value t = Value::string(time_text(ms));
    if (name == "toTime") {
      t.kind = Kind::kTime;
      t.i = ms;
    }
    return t;
  }
  if (name == "externalURL") {
    want(args, 0, name);
    return Value::string(ctx.data->external_url);
  }
  if (name == "pathPrefix") {
    want(args, 0, name);
    const std::string& u = ctx.data->external_url;
    size_t scheme = u.find("://");
    size_t path = u.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return Value::string(
        path == std::string::npos ? "" : u.substr(path, u.find_first_of("?#", path) - path));
  }
  if (name == "graphLink" || name == "tableLink") {
    want(args, 1, name);
    return Value::string("/graph?g0.expr=" + url_query_escape(str(args[0])) +
                         (name == "graphLink" ? "&g0.tab=0" : "&g0.tab=1"));
  }
  if (name == "stripPort" || name == "stripDomain") {
    want(args, 1, name);
    std::string hp = str(args[0]);
    std::string host = hp, port;
    bool split = false;
    if (!hp.empty() && hp[0] == '[') {
      size_t close = hp.find("]:");
      if (close != std::string::npos) {
        host = hp.substr(1, close - 1);
        port = hp.substr(close + 2);
        split = true;
      }
    } else if (size_t colon = hp.rfind(':'); colon != std::string::npos && hp.find(':') == colon) {
      host = hp.substr(0, colon);
      port = hp.substr(colon + 1);
      split = true;
    }
    if (name == "stripPort") return Value::string(split ? host : hp);
    bool ip =
        host.find(':') != std::string::npos || std::all_of(host.begin(), host.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
        });
    if (ip) return Value::string(hp);
    std::string first = host.substr(0, host.find('.'));
    return Value::string(split ? first + ":" + port : first);
  }
  if (name == "parseDuration") {
    want(args, 1, name);
    std::string why;
    std::optional<int64_t> ns = promql::detail::parse_duration(str(args[0]), false, &why);
    if (!ns) throw Err{"not a valid duration string: " + promql::detail::go_quote(args[0].s)};
    return Value::floating(static_cast<double>(*ns) / 1e9);
  }
  throw Err{"function \"" + name + "\" not defined"};
}

}  // namespace

bool call_function(const std::string& name, std::vector<Value>& args, const FunctionContext& ctx,
                   Value& result, std::string& error) {
  try {
    result = call(name, args, ctx);
    return true;
  } catch (const FunctionError& e) {
    bool arity = e.message.starts_with("wrong number of args");
    error = arity ? e.message : "error calling " + name + ": " + e.message;
    return false;
  }
}

}  // namespace caxtool::gotemplate::detail::exec
