// SPDX-License-Identifier: Apache-2.0
// Values loading in three phases — check each source against the schema, merge, then check
// what spans keys (port clashes, ranges) — so every problem in one run is reported at once, at
// the line and column where the user wrote it, before anything is rendered.
#include "generate/values.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "generate/embedded.h"
#include "generate/values_schema.h"
#include "util/duration.h"
#include "util/strings.h"

namespace caxtool::generate {
namespace {

using nlohmann::json;
using yaml::Node;

// A value inside a one-line message: quoted, with newlines and controls escaped.
std::string in_quotes(std::string_view s) {
  return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

bool is_host(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  if (s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);  // IPv6 literal
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == ':' || c == '_';
  });
}

std::optional<int64_t> parse_int(std::string_view s) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

bool is_env_ref(std::string_view s) {
  constexpr std::string_view kOpen = "${env:";
  if (s.size() <= kOpen.size() + 1 || s.substr(0, kOpen.size()) != kOpen || s.back() != '}') {
    return false;
  }
  std::string_view name = s.substr(kOpen.size(), s.size() - kOpen.size() - 1);
  return util::is_label_name(name);  // same character set as a POSIX env var name
}

// Checks one source (a file, or one --set) against the schema and converts it to JSON.
class Checker {
 public:
  Checker(std::string file, std::string set_arg, diag::Diagnostics& diags,
          std::map<std::string, Origin>& origins)
      : file_(std::move(file)), set_arg_(std::move(set_arg)), diags_(diags), origins_(origins) {}

  // Converts `node`, the value at `path` (whose schema entry is `spec`), to JSON.
  std::optional<json> convert(const Node& node, const std::string& path, const FieldSpec& spec) {
    origins_[path] = Origin{file_, node.start, node.end, set_arg_};
    if (spec.type == ValueType::kObject) return convert_object(node, path);
    if (spec.type == ValueType::kLabelMap) return convert_label_map(node, path);
    if (spec.type == ValueType::kLabelNames) return convert_label_names(node, path, spec);
    if (!node.is_scalar()) {
      return fail(node, path, spec,
                  "expected " + describe_type(spec) + ", got a " + std::string(node.kind_name()));
    }
    if (node.is_null()) {
      return fail(node, path, spec, "expected " + describe_type(spec) + ", got nothing");
    }
    return convert_scalar(node, path, spec);
  }

  std::optional<json> convert_object(const Node& node, const std::string& path) {
    if (node.is_null()) return json::object();
    if (!node.is_mapping()) {
      error(node, "values/type",
            label(path) + "expected a mapping, got a " + std::string(node.kind_name()), "");
      return std::nullopt;
    }
    json out = json::object();
    bool ok = true;
    for (size_t i = 0; i < node.entry_count(); ++i) {
      const Node& k = node.key(i);
      if (!k.is_scalar() || k.is_null()) {
        error(k, "values/type", "keys must be strings", "");
        ok = false;
        continue;
      }
      std::string child = path.empty() ? k.value : path + "." + k.value;
      const FieldSpec* spec = find_field(child);
      if (spec == nullptr) {
        unknown_key(k, path);
        ok = false;
        continue;
      }
      current_key_ = &k;
      auto v = convert(node.val(i), child, *spec);
      current_key_ = nullptr;
      if (!v) {
        ok = false;
        continue;
      }
      out[k.value] = std::move(*v);
    }
    if (!ok) return std::nullopt;
    return out;
  }

  void unknown_key(const Node& k, const std::string& parent) {
    std::vector<std::string_view> siblings;
    for (const FieldSpec& f : values_schema()) {
      std::string_view p = f.path;
      size_t dot = p.rfind('.');
      std::string_view f_parent = dot == std::string_view::npos ? "" : p.substr(0, dot);
      if (f_parent == parent)
        siblings.push_back(p.substr(dot == std::string_view::npos ? 0 : dot + 1));
    }
    std::string guess = util::closest_match(k.value, siblings);
    std::string hint;
    if (!guess.empty()) {
      hint = "did you mean " + in_quotes(guess) + "?";
    } else {
      hint = "valid keys";
      hint += parent.empty() ? ": " : " in " + parent + ": ";
      for (size_t i = 0; i < siblings.size(); ++i)
        hint += (i ? ", " : "") + std::string(siblings[i]);
    }
    std::string where = parent.empty() ? "" : " in " + parent;
    error(k, "values/unknown-key", "unknown key " + in_quotes(k.value) + where, hint);
  }

  std::optional<json> convert_label_map(const Node& node, const std::string& path) {
    if (node.is_null()) return json::object();
    if (!node.is_mapping()) {
      error(node, "values/type",
            label(path) + "expected a mapping of label names to strings, got a " +
                std::string(node.kind_name()),
            "");
      return std::nullopt;
    }
    json out = json::object();
    bool ok = true;
    for (size_t i = 0; i < node.entry_count(); ++i) {
      const Node& k = node.key(i);
      const Node& v = node.val(i);
      std::string child = path + "." + k.value;
      ok = check_label_name(k, child) && ok;
      if (path == "identity.externalLabels" && (k.value == "service" || k.value == "environment")) {
        error(k, "values/conflict",
              label(child) + "the " + in_quotes(k.value) + " external label comes from identity." +
                  k.value,
              "set identity." + k.value + " instead");
        ok = false;
        continue;
      }
      if (!v.is_scalar() || v.is_null()) {
        error(v, "values/type", label(child) + "expected a string label value", "");
        ok = false;
        continue;
      }
      if (!valid_utf8(v.value)) {
        error(v, "values/type", label(child) + "label values must be valid UTF-8", "");
        ok = false;
        continue;
      }
      origins_[child] = Origin{file_, v.start, v.end, set_arg_};
      out[k.value] = v.value;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<json> convert_label_names(const Node& node, const std::string& path,
                                          const FieldSpec& spec) {
    if (!node.is_sequence()) {
      return fail(node, path, spec,
                  "expected a list of label names, got a " + std::string(node.kind_name()));
    }
    json out = json::array();
    bool ok = true;
    for (const Node& item : node.children) {
      if (!item.is_scalar() || item.is_null()) {
        error(item, "values/type", label(path) + "expected a label name", "");
        ok = false;
        continue;
      }
      ok = check_label_name(item, path) && ok;
      out.push_back(item.value);
    }
    if (!ok) return std::nullopt;
    return out;
  }

  bool check_label_name(const Node& n, const std::string& path) {
    if (is_forbidden_label(n.value)) {
      error(n, "values/forbidden-label",
            label(path) + "label " + in_quotes(n.value) +
                " is forbidden: its values are unbounded, so every new one makes new series",
            "keep per-request IDs on spans and logs, or attach them to latency histograms as "
            "exemplars, never as metric labels");
      return false;
    }
    if (!util::is_label_name(n.value)) {
      error(n, "values/type", label(path) + in_quotes(n.value) + " is not a valid label name",
            "label names match [a-zA-Z_][a-zA-Z0-9_]*");
      return false;
    }
    if (n.value.rfind("__", 0) == 0) {
      error(n, "values/type",
            label(path) + "label names starting with \"__\" are reserved for Prometheus", "");
      return false;
    }
    return true;
  }

  std::optional<json> convert_scalar(const Node& node, const std::string& path,
                                     const FieldSpec& spec) {
    const std::string& s = node.value;
    auto bad = [&](std::string why = "") {
      std::string msg = "expected " + describe_type(spec) + ", got " + shown(node);
      if (!why.empty()) msg += ": " + why;
      return fail(node, path, spec, msg);
    };
    if (!valid_utf8(s)) return fail(node, path, spec, "the value is not valid UTF-8");
    switch (spec.type) {
      case ValueType::kString:
      case ValueType::kLabelValue:
        return json(s);
      case ValueType::kApiVersion:
        if (s != "caxtool/v1") {
          return fail(node, path, spec,
                      "unsupported apiVersion " + in_quotes(s) + "; this caxtool reads caxtool/v1");
        }
        return json(s);
      case ValueType::kHost:
        if (!is_host(s)) return bad();
        return json(s);
      case ValueType::kHostPort: {
        size_t colon = s.rfind(':');
        if (colon == std::string::npos || !is_host(s.substr(0, colon))) return bad();
        auto port = parse_int(std::string_view(s).substr(colon + 1));
        if (!port || *port < 1 || *port > 65535) return bad();
        return json(s);
      }
      case ValueType::kPort:
      case ValueType::kInt: {
        double lo = spec.type == ValueType::kPort ? 1 : spec.min;
        double hi = spec.type == ValueType::kPort ? 65535 : spec.max;
        auto v = node.is_quoted() ? std::nullopt : parse_int(s);
        if (!v) return bad();
        if (static_cast<double>(*v) < lo || static_cast<double>(*v) > hi)
          return bad("out of range");
        return json(*v);
      }
      case ValueType::kNumber: {
        auto v = node.is_quoted() ? std::nullopt : parse_number(s);
        if (!v) return bad();
        bool low = spec.min_exclusive ? *v <= spec.min : *v < spec.min;
        bool high = spec.max_exclusive ? *v >= spec.max : *v > spec.max;
        if (low || high) return bad("out of range");
        return json(*v);
      }
      case ValueType::kBool:
        if (!node.is_quoted() && (s == "true" || s == "True" || s == "TRUE")) return json(true);
        if (!node.is_quoted() && (s == "false" || s == "False" || s == "FALSE")) return json(false);
        return bad();
      case ValueType::kDuration: {
        auto ms = util::parse_duration_ms(s);
        if (!ms) return bad("units are y, w, d, h, m, s, ms, largest first");
        if (static_cast<double>(*ms) < spec.min) return bad("too short");
        if (spec.max > 0 && static_cast<double>(*ms) > spec.max) return bad("too long");
        return json(s);
      }
      case ValueType::kSize:
        if (!util::parse_size_bytes(s)) return bad();
        return json(s);
      case ValueType::kEnum: {
        std::string_view c = spec.choices;
        while (!c.empty()) {
          size_t bar = c.find('|');
          if (c.substr(0, bar) == s) return json(s);
          c = bar == std::string_view::npos ? std::string_view() : c.substr(bar + 1);
        }
        return bad();
      }
      case ValueType::kVersion: {
        size_t dot = s.find('.');
        if (dot == std::string::npos) return bad();
        auto major = parse_int(std::string_view(s).substr(0, dot));
        auto minor = parse_int(std::string_view(s).substr(dot + 1));
        if (!major || !minor || *major < 2 || *major > 9 || *minor < 0 || *minor > 999)
          return bad();
        return json(s);
      }
      case ValueType::kUrlPath:
        if (s.empty() || s[0] != '/' || s.find_first_of(" \t\n\"#?") != std::string::npos) {
          return bad();
        }
        return json(s);
      case ValueType::kAbsPath:
        if (s.empty() || s[0] != '/' || s.find_first_of("\n\r\t") != std::string::npos) {
          return bad();
        }
        return json(s);
      case ValueType::kUrl:
        if (s.empty()) return json(s);
        if ((s.rfind("http://", 0) != 0 && s.rfind("https://", 0) != 0) ||
            s.find_first_of(" \t\n\r\"") != std::string::npos || s.size() <= 8) {
          return bad();
        }
        return json(s);
      case ValueType::kEnvRef:
        if (s.rfind("${env:", 0) == 0 && !is_env_ref(s)) {
          error(node, "values/type",
                label(path) + in_quotes(s) + " is not a valid environment reference",
                "write ${env:NAME} with NAME made of letters, digits and _, not starting with a "
                "digit");
          return std::nullopt;
        }
        if (!is_env_ref(s)) {
          error(node, "values/literal-secret",
                label(path) + "a secret must be an environment reference, not a literal value",
                "write ${env:NAME} and export NAME where the collector runs; a key in a values "
                "file ends up in git");
          return std::nullopt;
        }
        return json(s);
      case ValueType::kMetricName:
        if (!util::is_metric_name(s)) return bad();
        return json(s);
      case ValueType::kLabelName:
        if (!check_label_name(node, path)) return std::nullopt;
        if (s == "le" || s == "quantile") {
          error(node, "values/type",
                label(path) + in_quotes(s) + " is reserved for histogram buckets and quantiles",
                "choose the label your agents are broken down by, such as agent_type");
          return std::nullopt;
        }
        return json(s);
      case ValueType::kUid:
        if (s.empty() || s.size() > 40 || !std::all_of(s.begin(), s.end(), [](char c) {
              return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
            })) {
          return bad();
        }
        return json(s);
      default:
        return bad();
    }
  }

  std::optional<json> fail(const Node& node, const std::string& path, const FieldSpec& spec,
                           std::string message) {
    std::string hint;
    bool numeric = spec.type == ValueType::kPort || spec.type == ValueType::kInt ||
                   spec.type == ValueType::kNumber || spec.type == ValueType::kBool;
    if (numeric && node.is_quoted()) hint = "write it without quotes";
    if (spec.type == ValueType::kBool && !node.is_quoted()) {
      hint = "YAML 1.2 booleans are true and false only";
    }
    error(node, "values/type", label(path) + message, std::move(hint));
    return std::nullopt;
  }

  // How a scalar the user wrote is shown in a message: a quoted string as a string, a plain
  // scalar as written (escaped if it holds anything unprintable).
  static std::string shown(const Node& node) {
    if (node.is_quoted()) return "the string " + in_quotes(node.value);
    bool simple = std::all_of(node.value.begin(), node.value.end(), [](char c) {
      return static_cast<unsigned char>(c) > 0x20 && c != 0x7F && c != '"';
    });
    return simple && !node.value.empty() ? node.value : in_quotes(node.value);
  }

  void error(const Node& at, std::string check, std::string message, std::string hint) {
    // A block collection starts at its first child; point at the key that holds it instead.
    const Node& n = !at.is_scalar() && at.style == yaml::Style::kBlock && current_key_ != nullptr
                        ? *current_key_
                        : at;
    diag::Diagnostic d;
    d.check = std::move(check);
    d.hint = std::move(hint);
    if (set_arg_.empty()) {
      d.file = file_;
      d.line = n.start.line;
      d.column = n.start.column;
      d.end_line = n.end.line;
      d.end_column = n.end.column;
      d.message = std::move(message);
    } else {
      d.message = "--set " + set_arg_ + ": " + message;
    }
    diags_.add(std::move(d));
  }

  std::string label(const std::string& path) const {
    return set_arg_.empty() && !path.empty() ? path + ": " : std::string();
  }

 private:
  std::string file_;
  std::string set_arg_;
  diag::Diagnostics& diags_;
  std::map<std::string, Origin>& origins_;
  const Node* current_key_ = nullptr;  // the key whose value is being converted
};

void merge_into(json& base, const json& over) {
  for (const auto& [k, v] : over.items()) {
    if (v.is_object() && base.contains(k) && base[k].is_object()) {
      merge_into(base[k], v);
    } else {
      base[k] = v;
    }
  }
}

const FieldSpec kRoot{"", ValueType::kObject};

std::optional<json> check_document(const ValuesSource& src, diag::Diagnostics& diags,
                                   std::map<std::string, Origin>& origins, bool require_version) {
  yaml::ParseResult parsed = yaml::parse(src.text, src.file);
  diags.append(parsed.diagnostics);
  if (!parsed.ok()) return std::nullopt;
  if (parsed.documents.size() > 1) {
    const Node& second = parsed.documents[1].root;
    diag::Diagnostic d;
    d.file = src.file;
    d.line = second.start.line;
    d.column = second.start.column;
    d.check = "values/document";
    d.message = "a values file holds one YAML document, this is the second";
    diags.add(std::move(d));
    return std::nullopt;
  }
  Node empty;
  empty.start = {1, 1};
  empty.end = {1, 1};
  const Node& root =
      parsed.documents.empty() || parsed.documents[0].empty ? empty : parsed.documents[0].root;
  Checker checker(src.file, "", diags, origins);
  auto out = checker.convert(root, "", kRoot);
  if (out && require_version && !out->contains("apiVersion")) {
    diag::Diagnostic d;
    d.file = src.file;
    d.line = root.start.line;
    d.column = root.start.column;
    d.check = "values/api-version";
    d.message = "missing apiVersion";
    d.hint = "start the file with: apiVersion: caxtool/v1";
    diags.add(std::move(d));
    return std::nullopt;
  }
  return out;
}

// `path=value`: the value is read as one YAML scalar or flow collection, so types and quoting
// work as in a file ("--set alerts.highLatency.enabled=false", "--set a.b='[x, y]'").
bool apply_set(const std::string& arg, json& data, diag::Diagnostics& diags,
               std::map<std::string, Origin>& origins, bool& usage_error) {
  auto usage = [&](std::string message, std::string hint = "") {
    diag::Diagnostic d;
    d.check = "values/set";
    d.message = "--set " + arg + ": " + std::move(message);
    d.hint = std::move(hint);
    diags.add(std::move(d));
    usage_error = true;
    return false;
  };
  size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) return usage("expected KEY=VALUE");
  std::string path = arg.substr(0, eq);
  std::string text = arg.substr(eq + 1);
  const FieldSpec* spec = find_field(path);
  std::string map_key;
  if (spec == nullptr) {
    size_t dot = path.rfind('.');
    const FieldSpec* parent = dot == std::string::npos ? nullptr : find_field(path.substr(0, dot));
    if (parent == nullptr || parent->type != ValueType::kLabelMap) {
      std::vector<std::string_view> all;
      for (const FieldSpec& f : values_schema()) {
        if (f.type != ValueType::kObject) all.push_back(f.path);
      }
      std::string guess = util::closest_match(path, all);
      return usage("no such key " + in_quotes(path),
                   guess.empty() ? "see caxtool generate --show-values"
                                 : "did you mean " + in_quotes(guess) + "?");
    }
    map_key = path.substr(dot + 1);
    spec = parent;
  }
  if (spec->type == ValueType::kObject) {
    return usage(in_quotes(path) + " is a mapping; set one of its keys");
  }
  yaml::ParseResult parsed = yaml::parse(text, "--set");
  if (!parsed.ok() || parsed.documents.size() > 1) {
    return usage("the value is not a YAML scalar or flow collection");
  }
  Node value;
  if (!parsed.documents.empty() && !parsed.documents[0].empty) value = parsed.documents[0].root;
  size_t before = diags.size();
  Checker checker("", arg, diags, origins);
  std::optional<json> converted;
  if (!map_key.empty()) {
    Node map;
    map.kind = yaml::Kind::kMapping;
    Node key;
    key.value = map_key;
    map.children = {key, value};
    converted = checker.convert(map, path.substr(0, path.rfind('.')), *spec);
  } else {
    converted = checker.convert(value, path, *spec);
  }
  if (!converted) {
    usage_error = usage_error || diags.size() > before;
    return false;
  }
  json patch = *converted;
  std::string target = map_key.empty() ? path : path.substr(0, path.rfind('.'));
  for (size_t dot = target.rfind('.'); !target.empty(); dot = target.rfind('.')) {
    std::string key = dot == std::string::npos ? target : target.substr(dot + 1);
    patch = json{{key, patch}};
    target = dot == std::string::npos ? std::string() : target.substr(0, dot);
  }
  merge_into(data, patch);
  return true;
}

// ---- checks that span keys, on the merged values ----

class CrossChecker {
 public:
  CrossChecker(const json& data, const std::map<std::string, Origin>& origins,
               diag::Diagnostics& diags)
      : data_(data), origins_(origins), diags_(diags) {}

  void run() {
    check_agent_range();
    check_timeout();
    check_memory_limiter();
    check_ports();
  }

 private:
  const json& at(std::string_view path) const {
    const json* cur = &data_;
    size_t start = 0;
    while (start <= path.size()) {
      size_t dot = path.find('.', start);
      std::string key(path.substr(start, dot - start));
      cur = &(*cur)[key];
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return *cur;
  }

  int64_t ms(std::string_view path) const {
    return util::parse_duration_ms(at(path).get<std::string>()).value_or(0);
  }

  // Reports at the user's value for the first of `paths` the user set (else without position).
  void report(std::initializer_list<std::string_view> paths, std::string message,
              std::string hint = "") {
    diag::Diagnostic d;
    d.check = "values/conflict";
    d.message = std::move(message);
    d.hint = std::move(hint);
    const Origin* best = nullptr;
    for (std::string_view p : paths) {
      auto it = origins_.find(std::string(p));
      if (it == origins_.end()) continue;
      // Prefer the latest-written value: that is the one that introduced the conflict.
      auto rank = [](const Origin& o) {
        return std::make_tuple(!o.set_arg.empty(), o.start.line, o.start.column);
      };
      if (best == nullptr || rank(it->second) > rank(*best)) {
        best = &it->second;
      }
    }
    if (best != nullptr && best->set_arg.empty()) {
      d.file = best->file;
      d.line = best->start.line;
      d.column = best->start.column;
      d.end_line = best->end.line;
      d.end_column = best->end.column;
    } else if (best != nullptr) {
      d.message = "--set " + best->set_arg + ": " + d.message;
    }
    diags_.add(std::move(d));
  }

  void check_agent_range() {
    int64_t from = at("targets.agents.portFrom").get<int64_t>();
    int64_t to = at("targets.agents.portTo").get<int64_t>();
    if (to < from) {
      report({"targets.agents.portTo", "targets.agents.portFrom"},
             "targets.agents.portTo " + std::to_string(to) + " is below portFrom " +
                 std::to_string(from));
    } else if (to - from >= 1000) {
      report({"targets.agents.portTo", "targets.agents.portFrom"},
             "targets.agents spans " + std::to_string(to - from + 1) +
                 " ports; at most 1000 are expanded into static targets",
             "for more agents, use service discovery rather than a port range");
    }
  }

  void check_timeout() {
    if (ms("scrape.timeout") > ms("scrape.interval")) {
      report({"scrape.timeout", "scrape.interval"},
             "scrape.timeout " + at("scrape.timeout").get<std::string>() +
                 " is longer than scrape.interval " + at("scrape.interval").get<std::string>(),
             "Prometheus rejects a scrape_timeout greater than scrape_interval");
    }
  }

  void check_memory_limiter() {
    int64_t limit = at("collector.memoryLimiter.limitMiB").get<int64_t>();
    int64_t spike = at("collector.memoryLimiter.spikeLimitMiB").get<int64_t>();
    if (spike >= limit) {
      report({"collector.memoryLimiter.spikeLimitMiB", "collector.memoryLimiter.limitMiB"},
             "collector.memoryLimiter.spikeLimitMiB " + std::to_string(spike) +
                 " must be below limitMiB " + std::to_string(limit),
             "the memory_limiter processor refuses a spike limit at or above the limit");
    }
  }

  static std::string canonical_host(std::string h) {
    std::transform(h.begin(), h.end(), h.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (h == "127.0.0.1" || h == "::1" || h == "[::1]") return "localhost";
    return h;
  }

  void check_ports() {
    struct Use {
      std::string host;     // canonical, for comparing
      std::string written;  // as in the values
      int64_t port;
      std::string path;       // the key holding the port
      std::string host_path;  // the key holding the host
    };
    std::vector<Use> uses;
    auto add = [&](std::string host_path, std::string port_path) {
      const std::string& host = at(host_path).get_ref<const std::string&>();
      uses.push_back(
          {canonical_host(host), host, at(port_path).get<int64_t>(), port_path, host_path});
    };
    add("targets.orchestrator.host", "targets.orchestrator.port");
    add("prometheus.host", "prometheus.listenPort");
    add("alertmanager.host", "alertmanager.port");
    for (const char* p : {"collector.otlpGrpcPort", "collector.otlpHttpPort",
                          "collector.prometheusExporterPort", "collector.selfMetricsPort"}) {
      add("collector.host", p);
    }
    int64_t from = at("targets.agents.portFrom").get<int64_t>();
    int64_t to = at("targets.agents.portTo").get<int64_t>();
    std::string agents_host = canonical_host(at("targets.agents.host").get<std::string>());
    auto on_host = [](const Use& a, const std::string& other_written) {
      std::string s = "on host " + in_quotes(a.written);
      if (other_written != a.written) s += " (the same host as " + in_quotes(other_written) + ")";
      return s;
    };
    for (size_t i = 0; i < uses.size(); ++i) {
      for (size_t j = i + 1; j < uses.size(); ++j) {
        if (uses[i].host == uses[j].host && uses[i].port == uses[j].port) {
          report({uses[j].path, uses[i].path, uses[j].host_path, uses[i].host_path},
                 "port " + std::to_string(uses[i].port) + " " + on_host(uses[i], uses[j].written) +
                     " is used by both " + uses[i].path + " and " + uses[j].path,
                 "two services cannot listen on one port of one host; change one port or host");
        }
      }
      if (uses[i].host == agents_host && from <= to && uses[i].port >= from && uses[i].port <= to) {
        report({uses[i].path, "targets.agents.portFrom", "targets.agents.portTo", uses[i].host_path,
                "targets.agents.host"},
               "port " + std::to_string(uses[i].port) + " " +
                   on_host(uses[i], at("targets.agents.host").get<std::string>()) +
                   " is used by both " + uses[i].path + " and the agent range targets.agents (" +
                   std::to_string(from) + "-" + std::to_string(to) + ")",
               "two services cannot listen on one port of one host; change one port or host");
      }
    }
  }

  const json& data_;
  const std::map<std::string, Origin>& origins_;
  diag::Diagnostics& diags_;
};

}  // namespace

std::string_view default_values_text() {
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path == "values.yaml") return f.content;
  }
  return {};
}

Values load_values(const std::optional<ValuesSource>& file, const std::vector<std::string>& sets) {
  Values out;
  std::map<std::string, Origin> default_origins;
  auto defaults = check_document(ValuesSource{"<defaults>", std::string(default_values_text())},
                                 out.diagnostics, default_origins, true);
  if (!defaults) return out;  // a caxtool bug, caught by the tests
  out.data = std::move(*defaults);
  if (file) {
    auto user = check_document(*file, out.diagnostics, out.origins, true);
    if (user) merge_into(out.data, *user);
  }
  for (const std::string& arg : sets) {
    apply_set(arg, out.data, out.diagnostics, out.origins, out.usage_error);
  }
  if (!out.ok()) return out;
  CrossChecker(out.data, out.origins, out.diagnostics).run();
  return out;
}

}  // namespace caxtool::generate
