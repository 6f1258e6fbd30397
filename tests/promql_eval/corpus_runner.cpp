// SPDX-License-Identifier: Apache-2.0
// Runs Prometheus's own PromQL engine tests (promql/promqltest/testdata/*.test: `load`, `eval
// instant|range`, `eval_fail`, `eval_ordered`, `expect ...`, `clear`) against caxtool's engine
// and prints pass/fail/skip counts per file. Comparison is Prometheus's: unordered unless
// ordered, values equal within a relative 1e-6, NaN equal to NaN. Cases the engine does not
// cover on purpose are skipped by the explicit list in skip_reason(), nothing else.
//
//   promql_eval_corpus --version 2.42 [-v] FILE...
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "histogram_readiness.h"
#include "nhcb_load.h"
#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "ruletest/series.h"
#include "series_notation.h"

using namespace caxtool;
using namespace caxtool::promql;
using evaltest::parse_duration_ms;

namespace {

using evaltest::histogram_ready;

// What is out of scope, and why. A case is skipped when its expression, or the data it runs on,
// needs one of these; everything else must pass.
std::optional<std::string> skip_reason(const std::string& expr,
                                       const std::set<std::string>& native_names, bool unloadable,
                                       const ParseOptions& popt) {
  // A case reading native-histogram series runs when its expression only uses what the engine
  // evaluates on histograms (selectors, histogram_* functions, functions that drop them).
  if (unloadable) {
    for (const auto& n : native_names)
      if (expr.find(n) != std::string::npos || expr.find("__name__") != std::string::npos)
        return "reads " + n + ", a native-histogram load line not read";
  }
  if (!native_names.empty()) {
    ParseResult pr = parse(expr, popt);
    if (pr.ok() && !histogram_ready(*pr.expr, native_names))
      return std::string(
          "native histograms through an operator, aggregation or function not implemented for "
          "them");
  }
  return std::nullopt;
}

// Whole files that test feature flags caxtool's engine does not model: their cases assume the
// flag is on, so they would fail by design.
std::optional<std::string> file_skip_reason(const std::string& path) {
  static const char* kFiles[][2] = {
      {"type_and_unit.test", "--enable-feature=type-and-unit-labels"},
      {"start_timestamps.test", "start timestamps (@st lines, 3.x experimental)"},
  };
  for (const auto& f : kFiles) {
    std::string name = f[0];
    if (path.size() >= name.size() &&
        path.compare(path.size() - name.size(), name.size(), name) == 0)
      return std::string(f[1]);
  }
  return std::nullopt;
}

bool almost_equal(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  if (a == b) return true;
  constexpr double kMinNormal = 2.2250738585072014e-308, kEps = 1e-6;
  double abs_sum = std::fabs(a) + std::fabs(b), diff = std::fabs(a - b);
  if (a == 0 || b == 0 || abs_sum < kMinNormal) return diff < kEps * kMinNormal;
  return diff / std::min(abs_sum, 1.7976931348623157e308) < kEps;
}

struct Expected {
  eval::Labels labels;
  std::vector<evaltest::SeqValue> values;
  int pos = 0;
  // Native histograms by value index (null for a float), and whether the line names a
  // counter_reset_hint (promqltest compares the hint only then).
  std::vector<std::shared_ptr<const eval::FloatHistogram>> hist;
  bool hint_set = false;
};

// A series line in the native-histogram notation, read by caxtool test rules' parser.
std::optional<Expected> parse_histogram_line(const std::string& line) {
  size_t end = line.find_first_of("{ \t");
  if (end != std::string::npos && line[end] == '{') {
    bool quoted = false;
    for (; end < line.size(); ++end) {
      if (line[end] == '\\') {
        ++end;
      } else if (line[end] == '"') {
        quoted = !quoted;
      } else if (!quoted && line[end] == '}') {
        ++end;
        break;
      }
    }
  }
  if (end == std::string::npos || end >= line.size()) return std::nullopt;
  ruletest::NotationError err;
  auto p = ruletest::parse_series(line.substr(0, end), line.substr(end + 1), err, 1'000'000, true);
  if (!p) return std::nullopt;
  Expected e;
  e.labels = eval::Labels(p->labels.begin(), p->labels.end());
  e.hist.resize(p->values.size());
  for (size_t k = 0; k < p->values.size(); ++k)
    e.values.push_back({p->values[k].value_or(0), !p->values[k].has_value()});
  for (auto& [k, h] : p->histograms) {
    e.values[k].omitted = false;
    e.hist[k] = h;
  }
  e.hint_set = line.find("counter_reset_hint") != std::string::npos;
  return e;
}

// promqltest's compareNativeHistogram on compacted sides.
bool same_histogram(const eval::FloatHistogram& exp, const eval::FloatHistogram& got,
                    bool hint_set);

struct EvalCase {
  int line = 0;
  std::string expr;
  bool range = false, fail = false, ordered = false;
  int64_t at = 0, start = 0, end = 0, step = 0;
  std::optional<std::string> fail_msg, fail_regex, expect_string;
  std::optional<double> scalar;
  bool expect_matrix = false;
  int64_t m_start = 0, m_step = 0;
  std::vector<Expected> series;
};

std::string key(const eval::Labels& l) { return eval::format_labels(l); }

bool same_histogram(const eval::FloatHistogram& exp, const eval::FloatHistogram& got,
                    bool hint_set) {
  eval::FloatHistogram a = exp, b = got;
  a.compact();
  b.compact();
  auto side = [](const eval::FloatHistogram::Side& x, const eval::FloatHistogram::Side& y) {
    if (x.offset != y.offset || x.buckets.size() != y.buckets.size()) return false;
    for (size_t i = 0; i < x.buckets.size(); ++i)
      if (!almost_equal(x.buckets[i], y.buckets[i])) return false;
    return true;
  };
  return a.schema == b.schema && almost_equal(a.count, b.count) && almost_equal(a.sum, b.sum) &&
         (!a.custom() || a.custom_values == b.custom_values) &&
         a.zero_threshold == b.zero_threshold && almost_equal(a.zero_count, b.zero_count) &&
         side(a.negative, b.negative) && side(a.positive, b.positive) &&
         (!hint_set || a.hint == b.hint);
}

std::string compare(const EvalCase& c, const eval::EvalResult& r) {
  if (c.fail) {
    if (r.ok()) return "expected an error, got none";
    if (c.fail_msg && *c.fail_msg != *r.error)
      return "expected error \"" + *c.fail_msg + "\", got \"" + *r.error + "\"";
    if (c.fail_regex && !std::regex_search(*r.error, std::regex(*c.fail_regex)))
      return "error \"" + *r.error + "\" does not match " + *c.fail_regex;
    return "";
  }
  if (!r.ok()) return "unexpected error: " + *r.error;
  const auto& v = r.value;
  if (v.type == ValueType::kString) {
    if (c.expect_string && *c.expect_string == v.string) return "";
    return "unexpected string \"" + v.string + "\"";
  }
  if (v.type == ValueType::kScalar) {
    if (!c.scalar) return "got scalar " + eval::format_value(v.scalar) + ", expected no scalar";
    if (!almost_equal(*c.scalar, v.scalar))
      return "expected scalar " + eval::format_value(*c.scalar) + " got " +
             eval::format_value(v.scalar);
    return "";
  }
  std::map<std::string, const Expected*> exp;
  for (const auto& e : c.series) exp[key(e.labels)] = &e;
  bool matrix = v.type == ValueType::kMatrix;
  int64_t start = c.range ? c.start : c.m_start, step = c.range ? c.step : c.m_step;
  std::map<std::string, bool> seen;
  for (size_t i = 0; i < v.series.size(); ++i) {
    const auto& s = v.series[i];
    auto it = exp.find(key(s.labels));
    if (it == exp.end()) return "unexpected series " + key(s.labels);
    seen[it->first] = true;
    const Expected& e = *it->second;
    if (!matrix) {
      if (c.ordered && e.pos != static_cast<int>(i) + 1)
        return "series " + key(s.labels) + " at position " + std::to_string(i + 1) + ", expected " +
               std::to_string(e.pos);
      const eval::FloatHistogram* want_h = e.hist.empty() ? nullptr : e.hist[0].get();
      if (want_h || s.samples[0].h()) {
        if (!want_h || !s.samples[0].h() || !same_histogram(*want_h, *s.samples[0].h(), e.hint_set))
          return "expected " +
                 (want_h ? want_h->test_expression() : eval::format_value(e.values[0].v)) +
                 " for " + key(s.labels) + " got " +
                 (s.samples[0].h() ? s.samples[0].h()->test_expression()
                                   : eval::format_value(s.samples[0].v));
        continue;
      }
      if (e.values.empty() || !almost_equal(e.values[0].v, s.samples[0].v))
        return "expected " + (e.values.empty() ? "?" : eval::format_value(e.values[0].v)) +
               " for " + key(s.labels) + " got " + eval::format_value(s.samples[0].v);
      continue;
    }
    std::vector<eval::Sample> want;
    for (size_t k = 0; k < e.values.size(); ++k)
      if (!e.values[k].omitted)
        want.push_back(eval::Sample::of(start + static_cast<int64_t>(k) * step, e.values[k].v,
                                        k < e.hist.size() ? e.hist[k].get() : nullptr));
    bool same = want.size() == s.samples.size();
    for (size_t k = 0; same && k < want.size(); ++k) {
      const auto *wh = want[k].h(), *gh = s.samples[k].h();
      same = want[k].t == s.samples[k].t &&
             ((wh || gh) ? (wh && gh && same_histogram(*wh, *gh, e.hint_set))
                         : almost_equal(want[k].v, s.samples[k].v));
    }
    if (!same) {
      std::string got;
      for (const auto& p : s.samples)
        got += " " + (p.h() ? p.h()->test_expression() : eval::format_value(p.v)) + "@" +
               std::to_string(p.t);
      return "series " + key(s.labels) + " differs: got" + got;
    }
  }
  for (const auto& [k, e] : exp)
    if (!seen[k]) return "expected series " + k + " not found";
  return "";
}

struct FileStats {
  int pass = 0, fail = 0, skip = 0;
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

FileStats run_file(const std::string& path, Version version, bool verbose) {
  FileStats st;
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    l = trim(l);
    if (!l.empty() && l[0] == '#') l.clear();
    lines.push_back(l);
  }
  auto storage = std::make_unique<eval::Storage>();
  bool unloadable = false;  // a load line even the histogram notation could not read
  std::set<std::string> native_names;
  ParseOptions popt;
  popt.version = version;
  popt.enable_experimental_functions = true;
  popt.enable_duration_expressions = true;
  popt.enable_extended_range_selectors = true;
  popt.enable_binop_fill_modifiers = true;
  eval::EvalOptions eopt;
  eopt.version = version;
  eopt.enable_experimental_functions = true;
  // promqltest's engine (NewTestEngine) delays name removal for every file since 2.55.
  eopt.delayed_name_removal = version >= Version{2, 55};
  static const std::regex kInstant(
      R"(^eval(?:_(fail|warn|ordered|info))?\s+instant\s+(?:at\s+(.+?))?\s+(.+)$)");
  static const std::regex kRange(
      R"(^eval(?:_(fail|warn|info))?\s+range\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+?)\s+(.+)$)");
  static const std::regex kExpectRange(
      R"(^expect range vector\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+)$)");
  auto report = [&](int line, const std::string& what) {
    if (verbose) std::printf("%s:%d: %s\n", path.c_str(), line, what.c_str());
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.empty()) continue;
    if (l == "clear") {
      storage = std::make_unique<eval::Storage>();
      unloadable = false;
      native_names.clear();
      continue;
    }
    if (l.rfind("load", 0) == 0) {
      bool nhcb = l.rfind("load_with_nhcb", 0) == 0;
      auto step = parse_duration_ms(trim(l.substr(l.find(' ') + 1)));
      // As in Prometheus's loader, a series defined twice in one load takes the later line.
      std::map<std::string, std::pair<eval::Labels, std::vector<eval::Sample>>> defs;
      std::vector<std::shared_ptr<const eval::FloatHistogram>> keep;
      for (++i; i < lines.size() && !lines[i].empty(); ++i) {
        std::string err;
        auto s = evaltest::parse_series_line(lines[i], err);
        if (!s) {
          // The notation's native histograms ({{schema:0 ...}}): remember the metric name.
          std::string name = lines[i].substr(0, lines[i].find_first_of("{ \t"));
          native_names.insert(name.empty() ? lines[i] : name);
          std::optional<Expected> h = parse_histogram_line(lines[i]);
          if (!h) {
            unloadable = true;
            continue;
          }
          std::vector<eval::Sample> samples;
          for (size_t k = 0; k < h->values.size(); ++k) {
            if (h->values[k].omitted) continue;
            const eval::FloatHistogram* p = h->hist[k].get();
            if (p && (keep.empty() || keep.back() != h->hist[k])) keep.push_back(h->hist[k]);
            samples.push_back(
                eval::Sample::of(static_cast<int64_t>(k) * step.value_or(0), h->values[k].v, p));
          }
          defs[key(h->labels)] = {h->labels, std::move(samples)};
          continue;
        }
        std::vector<eval::Sample> samples;
        for (size_t k = 0; k < s->values.size(); ++k)
          if (!s->values[k].omitted)
            samples.push_back({static_cast<int64_t>(k) * step.value_or(0), s->values[k].v});
        defs[key(s->labels)] = {s->labels, std::move(samples)};
      }
      --i;
      // load_with_nhcb: the classic histograms' native copies, appended after the series.
      evaltest::NhcbLoad converted;
      if (nhcb) converted = evaltest::nhcb_from_classic(defs);
      for (auto& [k, d] : defs) storage->append(d.first, std::move(d.second), keep);
      if (!converted.error.empty()) {
        report(static_cast<int>(i) + 1, "load_with_nhcb failed: " + converted.error);
        st.fail++;
      }
      for (auto& s : converted.series)
        storage->append(std::move(s.labels), std::move(s.samples), converted.keep);
      native_names.insert(converted.names.begin(), converted.names.end());
      continue;
    }
    std::smatch m;
    EvalCase c;
    c.line = static_cast<int>(i) + 1;
    std::string mod;
    if (std::regex_match(l, m, kInstant)) {
      mod = m[1];
      c.at = m[2].matched ? parse_duration_ms(m[2].str()).value_or(0) : 0;
      c.expr = m[3];
    } else if (std::regex_match(l, m, kRange)) {
      mod = m[1];
      c.range = true;
      c.start = parse_duration_ms(m[2].str()).value_or(0);
      c.end = parse_duration_ms(m[3].str()).value_or(0);
      c.step = parse_duration_ms(m[4].str()).value_or(0);
      c.expr = m[5];
    } else {
      report(c.line, "unknown command: " + l);
      st.fail++;
      continue;
    }
    c.fail = mod == "fail";
    c.ordered = mod == "ordered";
    for (int j = 1; i + 1 < lines.size() && !lines[i + 1].empty(); ++j) {
      const std::string& d = lines[++i];
      if (c.fail && d.rfind("expected_fail_message", 0) == 0) {
        c.fail_msg = trim(d.substr(21));
      } else if (c.fail && d.rfind("expected_fail_regexp", 0) == 0) {
        c.fail_regex = trim(d.substr(20));
      } else if (std::regex_match(d, m, kExpectRange)) {
        c.expect_matrix = true;
        c.m_start = parse_duration_ms(m[1].str()).value_or(0);
        c.m_step = parse_duration_ms(m[3].str()).value_or(0);
        --j;
      } else if (d.rfind("expect ", 0) == 0) {
        --j;
        std::string rest = d.substr(7);
        if (rest.rfind("fail", 0) == 0) {
          c.fail = true;
          if (rest.rfind("fail msg:", 0) == 0) c.fail_msg = trim(rest.substr(9));
          if (rest.rfind("fail regex:", 0) == 0) c.fail_regex = trim(rest.substr(11));
        } else if (rest == "ordered") {
          c.ordered = true;
        } else if (rest.rfind("string", 0) == 0) {
          std::string s = trim(rest.substr(6));
          if (s.size() >= 2) c.expect_string = s.substr(1, s.size() - 2);
        }
        // warn/info/no_warn/no_info: annotations are not compared (see the report).
      } else if (auto num = evaltest::parse_number(d)) {
        c.scalar = num;
      } else {
        std::string err;
        auto s = evaltest::parse_series_line(d, err);
        if (!s) {
          if (std::optional<Expected> h = parse_histogram_line(d)) {
            h->pos = j;
            c.series.push_back(std::move(*h));
            continue;
          }
          Expected bad;
          bad.labels = {{"__unparsed__", d}};
          bad.pos = j;
          c.series.push_back(std::move(bad));
          continue;
        }
        Expected e;
        e.labels = s->labels;
        e.values = s->values;
        e.pos = j;
        c.series.push_back(std::move(e));
      }
    }
    auto why = file_skip_reason(path);
    if (!why) why = skip_reason(c.expr, native_names, unloadable, popt);
    if (why) {
      st.skip++;
      report(c.line, "SKIP (" + *why + "): " + c.expr);
      continue;
    }
    ParseResult pr = parse(c.expr, popt);
    std::string problem;
    if (!pr.ok()) {
      if (!c.fail) problem = "parse error: " + (pr.errors.empty() ? "" : pr.errors[0].message);
    } else {
      eval::EvalResult r = c.range
                               ? eval::eval_range(*pr.expr, c.start, c.end, c.step, *storage, eopt)
                               : eval::eval_instant(*pr.expr, c.at, *storage, eopt);
      problem = compare(c, r);
    }
    if (problem.empty()) {
      st.pass++;
    } else {
      st.fail++;
      report(c.line, "FAIL " + c.expr + ": " + problem);
    }
  }
  return st;
}

}  // namespace

int main(int argc, char** argv) {
  Version version = newest_version();
  bool verbose = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--version" && i + 1 < argc) {
      version = parse_version(argv[++i]).value_or(newest_version());
    } else if (a == "-v") {
      verbose = true;
    } else {
      files.push_back(a);
    }
  }
  int failed = 0;
  for (const auto& f : files) {
    FileStats st = run_file(f, version, verbose);
    std::printf("%-60s pass %4d  fail %3d  skip %3d\n", f.c_str(), st.pass, st.fail, st.skip);
    failed += st.fail;
  }
  return failed == 0 ? 0 : 1;
}
