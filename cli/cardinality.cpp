// SPDX-License-Identifier: Apache-2.0
// `caxtool cardinality`: the metrics and labels that multiply series, from a live server, and
// the budgets they break (flags or .caxtool.yml), each with a metric_relabel_configs fix and the
// series it would remove. Exit 1 when a budget is exceeded, so CI can gate on it.
#include <chrono>
#include <nlohmann/json.hpp>

#include "cardinality/live.h"
#include "cardinality/local.h"
#include "cardinality/tsdb_source.h"
#include "command.h"
#include "config_file.h"
#include "exit_codes.h"
#include "output.h"
#include "server_flags.h"
#include "table.h"
#include "util/file.h"

namespace caxtool::cli {
namespace {

std::string share(uint64_t part, uint64_t whole) {
  if (whole == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string describe(const cardinality::Offender& o) {
  if (o.kind == "series")
    return std::to_string(o.value) + " series, over the budget of " + std::to_string(o.budget);
  if (o.kind == "metric") {
    return "metric " + o.name + " has " + std::to_string(o.value) + " series, over the budget of " +
           std::to_string(o.budget) + " per metric";
  }
  if (o.kind == "label") {
    return "label " + o.name + " has " + std::to_string(o.value) + " values, over the budget of " +
           std::to_string(o.budget);
  }
  return "forbidden label " + o.name + " is present (" + std::to_string(o.value) + " values)";
}

class CardinalityCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    auto* selector =
        sub.add_option("--selector", options_.selector,
                       "count the series matching SELECTOR, read as a stream from /api/v1/series")
            ->type_name("SELECTOR");
    auto* file = sub.add_option("--file", file_,
                                "an exposition file (- for standard input) instead of a server")
                     ->type_name("FILE");
    auto* scrape =
        sub.add_option("--scrape", scrape_, "scrape URL once and count what the target would add")
            ->type_name("URL");
    auto* tsdb =
        sub.add_option("--tsdb", tsdb_, "TSDB blocks on disk: a data directory or one block")
            ->type_name("DIR");
    sub.add_option("--block", block_, "with --tsdb: this block (default: the newest)")
        ->type_name("ULID");
    sub.add_flag("--all-blocks", all_blocks_, "with --tsdb: every block, each series counted once");
    file->excludes(scrape)->excludes(selector)->excludes(tsdb);
    scrape->excludes(selector)->excludes(tsdb);
    tsdb->excludes(selector);
    sub.add_option("--top", options_.top, "entries per list (default 10)")
        ->type_name("N")
        ->check(CLI::Range(1, 10000));
    sub.add_option("--max-series", max_series_, "budget: series in total")->type_name("N");
    sub.add_option("--max-series-per-metric", max_per_metric_, "budget: series of any one metric")
        ->type_name("N");
    sub.add_option("--max-label-values", max_label_values_,
                   "budget: distinct values of any one label")
        ->type_name("N");
    sub.add_option("--forbid-label", forbid_, "a label that must never appear (repeatable)")
        ->type_name("LABEL");
    server_.add_to(sub, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    config::Config cfg;
    if (int code = load_config_file(global, io, cfg); code != 0) return code;
    const config::CardinalityConfig& c = cfg.cardinality;
    cardinality::Budgets& b = options_.budgets;
    b.max_series = max_series_ ? max_series_ : c.max_series.value_or(0);
    b.max_series_per_metric =
        max_per_metric_ ? max_per_metric_ : c.max_series_per_metric.value_or(0);
    b.max_label_values = max_label_values_ ? max_label_values_ : c.max_label_values.value_or(0);
    b.forbidden =
        !forbid_.empty() ? forbid_ : c.forbidden_labels.value_or(std::vector<std::string>{});
    if (!file_.empty() || !scrape_.empty() || !tsdb_.empty()) return run_local(global, io);
    int code = 0;
    auto conn = connect(server_, global, io, code);
    if (!conn) return code;
    // On a terminal, a progress line once the read has taken a second; gone before the report.
    auto start = std::chrono::steady_clock::now();
    bool shown = false;
    if (io.err_is_tty && !global.quiet) {
      options_.progress = [&](uint64_t series) {
        if (std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
        io.err << "\rreading series: " << series << std::flush;
        shown = true;
      };
    }
    auto result = cardinality::analyze_server(*conn->session, options_);
    if (shown) io.err << "\r\x1b[K" << std::flush;
    if (auto* e = std::get_if<promapi::ApiError>(&result)) return report_api_error(*e, io);
    return print(std::get<cardinality::Report>(result), global, io);
  }

 private:
  // An exposition from a file or one scrape: what a target would add before it is scraped.
  int run_local(const GlobalOptions& global, Io& io) {
    cardinality::LocalOptions local;
    local.top = options_.top;
    local.budgets = options_.budgets;
    if (!tsdb_.empty()) {
      cardinality::TsdbSourceInfo info;
      auto source = cardinality::tsdb_source(tsdb_, block_, all_blocks_, info);
      if (auto* e = std::get_if<std::string>(&source)) {
        io.err << "caxtool: " << *e << '\n';
        return to_int(ExitCode::kCannotRun);
      }
      std::string scope = info.blocks.size() == 1
                              ? "the series of block " + info.blocks.front()
                              : "the series of " + std::to_string(info.blocks.size()) +
                                    " blocks, each counted once";
      auto result = cardinality::analyze_local(std::get<cardinality::SeriesSource>(source), tsdb_,
                                               scope, local);
      if (auto* e = std::get_if<std::string>(&result)) {
        io.err << "caxtool: " << *e << '\n';
        return to_int(ExitCode::kCannotRun);
      }
      return print(std::get<cardinality::Report>(result), global, io);
    }
    std::string text, name, content_type;
    if (!file_.empty()) {
      name = file_ == "-" ? "<stdin>" : file_;
      if (file_ == "-") {
        text = util::read_stdin();
      } else {
        std::string why;
        auto content = util::read_file(file_, why);
        if (!content) {
          io.err << "caxtool: " << file_ << ": " << why << '\n';
          return to_int(ExitCode::kCannotRun);
        }
        text = std::move(*content);
      }
    } else {
      ServerFlags flags = server_;
      flags.url = scrape_;
      int code = 0;
      auto conn = connect(flags, global, io, code);
      if (!conn) return code;
      http::Response r = conn->session->get("");
      if (!r.ok() || r.status != 200) {
        return report_api_error(
            promapi::failure(conn->session->describe(""), r, conn->session->options()), io);
      }
      name = http::redact_url(scrape_);
      content_type = std::string(r.header("content-type"));
      text = std::move(r.body);
    }
    auto result =
        cardinality::analyze_local(cardinality::exposition_source(text, name, content_type), name,
                                   "the series one scrape of it adds", local);
    if (auto* e = std::get_if<std::string>(&result)) {
      io.err << "caxtool: " << *e << '\n';
      return to_int(ExitCode::kCannotRun);
    }
    return print(std::get<cardinality::Report>(result), global, io);
  }

  static int print(const cardinality::Report& report, const GlobalOptions& global, Io& io) {
    if (global.format == "json") {
      print_json(report, io);
    } else if (global.format == "github" || global.format == "sarif") {
      print_findings(report, global, io);
    } else {
      print_text(report, global, io);
    }
    return to_int(report.offenders.empty() ? ExitCode::kOk : ExitCode::kCheckFailed);
  }

  static void print_text(const cardinality::Report& r, const GlobalOptions& global, Io& io) {
    std::ostream& out = io.out;
    out << "Source: " << r.source << ", " << r.scope << '\n';
    out << "Total series: " << r.total_series << '\n';
    if (!r.metrics.empty()) {
      out << "\nMetrics by series\n";
      bool driving = std::any_of(r.metrics.begin(), r.metrics.end(),
                                 [](const auto& m) { return !m.top_label.empty(); });
      Table t = driving ? Table({"METRIC", "SERIES", "SHARE", "LABEL WITH MOST VALUES"})
                        : Table({"METRIC", "SERIES", "SHARE"});
      for (const auto& m : r.metrics) {
        std::vector<std::string> row{m.name, std::to_string(m.series),
                                     share(m.series, r.total_series)};
        if (driving) {
          row.push_back(m.top_label.empty()
                            ? "-"
                            : m.top_label + " (" + std::to_string(m.top_label_values) +
                                  (m.top_label_values == 1 ? " value)" : " values)"));
        }
        t.add(std::move(row));
      }
      t.print(out);
    }
    if (!r.labels.empty()) {
      out << "\nLabels by distinct values\n";
      Table t({"LABEL", "VALUES", "SERIES"});
      for (const auto& l : r.labels)
        t.add({l.name, std::to_string(l.values), l.series ? std::to_string(l.series) : "-"});
      t.print(out);
    }
    if (!r.label_pairs.empty()) {
      out << "\nLabel pairs by series\n";
      Table t({"PAIR", "SERIES"});
      for (const auto& p : r.label_pairs) t.add({p.name, std::to_string(p.count)});
      t.print(out);
    }
    if (!r.offenders.empty()) {
      out << "\nBudgets exceeded\n";
      Table t({"KIND", "NAME", "VALUE", "BUDGET", "FIX"});
      for (const auto& o : r.offenders) {
        std::string fix = o.fix.summary;
        if (o.fix.computed) fix += " (removes " + std::to_string(o.fix.removes) + " series)";
        t.add({o.kind, o.name, std::to_string(o.value),
               o.budget ? std::to_string(o.budget) : "forbidden", fix});
      }
      t.print(out);
      bool any_yaml = std::any_of(r.offenders.begin(), r.offenders.end(),
                                  [](const auto& o) { return !o.fix.yaml.empty(); });
      if (any_yaml) {
        out << "\nSuggested fix, for the scrape job's "
               "metric_relabel_configs:\n\nmetric_relabel_configs:\n";
        for (const auto& o : r.offenders) {
          if (o.fix.yaml.empty()) continue;
          out << "  # " << describe(o) << "; removes " << o.fix.removes << " series\n";
          std::string_view y = o.fix.yaml;
          while (!y.empty()) {
            size_t nl = y.find('\n');
            out << "  " << y.substr(0, nl) << '\n';
            y.remove_prefix(nl == std::string_view::npos ? y.size() : nl + 1);
          }
        }
      }
    }
    if (!global.quiet) {
      for (const auto& n : r.notes) io.err << "note: " << n << '\n';
    }
  }

  static void print_json(const cardinality::Report& r, Io& io) {
    nlohmann::json j;
    j["source"] = r.source;
    j["scope"] = r.scope;
    j["totalSeries"] = r.total_series;
    j["metrics"] = nlohmann::json::array();
    for (const auto& m : r.metrics) {
      nlohmann::json e{{"name", m.name}, {"series", m.series}};
      if (!m.top_label.empty())
        e["topLabel"] = {{"name", m.top_label}, {"values", m.top_label_values}};
      j["metrics"].push_back(std::move(e));
    }
    j["labels"] = nlohmann::json::array();
    for (const auto& l : r.labels)
      j["labels"].push_back({{"name", l.name}, {"values", l.values}, {"series", l.series}});
    j["labelPairs"] = nlohmann::json::array();
    for (const auto& p : r.label_pairs)
      j["labelPairs"].push_back({{"name", p.name}, {"series", p.count}});
    j["offenders"] = nlohmann::json::array();
    for (const auto& o : r.offenders) {
      j["offenders"].push_back({{"kind", o.kind},
                                {"name", o.name},
                                {"value", o.value},
                                {"budget", o.budget},
                                {"fix",
                                 {{"summary", o.fix.summary},
                                  {"relabel", o.fix.yaml},
                                  {"removesSeries", o.fix.removes},
                                  {"measured", o.fix.computed}}}});
    }
    j["notes"] = r.notes;
    io.out << j.dump(2) << '\n';
  }

  static void print_findings(const cardinality::Report& r, const GlobalOptions& global, Io& io) {
    diag::Diagnostics diags;
    for (const auto& o : r.offenders) {
      diag::Diagnostic d;
      d.file = r.source;
      d.severity = diag::Severity::kError;
      d.check = "cardinality/" + o.kind;
      d.message = describe(o);
      d.hint = o.fix.summary;
      diags.add(std::move(d));
    }
    print_diagnostics(global, io, diags, diag::Sources{});
  }

  cardinality::LiveOptions options_;
  uint64_t max_series_ = 0;
  uint64_t max_per_metric_ = 0;
  uint64_t max_label_values_ = 0;
  std::vector<std::string> forbid_;
  std::string file_;
  std::string scrape_;
  std::string tsdb_;
  std::string block_;
  bool all_blocks_ = false;
  ServerFlags server_;
};

}  // namespace

std::unique_ptr<Command> make_cardinality_command() {
  return std::make_unique<CardinalityCommand>();
}

}  // namespace caxtool::cli
