// SPDX-License-Identifier: Apache-2.0
// `caxtool query EXPR`: an instant or range query. The expression is parsed here first, by the
// front end check rules uses, so a typo gets a caret instead of a server's error string.
#include "promapi/query.h"

#include <map>
#include <set>

#include "command.h"
#include "exit_codes.h"
#include "output.h"
#include "promql/parser.h"
#include "server_flags.h"
#include "table.h"
#include "util/duration.h"
#include "util/file.h"
#include "util/time.h"

namespace caxtool::cli {
namespace {

std::string format_time(double t) { return util::format_rfc3339(t); }

std::string number_arg(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

class QueryCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.add_option("expr", expr_, "the PromQL expression, or - for standard input")
        ->required()
        ->type_name("EXPR");
    sub.add_option("--time", time_,
                   "instant query at TIME (RFC 3339, Unix seconds, now, now-1h; default now)")
        ->type_name("TIME");
    sub.add_option("--start", start_, "range query from TIME (default: 5m before --end)")
        ->type_name("TIME");
    sub.add_option("--end", end_, "range query until TIME (default now)")->type_name("TIME");
    sub.add_option("--step", step_,
                   "range query resolution (default: the range / 250, at least 1s)")
        ->type_name("DURATION");
    add_choice_option(sub, choices, "-o,--output", output_, {"table", "csv", "json"},
                      "table (default), csv, or json (the server's data; also --format json)")
        ->type_name("FORMAT");
    sub.add_option("--prometheus-version", version_,
                   "parse EXPR as this Prometheus version does (default: the newest known)")
        ->type_name("X.Y");
    sub.add_flag("--no-parse", no_parse_,
                 "send EXPR as it is (MetricsQL, or syntax caxtool does not know)");
    server_.add_to(sub, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (int code = check_text_or_json(global, io); code != 0) return code;
    if (global.format == "json" && output_.empty()) output_ = "json";
    if (output_.empty()) output_ = "table";
    std::string expr = expr_ == "-" ? util::read_stdin() : expr_;
    while (!expr.empty() && (expr.back() == '\n' || expr.back() == '\r')) expr.pop_back();
    double now = util::unix_now();
    http::Params params{{"query", expr}};
    std::string path;
    if (int code = time_params(now, params, path, io); code != 0) return code;
    int code = 0;
    auto conn = connect(server_, global, io, code);
    if (!conn) return code;
    bool metricsql = conn->session->options().engine == http::Engine::kVictoriaMetrics;
    if (!no_parse_ && !metricsql) {
      if (int c = parse_locally(expr, global, io); c != 0) return c;
    }
    promapi::ApiResult r = promapi::call(*conn->session, path, params);
    if (auto* e = std::get_if<promapi::ApiError>(&r)) return report_api_error(*e, io);
    auto& doc = std::get<std::unique_ptr<promapi::Document>>(r);
    for (const auto& w : doc->warnings()) io.err << "warning: " << w << '\n';
    if (!global.quiet) {
      for (const auto& i : doc->infos()) io.err << "info: " << i << '\n';
    }
    if (output_ == "json") {
      io.out << simdjson::minify(doc->data()) << '\n';
      return to_int(ExitCode::kOk);
    }
    auto read = promapi::read_query_result(std::move(doc));
    if (auto* e = std::get_if<promapi::ApiError>(&read)) {
      e->asked = conn->session->describe(path);
      return report_api_error(*e, io);
    }
    const promapi::QueryResult& result = std::get<promapi::QueryResult>(read);
    if (output_ == "csv") {
      print_csv(result, io);
    } else {
      print_table(result, global, io);
    }
    return to_int(ExitCode::kOk);
  }

 private:
  int time_params(double now, http::Params& params, std::string& path, Io& io) const {
    auto bad = [&io](const char* flag, const std::string& v) {
      io.err << "caxtool: " << flag << ": '" << v
             << "' is not a time (RFC 3339, Unix seconds, now, now-1h)\n";
      return to_int(ExitCode::kUsage);
    };
    bool range = !start_.empty() || !end_.empty() || !step_.empty();
    if (!range) {
      path = "/api/v1/query";
      if (!time_.empty()) {
        auto t = util::parse_time_arg(time_, now);
        if (!t) return bad("--time", time_);
        params.emplace_back("time", number_arg(*t));
      }
      return 0;
    }
    if (!time_.empty()) {
      io.err << "caxtool: --time is for instant queries; a range query takes --start, --end and "
                "--step\n";
      return to_int(ExitCode::kUsage);
    }
    path = "/api/v1/query_range";
    double end = now;
    if (!end_.empty()) {
      auto t = util::parse_time_arg(end_, now);
      if (!t) return bad("--end", end_);
      end = *t;
    }
    double start = end - 300;
    if (!start_.empty()) {
      auto t = util::parse_time_arg(start_, now);
      if (!t) return bad("--start", start_);
      start = *t;
    }
    if (start > end) {
      io.err << "caxtool: --start is after --end\n";
      return to_int(ExitCode::kUsage);
    }
    double step = std::max(1.0, std::floor((end - start) / 250));
    if (!step_.empty()) {
      auto ms = util::parse_duration_ms(step_);
      if (!ms || *ms <= 0) {
        io.err << "caxtool: --step: '" << step_ << "' is not a positive duration such as 15s\n";
        return to_int(ExitCode::kUsage);
      }
      step = static_cast<double>(*ms) / 1000;
    }
    // Prometheus refuses more than 11,000 points per series; say so before asking.
    if ((end - start) / step > 11000) {
      io.err << "caxtool: --step: " << util::format_seconds(step) << " over "
             << util::format_seconds(end - start)
             << " is more than the 11000 points per series a server returns; raise --step\n";
      return to_int(ExitCode::kUsage);
    }
    params.emplace_back("start", number_arg(start));
    params.emplace_back("end", number_arg(end));
    params.emplace_back("step", number_arg(step));
    return 0;
  }

  int parse_locally(const std::string& expr, const GlobalOptions& global, Io& io) const {
    promql::ParseOptions options;
    if (!read_version_flag(version_, options.version, io)) return to_int(ExitCode::kUsage);
    // The server decides what it enables; locally every experimental syntax passes.
    options.enable_experimental_functions = true;
    options.enable_extended_range_selectors = true;
    options.enable_binop_fill_modifiers = true;
    promql::ParseResult r = promql::parse(expr, options);
    if (r.ok()) return 0;
    diag::Diagnostics diags;
    diag::Sources sources;
    sources.add("<expr>", expr);
    const promql::ParseError& e = r.errors.front();
    diag::Diagnostic d = expr_diagnostic(e.begin, e.end, e.message);
    d.hint = "nothing was sent to the server; --no-parse sends the expression as it is";
    diags.add(std::move(d));
    GlobalOptions text = global;
    text.format = "text";
    print_diagnostics(text, io, diags, sources);
    return to_int(ExitCode::kCheckFailed);
  }

  static std::string value_of(const promapi::Sample& s) {
    return s.histogram.empty() ? std::string(s.value) : s.histogram;
  }

  static void print_table(const promapi::QueryResult& r, const GlobalOptions& global, Io& io) {
    if (r.result_type == "scalar" || r.result_type == "string") {
      Table t({"VALUE", "TIMESTAMP"});
      for (const auto& s : r.series.front().samples) t.add({value_of(s), format_time(s.time)});
      t.print(io.out);
      return;
    }
    bool matrix = r.result_type == "matrix";
    Table t =
        matrix ? Table({"SERIES", "TIMESTAMP", "VALUE"}) : Table({"SERIES", "VALUE", "TIMESTAMP"});
    size_t samples = 0;
    for (const auto& series : r.series) {
      std::string name = promapi::series_name(series);
      for (const auto& s : series.samples) {
        ++samples;
        if (matrix) {
          t.add({name, format_time(s.time), value_of(s)});
        } else {
          t.add({name, value_of(s), format_time(s.time)});
        }
      }
    }
    if (t.size() > 0) t.print(io.out);
    if (!global.quiet) {
      io.err << r.series.size() << " series"
             << (matrix ? ", " + std::to_string(samples) + " samples" : "") << '\n';
    }
  }

  static void print_csv(const promapi::QueryResult& r, Io& io) {
    std::set<std::string_view> names;
    for (const auto& series : r.series) {
      for (const auto& [k, v] : series.labels) names.insert(k);
    }
    std::vector<std::string_view> columns;
    if (names.count("__name__")) columns.push_back("__name__");
    for (auto n : names) {
      if (n != "__name__") columns.push_back(n);
    }
    std::string out;
    for (auto c : columns) out += csv_cell(c) + ",";
    out += "timestamp,value\n";
    for (const auto& series : r.series) {
      std::string prefix;
      for (auto c : columns) {
        auto it = std::find_if(series.labels.begin(), series.labels.end(),
                               [c](const auto& l) { return l.first == c; });
        prefix += (it == series.labels.end() ? std::string() : csv_cell(it->second)) + ",";
      }
      for (const auto& s : series.samples) {
        out += prefix + number_arg(s.time) + "," + csv_cell(value_of(s)) + "\n";
      }
    }
    io.out << out;
  }

  std::string expr_;
  std::string time_, start_, end_, step_;
  std::string output_;
  std::string version_;
  bool no_parse_ = false;
  ServerFlags server_;
};

}  // namespace

std::unique_ptr<Command> make_query_command() { return std::make_unique<QueryCommand>(); }

}  // namespace caxtool::cli
