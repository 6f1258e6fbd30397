// SPDX-License-Identifier: Apache-2.0
// One walker for every block of prometheus.yml. yaml.v2 resolves plain scalars with YAML 1.1
// rules (yes/no/on/off are booleans, 0x1f is an int), and Prometheus decodes durations, sizes
// and label names with their own UnmarshalYAML; each is mirrored here with promtool's words.
#include "promconfig/decode.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "util/duration.h"
#include "util/strings.h"

namespace caxtool::promconfig {
namespace {

std::string_view tag_of(const yaml::Node& n) {
  if (n.is_sequence()) return "!!seq";
  if (n.is_mapping()) return "!!map";
  return "!!str";
}

bool is_yaml11_bool(std::string_view v) {
  static constexpr std::string_view kBools[] = {
      "y",    "Y",    "yes",   "Yes",   "YES",   "n",  "N",  "no", "No",  "NO",  "true",
      "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"};
  for (std::string_view b : kBools) {
    if (v == b) return true;
  }
  return false;
}

// yaml.v2's int resolution: optional sign, then decimal, 0x hex, 0o/0 octal or 0b binary,
// with underscores allowed between digits.
bool is_yaml_int(std::string_view v, bool allow_negative) {
  if (v.empty()) return false;
  if (v[0] == '-' || v[0] == '+') {
    if (v[0] == '-' && !allow_negative) return false;
    v.remove_prefix(1);
  }
  if (v.empty()) return false;
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) {
    base = 16;
    v.remove_prefix(2);
  } else if (v.size() > 2 && v[0] == '0' && (v[1] == 'b' || v[1] == 'o')) {
    base = v[1] == 'b' ? 2 : 8;
    v.remove_prefix(2);
  }
  bool digit = false;
  for (char c : v) {
    if (c == '_') continue;
    bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                         : c >= '0' && c < static_cast<char>('0' + (base > 10 ? 10 : base));
    if (!ok) return false;
    digit = true;
  }
  return digit;
}

bool is_yaml_float(std::string_view v) {
  if (is_yaml_int(v, true)) return true;
  if (v == ".inf" || v == "-.inf" || v == "+.inf" || v == ".nan" || v == ".NaN" || v == ".Inf") {
    return true;
  }
  size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  bool digits = false, dot = false;
  for (; i < v.size(); ++i) {
    char c = v[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits) {
      ++i;
      if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
      if (i >= v.size()) return false;
      for (; i < v.size(); ++i) {
        if (v[i] < '0' || v[i] > '9') return false;
      }
      return true;
    } else {
      return false;
    }
  }
  return digits;
}

// A scalar's bytes as yaml.v2 hands them over: a !!binary scalar is base64-decoded.
std::string scalar_bytes(const yaml::Node& n) {
  if (n.tag != "!!binary" && n.tag != "tag:yaml.org,2002:binary") return n.value;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : n.value) {
    int v = c >= 'A' && c <= 'Z'   ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+'             ? 62
            : c == '/'             ? 63
                                   : -1;
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xffu);
    }
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n;
  }
  return true;
}

void cannot_unmarshal(const yaml::Node& n, std::string_view into, Context& ctx) {
  std::string what(tag_of(n));
  if (n.is_scalar()) {
    bool number = !n.is_quoted() && is_yaml_float(n.value);
    bool boolean = !n.is_quoted() && is_yaml11_bool(n.value);
    what = std::string(number    ? (is_yaml_int(n.value, true) ? "!!int" : "!!float")
                       : boolean ? "!!bool"
                                 : "!!str") +
           " `" + n.value + "`";
  }
  ctx.error(n, "cannot unmarshal " + what + " into " + std::string(into), "config/type");
}

bool decode_scalar(const yaml::Node& n, Kind kind, Context& ctx) {
  if (!n.is_scalar()) {
    cannot_unmarshal(n, go_type_of(kind), ctx);
    return false;
  }
  if (n.is_null()) return true;
  const std::string& v = n.value;
  switch (kind) {
    case Kind::kBool:
      if (n.is_quoted() || !is_yaml11_bool(v)) {
        cannot_unmarshal(n, "bool", ctx);
        return false;
      }
      return true;
    case Kind::kInt:
    case Kind::kUint:
      if (n.is_quoted() || !is_yaml_int(v, kind == Kind::kInt)) {
        cannot_unmarshal(n, go_type_of(kind), ctx);
        return false;
      }
      return true;
    case Kind::kFloat:
      if (n.is_quoted() || !is_yaml_float(v)) {
        cannot_unmarshal(n, "float64", ctx);
        return false;
      }
      return true;
    case Kind::kDuration:
      if (v.empty()) {
        ctx.error(n, "empty duration string", "config/duration");
        return false;
      }
      if (!util::parse_duration_ms(v)) {
        ctx.error(n, "not a valid duration string: " + quote(v), "config/duration",
                  "a duration is digits and units y w d h m s ms, largest first, e.g. 1m30s");
        return false;
      }
      return true;
    case Kind::kBytes:
      if (!parse_base2_bytes(v)) {
        ctx.error(n, "units: unknown unit in " + v, "config/size",
                  "a size needs a unit: B, KB, MB, GB, TB, PB, EB (1024-based), e.g. 512MB");
        return false;
      }
      return true;
    default:
      return true;
  }
}

bool decode_list(const yaml::Node& n, Kind kind, Context& ctx) {
  if (n.is_null()) return true;
  if (!n.is_sequence()) {
    cannot_unmarshal(n, kind == Kind::kLabelNames ? "model.LabelNames" : "[]string", ctx);
    return false;
  }
  bool ok = true;
  for (const yaml::Node& item : n.children) {
    if (!item.is_scalar()) {
      cannot_unmarshal(item, "string", ctx);
      ok = false;
    } else if (kind == Kind::kLabelNames && !is_label_name(item.value)) {
      ctx.error(item, quote(item.value) + " is not a valid label name", "config/label-name");
      ok = false;
    }
  }
  return ok;
}

bool decode_map(const yaml::Node& n, Kind kind, Context& ctx) {
  if (n.is_null()) return true;
  if (!n.is_mapping()) {
    cannot_unmarshal(n, kind == Kind::kLabels ? "model.LabelSet" : "map[string]string", ctx);
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < n.entry_count(); ++i) {
    const yaml::Node& k = n.key(i);
    const yaml::Node& v = n.val(i);
    if (!k.is_scalar()) {
      cannot_unmarshal(k, "string", ctx);
      ok = false;
      continue;
    }
    if (kind == Kind::kLabels && !is_label_name(k.value)) {
      ctx.error(k, quote(k.value) + " is not a valid label name", "config/label-name");
      ok = false;
    }
    if (kind == Kind::kLabels && v.is_scalar() && !valid_utf8(scalar_bytes(v))) {
      ctx.error(v, quote(scalar_bytes(v)) + " is not a valid label value", "config/label-value");
      ok = false;
    }
    if (kind == Kind::kStringLists) {
      ok = decode_list(v, Kind::kStrings, ctx) && ok;
    } else if (!v.is_scalar()) {
      cannot_unmarshal(v, kind == Kind::kLabels ? "model.LabelValue" : "string", ctx);
      ok = false;
    }
  }
  return ok;
}

bool decode_value(const yaml::Node& n, const Field& f, Context& ctx) {
  switch (f.kind) {
    case Kind::kStrings:
    case Kind::kLabelNames:
      return decode_list(n, f.kind, ctx);
    case Kind::kLabels:
    case Kind::kStringMap:
    case Kind::kStringLists:
      return decode_map(n, f.kind, ctx);
    case Kind::kObject:
      return decode(n, *f.sub, ctx);
    case Kind::kObjects: {
      if (n.is_null()) return true;
      if (!n.is_sequence()) {
        cannot_unmarshal(n, "[]" + std::string(f.sub->go_type), ctx);
        return false;
      }
      bool ok = true;
      for (const yaml::Node& item : n.children) {
        if (item.is_taken()) continue;  // checked as it was parsed
        if (item.is_null() && !f.null_item.empty()) {
          ctx.error(item, std::string(f.null_item), "config/invalid");
          ok = false;
          continue;
        }
        ok = decode(item, *f.sub, ctx) && ok;
      }
      return ok;
    }
    case Kind::kAny:
      return true;
    default:
      return decode_scalar(n, f.kind, ctx);
  }
}

const Field* find_field(const Schema& s, std::string_view key, bool& too_new) {
  for (const Field& f : s.fields) {
    if (f.name == key) return &f;
  }
  for (const Schema* in : s.inlined) {
    if (const Field* f = find_field(*in, key, too_new)) return f;
  }
  return nullptr;
}

void collect_names(const Schema& s, const Context& ctx, std::vector<std::string_view>& out) {
  for (const Field& f : s.fields) {
    if (ctx.version() >= f.since && ctx.version() < f.until) out.push_back(f.name);
  }
  for (const Schema* in : s.inlined) collect_names(*in, ctx, out);
}

void run_validators(const yaml::Node& n, const Schema& s, Context& ctx) {
  for (const Schema* in : s.inlined) run_validators(n, *in, ctx);
  if (s.validate != nullptr) s.validate(n, ctx);
}

}  // namespace

std::string_view go_type_of(Kind kind) {
  switch (kind) {
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kUint:
      return "uint";
    case Kind::kFloat:
      return "float64";
    case Kind::kDuration:
      return "model.Duration";
    case Kind::kBytes:
      return "units.Base2Bytes";
    default:
      return "string";
  }
}

bool decode(const yaml::Node& n, const Schema& schema, Context& ctx) {
  if (n.is_null() || n.is_taken()) return true;
  if (!n.is_mapping()) {
    cannot_unmarshal(n, schema.go_type, ctx);
    return false;
  }
  size_t before = ctx.error_count();
  for (size_t i = 0; i < n.entry_count(); ++i) {
    const yaml::Node& k = n.key(i);
    const yaml::Node& v = n.val(i);
    if (!k.is_scalar()) {
      cannot_unmarshal(k, "string", ctx);
      continue;
    }
    bool too_new = false;
    const Field* f = find_field(schema, k.value, too_new);
    Field sd_field("");
    if (f == nullptr && schema.service_discovery) {
      if (k.value == "static_configs") {
        sd_field = Field("static_configs", Kind::kObjects, &static_config_schema(), {2, 42},
                         {99, 0}, "empty or null section in static_configs");
        f = &sd_field;
      } else if (const Discovery* d = find_discovery(k.value)) {
        sd_field = Field(k.value, Kind::kObjects, d->schema, d->since);
        f = &sd_field;
      }
    }
    if (f != nullptr && (ctx.version() < f->since || ctx.version() >= f->until)) {
      std::string when = ctx.version() < f->since
                             ? "it was added in Prometheus " + std::to_string(f->since.major) +
                                   "." + std::to_string(f->since.minor)
                             : "it was removed in Prometheus " + std::to_string(f->until.major) +
                                   "." + std::to_string(f->until.minor);
      ctx.error(k, "field " + k.value + " not found in type " + std::string(schema.go_type),
                "config/unknown-field", when + "; see --prometheus-version");
      continue;
    }
    if (f == nullptr) {
      std::vector<std::string_view> names;
      collect_names(schema, ctx, names);
      std::string guess = util::closest_match(k.value, names);
      ctx.error(k, "field " + k.value + " not found in type " + std::string(schema.go_type),
                "config/unknown-field", guess.empty() ? "" : "did you mean '" + guess + "'?");
      continue;
    }
    if (f == &sd_field && sd_field.null_item.empty()) {
      std::string null_item = "empty or null section in " + k.value;
      sd_field.null_item = null_item;
      decode_value(v, sd_field, ctx);
      continue;
    }
    decode_value(v, *f, ctx);
  }
  if (ctx.error_count() != before) return false;
  run_validators(n, schema, ctx);
  return ctx.error_count() == before;
}

std::optional<uint64_t> parse_base2_bytes(std::string_view s) {
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  struct Unit {
    std::string_view name;
    double factor;
  };
  static constexpr Unit kUnits[] = {{"B", 1.0},
                                    {"KB", 1024.0},
                                    {"MB", 1048576.0},
                                    {"GB", 1073741824.0},
                                    {"TB", 1099511627776.0},
                                    {"PB", 1125899906842624.0},
                                    {"EB", 1152921504606846976.0},
                                    {"KiB", 1024.0},
                                    {"MiB", 1048576.0},
                                    {"GiB", 1073741824.0},
                                    {"TiB", 1099511627776.0},
                                    {"PiB", 1125899906842624.0},
                                    {"EiB", 1152921504606846976.0}};
  double total = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
    std::string digits(s.substr(start, i - start));
    if (i == start || digits.find('.') != digits.rfind('.') || digits == ".") return std::nullopt;
    double number = std::strtod(digits.c_str(), nullptr);
    size_t ustart = i;
    while (i < s.size() && !((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
    std::string_view unit = s.substr(ustart, i - ustart);
    const Unit* found = nullptr;
    for (const Unit& u : kUnits) {
      if (u.name == unit) found = &u;
    }
    if (found == nullptr) return std::nullopt;
    total += number * found->factor;
  }
  return static_cast<uint64_t>(total);
}

}  // namespace caxtool::promconfig
