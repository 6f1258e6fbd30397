// SPDX-License-Identifier: Apache-2.0
// Go's fmt as templates use it: how {{ $value }} prints a float64 (%v, the shortest 'g'), how
// printf reads its verbs and flags (%s %d %f %g %e %v %q %x %t %%, width, precision, `-`, `+`,
// `0`, ` `), and the %!verb(type=value) texts Go prints for a mismatched argument, because
// alert annotations are compared byte for byte by the unit tests.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gotemplate/exec_impl.h"
#include "promql/literals.h"

namespace caxtool::gotemplate::detail::exec {
namespace {

std::string map_text(const StringMap& m) {
  std::string s = "map[";
  for (size_t i = 0; i < m.size(); ++i) {
    if (i) s += " ";
    s += m[i].first + ":" + m[i].second;
  }
  return s + "]";
}

struct Spec {
  bool minus = false, plus = false, zero = false, space = false, sharp = false;
  int width = -1, prec = -1;
};

std::string pad(std::string s, const Spec& sp, bool numeric) {
  if (sp.width < 0 || static_cast<int>(s.size()) >= sp.width) return s;
  size_t n = static_cast<size_t>(sp.width) - s.size();
  if (sp.minus) return s + std::string(n, ' ');
  if (sp.zero && numeric) {
    size_t sign = !s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ') ? 1 : 0;
    return s.substr(0, sign) + std::string(n, '0') + s.substr(sign);
  }
  return std::string(n, ' ') + s;
}

std::string signed_num(std::string s, const Spec& sp) {
  if (!s.empty() && s[0] != '-' && s[0] != '+') {
    if (sp.plus) return "+" + s;
    if (sp.space) return " " + s;
  }
  return s;
}

std::string bad_verb(char verb, const Value& v) {
  if (v.kind == Kind::kNil) return std::string("%!") + verb + "(<nil>)";
  return std::string("%!") + verb + "(" + type_name(v) + "=" + print_value(v) + ")";
}

std::string format_one(char verb, const Spec& sp, const Value& v) {
  switch (verb) {
    case 'v':
      if (v.kind == Kind::kFloat)
        return pad(signed_num(format_float(v.f, 'g', sp.prec), sp), sp, true);
      if (v.kind == Kind::kInt) return pad(signed_num(std::to_string(v.i), sp), sp, true);
      return pad(v.kind == Kind::kNil ? "<nil>" : print_value(v), sp, false);
    case 's':
      if (v.kind == Kind::kString) {
        std::string s = sp.prec >= 0 ? v.s.substr(0, static_cast<size_t>(sp.prec)) : v.s;
        return pad(s, sp, false);
      }
      if (v.kind == Kind::kStringMap || v.kind == Kind::kAnyMap || v.kind == Kind::kList) {
        return pad(print_value(v), sp, false);
      }
      return bad_verb(verb, v);
    case 'q':
      if (v.kind == Kind::kString) return pad(promql::detail::go_quote(v.s), sp, false);
      if (v.kind == Kind::kInt)
        return pad(promql::detail::go_quote_rune(static_cast<char32_t>(v.i)), sp, false);
      return bad_verb(verb, v);
    case 'd':
      if (v.kind == Kind::kInt) return pad(signed_num(std::to_string(v.i), sp), sp, true);
      return bad_verb(verb, v);
    case 'x':
    case 'X':
      if (v.kind == Kind::kInt || v.kind == Kind::kString) {
        char buf[64];
        std::string s;
        if (v.kind == Kind::kInt) {
          std::snprintf(buf, sizeof buf, verb == 'x' ? "%llx" : "%llX",
                        static_cast<unsigned long long>(v.i < 0 ? -v.i : v.i));
          s = (v.i < 0 ? "-" : "") + std::string(buf);
        } else {
          for (char ch : v.s) {
            auto c = static_cast<unsigned char>(ch);
            std::snprintf(buf, sizeof buf, verb == 'x' ? "%02x" : "%02X", c);
            s += buf;
          }
        }
        return pad(s, sp, true);
      }
      return bad_verb(verb, v);
    case 't':
      if (v.kind == Kind::kBool) return pad(v.b ? "true" : "false", sp, false);
      return bad_verb(verb, v);
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      if (v.kind != Kind::kFloat) return bad_verb(verb, v);
      char f = verb == 'F' ? 'f' : verb;
      int prec = sp.prec >= 0 ? sp.prec : (f == 'g' || f == 'G' ? -1 : 6);
      std::string s = format_float(v.f, f, prec);
      if (std::isinf(v.f) || std::isnan(v.f)) {
        // Go pads infinities with their sign ("+Inf"); NaN gets one only when asked.
        if (s == "NaN" && sp.plus) s = "+NaN";
        if (s == "NaN" && sp.space && !sp.plus) s = " NaN";
        Spec nz = sp;
        nz.zero = false;
        return pad(s, nz, true);
      }
      return pad(signed_num(s, sp), sp, true);
    }
    default:
      return std::string("%!") + verb + "(" + type_name(v) + "=" + print_value(v) + ")";
  }
}

}  // namespace

std::string type_name(const Value& v) {
  switch (v.kind) {
    case Kind::kNil:
      return "<nil>";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kFloat:
      return "float64";
    case Kind::kString:
      return v.html ? "template.HTML" : "string";
    case Kind::kStringMap:
      return "map[string]string";
    case Kind::kData:
      return "struct { Labels map[string]string; ExternalLabels map[string]string; "
             "ExternalURL string; Value float64 }";
    case Kind::kSamples:
      return "template.queryResult";
    case Kind::kSample:
      return "*template.sample";
    case Kind::kAnyMap:
      return "map[string]interface {}";
    case Kind::kTime:
      return "*time.Time";
    case Kind::kList:
      return "[]interface {}";
  }
  return "?";
}

std::string format_float(double v, char fmt, int prec) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  bool upper = fmt == 'E' || fmt == 'G';
  char lower = upper ? static_cast<char>(fmt + ('a' - 'A')) : fmt;
  char buf[512];
  std::to_chars_result r{};
  if (lower == 'f' || lower == 'e') {
    std::chars_format cf = lower == 'f' ? std::chars_format::fixed : std::chars_format::scientific;
    r = prec < 0 ? std::to_chars(buf, buf + sizeof buf, v, cf)
                 : std::to_chars(buf, buf + sizeof buf, v, cf, prec);
    if (r.ec != std::errc{}) return "%!(BADFLOAT)";
    std::string s(buf, r.ptr);
    if (upper) {
      for (char& c : s) {
        if (c == 'e') c = 'E';
      }
    }
    return s;
  }
  // 'g': strconv's rule. The decimal digits (trailing zeros trimmed) and the exponent first.
  bool shortest = prec < 0;
  if (prec == 0) prec = 1;
  r = shortest ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific)
               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, prec - 1);
  if (r.ec != std::errc{}) return "%!(BADFLOAT)";
  std::string sci(buf, r.ptr);
  bool neg = sci[0] == '-';
  size_t epos = sci.find('e');
  int exp10 = std::atoi(sci.c_str() + epos + 1);
  std::string digits;
  for (size_t i = neg ? 1 : 0; i < epos; ++i) {
    if (sci[i] != '.') digits += sci[i];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (digits == "0") exp10 = 0;
  int nd = static_cast<int>(digits.size());
  int dp = exp10 + 1;
  if (shortest) prec = nd;
  int eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  if (shortest) eprec = 6;
  std::string out = neg ? "-" : "";
  if (exp10 < -4 || exp10 >= eprec) {
    int p = std::min(prec, nd) - 1;
    out += digits[0];
    if (p > 0) {
      out += '.';
      for (int i = 1; i <= p; ++i) out += i < nd ? digits[static_cast<size_t>(i)] : '0';
    }
    char e[16];
    std::snprintf(e, sizeof e, "%c%c%02d", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+',
                  exp10 < 0 ? -exp10 : exp10);
    return out + e;
  }
  if (prec > dp) prec = nd;
  int decimals = std::max(prec - dp, 0);
  // Integer part.
  if (dp <= 0) {
    out += '0';
  } else {
    for (int i = 0; i < dp; ++i) out += i < nd ? digits[static_cast<size_t>(i)] : '0';
  }
  if (decimals > 0) {
    out += '.';
    for (int i = 0; i < decimals; ++i) {
      int idx = dp + i;
      out += idx >= 0 && idx < nd ? digits[static_cast<size_t>(idx)] : '0';
    }
  }
  return out;
}

std::string print_value(const Value& v) {
  switch (v.kind) {
    case Kind::kNil:
      return "<no value>";
    case Kind::kBool:
      return v.b ? "true" : "false";
    case Kind::kInt:
      return std::to_string(v.i);
    case Kind::kFloat:
      return format_float(v.f, 'g', -1);
    case Kind::kString:
      return v.s;
    case Kind::kStringMap:
      return map_text(v.map);
    case Kind::kData:
      return "{" + map_text(v.data->labels) + " " + map_text(v.data->external_labels) + " " +
             v.data->external_url + " " + format_float(v.data->value, 'g', -1) + "}";
    case Kind::kSample: {
      const QuerySample& s = v.samples.front();
      return "&{" + map_text(s.labels) + " " + format_float(s.value, 'g', -1) + "}";
    }
    case Kind::kSamples: {
      std::string out = "[";
      for (size_t i = 0; i < v.samples.size(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s0x%zx", i ? " " : "", 0xc000000000 + i * 0x30);
        out += buf;  // Go prints pointers; their values are arbitrary
      }
      return out + "]";
    }
    case Kind::kAnyMap: {
      std::string s = "map[";
      bool first = true;
      for (const auto& [k, x] : v.any) {
        if (!first) s += " ";
        first = false;
        s += k + ":" + print_value(x);
      }
      return s + "]";
    }
    case Kind::kTime:
      return v.s;
    case Kind::kList: {
      std::string s = "[";
      for (size_t i = 0; i < v.list.size(); ++i) s += (i ? " " : "") + print_value(v.list[i]);
      return s + "]";
    }
  }
  return "";
}

bool truth(const Value& v) {
  switch (v.kind) {
    case Kind::kNil:
      return false;
    case Kind::kBool:
      return v.b;
    case Kind::kInt:
      return v.i != 0;
    case Kind::kFloat:
      return v.f != 0;
    case Kind::kString:
      return !v.s.empty();
    case Kind::kStringMap:
      return !v.map.empty();
    case Kind::kSamples:
      return !v.samples.empty();
    case Kind::kAnyMap:
      return !v.any.empty();
    case Kind::kList:
      return !v.list.empty();
    default:
      return true;
  }
}

std::string go_sprintf(std::string_view format, const std::vector<Value>& args) {
  std::string out;
  size_t argi = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%') {
      out += c;
      continue;
    }
    Spec sp;
    ++i;
    for (; i < format.size(); ++i) {
      char f = format[i];
      if (f == '-')
        sp.minus = true;
      else if (f == '+')
        sp.plus = true;
      else if (f == '0')
        sp.zero = true;
      else if (f == ' ')
        sp.space = true;
      else if (f == '#')
        sp.sharp = true;
      else
        break;
    }
    auto read_int = [&](int& target) {
      if (i < format.size() && format[i] == '*') {
        ++i;
        if (argi < args.size() && args[argi].kind == Kind::kInt) {
          target = static_cast<int>(args[argi].i);
        } else {
          out += "%!(BADWIDTH)";
        }
        ++argi;
        return;
      }
      int n = -1;
      while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
        n = (n < 0 ? 0 : n * 10) + (format[i] - '0');
        if (n > 1000000) n = 1000000;
        ++i;
      }
      target = n;
    };
    read_int(sp.width);
    if (i < format.size() && format[i] == '.') {
      ++i;
      read_int(sp.prec);
      if (sp.prec < 0) sp.prec = 0;
    }
    if (i >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    char verb = format[i];
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (argi >= args.size()) {
      out += std::string("%!") + verb + "(MISSING)";
      continue;
    }
    out += format_one(verb, sp, args[argi++]);
  }
  if (argi < args.size()) {
    out += "%!(EXTRA ";
    for (size_t j = argi; j < args.size(); ++j) {
      if (j > argi) out += ", ";
      out += type_name(args[j]) + "=" + print_value(args[j]);
    }
    out += ")";
  }
  return out;
}

std::string go_sprint(const std::vector<Value>& args) {
  // fmt.Sprint adds a space between operands when neither is a string.
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0 && args[i].kind != Kind::kString && args[i - 1].kind != Kind::kString) out += " ";
    out += args[i].kind == Kind::kNil ? "<nil>" : print_value(args[i]);
  }
  return out;
}

std::string go_sprintln(const std::vector<Value>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += " ";
    out += args[i].kind == Kind::kNil ? "<nil>" : print_value(args[i]);
  }
  return out + "\n";
}

}  // namespace caxtool::gotemplate::detail::exec
