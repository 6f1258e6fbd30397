// SPDX-License-Identifier: Apache-2.0
// See targets.h. One pass over the DOM; each row keeps views into the parser's strings.
#include "promapi/targets.h"

#include "util/time.h"

namespace caxtool::promapi {

namespace {

std::string_view label(simdjson::dom::element target, std::string_view field,
                       std::string_view name) {
  simdjson::dom::element labels;
  if (target[field].get(labels) != simdjson::SUCCESS) return {};
  return get_string(labels, name);
}

Target read_active(simdjson::dom::element t) {
  Target out;
  out.raw = t;
  out.pool = get_string(t, "scrapePool");
  out.job = label(t, "labels", "job");
  if (out.pool.empty()) out.pool = out.job;
  out.instance = label(t, "labels", "instance");
  if (out.instance.empty()) out.instance = label(t, "discoveredLabels", "__address__");
  out.health = get_string(t, "health");
  out.last_error = get_string(t, "lastError");
  out.scrape_url = get_string(t, "scrapeUrl");
  std::string_view last = get_string(t, "lastScrape");
  // Go's zero time until the first scrape.
  if (!last.empty() && last.substr(0, 4) != "0001") out.last_scrape = util::parse_rfc3339(last);
  out.scrape_duration = get_number(t, "lastScrapeDuration");
  return out;
}

Target read_dropped(simdjson::dom::element t) {
  Target out;
  out.active = false;
  out.raw = t;
  out.pool = get_string(t, "scrapePool");
  out.job = label(t, "discoveredLabels", "job");
  if (out.pool.empty()) out.pool = out.job;
  out.instance = label(t, "discoveredLabels", "__address__");
  return out;
}

}  // namespace

bool Targets::any_down() const {
  for (const Target& t : targets) {
    if (t.active && t.health == "down") return true;
  }
  return false;
}

http::Params targets_params(const TargetsQuery& q) {
  http::Params p;
  // --down looks at active targets only; asking for them spares the dropped list.
  std::string state = q.down_only ? "active" : q.state;
  if (state != "any") p.emplace_back("state", state);
  if (!q.pool.empty()) p.emplace_back("scrapePool", q.pool);
  return p;
}

std::variant<Targets, ApiError> read_targets(std::unique_ptr<Document> doc, const TargetsQuery& q) {
  Targets out;
  simdjson::dom::element data = doc->data();
  simdjson::dom::array active;
  simdjson::dom::array dropped;
  bool has_active = data["activeTargets"].get(active) == simdjson::SUCCESS;
  bool has_dropped = data["droppedTargets"].get(dropped) == simdjson::SUCCESS;
  if (!data.is_object() || (!has_active && !has_dropped)) {
    ApiError e;
    e.message = "the answer has no activeTargets or droppedTargets";
    e.hint = "is --url a Prometheus-compatible API? (Mimir and Thanos Query have no targets)";
    return e;
  }
  bool want_active = q.state != "dropped" || q.down_only;
  bool want_dropped = (q.state == "dropped" || q.state == "any") && !q.down_only;
  if (has_active) {
    out.active_total = active.size();
    if (want_active) out.targets.reserve(active.size());
    for (simdjson::dom::element t : active) {
      if (!want_active) break;
      Target row = read_active(t);
      if (!q.pool.empty() && row.pool != q.pool) continue;
      if (q.down_only && row.health == "up") continue;
      out.targets.push_back(row);
    }
  }
  if (has_dropped) {
    out.dropped_total = dropped.size();
    for (simdjson::dom::element t : dropped) {
      if (!want_dropped) break;
      Target row = read_dropped(t);
      if (!q.pool.empty() && !row.pool.empty() && row.pool != q.pool) continue;
      out.targets.push_back(row);
    }
  }
  simdjson::dom::object counts;
  if (data["droppedTargetCounts"].get(counts) == simdjson::SUCCESS) {
    for (auto [pool, count] : counts) {
      out.dropped_counts.emplace_back(pool, static_cast<uint64_t>(to_number(count)));
    }
  }
  out.doc = std::move(doc);
  return out;
}

}  // namespace caxtool::promapi
