// SPDX-License-Identifier: Apache-2.0
// The test loop of promtool's testGroup.test: load the input series, evaluate every rule group
// at each evaluation_interval step from 0 to the largest eval_time, compare firing alerts at
// the step that covers each alert test's eval_time, then run the promql_expr_test queries. The
// failure texts are promtool's (cmd/promtool/unittest.go), so a CI log reads the same.
#include "ruletest/runner.h"

#include <glob.h>
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "promql/literals.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"
#include "ruletest/report.h"
#include "ruletest/rule_eval.h"
#include "ruletest/series.h"
#include "util/file.h"

namespace caxtool::ruletest {
namespace {

namespace ev = promql::eval;
using detail::Labels;

std::string duration_text(int64_t ms) { return promql::detail::format_duration(ms * 1'000'000); }

std::vector<std::string> glob_rule_files(const std::string& test_path, const TestFile& tf,
                                         diag::Diagnostics& diags) {
  std::filesystem::path base = std::filesystem::path(test_path).parent_path();
  std::vector<std::string> out;
  for (size_t i = 0; i < tf.rule_files.size(); ++i) {
    std::string pattern = tf.rule_files[i];
    if (!pattern.empty() && pattern.front() != '/') {
      pattern = (base / pattern).lexically_normal().string();
    }
    glob_t g{};
    int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
    if (rc == 0) {
      for (size_t j = 0; j < g.gl_pathc; ++j) out.emplace_back(g.gl_pathv[j]);
    } else {
      diag::Diagnostic d;
      d.file = test_path;
      d.line = tf.rule_file_marks[i].line;
      d.column = tf.rule_file_marks[i].column;
      d.severity = diag::Severity::kWarning;
      d.check = "test/no-match";
      d.message = "no file match pattern " + pattern;
      diags.add(std::move(d));
    }
    globfree(&g);
  }
  return out;
}

class GroupRun {
 public:
  GroupRun(const TestGroup& tg, const TestFile& tf, const std::vector<std::string>& rule_files,
           const RunOptions& options, const std::string& file)
      : tg_(tg), tf_(tf), rule_files_(rule_files), options_(options), file_(file) {}

  void run(GroupOutcome& out, diag::Diagnostics& diags) {
    interval_ms_ = tg_.interval_ms;
    if (interval_ms_ == 0 && options_.version >= promql::Version{2, 49}) {
      interval_ms_ = tf_.evaluation_interval_ms;
    }
    if (!load_series(out, diags)) return;
    diag::Diagnostics rule_diags;
    groups_ = detail::load_groups(rule_files_, tf_.group_eval_order, options_.parse_options(),
                                  rule_diags);
    if (rule_diags.has_at_least(diag::Severity::kError)) {
      for (const diag::Diagnostic& d : rule_diags.items()) {
        out.errors.push_back(d.check == detail::kPromtoolWorded
                                 ? d.message
                                 : d.file + ":" + std::to_string(d.line) + ":" +
                                       std::to_string(d.column) + ": " + d.message);
      }
      return;
    }
    ctx_.storage = &storage_;
    ctx_.options.version = options_.version;
    ctx_.options.lookback_delta_ms = options_.lookback_delta_ms;
    ctx_.options.default_step_ms = tf_.evaluation_interval_ms;
    ctx_.options.enable_experimental_functions = options_.experimental_functions;
    ctx_.extended_range_selectors = options_.extended_range_selectors;
    ctx_.binop_fill_modifiers = options_.binop_fill_modifiers;
    ctx_.duration_expressions = options_.parse_options().enable_duration_expressions;
    ctx_.options.delayed_name_removal =
        options_.delayed_name_removal && options_.version >= promql::Version{3, 4};
    // promtool's rule tests query through promql.LazyLoader, whose engine has MaxSamples 10000.
    ctx_.options.max_samples = 10000;
    ctx_.external_labels = sorted(tg_.external_labels);
    ctx_.external_url = tg_.external_url;
    ctx_.version = options_.version;
    if (!alerts_and_steps(out)) return;
    expr_tests(out);
  }

 private:
  static Labels sorted(const StringPairs& pairs) {
    std::map<std::string, std::string> m(pairs.begin(), pairs.end());
    return Labels(m.begin(), m.end());
  }

  bool load_series(GroupOutcome& out, diag::Diagnostics& diags) {
    for (const InputSeries& s : tg_.input_series) {
      NotationError err;
      // Since 2.47 `{{` starts a native-histogram sample; before, it is the lexer's error.
      std::optional<ParsedSeries> p = parse_series(s.series, s.values, err, 50'000'000,
                                                   options_.version >= promql::Version{2, 47});
      if (!p) {
        bool in_values = err.offset > s.series.size();
        yaml::Mark at = in_values ? s.values_mark : s.series_mark;
        size_t rel = in_values ? err.offset - s.series.size() - 1 : err.offset;
        bool quoted =
            (in_values ? s.values_style : yaml::Style::kPlain) == yaml::Style::kSingleQuoted ||
            (in_values ? s.values_style : yaml::Style::kPlain) == yaml::Style::kDoubleQuoted;
        diag::Diagnostic d;
        d.file = file_;
        d.line = at.line;
        d.column = at.column + static_cast<int>(rel) + (quoted ? 1 : 0);
        d.check = "test/series";
        d.message = err.message;
        diags.add(d);
        out.errors.push_back("1:" + std::to_string(err.offset + 1) +
                             ": parse error: " + err.message);
        return false;
      }
      inputs_.push_back(std::move(*p));
    }
    return true;
  }

  // The native histogram at step `i` of a series, if that step holds one.
  static const std::shared_ptr<const ev::FloatHistogram>* histogram_at(const ParsedSeries& s,
                                                                       size_t i) {
    if (s.histograms.empty()) return nullptr;
    auto it = std::lower_bound(s.histograms.begin(), s.histograms.end(), i,
                               [](const auto& e, size_t x) { return e.first < x; });
    return it != s.histograms.end() && it->first == i ? &it->second : nullptr;
  }

  // Appends the input samples in (loaded_till_, t], as the lazy loader's WithSamplesTill does.
  void load_till(int64_t t) {
    for (size_t i = 0; i < inputs_.size(); ++i) {
      ParsedSeries& s = inputs_[i];
      size_t& next = cursor_[i];
      while (next < s.values.size()) {
        int64_t ts = static_cast<int64_t>(next) * interval_ms_;
        if (ts > t) break;
        if (s.values[next]) {
          storage_.append(s.labels, ts, *s.values[next]);
        } else if (const auto* h = histogram_at(s, next)) {
          storage_.append(s.labels, ts, *h);
        }
        ++next;
      }
    }
  }

  void bulk_load(int64_t maxt) {
    for (size_t i = 0; i < inputs_.size(); ++i) {
      std::vector<ev::Sample> samples;
      std::vector<std::shared_ptr<const ev::FloatHistogram>> keep;
      const ParsedSeries& s = inputs_[i];
      size_t n = 0;
      for (; n < s.values.size(); ++n) {
        int64_t ts = static_cast<int64_t>(n) * interval_ms_;
        if (ts > maxt) break;
        if (s.values[n]) {
          samples.push_back({ts, *s.values[n]});
        } else if (const auto* h = histogram_at(s, n)) {
          samples.push_back(ev::Sample::of(ts, 0, h->get()));
          if (keep.empty() || keep.back() != *h) keep.push_back(*h);
        }
      }
      storage_.append(s.labels, std::move(samples), std::move(keep));
      cursor_[i] = n;
    }
  }

  bool alerts_and_steps(GroupOutcome& out) {
    int64_t maxt = 0;
    std::map<int64_t, std::vector<const AlertTest*>> alert_tests;
    for (const AlertTest& a : tg_.alert_tests) {
      if (a.alertname.empty()) {
        std::string in_group = tg_.name.empty() ? "" : " (in TestGroup " + tg_.name + ")";
        out.errors.push_back(
            "an item under alert_rule_test misses required attribute alertname at eval_time " +
            duration_text(a.eval_time_ms) + in_group);
        return false;
      }
      alert_tests[a.eval_time_ms].push_back(&a);
      maxt = std::max(maxt, a.eval_time_ms);
    }
    for (const ExprTest& e : tg_.expr_tests) maxt = std::max(maxt, e.eval_time_ms);
    cursor_.assign(inputs_.size(), 0);
    // Promtool's lazy loader appends input samples step by step, so a rule sees nothing past
    // its step even through `@` or a negative offset. Without those, loading every sample up to
    // the last step at once gives the same answers at a fraction of the cost.
    bool looks_ahead = false;
    for (const detail::Group& g : groups_) {
      for (const detail::Rule& r : g.rules) looks_ahead = looks_ahead || r.looks_ahead;
    }
    // The loader stops at the last step, not at maxt: samples between are never seen.
    if (!looks_ahead) bulk_load(maxt - maxt % tf_.evaluation_interval_ms);
    int64_t step = tf_.evaluation_interval_ms;
    auto next_alert = alert_tests.begin();
    for (int64_t ts = 0; ts <= maxt; ts += step) {
      load_till(ts);
      std::vector<std::string> eval_errors;
      for (detail::Group& g : groups_) {
        detail::eval_group(g, ts, ctx_);
        for (const detail::Rule& r : g.rules) {
          if (r.last_error) {
            eval_errors.push_back("    rule: " + r.name + ", time: " + go_duration(ts) +
                                  ", err: " + *r.last_error);
          }
        }
      }
      if (!eval_errors.empty()) {
        out.errors.insert(out.errors.end(), eval_errors.begin(), eval_errors.end());
        return false;
      }
      while (next_alert != alert_tests.end() && ts <= next_alert->first &&
             next_alert->first < ts + step) {
        for (const AlertTest* t : next_alert->second) check_alert(*t, out);
        ++next_alert;
      }
    }
    return true;
  }

  void check_alert(const AlertTest& t, GroupOutcome& out) {
    std::vector<AlertText> got;
    for (const detail::Group& g : groups_) {
      for (const detail::Rule& r : g.rules) {
        if (!r.alerting || r.name != t.alertname) continue;
        for (const auto& [key, a] : r.active) {
          if (a.state == detail::AlertState::kFiring) got.push_back({a.labels, a.annotations});
        }
      }
    }
    std::vector<AlertText> exp;
    for (const ExpAlert& a : t.exp_alerts) {
      Labels ls = sorted(a.labels);
      auto it = std::lower_bound(ls.begin(), ls.end(), std::string("alertname"),
                                 [](const auto& p, const std::string& n) { return p.first < n; });
      if (it != ls.end() && it->first == "alertname") {
        it->second = t.alertname;
      } else {
        ls.insert(it, {"alertname", t.alertname});
      }
      exp.push_back({std::move(ls), sorted(a.annotations)});
    }
    sort_alerts(got);
    sort_alerts(exp);
    if (got != exp) {
      out.errors.push_back(
          alert_failure(tg_.name, t.alertname, duration_text(t.eval_time_ms), exp, got));
    }
  }

  void expr_tests(GroupOutcome& out) {
    for (const ExprTest& t : tg_.expr_tests) {
      std::string head = "    expr: " + promql::detail::go_quote(t.expr) +
                         ", time: " + duration_text(t.eval_time_ms);
      promql::ParseResult pr = promql::parse(t.expr, options_.parse_options());
      if (!pr.ok()) {
        out.errors.push_back(
            head + ", err: " + promql::prometheus_error_string(t.expr, pr.errors.front()));
        continue;
      }
      ev::EvalResult r = ev::eval_instant(*pr.expr, t.eval_time_ms, storage_, ctx_.options);
      if (!r.ok()) {
        out.errors.push_back(head + ", err: " + *r.error);
        continue;
      }
      std::vector<SampleText> got;
      if (r.value.type == promql::ValueType::kVector) {
        for (ev::Series& s : r.value.series) {
          const ev::Sample* x = s.samples.empty() ? nullptr : &s.samples.front();
          const ev::FloatHistogram* h = x ? x->h() : nullptr;
          got.push_back(
              {std::move(s.labels), x ? x->value() : 0, h ? h->test_expression() : std::string()});
        }
      } else if (r.value.type == promql::ValueType::kScalar) {
        got.push_back({{}, r.value.scalar});
      } else {
        out.errors.push_back(head + ", err: rule result is not a vector or scalar");
        continue;
      }
      std::vector<SampleText> exp;
      bool bad = false;
      for (const ExpSample& s : t.exp_samples) {
        NotationError err;
        std::optional<LabelPairs> ls = parse_metric(s.labels, err);
        if (!ls) {
          promql::ParseError pe{err.offset, err.offset, err.message};
          out.errors.push_back(head + ", err: labels " + promql::detail::go_quote(s.labels) + ": " +
                               promql::prometheus_error_string(s.labels, pe));
          bad = true;
          break;
        }
        std::string hist;
        if (!s.histogram.empty()) {
          std::string why;
          std::optional<ev::FloatHistogram> h = parse_single_histogram(s.histogram, why);
          if (!h) {
            out.errors.push_back(head + ", err: labels " + promql::detail::go_quote(s.labels) +
                                 ": " + why);
            bad = true;
            break;
          }
          hist = h->test_expression();
        }
        exp.push_back({std::move(*ls), s.value, std::move(hist)});
      }
      if (bad) continue;
      sort_samples(exp);
      sort_samples(got);
      if (!samples_equal(exp, got)) {
        out.errors.push_back(head + ",\n        exp: " + samples_text(exp) +
                             "\n        got: " + samples_text(got));
      }
    }
  }

  const TestGroup& tg_;
  const TestFile& tf_;
  const std::vector<std::string>& rule_files_;
  const RunOptions& options_;
  const std::string& file_;
  int64_t interval_ms_ = 0;
  std::vector<ParsedSeries> inputs_;
  std::vector<size_t> cursor_;
  ev::Storage storage_;
  std::vector<detail::Group> groups_;
  detail::EvalContext ctx_;
};

}  // namespace

bool FileOutcome::passed() const {
  if (cannot_read || !abort_error.empty()) return false;
  if (diagnostics.has_at_least(diag::Severity::kError)) return false;
  return std::all_of(groups.begin(), groups.end(),
                     [](const GroupOutcome& g) { return g.passed(); });
}

FileOutcome run_test_file(const std::string& path, const RunOptions& options) {
  FileOutcome out;
  out.file = path;
  std::string why;
  std::optional<std::string> text = util::read_file(path, why);
  if (!text) {
    out.cannot_read = true;
    out.abort_error = "open " + path + ": " + why;
    return out;
  }
  LoadResult loaded = load_test_file(*text, path, options.version);
  bool refused = !loaded.ok();  // before the diagnostics move out
  out.diagnostics.append(std::move(loaded.diagnostics));
  if (refused) {
    out.abort_error = std::move(loaded.go_error);  // promtool's words; the diagnostics keep places
    return out;
  }
  const TestFile& tf = loaded.file;
  std::vector<std::string> rule_files = glob_rule_files(path, tf, out.diagnostics);
  std::set<std::string> seen;
  for (const std::string& g : tf.group_eval_order) {
    if (!seen.insert(g).second) {
      out.abort_error = "group name repeated in evaluation order: " + g;
      return out;
    }
  }
  std::unique_ptr<re2::RE2> run;
  if (!options.run.empty()) {
    std::string joined;
    for (const std::string& r : options.run) joined += (joined.empty() ? "" : "|") + r;
    run = std::make_unique<re2::RE2>(joined);
  }
  for (size_t i = 0; i < tf.tests.size(); ++i) {
    const TestGroup& tg = tf.tests[i];
    if (run && !re2::RE2::PartialMatch(tg.name, *run)) continue;
    GroupOutcome g;
    g.name = tg.name.empty() ? "unnamed#" + std::to_string(i) : tg.name;
    g.line = tg.mark.line;
    g.column = tg.mark.column;
    auto start = std::chrono::steady_clock::now();
    GroupRun(tg, tf, rule_files, options, path).run(g, out.diagnostics);
    g.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.groups.push_back(std::move(g));
  }
  return out;
}

}  // namespace caxtool::ruletest
