// SPDX-License-Identifier: Apache-2.0
// Binds `tsdb analyze` flags, calls lib/tsdb for each chosen block, and renders promtool's
// text (same titles and numbers, so the two can be diffed) or JSON with the same data.
#include "tsdb_analyze.h"

#include <nlohmann/json.hpp>

#include "exit_codes.h"
#include "server_flags.h"
#include "tsdb/analysis.h"
#include "tsdb/blocks.h"
#include "tsdb/go_duration.h"

namespace caxtool::cli {

void TsdbAnalyzeFlags::add_to(CLI::App& sub) {
  sub.add_option("dir", dir, "the data directory holding the blocks (default: data/)")
      ->type_name("DIR");
  sub.add_option("block", block, "the ULID of the block to analyse (default: the newest)")
      ->type_name("BLOCK");
  sub.add_option("--limit", limit, "entries per list (default 20)")
      ->type_name("N")
      ->check(CLI::Range(0, 1000000000));
  sub.add_option("--match", match,
                 "analyse only the series this selector picks, e.g. '{job=\"api\"}'")
      ->type_name("SELECTOR");
  sub.add_flag("--all", all, "analyse every block of DIR, oldest first");
}

namespace {

int exit_code(const tsdb::TsdbError& e) {
  switch (e.kind) {
    case tsdb::TsdbError::Kind::kBadSelector:
      return to_int(ExitCode::kUsage);
    case tsdb::TsdbError::Kind::kInterrupted:
      return to_int(ExitCode::kInterrupted);
    default:
      return to_int(ExitCode::kCannotRun);
  }
}

int report(const tsdb::TsdbError& e, Io& io) {
  if (e.kind == tsdb::TsdbError::Kind::kBadSelector) {
    io.err << "caxtool: --match: " << e.message << '\n';
  } else {
    io.err << "caxtool: " << tsdb::describe(e) << '\n';
  }
  return exit_code(e);
}

template <class List>
void print_list(std::ostream& out, const char* title, const List& list) {
  out << '\n' << title << '\n';
  for (const auto& item : list) {
    if constexpr (std::is_same_v<typename List::value_type, tsdb::PairCount>) {
      out << item.count << ' ' << item.name << '=' << item.value << '\n';
    } else {
      out << item.count << ' ' << item.name << '\n';
    }
  }
}

// promtool 2.42's layout; the selector lines are those of promtool 2.48+.
void print_text(const tsdb::Analysis& a, std::ostream& out) {
  out << "Block ID: " << a.meta.ulid << '\n';
  out << "Duration: " << tsdb::go_duration_string(a.duration_ms() * 1000000) << '\n';
  out << "Series: " << a.meta.num_series << '\n';
  if (a.selector) out << "Matcher: " << *a.selector << '\n';
  out << "Label names: " << a.label_names << '\n';
  if (a.matched_series) out << "Matched series: " << *a.matched_series << '\n';
  out << "Postings (unique label pairs): " << a.postings_unique << '\n';
  out << "Postings entries (total label pairs): " << a.postings_total << '\n';
  print_list(out, "Label pairs most involved in churning:", a.churn_by_label_pair);
  print_list(out, "Label names most involved in churning:", a.churn_by_label_name);
  print_list(out, "Most common label pairs:", a.most_common_label_pairs);
  print_list(out, "Label names with highest cumulative label value length:",
             a.highest_cumulative_value_length);
  print_list(out, "Highest cardinality labels:", a.highest_cardinality_labels);
  print_list(out, "Highest cardinality metric names:", a.highest_cardinality_metric_names);
}

nlohmann::json names_json(const std::vector<tsdb::NameCount>& list) {
  auto out = nlohmann::json::array();
  for (const auto& n : list) out.push_back({{"name", n.name}, {"count", n.count}});
  return out;
}

nlohmann::json pairs_json(const std::vector<tsdb::PairCount>& list) {
  auto out = nlohmann::json::array();
  for (const auto& p : list) {
    out.push_back({{"name", p.name}, {"value", p.value}, {"count", p.count}});
  }
  return out;
}

nlohmann::json to_json(const tsdb::Analysis& a) {
  nlohmann::json j;
  j["blockId"] = a.meta.ulid;
  j["path"] = a.block_dir;
  j["minTime"] = a.meta.min_time;
  j["maxTime"] = a.meta.max_time;
  j["durationMs"] = a.duration_ms();
  j["indexVersion"] = a.index_version;
  j["totalSeries"] = a.meta.num_series;
  if (a.selector) j["matcher"] = *a.selector;
  if (a.matched_series) j["matchedSeries"] = *a.matched_series;
  j["labelNames"] = a.label_names;
  j["postingsUnique"] = a.postings_unique;
  j["postingsTotal"] = a.postings_total;
  j["churnByLabelPair"] = pairs_json(a.churn_by_label_pair);
  j["churnByLabelName"] = names_json(a.churn_by_label_name);
  j["mostCommonLabelPairs"] = pairs_json(a.most_common_label_pairs);
  j["highestCumulativeValueLength"] = names_json(a.highest_cumulative_value_length);
  j["highestCardinalityLabels"] = names_json(a.highest_cardinality_labels);
  j["highestCardinalityMetricNames"] = names_json(a.highest_cardinality_metric_names);
  return j;
}

}  // namespace

int run_tsdb_analyze(const TsdbAnalyzeFlags& flags, const GlobalOptions& global, Io& io) {
  if (int code = check_text_or_json(global, io); code != 0) return code;
  if (flags.all && !flags.block.empty()) {
    io.err << "caxtool: give a BLOCK or --all, not both\n";
    return to_int(ExitCode::kUsage);
  }
  tsdb::AnalyzeOptions options;
  options.limit = static_cast<size_t>(flags.limit);
  options.cancel = io.cancel;
  if (!flags.match.empty()) {
    auto m = tsdb::parse_selector(flags.match);
    if (auto* e = std::get_if<tsdb::TsdbError>(&m)) return report(*e, io);
    options.matchers = std::move(std::get<std::vector<tsdb::LabelMatcher>>(m));
    options.selector = flags.match;
  }
  auto listed = tsdb::list_blocks(flags.dir);
  if (auto* e = std::get_if<tsdb::TsdbError>(&listed)) return report(*e, io);
  const auto& blocks = std::get<std::vector<tsdb::BlockDir>>(listed);
  std::vector<tsdb::BlockDir> chosen;
  if (flags.all) {
    chosen = blocks;
  } else {
    auto b = tsdb::select_block(blocks, flags.dir, flags.block);
    if (auto* e = std::get_if<tsdb::TsdbError>(&b)) return report(*e, io);
    chosen.push_back(std::get<tsdb::BlockDir>(b));
  }

  // Every block is tried; the first failure decides the exit code, the rest still print.
  int code = to_int(ExitCode::kOk);
  auto json_blocks = nlohmann::json::array();
  bool first = true;
  for (const auto& b : chosen) {
    auto r = tsdb::analyze_block(b.path, options);
    if (auto* e = std::get_if<tsdb::TsdbError>(&r)) {
      int c = report(*e, io);
      if (code == 0) code = c;
      if (e->kind == tsdb::TsdbError::Kind::kInterrupted) return c;
      continue;
    }
    const auto& a = std::get<tsdb::Analysis>(r);
    if (global.format == "json") {
      json_blocks.push_back(to_json(a));
    } else {
      if (!first) io.out << '\n';
      first = false;
      print_text(a, io.out);
    }
  }
  if (global.format == "json") io.out << nlohmann::json{{"blocks", json_blocks}}.dump(2) << '\n';
  return code;
}

}  // namespace caxtool::cli
