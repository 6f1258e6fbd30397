// SPDX-License-Identifier: Apache-2.0
// The check metrics handler: it sits on the parser's sample events and keeps, per family, only
// what the lints and the extended table need. Name lints run once, at a family's first sample;
// label lints once per family and message; "no help text" at the end, since a HELP may follow
// the samples in Prometheus text.
#include "exposition/check.h"

#include <algorithm>
#include <map>

#include "exposition/duplicates.h"
#include "exposition/hash.h"
#include "exposition/histogram_check.h"
#include "exposition/lint.h"
#include "exposition/number.h"
#include "exposition/parser.h"

namespace caxtool::exposition {

struct MetricsChecker::Impl : Handler {
  struct FamilyState {
    bool seen = false;
    uint8_t label_flags = 0;  // bit 0: le, 1: quantile, 2: camelCase label (each reported once)
    int first_line = 0;
    int name_column = 1;
    int name_end = 2;
    std::string first_text;  // kept only when the help lint may need it
    int64_t lines = 0;
    std::unique_ptr<HashSet> metrics;  // histogram/summary signatures, for the extended table
    uint64_t first_sig = 0;
    int64_t first_parts = 0;
  };

  explicit Impl(CheckOptions o) : options(std::move(o)), parser(make_parse_options(), this) {
    lint_duplicates = enabled(kLintDuplicate);
    lint_buckets = enabled(kLintBuckets) && options.format == Format::kPrometheus;
    lint_labels = enabled(kLintReserved) || enabled(kLintCamelCase);
  }

  ParseOptions make_parse_options() const {
    ParseOptions p;
    p.format = options.format;
    p.file = options.file;
    return p;
  }
  bool enabled(std::string_view lint) const { return options.lints.count(lint) > 0; }

  static int code_points(std::string_view line, size_t offset) {
    int col = 1;
    for (size_t i = 0; i < offset && i < line.size(); ++i) {
      col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return col;
  }

  void lint(std::string_view name, std::string message, int column, int end_column) {
    const LintInfo* info = find_lint(name);
    parser.report(info->severity, name, std::move(message), column, end_column);
  }

  void on_sample(const Sample& s) override {
    const Family& f = *s.family;
    if (f.id >= states.size()) states.resize(f.id + 1);
    FamilyState& fs = states[f.id];
    std::string_view line = parser.current_line();
    if (!fs.seen) first_sample(f, fs, s, line);
    bool hist = f.type == MetricType::kHistogram, summ = f.type == MetricType::kSummary;
    // An OpenMetrics gaugehistogram has buckets too; Prometheus text's gauge_histogram is only
    // a name expfmt accepts, and promlint treats it as any other type.
    bool has_le =
        hist || (f.type == MetricType::kGaugeHistogram && options.format == Format::kOpenMetrics);
    if (lint_labels) {
      for (const Label& l : s.labels) check_label(f, fs, l, line, has_le, summ);
    }
    if (!lint_duplicates && !options.extended && !(lint_buckets && hist)) {
      if (lint_buckets) end_histogram();
      return;
    }
    uint64_t sig = 0;
    uint64_t full = 0;
    for (const Label& l : s.labels) {
      uint64_t h = hash_label_text(l.name, l.value, scratch);
      full += h;
      if (!((hist && l.name == "le") || (summ && l.name == "quantile"))) sig += h;
    }
    if (lint_duplicates) {
      duplicates.add(name_key(s) ^ mix64(full), s.line, line,
                     static_cast<size_t>(s.name.data() - line.data()), s.name.size());
    }
    if (options.extended) count_extended(fs, s, hist, summ, sig);
    if (lint_buckets) check_buckets(f, s, hist, sig, line);
  }

  // In Prometheus text a sample name always resolves to the same family and suffix, and the
  // pair spells the name, so it keys the name without hashing it. OpenMetrics hashes the name.
  uint64_t name_key(const Sample& s) const {
    if (options.format != Format::kPrometheus) return hash_bytes(s.name);
    return mix64((static_cast<uint64_t>(s.family->id) << 8 | static_cast<uint64_t>(s.suffix)) ^
                 0x9e3779b97f4a7c15ULL);
  }

  void first_sample(const Family& f, FamilyState& fs, const Sample& s, std::string_view line) {
    fs.seen = true;
    ++families;
    fs.first_line = s.line;
    size_t at = static_cast<size_t>(s.name.data() - line.data());
    fs.name_column = code_points(line, at);
    fs.name_end = code_points(line, at + s.name.size());
    if (enabled(kLintHelp) && !f.has_help) fs.first_text = std::string(line);
    problems.clear();
    name_problems(f.name, f.type, options.format, problems);
    for (NameProblem& p : problems) {
      if (enabled(p.lint)) {
        lint(p.lint, f.name + ": " + p.message, fs.name_column, fs.name_end);
      }
    }
  }

  void check_label(const Family& f, FamilyState& fs, const Label& l, std::string_view line,
                   bool hist, bool summ) {
    auto once = [&](uint8_t bit, std::string_view name, std::string message) {
      if ((fs.label_flags & bit) != 0 || !enabled(name)) return;
      fs.label_flags |= bit;
      int col = code_points(line, static_cast<size_t>(l.column - 1));
      lint(name, f.name + ": " + message, col, col + static_cast<int>(l.name.size()));
    };
    if (f.type != MetricType::kUntyped) {
      if (!hist && l.name == "le")
        once(1, kLintReserved, "non-histogram metrics should not have \"le\" label");
      if (!summ && l.name == "quantile") {
        once(2, kLintReserved, "non-summary metrics should not have \"quantile\" label");
      }
    }
    if (l.camel_case && (fs.label_flags & 4) == 0) {
      once(4, kLintCamelCase, "label names should be written in 'snake_case' not 'camelCase'");
    }
  }

  void count_extended(FamilyState& fs, const Sample& s, bool hist, bool summ, uint64_t sig) {
    ++fs.lines;
    if (!hist && !summ) return;
    if (!fs.metrics) {
      fs.metrics = std::make_unique<HashSet>();
      fs.first_sig = sig;
    }
    fs.metrics->insert(sig);
    if (sig != fs.first_sig || s.suffix == Suffix::kCount || s.suffix == Suffix::kSum) return;
    std::string_view part = hist ? "le" : "quantile";
    for (const Label& l : s.labels) {
      if (l.name == part) ++fs.first_parts;
    }
  }

  // Prometheus text: the buckets of each histogram metric, read as contiguous runs.
  void check_buckets(const Family& f, const Sample& s, bool hist, uint64_t sig,
                     std::string_view line) {
    if (!hist) {
      end_histogram();
      return;
    }
    if (!bucket_run.active() || f.id != run_family || sig != run_sig) {
      end_histogram();
      run_family = f.id;
      run_sig = sig;
    }
    run_line = s.line;
    run_text.assign(line);
    double v = s.has_number ? s.number : to_float(s.value);
    if (s.suffix == Suffix::kCount) {
      bucket_run.add_count(v);
    } else if (s.suffix == Suffix::kSum) {
      bucket_run.add_sum(v);
    } else {
      for (const Label& l : s.labels) {
        if (l.name != "le") continue;
        std::string problem = bucket_run.add_bucket(l.value, to_float(l.value), v);
        if (!problem.empty()) {
          int col = code_points(line, static_cast<size_t>(l.column - 1));
          lint(kLintBuckets, f.name + ": " + problem, col, col + 2);
        }
      }
    }
  }

  void end_histogram() {
    if (!bucket_run.active()) return;
    std::string problem = bucket_run.finish(false, false);
    bucket_run.reset();
    if (problem.empty()) return;
    add_at(run_line, run_text, kLintBuckets, families_by_id(run_family).name + ": " + problem, 1,
           1);
  }

  const Family& families_by_id(uint32_t id) const { return parser.families()[id]; }

  // A finding on an earlier line whose text the caller kept.
  void add_at(int line_no, std::string_view text, std::string_view lint_name, std::string message,
              int column, int end_column) {
    parser.source_lines().keep(line_no, text);
    diag::Diagnostic d;
    d.file = options.file;
    d.line = d.end_line = line_no;
    d.column = column;
    d.end_column = std::max(end_column, column + 1);
    d.severity = find_lint(lint_name)->severity;
    d.check = std::string(lint_name);
    d.message = std::move(message);
    parser.diagnostics().add(std::move(d));
  }

  CheckResult finish() {
    parser.finish();
    for (const DuplicateSample& d : duplicates.finish()) {
      std::string_view line = d.text;
      add_at(d.line_no, line, kLintDuplicate,
             "metric not unique: " + std::string(line.substr(d.name_at, d.name_size)) +
                 " with these labels appeared before",
             code_points(line, d.name_at), code_points(line, d.name_at + d.name_size));
    }
    end_histogram();
    CheckResult r;
    if (enabled(kLintHelp)) {
      for (const Family& f : parser.families()) {
        if (f.id >= states.size() || !states[f.id].seen || f.has_help) continue;
        const FamilyState& fs = states[f.id];
        add_at(fs.first_line, fs.first_text, kLintHelp, f.name + ": no help text", fs.name_column,
               fs.name_end);
      }
    }
    if (options.extended) extended_table(r);
    r.parse_failed = parser.error_count() > 0;
    r.families = families;
    r.samples = parser.sample_count();
    r.diagnostics = std::move(parser.diagnostics());
    r.diagnostics.sort();
    r.source_text = parser.source_lines().sparse_text();
    return r;
  }

  void extended_table(CheckResult& r) {
    for (const Family& f : parser.families()) {
      if (f.id >= states.size() || !states[f.id].seen) continue;
      const FamilyState& fs = states[f.id];
      int64_t card = fs.lines;
      if (fs.metrics) card = static_cast<int64_t>(fs.metrics->size()) * (2 + fs.first_parts);
      r.extended.push_back({f.name, card});
      r.extended_total += card;
    }
    std::stable_sort(
        r.extended.begin(), r.extended.end(), [](const CardinalityRow& a, const CardinalityRow& b) {
          return a.cardinality != b.cardinality ? a.cardinality > b.cardinality : a.name < b.name;
        });
  }

  CheckOptions options;
  Parser parser;
  std::vector<FamilyState> states;
  std::vector<NameProblem> problems;
  DuplicateFinder duplicates;
  size_t families = 0;
  uint64_t bytes_fed = 0;
  bool lint_duplicates = false, lint_buckets = false, lint_labels = false;
  std::string scratch;  // a label pair spelled out, when the line does not have it in one piece
  HistogramMetric bucket_run;
  uint32_t run_family = 0;
  uint64_t run_sig = 0;
  int run_line = 0;
  std::string run_text;
};

MetricsChecker::MetricsChecker(CheckOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
MetricsChecker::~MetricsChecker() = default;
void MetricsChecker::feed(std::string_view chunk) {
  Impl& m = *impl_;
  m.duplicates.set_stable(chunk);  // its lines live until feed returns
  m.parser.feed(chunk);
  m.duplicates.flush();
  m.duplicates.set_stable({});
  bool first = m.bytes_fed == 0;
  m.bytes_fed += chunk.size();
  if (first && m.lint_duplicates && m.options.input_bytes > m.bytes_fed) {
    // Samples per byte so far, over the whole input, with an eighth to spare.
    double density =
        static_cast<double>(m.parser.sample_count()) / static_cast<double>(m.bytes_fed);
    m.duplicates.expect(
        static_cast<size_t>(density * static_cast<double>(m.options.input_bytes) * 1.125));
  }
}
CheckResult MetricsChecker::finish() { return impl_->finish(); }

CheckResult check_metrics_text(std::string_view text, const CheckOptions& options) {
  MetricsChecker c(options);
  c.feed(text);
  return c.finish();
}

}  // namespace caxtool::exposition
