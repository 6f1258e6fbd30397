// SPDX-License-Identifier: Apache-2.0
// `caxtool tsdb status`: the server's TSDB statistics, the same model whatever the engine, with
// the scope said out loud: Prometheus counts only its head block (the last two hours or so).
// `caxtool tsdb analyze` (blocks on disk) lives in tsdb_analyze.cpp.
#include <nlohmann/json.hpp>

#include "command.h"
#include "exit_codes.h"
#include "promapi/tsdb_status.h"
#include "server_flags.h"
#include "table.h"
#include "tsdb_analyze.h"
#include "util/time.h"

namespace caxtool::cli {
namespace {

nlohmann::json stats_json(const std::vector<promapi::Stat>& list) {
  auto out = nlohmann::json::array();
  for (const auto& s : list) out.push_back({{"name", s.name}, {"value", s.value}});
  return out;
}

void print_stats(std::ostream& out, const char* title, const char* value_header,
                 const std::vector<promapi::Stat>& list) {
  if (list.empty()) return;
  out << '\n' << title << '\n';
  Table t({"NAME", value_header});
  for (const auto& s : list) t.add({s.name, std::to_string(s.value)});
  t.print(out);
}

class TsdbCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.require_subcommand(1);
    analyze_ = sub.add_subcommand("analyze", "cardinality and churn of a block on disk");
    analyze_->set_help_flag("-h,--help", "print help and exit");
    analyze_->footer(
        "Reads a TSDB block's index directly and prints what promtool tsdb analyze prints, in "
        "the same layout: series, label names, postings, the label pairs and names most "
        "involved in churn, the most common label pairs, the label names with the most values "
        "and bytes of values, and the metric names with the most series. BLOCK defaults to the "
        "newest block (highest ULID); --all analyses every block. Exit 3 when a block cannot "
        "be read or its index is corrupt.");
    analyze_flags_.add_to(*analyze_);
    status_ = sub.add_subcommand("status", "TSDB statistics of a live server's head block");
    status_->set_help_flag("-h,--help", "print help and exit");
    status_->footer(
        "Prints the head block's series, label pairs, chunks and time range, then the largest "
        "metrics, label names and label pairs. Prometheus counts only its head block (roughly the "
        "last two hours), VictoriaMetrics one day (--date). --limit is sent to servers that take "
        "it (Prometheus 2.45 and later, VictoriaMetrics as topN, Thanos) and applied here to the "
        "others.");
    status_->add_option("--limit", query_.limit, "entries per list (default 10)")
        ->type_name("N")
        ->check(CLI::Range(1, 10000));
    status_
        ->add_option("--date", query_.date, "VictoriaMetrics: the day to count (YYYY-MM-DD, UTC)")
        ->type_name("DATE");
    status_
        ->add_option("--focus-label", query_.focus_label,
                     "VictoriaMetrics: also count series per value of LABEL")
        ->type_name("LABEL");
    server_.add_to(*status_, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (analyze_->parsed()) return run_tsdb_analyze(analyze_flags_, global, io);
    if (int code = check_text_or_json(global, io); code != 0) return code;
    int code = 0;
    auto conn = connect(server_, global, io, code);
    if (!conn) return code;
    auto detected = promapi::detect_server(*conn->session);
    if (auto* e = std::get_if<promapi::ApiError>(&detected)) return report_api_error(*e, io);
    const promapi::ServerInfo& info = std::get<promapi::ServerInfo>(detected);
    if (info.engine == http::Engine::kMimir || info.engine == http::Engine::kCortex) {
      io.err << "caxtool: " << http::engine_name(info.engine)
             << " has no /api/v1/status/tsdb\n  hint: its cardinality API is read by `caxtool "
                "cardinality --url`\n";
      return to_int(ExitCode::kCannotRun);
    }
    bool limit_sent = false;
    http::Params params = promapi::tsdb_status_params(info, query_, limit_sent);
    promapi::ApiResult r = promapi::call(*conn->session, "/api/v1/status/tsdb", params);
    if (auto* e = std::get_if<promapi::ApiError>(&r)) return report_api_error(*e, io);
    auto read = promapi::read_tsdb_status(*std::get<std::unique_ptr<promapi::Document>>(r), info,
                                          query_, limit_sent);
    if (auto* e = std::get_if<promapi::ApiError>(&read)) {
      e->asked = conn->session->describe("/api/v1/status/tsdb", params);
      return report_api_error(*e, io);
    }
    const promapi::TsdbReport& report = std::get<promapi::TsdbReport>(read);
    if (global.format == "json") {
      print_json(report, info, io);
    } else {
      print_text(report, info, global, io);
    }
    return to_int(ExitCode::kOk);
  }

 private:
  static void print_json(const promapi::TsdbReport& report, const promapi::ServerInfo& info,
                         Io& io) {
    nlohmann::json out;
    out["engine"] = std::string(http::engine_name(report.engine));
    out["version"] = info.version;
    out["limitSent"] = report.limit_sent;
    out["notes"] = report.notes;
    out["tenants"] = nlohmann::json::array();
    for (const auto& t : report.tenants) {
      nlohmann::json j;
      if (!t.tenant.empty()) j["tenant"] = t.tenant;
      if (t.head) {
        j["headStats"] = {{"numSeries", t.head->num_series},
                          {"numLabelPairs", t.head->num_label_pairs},
                          {"chunkCount", t.head->chunk_count},
                          {"minTime", t.head->min_time_ms},
                          {"maxTime", t.head->max_time_ms}};
      }
      if (t.total_series) j["totalSeries"] = *t.total_series;
      if (t.total_label_value_pairs) j["totalLabelValuePairs"] = *t.total_label_value_pairs;
      j["seriesCountByMetricName"] = stats_json(t.series_by_metric);
      j["labelValueCountByLabelName"] = stats_json(t.label_values_by_name);
      j["memoryInBytesByLabelName"] = stats_json(t.memory_by_label_name);
      j["seriesCountByLabelValuePair"] = stats_json(t.series_by_label_pair);
      if (!t.series_by_label_name.empty())
        j["seriesCountByLabelName"] = stats_json(t.series_by_label_name);
      if (!t.series_by_focus_value.empty())
        j["seriesCountByFocusLabelValue"] = stats_json(t.series_by_focus_value);
      out["tenants"].push_back(std::move(j));
    }
    io.out << out.dump(2) << '\n';
  }

  void print_text(const promapi::TsdbReport& report, const promapi::ServerInfo& info,
                  const GlobalOptions& global, Io& io) const {
    std::ostream& out = io.out;
    std::string engine(http::engine_name(report.engine));
    if (!info.version.empty()) engine += " " + info.version;
    bool first = true;
    for (const auto& t : report.tenants) {
      if (!first) out << '\n';
      first = false;
      if (!t.tenant.empty()) out << "Tenant " << t.tenant << '\n';
      if (t.head) {
        out << "Head block (" << engine << "): " << t.head->num_series << " series, "
            << t.head->num_label_pairs << " label pairs, " << t.head->chunk_count << " chunks\n";
        if (t.head->max_time_ms > t.head->min_time_ms) {
          double lo = static_cast<double>(t.head->min_time_ms) / 1000;
          double hi = static_cast<double>(t.head->max_time_ms) / 1000;
          out << "Time range: " << util::format_rfc3339(lo) << " .. " << util::format_rfc3339(hi)
              << " (" << util::format_seconds(hi - lo) << ")\n";
        }
        out << "These figures cover only the head block (in memory), not the blocks on disk.\n";
      } else {
        out << "Index (" << engine << ")"
            << (query_.date.empty() ? ", today (UTC)" : ", " + query_.date) << ": "
            << t.total_series.value_or(0) << " series, " << t.total_label_value_pairs.value_or(0)
            << " label pairs\n";
      }
      print_stats(out, "Series by metric name", "SERIES", t.series_by_metric);
      print_stats(out, "Distinct values by label name", "VALUES", t.label_values_by_name);
      print_stats(out, "Series by label name", "SERIES", t.series_by_label_name);
      print_stats(out, "Memory by label name (bytes of values)", "BYTES", t.memory_by_label_name);
      print_stats(out, "Series by label pair", "SERIES", t.series_by_label_pair);
      if (!query_.focus_label.empty()) {
        print_stats(out, ("Series by value of " + query_.focus_label).c_str(), "SERIES",
                    t.series_by_focus_value);
      }
    }
    if (report.tenants.empty()) out << "The server reported no tenants.\n";
    if (!global.quiet) {
      for (const auto& note : report.notes) io.err << "note: " << note << '\n';
    }
  }

  CLI::App* status_ = nullptr;
  CLI::App* analyze_ = nullptr;
  TsdbAnalyzeFlags analyze_flags_;
  promapi::TsdbStatusQuery query_;
  ServerFlags server_;
};

}  // namespace

std::unique_ptr<Command> make_tsdb_command() { return std::make_unique<TsdbCommand>(); }

}  // namespace caxtool::cli
