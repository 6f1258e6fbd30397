// SPDX-License-Identifier: Apache-2.0
// See tsdb_status.h. Shapes are recognised by their keys, not by the engine we believe we talk
// to: a proxy in front of VictoriaMetrics may well report a Prometheus build.
#include "promapi/tsdb_status.h"

#include <algorithm>

namespace caxtool::promapi {

namespace {

std::vector<Stat> read_list(simdjson::dom::element obj, std::string_view key, size_t limit) {
  std::vector<Stat> out;
  simdjson::dom::array list;
  if (obj[key].get(list) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element item : list) {
    Stat s;
    s.name = std::string(get_string(item, "name"));
    s.value = static_cast<uint64_t>(get_number(item, "value"));
    out.push_back(std::move(s));
  }
  // Servers send them sorted; sort anyway so that cutting keeps the largest.
  std::stable_sort(out.begin(), out.end(),
                   [](const Stat& a, const Stat& b) { return a.value > b.value; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::optional<uint64_t> read_count(simdjson::dom::element obj, std::string_view key) {
  simdjson::dom::element v;
  if (obj[key].get(v) != simdjson::SUCCESS) return std::nullopt;
  return static_cast<uint64_t>(to_number(v));
}

TsdbStatus read_one(simdjson::dom::element d, size_t limit) {
  TsdbStatus s;
  s.tenant = std::string(get_string(d, "tenant"));
  simdjson::dom::element head;
  if (d["headStats"].get(head) == simdjson::SUCCESS) {
    HeadStats h;
    h.num_series = static_cast<uint64_t>(get_number(head, "numSeries"));
    h.num_label_pairs = static_cast<uint64_t>(get_number(head, "numLabelPairs"));
    h.chunk_count = static_cast<uint64_t>(get_number(head, "chunkCount"));
    h.min_time_ms = static_cast<int64_t>(get_number(head, "minTime"));
    h.max_time_ms = static_cast<int64_t>(get_number(head, "maxTime"));
    s.head = h;
  }
  s.total_series = read_count(d, "totalSeries");
  s.total_label_value_pairs = read_count(d, "totalLabelValuePairs");
  s.series_by_metric = read_list(d, "seriesCountByMetricName", limit);
  s.label_values_by_name = read_list(d, "labelValueCountByLabelName", limit);
  s.memory_by_label_name = read_list(d, "memoryInBytesByLabelName", limit);
  s.series_by_label_pair = read_list(d, "seriesCountByLabelValuePair", limit);
  s.series_by_label_name = read_list(d, "seriesCountByLabelName", limit);
  s.series_by_focus_value = read_list(d, "seriesCountByFocusLabelValue", limit);
  return s;
}

bool is_status_object(simdjson::dom::element d) {
  if (!d.is_object()) return false;
  for (std::string_view key : {"headStats", "totalSeries", "seriesCountByMetricName"}) {
    simdjson::dom::element v;
    if (d[key].get(v) == simdjson::SUCCESS) return true;
  }
  return false;
}

}  // namespace

http::Params tsdb_status_params(const ServerInfo& info, const TsdbStatusQuery& q,
                                bool& limit_sent) {
  http::Params p;
  std::string limit = std::to_string(std::min<size_t>(q.limit, 10000));
  limit_sent = true;
  switch (info.engine) {
    case http::Engine::kVictoriaMetrics:
      p.emplace_back("topN", limit);
      if (!q.date.empty()) p.emplace_back("date", q.date);
      if (!q.focus_label.empty()) p.emplace_back("focusLabel", q.focus_label);
      break;
    case http::Engine::kThanos:
      p.emplace_back("limit", limit);
      break;
    case http::Engine::kPrometheus:
      if (info.at_least(2, 45)) {
        p.emplace_back("limit", limit);
      } else {
        limit_sent = false;
      }
      break;
    default:
      limit_sent = false;  // unknown: a parameter some servers reject is not worth the risk
      break;
  }
  return p;
}

std::variant<TsdbReport, ApiError> read_tsdb_status(const Document& doc, const ServerInfo& info,
                                                    const TsdbStatusQuery& q, bool limit_sent) {
  TsdbReport report;
  report.engine = info.engine;
  report.limit_sent = limit_sent;
  simdjson::dom::element data = doc.data();
  simdjson::dom::array tenants;
  if (data.get(tenants) == simdjson::SUCCESS) {
    report.engine = http::Engine::kThanos;  // Receive: one object per tenant
    for (simdjson::dom::element t : tenants) {
      if (is_status_object(t)) report.tenants.push_back(read_one(t, q.limit));
    }
  } else if (is_status_object(data)) {
    report.tenants.push_back(read_one(data, q.limit));
  } else {
    ApiError e;
    e.message =
        "the answer is not a TSDB status (no headStats, totalSeries or seriesCountByMetricName)";
    e.hint = "is --url a Prometheus, VictoriaMetrics or Thanos API root? Mimir has no TSDB status";
    return e;
  }
  if (!report.tenants.empty() && report.tenants.front().total_series &&
      report.engine != http::Engine::kThanos) {
    report.engine = http::Engine::kVictoriaMetrics;
    if (q.limit > 1000) {
      report.notes.push_back(
          "VictoriaMetrics returns at most -search.maxTSDBStatusTopNSeries (1000 by default) "
          "entries per list");
    }
  }
  if (!limit_sent && q.limit > 10) {
    report.notes.push_back(
        "this server takes no limit (Prometheus before 2.45): lists hold its 10 largest entries");
  }
  return report;
}

}  // namespace caxtool::promapi
