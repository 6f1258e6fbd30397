// SPDX-License-Identifier: Apache-2.0
// The test-file loader. promtool decodes with yaml.v2's UnmarshalStrict: an unknown field is an
// error ("field X not found in type main.testGroup"), null is the zero value, any scalar fits a
// string, a float field takes YAML 1.1 numbers (`.inf`, `1e3`, `0x1f`) but no quoted string,
// durations go through model.ParseDuration. Every such refusal becomes a diagnostic at the node.
#include "ruletest/test_file.h"

#include <cmath>
#include <cstdlib>

#include "promql/literals.h"
#include "yaml/node.h"

namespace caxtool::ruletest {
namespace {

using yaml::Node;

std::string tag_of(const Node& n) {
  if (n.is_sequence()) return "!!seq";
  if (n.is_mapping()) return "!!map";
  return n.is_quoted() ? "!!str" : "!!" + std::string("str");
}

class Loader {
 public:
  Loader(const std::string& file, promql::Version version, diag::Diagnostics& diags)
      : file_(file), version_(version), diags_(diags) {}

  void top(const Node& root, TestFile& out) {
    if (root.is_null()) return;
    if (!root.is_mapping()) return type_error(root, "main.unitTestFile");
    for (size_t i = 0; i < root.entry_count(); ++i) {
      const Node& k = root.key(i);
      const Node& v = root.val(i);
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
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const Node& k = n.key(i);
      const Node& v = n.val(i);
      if (k.value == "interval") {
        g.interval_ms = v.is_null() ? 0 : duration(v);
      } else if (k.value == "input_series") {
        for_each_item(v, "[]main.series", [&](const Node& item) { series(item, g); });
      } else if (k.value == "alert_rule_test") {
        for_each_item(v, "[]main.alertTestCase", [&](const Node& item) { alert_test(item, g); });
      } else if (k.value == "promql_expr_test") {
        for_each_item(v, "[]main.promqlTestCase", [&](const Node& item) { expr_test(item, g); });
      } else if (k.value == "external_labels") {
        g.external_labels = string_map(v, "labels.Labels");
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
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
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
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
        if (k.value == "eval_time") {
          t.eval_time_ms = v.is_null() ? 0 : duration(v);
        } else if (k.value == "alertname") {
          t.alertname = string_value(v);
        } else if (k.value == "exp_alerts") {
          for_each_item(v, "[]main.alert", [&](const Node& item) {
            ExpAlert a;
            if (item.is_mapping()) {
              for (size_t j = 0; j < item.entry_count(); ++j) {
                const Node& ak = item.key(j);
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
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
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
      for (size_t i = 0; i < n.entry_count(); ++i) {
        const Node& k = n.key(i);
        const Node& v = n.val(i);
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
    for (size_t i = 0; i < n.entry_count(); ++i) {
      out.emplace_back(string_value(n.key(i)), string_value(n.val(i)));
    }
    return out;
  }
  int64_t duration(const Node& n) {
    if (!n.is_scalar()) {
      type_error(n, "model.Duration");
      return 0;
    }
    std::string why;
    std::optional<int64_t> ns = promql::detail::parse_duration(n.value, false, &why);
    if (!ns) {
      error(n, "not a valid duration string: \"" + n.value + "\"");
      return 0;
    }
    return *ns / 1'000'000;
  }
  double float_value(const Node& n) {
    if (n.is_null()) return 0;
    if (!n.is_scalar() || n.is_quoted()) {
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
    char* end = nullptr;
    double v = std::strtod(buf.c_str(), &end);
    bool hexfloat = buf.find_first_of("pP") != std::string::npos;
    bool special = buf.find_first_of("iInN") != std::string::npos;
    if (buf.empty() || end != buf.c_str() + buf.size() || special || hexfloat) {
      type_error(n, "float64");
      return 0;
    }
    return v;
  }

  void type_error(const Node& n, std::string_view type) {
    std::string what = n.is_scalar() ? tag_of(n) + " `" + n.value + "`" : tag_of(n);
    error(n, "cannot unmarshal " + what + " into " + std::string(type));
  }
  void unknown(const Node& k, std::string_view type) {
    error(k, "field " + k.value + " not found in type " + std::string(type));
  }
  void error(const Node& n, std::string message) {
    diag::Diagnostic d;
    d.file = file_;
    d.line = n.start.line;
    d.column = n.start.column;
    d.check = "test/syntax";
    d.message = std::move(message);
    diags_.add(std::move(d));
  }

  const std::string& file_;
  promql::Version version_;
  diag::Diagnostics& diags_;
};

}  // namespace

LoadResult load_test_file(std::string_view text, const std::string& file, promql::Version version) {
  LoadResult r;
  yaml::ParseResult parsed = yaml::parse(text, file);
  r.diagnostics.append(std::move(parsed.diagnostics));
  if (!parsed.ok()) return r;
  if (parsed.documents.empty()) return r;
  Loader loader(file, version, r.diagnostics);
  loader.top(parsed.documents.front().root, r.file);
  return r;
}

}  // namespace caxtool::ruletest
