// SPDX-License-Identifier: Apache-2.0
// The rule-group loader. Its rules for types follow what yaml.v3 does when Prometheus decodes
// into rulefmt's structs: any scalar fits a string, null is the zero value and never an error,
// `record`/`alert`/`expr` are raw nodes (a mapping there is just an empty value), durations are
// strings parsed by prometheus/common, and an unknown key is an error.
#include "rules/load.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "util/duration.h"
#include "util/strings.h"

namespace caxtool::rules {
namespace {

using yaml::Node;

constexpr promql::Version k2_53{2, 53};
constexpr promql::Version k3_0{3, 0};

class Loader {
 public:
  Loader(const LoadContext& ctx, diag::Diagnostics& diags) : ctx_(ctx), diags_(diags) {}

  Group group(const Node& node) {
    Group g;
    g.start = node.start;
    if (!node.is_mapping()) {
      type_error(node, "a rule group must be a mapping, got a " + std::string(node.kind_name()));
      return g;
    }
    for (size_t i = 0; i < node.entry_count(); ++i) {
      const Node& k = node.key(i);
      const Node& v = node.val(i);
      const std::string& key = k.value;
      if (key == "name") {
        g.name = string_value(v, "name");
      } else if (key == "interval") {
        g.interval = duration_value(v, "interval");
      } else if (key == "limit") {
        g.limit = int_value(v, "limit");
      } else if (key == "query_offset" && allows(k2_53, k)) {
        g.query_offset = duration_value(v, "query_offset");
      } else if (key == "labels" && allows(k3_0, k)) {
        g.labels = string_map(v, "labels");
      } else if (key == "rules") {
        rules(v, g);
      } else if (ctx_.prometheus_rule && key == "partial_response_strategy") {
        string_value(v, key);  // Thanos, allowed by the PrometheusRule CRD
      } else if (!version_gated_) {
        unknown_key(k, "rule group",
                    {"name", "interval", "limit", "query_offset", "labels", "rules"});
      }
      version_gated_ = false;
    }
    return g;
  }

 private:
  // yaml.v3 resolves explicitly tagged scalars and refuses `!!int recording` and the like.
  void check_tags(const Node& n) {
    if (n.is_scalar() && !n.tag.empty() && !n.is_taken()) {
      const std::string& t = n.tag;
      bool ok = true;
      if (t == "!!int") {
        ok = parse_yaml_int(n.value) && n.value.find('.') == std::string::npos;
      } else if (t == "!!float") {
        ok =
            parse_yaml_int(n.value) || n.value == ".inf" || n.value == "-.inf" || n.value == ".nan";
      } else if (t == "!!bool") {
        ok = n.value == "true" || n.value == "false" || n.value == "True" || n.value == "False" ||
             n.value == "TRUE" || n.value == "FALSE";
      } else if (t == "!!null") {
        ok = n.value.empty() || n.value == "~" || n.value == "null" || n.value == "Null" ||
             n.value == "NULL";
      } else if (t == "!!map" || t == "!!seq") {
        ok = false;
      } else if (t == "!!binary") {
        ok = base64_decode(n.value).has_value();
      }
      if (!ok) type_error(n, "cannot decode " + t + " `" + n.value + "`");
    }
    for (const Node& c : n.children) check_tags(c);
  }

  // Keys added in later versions: known, but an error for an older target.
  bool allows(promql::Version since, const Node& k) {
    if (ctx_.version >= since) return true;
    error(k, "rules/syntax",
          "field " + k.value + " needs Prometheus " + std::to_string(since.major) + "." +
              std::to_string(since.minor) + " or later (checking for " +
              std::to_string(ctx_.version.major) + "." + std::to_string(ctx_.version.minor) + ")",
          "set --prometheus-version to the version you run");
    version_gated_ = true;
    return false;
  }

  void rules(const Node& v, Group& g) {
    if (v.is_null()) return;
    if (!v.is_sequence()) {
      type_error(v, "rules must be a list, got a " + std::string(v.kind_name()));
      return;
    }
    int index = 0;
    g.rules.reserve(v.children.size());
    for (const Node& item : v.children) {
      if (item.is_null()) continue;  // yaml.v3 drops null list items
      Rule r;
      r.index = ++index;
      r.start = item.start;
      if (item.is_mapping()) {
        rule(item, r);
      } else {
        type_error(item, "a rule must be a mapping, got a " + std::string(item.kind_name()));
      }
      g.rules.push_back(std::move(r));
    }
  }

  void rule(const Node& node, Rule& r) {
    for (size_t i = 0; i < node.entry_count(); ++i) {
      const Node& k = node.key(i);
      const Node& v = node.val(i);
      const std::string& key = k.value;
      if (key == "record") {
        r.record = raw(v);
      } else if (key == "alert") {
        r.alert = raw(v);
      } else if (key == "expr") {
        r.expr = raw(v);
      } else if (key == "for") {
        r.for_ = duration_value(v, "for");
      } else if (key == "keep_firing_for") {
        r.keep_firing_for = duration_value(v, "keep_firing_for");
      } else if (key == "labels") {
        r.labels = string_map(v, "labels");
        r.labels_present = !v.is_null();
      } else if (key == "annotations") {
        r.annotations = string_map(v, "annotations");
        r.annotations_present = !v.is_null();
      } else {
        unknown_key(k, "rule",
                    {"record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"});
      }
    }
  }

  static Text text_of(const Node& v) {
    Text t;
    t.present = true;
    t.start = v.start;
    t.end = v.end;
    t.style = v.style;
    t.node = &v;
    if (v.is_scalar())
      t.value = v.tag == "!!binary" ? base64_decode(v.value).value_or("") : v.value;
    return t;
  }

  // !!binary scalars decode to their bytes when read as strings, as in yaml.v3.
  static std::optional<std::string> base64_decode(std::string_view in) {
    std::string out;
    uint32_t buf = 0;
    int bits = 0, pad = 0;
    for (char c : in) {
      int v;
      if (c >= 'A' && c <= 'Z') {
        v = c - 'A';
      } else if (c >= 'a' && c <= 'z') {
        v = c - 'a' + 26;
      } else if (c >= '0' && c <= '9') {
        v = c - '0' + 52;
      } else if (c == '+') {
        v = 62;
      } else if (c == '/') {
        v = 63;
      } else if (c == '=') {
        ++pad;
        continue;
      } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      } else {
        return std::nullopt;
      }
      if (pad > 0) return std::nullopt;
      buf = (buf << 6) | static_cast<uint32_t>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((buf >> bits) & 0xFF);
      }
    }
    if (pad > 2 || (bits >= 6)) return std::nullopt;
    return out;
  }

  // yaml.Node fields: any node; its Value is the scalar's text, empty for a collection, and
  // for an alias the anchor's name (yaml.v3 keeps aliases unresolved there).
  static Text raw(const Node& v) {
    Text t = text_of(v);
    t.value = !v.alias.empty() ? v.alias : v.is_scalar() ? v.value : std::string();  // not decoded
    return t;
  }

  Text string_value(const Node& v, std::string_view key) {
    check_tags(v);
    Text t = text_of(v);
    if (!v.is_scalar()) {
      type_error(v, std::string(key) + " must be a string, got a " + std::string(v.kind_name()));
      t.value.clear();
    } else if (v.is_null()) {
      t.value.clear();
    }
    return t;
  }

  Text duration_value(const Node& v, std::string_view key) {
    Text t = string_value(v, key);
    if (!v.is_scalar() || v.is_null()) return t;
    auto ms = util::parse_duration_ms(t.value);
    // model.Duration is a time.Duration: int64 nanoseconds, about 292 years.
    constexpr int64_t kMaxMs = INT64_MAX / 1'000'000;
    if (!ms) {
      error(v, "rules/syntax",
            std::string(key) + ": not a valid duration string: \"" + t.value + "\"",
            "durations are like 30s, 5m, 1h30m: units y, w, d, h, m, s, ms, largest first");
    } else if (*ms > kMaxMs) {
      error(v, "rules/syntax", std::string(key) + ": duration out of range: \"" + t.value + "\"",
            "a duration is at most about 292 years");
    }
    return t;
  }

  // An int as yaml.v3 takes it: a plain integer (decimal, 0x, 0o, 0b), or a float it truncates.
  Text int_value(const Node& v, std::string_view key) {
    check_tags(v);
    Text t = text_of(v);
    if (v.is_null()) {
      t.value.clear();
      return t;
    }
    bool ok = v.is_scalar() && !v.is_quoted() && parse_yaml_int(v.value);
    if (!ok) {
      type_error(v,
                 std::string(key) + " must be an integer, got " +
                     (v.is_scalar() ? "\"" + v.value + "\"" : "a " + std::string(v.kind_name())));
    }
    return t;
  }

  static bool parse_yaml_int(std::string_view s) {
    // A leading underscore makes a string, not a number.
    size_t first = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (first >= s.size() ||
        !(std::isdigit(static_cast<unsigned char>(s[first])) || s[first] == '.')) {
      return false;
    }
    std::string clean;
    for (char c : s) {
      if (c != '_') clean += c;
    }
    std::string_view d = clean;
    if (!d.empty() && d[0] == '+') d.remove_prefix(1);
    bool negative = !d.empty() && d[0] == '-';
    int base = 10;
    std::string_view digits = negative ? d.substr(1) : d;
    if (digits.size() > 2 && digits[0] == '0' &&
        (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b')) {
      base = digits[1] == 'x' ? 16 : digits[1] == 'o' ? 8 : 2;
      if (negative) return false;
      d = digits.substr(2);
    }
    int64_t iv = 0;
    auto [p, ec] = std::from_chars(d.data(), d.data() + d.size(), iv, base);
    if (ec == std::errc() && p == d.data() + d.size() && !d.empty()) return true;
    if (base != 10) return false;
    double fv = 0;
    auto [fp, fec] = std::from_chars(d.data(), d.data() + d.size(), fv);
    // yaml.v3 takes a float into an int when it converts (-2^63 <= f < 2^63).
    return fec == std::errc() && fp == d.data() + d.size() && std::isfinite(fv) &&
           fv >= -9223372036854775808.0 && fv < 9223372036854775808.0;
  }

  std::vector<Entry> string_map(const Node& v, std::string_view key) {
    check_tags(v);
    std::vector<Entry> out;
    if (v.is_null()) return out;
    if (!v.is_mapping()) {
      type_error(v, std::string(key) + " must be a mapping of names to strings, got a " +
                        std::string(v.kind_name()));
      return out;
    }
    for (size_t i = 0; i < v.entry_count(); ++i) {
      const Node& k = v.key(i);
      const Node& val = v.val(i);
      if (!k.is_scalar()) {
        type_error(k, std::string(key) + ": names must be strings");
        continue;
      }
      if (!val.is_scalar()) {
        type_error(val, std::string(key) + ": the value of " + k.value +
                            " must be a string, got a " + std::string(val.kind_name()));
        continue;
      }
      // yaml.v3 cannot decode null into a string key and skips the entry.
      if (k.is_null()) continue;
      Entry e{text_of(k), text_of(val)};
      if (val.is_null()) e.value.value.clear();
      out.push_back(std::move(e));
    }
    return out;
  }

  void unknown_key(const Node& k, std::string_view where,
                   std::initializer_list<std::string_view> known) {
    std::string list;
    for (std::string_view n : known) list += (list.empty() ? "" : ", ") + std::string(n);
    std::vector<std::string_view> names(known);
    std::string guess = util::closest_match(k.value, names);
    error(k, "rules/syntax", "unknown field \"" + k.value + "\" in " + std::string(where),
          guess.empty() ? "a " + std::string(where) + " has " + list
                        : "did you mean \"" + guess + "\"?");
  }

  void type_error(const Node& n, std::string message) {
    error(n, "rules/syntax", std::move(message), "");
  }

  void error(const Node& n, std::string check, std::string message, std::string hint) {
    diag::Diagnostic d;
    d.file = ctx_.file;
    d.line = n.start.line;
    d.column = n.start.column;
    d.end_line = n.end.line;
    d.end_column = n.end.column;
    d.check = std::move(check);
    d.message = std::move(message);
    d.hint = std::move(hint);
    diags_.add(std::move(d));
  }

  const LoadContext& ctx_;
  diag::Diagnostics& diags_;
  bool version_gated_ = false;
};

}  // namespace

Group load_group(const yaml::Node& node, const LoadContext& ctx, diag::Diagnostics& diags) {
  return Loader(ctx, diags).group(node);
}

}  // namespace caxtool::rules
