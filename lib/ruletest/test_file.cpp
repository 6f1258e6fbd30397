// SPDX-License-Identifier: Apache-2.0
// The test-file loader. promtool decodes with yaml.v2's UnmarshalStrict: an unknown field is an
// error ("field X not found in type main.testGroup"), null is the zero value, any scalar fits a
// string, a float field takes YAML 1.1 numbers (`.inf`, `1e3`, `0x1f`) but no quoted string,
// durations go through model.ParseDuration, a field given twice keeps its first value. Every
// refusal becomes a diagnostic at the node, and promtool's message too: the collected type
// errors as one "yaml: unmarshal errors:" list, or the first bad duration alone, since
// model.Duration's unmarshaler fails the whole decode.
#include "ruletest/test_file.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

#include "promql/literals.h"
#include "ruletest/go_yaml.h"
#include "util/go_strconv.h"
#include "yaml/node.h"

namespace caxtool::ruletest {
namespace {

using yaml::Node;

class Loader {
 public:
  Loader(const std::string& file, promql::Version version, diag::Diagnostics& diags)
      : file_(file), version_(version), diags_(diags) {}

  void top(const Node& root, TestFile& out) {
    if (root.is_null()) return;
    if (!root.is_mapping()) return type_error(root, "main.unitTestFile");
    std::set<std::string> seen;
    for (size_t i = 0; i < root.entry_count(); ++i) {
      const Node& k = root.key(i);
      const Node& v = root.val(i);
      if (!first_time(seen, k, "main.unitTestFile")) continue;
      if (k.value == "rule_files") {
        for_each_item(v, "[]string", [&](const Node& item) {
          out.rule_files.push_back(string_value(item));
          out.rule_file_marks.push_back(item.start);
        });
      } else if (k.value == "evaluation_interval") {
        if (!v.is_null()) out.evaluation_interval_ms = duration(v);
        if (out.evaluation_interval_ms == 0) out.evaluation_interval_ms = 60'000;
      } else if (k.value == "group_eval_order") {
        for_each_item(v, "[]string", [&](const Node& item) {
          out.group_eval_order.push_back(string_value(item));
        });
      } else if (k.value == "tests") {
        for_each_item(v, "[]main.testGroup",
                      [&](const Node& item) { out.tests.push_back(group(item)); });
      } else {
        unknown(k, "main.unitTestFile");
      }
    }
  }

 private:
  TestGroup group(const Node& n) {
    TestGroup g;
    g.mark = n.start;
    if (n.is_null()) return g;
    if (!n.is_mapping()) {
      type_error(n, "main.testGroup");
      return g;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const Node& k = n.key(i);
      const Node& v = n.val(i);
      if (!first_time(seen, k, "main.testGroup")) continue;
      if (k.value == "interval") {
        g.interval_ms = v.is_null() ? 0 : duration(v);
      } else if (k.value == "input_series") {
        for_each_item(v, "[]main.series", [&](const Node& item) { series(item, g); });
      } else if (k.value == "alert_rule_test") {
        for_each_item(v, "[]main.alertTestCase", [&](const Node& item) { alert_test(item, g); });
      } else if (k.value == "promql_expr_test") {
        for_each_item(v, "[]main.promqlTestCase", [&](const Node& item) { expr_test(item, g); });
      } else if (k.value == "external_labels") {
        g.external_labels = string_map(v, "map[string]string");
      } else if (k.value == "external_url") {
        g.external_url = string_value(v);
      } else if (k.value == "name") {
        g.name = string_value(v);
      } else {
        unknown(k, "main.testGroup");
      }
    }
    return g;
  }

  void series(const Node& n, TestGroup& g) {
    InputSeries s;
    s.series_mark = s.values_mark = n.start;
    if (n.is_mapping()) {
      std::set<std::string> seen;
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
        if (!first_time(seen, k, "main.series")) continue;
        if (k.value == "series") {
          s.series = string_value(v);
          s.series_mark = v.start;
        } else if (k.value == "values") {
          s.values = string_value(v);
          s.values_mark = v.start;
          s.values_style = v.style;
        } else {
          unknown(k, "main.series");
        }
      }
    } else if (!n.is_null()) {
      type_error(n, "main.series");
    }
    g.input_series.push_back(std::move(s));
  }

  void alert_test(const Node& n, TestGroup& g) {
    AlertTest t;
    t.mark = n.start;
    if (n.is_mapping()) {
      std::set<std::string> seen;
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
        if (!first_time(seen, k, "main.alertTestCase")) continue;
        if (k.value == "eval_time") {
          t.eval_time_ms = v.is_null() ? 0 : duration(v);
        } else if (k.value == "alertname") {
          t.alertname = string_value(v);
        } else if (k.value == "exp_alerts") {
          for_each_item(v, "[]main.alert", [&](const Node& item) {
            ExpAlert a;
            if (item.is_mapping()) {
              std::set<std::string> seen_in_alert;
              for (size_t j = 0; j < item.entry_count(); ++j) {
                const Node& ak = item.key(j);
                if (!first_time(seen_in_alert, ak, "main.alert")) continue;
                if (ak.value == "exp_labels") {
                  a.labels = string_map(item.val(j), "map[string]string");
                } else if (ak.value == "exp_annotations") {
                  a.annotations = string_map(item.val(j), "map[string]string");
                } else {
                  unknown(ak, "main.alert");
                }
              }
            } else if (!item.is_null()) {
              type_error(item, "main.alert");
            }
            t.exp_alerts.push_back(std::move(a));
          });
        } else {
          unknown(k, "main.alertTestCase");
        }
      }
    } else if (!n.is_null()) {
      type_error(n, "main.alertTestCase");
    }
    g.alert_tests.push_back(std::move(t));
  }

  void expr_test(const Node& n, TestGroup& g) {
    ExprTest t;
    t.mark = t.expr_mark = n.start;
    if (n.is_mapping()) {
      std::set<std::string> seen;
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
        if (!first_time(seen, k, "main.promqlTestCase")) continue;
        if (k.value == "expr") {
          t.expr = string_value(v);
          t.expr_mark = v.start;
        } else if (k.value == "eval_time") {
          t.eval_time_ms = v.is_null() ? 0 : duration(v);
        } else if (k.value == "exp_samples") {
          for_each_item(v, "[]main.sample", [&](const Node& item) { sample(item, t); });
        } else {
          unknown(k, "main.promqlTestCase");
        }
      }
    } else if (!n.is_null()) {
      type_error(n, "main.promqlTestCase");
    }
    g.expr_tests.push_back(std::move(t));
  }

  void sample(const Node& n, ExprTest& t) {
    ExpSample s;
    s.mark = s.labels_mark = n.start;
    if (n.is_mapping()) {
      std::set<std::string> seen;
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
        if (!first_time(seen, k, "main.sample")) continue;
        if (k.value == "labels") {
          s.labels = string_value(v);
          s.labels_mark = v.start;
        } else if (k.value == "value") {
          s.value = float_value(v);
        } else if (k.value == "histogram" && version_ >= promql::Version{2, 48}) {
          s.histogram = string_value(v);
        } else {
          unknown(k, "main.sample");
        }
      }
    } else if (!n.is_null()) {
      type_error(n, "main.sample");
    }
    t.exp_samples.push_back(std::move(s));
  }

  // Helpers with yaml.v2's rules.
  template <class F>
  void for_each_item(const Node& n, std::string_view type, F f) {
    if (n.is_null()) return;
    if (!n.is_sequence()) return type_error(n, type);
    for (const Node& item : n.children) f(item);
  }
  std::string string_value(const Node& n) {
    if (n.is_null() && !n.is_quoted()) return "";
    if (!n.is_scalar()) {
      type_error(n, "string");
      return "";
    }
    return n.value;
  }
  StringPairs string_map(const Node& n, std::string_view type) {
    StringPairs out;
    if (n.is_null()) return out;
    if (!n.is_mapping()) {
      type_error(n, type);
      return out;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < n.entry_count(); ++i) {
      std::string key = string_value(n.key(i));
      if (!seen.insert(key).second) {
        error(n.val(i), "key " + promql::detail::go_quote(key) + " already set in map");
        continue;
      }
      out.emplace_back(std::move(key), string_value(n.val(i)));
    }
    return out;
  }
  int64_t duration(const Node& n) {
    if (!n.is_scalar()) {
      type_error(n, "string");  // model.Duration unmarshals a string first
      return 0;
    }
    std::string why;
    std::optional<int64_t> ns = promql::detail::parse_duration(n.value, false, &why);
    if (!ns) {
      std::string message = "not a valid duration string: " + promql::detail::go_quote(n.value);
      if (!fatal_) fatal_ = message;
      add_diagnostic(n, std::move(message));
      return 0;
    }
    return *ns / 1'000'000;
  }
  // yaml.v2 decodes into a float64 what resolves to !!float or !!int (0x1f, 0o17, 0755 octal,
  // 0b101, underscores dropped), nothing else.
  double float_value(const Node& n) {
    if (n.is_null()) return 0;
    std::string tag = go_v2_tag(n);
    if (!n.is_scalar() || (tag != "!!float" && tag != "!!int")) {
      type_error(n, "float64");
      return 0;
    }
    const std::string& s = n.value;
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF")
      return HUGE_VAL;
    if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return -HUGE_VAL;
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::nan("");
    std::string buf;
    for (char c : s) {
      if (c != '_') buf.push_back(c);
    }
    if (tag == "!!int") {
      int64_t i = 0;
      uint64_t u = 0;
      if (util::go_parse_int(buf, &i) == util::GoNumError::kNone) return static_cast<double>(i);
      if (util::go_parse_uint(buf, &u) == util::GoNumError::kNone) return static_cast<double>(u);
      bool neg = buf[0] == '-';
      return static_cast<double>(std::strtoll(buf.c_str() + (neg ? 3 : 2), nullptr, 2)) *
             (neg ? -1 : 1);  // 0b101, -0b101
    }
    return std::strtod(buf.c_str(), nullptr);
  }

  void type_error(const Node& n, std::string_view type) { error(n, go_v2_type_error(n, type)); }
  void unknown(const Node& k, std::string_view type) {
    error(k, "field " + k.value + " not found in type " + std::string(type));
  }
  // yaml.v2 strict: a struct field given again is refused and keeps its first value.
  bool first_time(std::set<std::string>& seen, const Node& k, std::string_view type) {
    if (seen.insert(k.value).second) return true;
    error(k, "field " + k.value + " already set in type " + std::string(type));
    return false;
  }
  // One of yaml.v2's collected type errors ("line N: ...").
  void error(const Node& n, std::string message) {
    terrors_.push_back("line " + std::to_string(n.start.line) + ": " + message);
    add_diagnostic(n, std::move(message));
  }
  void add_diagnostic(const Node& n, std::string message) {
    diag::Diagnostic d;
    d.file = file_;
    d.line = n.start.line;
    d.column = n.start.column;
    d.check = "test/syntax";
    d.message = std::move(message);
    diags_.add(std::move(d));
  }

 public:
  // promtool's one error for the refusals, or empty.
  std::string go_error() const {
    if (fatal_) return *fatal_;
    if (terrors_.empty()) return "";
    std::string out = "yaml: unmarshal errors:";
    for (const std::string& e : terrors_) out += "\n  " + e;
    return out;
  }

 private:
  std::vector<std::string> terrors_;
  std::optional<std::string> fatal_;
  const std::string& file_;
  promql::Version version_;
  diag::Diagnostics& diags_;
};

}  // namespace

LoadResult load_test_file(std::string_view text, const std::string& file, promql::Version version) {
  LoadResult r;
  yaml::ParseOptions options;
  options.allow_duplicate_keys = true;  // refused, or not, by the loader as yaml.v2 does
  yaml::ParseResult parsed = yaml::parse(text, file, options);
  // yaml.v2 reads the first document only: a syntax error after it is never seen.
  bool first_complete = parsed.documents_before_error >= 1 && !parsed.documents.empty();
  if (!parsed.ok() && !first_complete) {
    r.go_error = parsed.go_v2_error;
    r.diagnostics.append(std::move(parsed.diagnostics));
    return r;
  }
  if (parsed.documents.empty()) return r;
  Loader loader(file, version, r.diagnostics);
  loader.top(parsed.documents.front().root, r.file);
  r.go_error = loader.go_error();
  return r;
}

}  // namespace caxtool::ruletest
