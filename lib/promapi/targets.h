// SPDX-License-Identifier: Apache-2.0
// /api/v1/targets as a table's rows: the fields a person reads, with views into the answer (no
// copy of 100,000 targets' labels), and each target's raw JSON for output that keeps every field
// the server sent.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "promapi/api.h"

namespace caxtool::promapi {

struct Target {
  bool active = true;
  std::string_view pool;      // scrapePool (dropped targets before 3.3: the discovered job)
  std::string_view job;       // labels.job
  std::string_view instance;  // labels.instance, or the discovered __address__
  std::string_view health;    // "up", "down", "unknown"; "" for dropped
  std::string_view last_error;
  std::string_view scrape_url;
  std::optional<double> last_scrape;  // Unix seconds; none before the first scrape
  double scrape_duration = 0;         // seconds
  simdjson::dom::element raw;
};

struct TargetsQuery {
  std::string state = "any";  // active, dropped, any
  std::string pool;           // only this scrape pool
  bool down_only = false;     // only active targets whose health is not "up"
};

struct Targets {
  std::unique_ptr<Document> doc;  // owns what the views point into
  std::vector<Target> targets;    // active first, then dropped, in the server's order
  std::vector<std::pair<std::string_view, uint64_t>> dropped_counts;  // droppedTargetCounts (2.47+)
  size_t active_total = 0;                                            // before the filters
  size_t dropped_total = 0;                                           // before the filters
  bool any_down() const;
};

// The request parameters for `q` (state, scrapePool), so the server filters first.
http::Params targets_params(const TargetsQuery& q);

// Reads the answer, then filters as `q` asks (servers that ignore a parameter are filtered here).
std::variant<Targets, ApiError> read_targets(std::unique_ptr<Document> doc, const TargetsQuery& q);

}  // namespace caxtool::promapi
