// SPDX-License-Identifier: Apache-2.0
// /api/v1/status/tsdb from Prometheus, VictoriaMetrics and Thanos (Query's one object, Receive's
// array per tenant), read into one model. The JSON key for label pairs is
// `seriesCountByLabelValuePair`, whatever the Prometheus docs say.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "promapi/server.h"

namespace caxtool::promapi {

struct Stat {
  std::string name;
  uint64_t value = 0;
};

struct HeadStats {
  uint64_t num_series = 0;
  uint64_t num_label_pairs = 0;
  uint64_t chunk_count = 0;
  int64_t min_time_ms = 0;
  int64_t max_time_ms = 0;
};

struct TsdbStatus {
  std::string tenant;                               // Thanos Receive
  std::optional<HeadStats> head;                    // Prometheus, Thanos
  std::optional<uint64_t> total_series;             // VictoriaMetrics
  std::optional<uint64_t> total_label_value_pairs;  // VictoriaMetrics
  std::vector<Stat> series_by_metric;
  std::vector<Stat> label_values_by_name;
  std::vector<Stat> memory_by_label_name;  // Prometheus, Thanos
  std::vector<Stat> series_by_label_pair;
  std::vector<Stat> series_by_label_name;   // VictoriaMetrics
  std::vector<Stat> series_by_focus_value;  // VictoriaMetrics, with focusLabel
};

struct TsdbStatusQuery {
  size_t limit = 10;
  std::string date;         // VictoriaMetrics: YYYY-MM-DD
  std::string focus_label;  // VictoriaMetrics
};

struct TsdbReport {
  http::Engine engine = http::Engine::kAuto;
  std::vector<TsdbStatus> tenants;  // one, except from Thanos Receive
  bool limit_sent = false;          // false: the server chose its own count, cut here
  std::vector<std::string> notes;   // what the reader should know (clamps, scope)
};

// What to send to `info`'s engine: `limit` from Prometheus 2.45 (at most 10000), `topN` to
// VictoriaMetrics (it clamps at 1000), `limit` to Thanos.
http::Params tsdb_status_params(const ServerInfo& info, const TsdbStatusQuery& q, bool& limit_sent);

// Reads the answer; lists longer than q.limit are cut to it.
std::variant<TsdbReport, ApiError> read_tsdb_status(const Document& doc, const ServerInfo& info,
                                                    const TsdbStatusQuery& q, bool limit_sent);

}  // namespace caxtool::promapi
