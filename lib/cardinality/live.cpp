// SPDX-License-Identifier: Apache-2.0
// See live.h. The statistics endpoints give the top lists cheaply; exact fix sizes need the
// offenders' series, fetched one selector at a time and streamed, so memory stays bounded by
// one offender's label combinations.
#include "cardinality/live.h"

#include <algorithm>
#include <functional>

#include "promapi/series_stream.h"
#include "promapi/server.h"
#include "promapi/tsdb_status.h"

namespace caxtool::cardinality {

namespace {

// The answer's document, or nullptr when the call failed.
promapi::Document* doc_of(promapi::ApiResult& r) {
  auto* d = std::get_if<std::unique_ptr<promapi::Document>>(&r);
  return d == nullptr ? nullptr : d->get();
}

}  // namespace

std::string promql_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string with_matcher(const std::string& selector, const std::string& matcher) {
  if (selector.empty()) return "{" + matcher + "}";
  size_t close = selector.rfind('}');
  if (close == std::string::npos) return selector + "{" + matcher + "}";
  size_t open = selector.rfind('{', close);
  bool empty = selector.find_first_not_of(" \t", open + 1) == close;
  return selector.substr(0, close) + (empty ? "" : ",") + matcher + selector.substr(close);
}

std::variant<DropEffect, promapi::ApiError> measure_drops(http::Session& session,
                                                          const std::string& selector,
                                                          const std::string& only_label) {
  DropMeter meter(only_label);
  auto on_series = [&meter](const promapi::SeriesLabels& labels) { meter.add(labels); };
  if (auto e = promapi::stream_series(session, selector, on_series)) return std::move(*e);
  return meter.result();
}

namespace {

// The head or day statistics of Prometheus, Thanos or VictoriaMetrics.
std::optional<promapi::ApiError> from_tsdb_status(http::Session& session,
                                                  const promapi::ServerInfo& info,
                                                  const LiveOptions& o, Report& report) {
  promapi::TsdbStatusQuery q;
  q.limit = std::max<size_t>(o.top, o.budgets.any() ? 1000 : o.top);
  bool limit_sent = false;
  http::Params params = promapi::tsdb_status_params(info, q, limit_sent);
  promapi::ApiResult r = promapi::call(session, "/api/v1/status/tsdb", params);
  if (auto* e = std::get_if<promapi::ApiError>(&r)) return std::move(*e);
  auto read = promapi::read_tsdb_status(*doc_of(r), info, q, limit_sent);
  if (auto* e = std::get_if<promapi::ApiError>(&read)) {
    e->asked = session.describe("/api/v1/status/tsdb", params);
    return std::move(*e);
  }
  const promapi::TsdbReport& t = std::get<promapi::TsdbReport>(read);
  for (const promapi::TsdbStatus& s : t.tenants) {
    report.total_series += s.head ? s.head->num_series : s.total_series.value_or(0);
    for (const auto& m : s.series_by_metric) report.metrics.push_back({m.name, m.value, {}, 0});
    for (const auto& l : s.label_values_by_name) {
      uint64_t series = 0;
      for (const auto& x : s.series_by_label_name) {
        if (x.name == l.name) series = x.value;
      }
      report.labels.push_back({l.name, l.value, series});
    }
    for (const auto& p : s.series_by_label_pair) report.label_pairs.push_back({p.name, p.value});
  }
  report.scope = t.engine == http::Engine::kVictoriaMetrics
                     ? "series of today (UTC), from the TSDB status"
                     : "the head block (about the last two hours), from the TSDB status";
  report.notes.insert(report.notes.end(), t.notes.begin(), t.notes.end());
  if (!limit_sent && o.budgets.any()) {
    report.notes.push_back(
        "this server lists only its 10 largest metrics and labels: budgets are checked on those");
  }
  return std::nullopt;
}

// Mimir's cardinality API (disabled unless -querier.cardinality-analysis-enabled).
std::optional<promapi::ApiError> from_mimir(http::Session& session, const LiveOptions& o,
                                            Report& report) {
  std::string limit =
      std::to_string(std::min<size_t>(std::max<size_t>(o.top, o.budgets.any() ? 500 : o.top), 500));
  http::Params names{{"limit", limit}};
  if (!o.selector.empty()) names.emplace_back("selector", o.selector);
  promapi::ApiResult r = promapi::call(session, "/api/v1/cardinality/label_names", names);
  if (auto* e = std::get_if<promapi::ApiError>(&r)) return std::move(*e);
  simdjson::dom::array list;
  if (doc_of(r)->data()["cardinality"].get(list) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : list) {
      report.labels.push_back(
          {std::string(promapi::get_string(item, "label_name")),
           static_cast<uint64_t>(promapi::get_number(item, "label_values_count")), 0});
    }
  }
  http::Params values{{"label_names[]", "__name__"}, {"limit", limit}};
  if (!o.selector.empty()) values.emplace_back("selector", o.selector);
  promapi::ApiResult v = promapi::call(session, "/api/v1/cardinality/label_values", values);
  if (auto* e = std::get_if<promapi::ApiError>(&v)) return std::move(*e);
  auto data = doc_of(v)->data();
  report.total_series = static_cast<uint64_t>(promapi::get_number(data, "series_count_total"));
  simdjson::dom::array labels;
  if (data["labels"].get(labels) == simdjson::SUCCESS) {
    for (simdjson::dom::element l : labels) {
      simdjson::dom::array card;
      if (l["cardinality"].get(card) != simdjson::SUCCESS) continue;
      for (simdjson::dom::element c : card) {
        report.metrics.push_back({std::string(promapi::get_string(c, "label_value")),
                                  static_cast<uint64_t>(promapi::get_number(c, "series_count")),
                                  {},
                                  0});
      }
    }
  }
  report.scope = "Mimir's in-memory series (cardinality API)";
  return std::nullopt;
}

template <class T, class Less>
void sort_cut(std::vector<T>& v, size_t n, Less less) {
  std::stable_sort(v.begin(), v.end(), less);
  if (n != 0 && v.size() > n) v.resize(n);
}

}  // namespace

std::variant<Report, promapi::ApiError> analyze_server(http::Session& session,
                                                       const LiveOptions& o) {
  Report report;
  report.source = http::redact_url(session.root());
  std::vector<Offender> offenders;
  if (!o.selector.empty() && session.options().engine != http::Engine::kMimir &&
      session.options().engine != http::Engine::kCortex) {
    Counter counter;
    auto on_series = [&counter, &o](const promapi::SeriesLabels& labels) {
      counter.add(labels);
      if (o.progress && counter.total_series() % 4096 == 0) o.progress(counter.total_series());
    };
    if (auto e = promapi::stream_series(session, o.selector, on_series)) return std::move(*e);
    report.scope = "series matching " + o.selector;
    report.total_series = counter.total_series();
    report.metrics = counter.metrics(o.top);
    report.labels = counter.labels(o.top);
    report.label_pairs = counter.label_pairs(o.top);
    offenders = find_offenders(counter, o.budgets);
  } else {
    auto detected = promapi::detect_server(session);
    if (auto* e = std::get_if<promapi::ApiError>(&detected)) return std::move(*e);
    const promapi::ServerInfo& info = std::get<promapi::ServerInfo>(detected);
    bool mimir = info.engine == http::Engine::kMimir || info.engine == http::Engine::kCortex;
    auto error =
        mimir ? from_mimir(session, o, report) : from_tsdb_status(session, info, o, report);
    if (error) return std::move(*error);
    auto by_series = [](const MetricStat& a, const MetricStat& b) { return a.series > b.series; };
    auto by_values = [](const LabelStat& a, const LabelStat& b) { return a.values > b.values; };
    sort_cut(report.metrics, 0, by_series);
    sort_cut(report.labels, 0, by_values);
    const Budgets& b = o.budgets;
    if (b.max_series != 0 && report.total_series > b.max_series) {
      offenders.push_back({"series", "total", report.total_series, b.max_series, {}});
    }
    for (const MetricStat& m : report.metrics) {
      if (b.max_series_per_metric != 0 && m.series > b.max_series_per_metric) {
        offenders.push_back({"metric", m.name, m.series, b.max_series_per_metric, {}});
      }
    }
    for (const LabelStat& l : report.labels) {
      if (b.max_label_values != 0 && l.values > b.max_label_values) {
        offenders.push_back({"label", l.name, l.values, b.max_label_values, {}});
      }
    }
    if (!b.forbidden.empty()) {
      promapi::ApiResult names = promapi::call(session, "/api/v1/labels");
      if (auto* d = doc_of(names)) {
        simdjson::dom::array list;
        if (d->data().get(list) == simdjson::SUCCESS) {
          for (simdjson::dom::element n : list) {
            std::string_view name;
            if (n.get(name) != simdjson::SUCCESS) continue;
            if (std::find(b.forbidden.begin(), b.forbidden.end(), name) == b.forbidden.end())
              continue;
            promapi::ApiResult vals =
                promapi::call(session, "/api/v1/label/" + std::string(name) + "/values");
            uint64_t count = 0;
            simdjson::dom::array vs;
            if (auto* vd = doc_of(vals); vd && vd->data().get(vs) == simdjson::SUCCESS) {
              count = vs.size();
            }
            offenders.push_back({"forbidden", std::string(name), count, 0, {}});
          }
        }
      }
    }
    sort_cut(report.metrics, o.top, by_series);
    sort_cut(report.labels, o.top, by_values);
    if (report.label_pairs.size() > o.top) report.label_pairs.resize(o.top);
  }

  // Measure each offender's fix on its own series, one streamed request each.
  std::optional<promapi::ApiError> failed;
  auto measure = [&](const Offender& off) -> std::variant<DropEffect, std::string> {
    std::string sel = off.kind == "metric"
                          ? with_matcher(o.selector, "__name__=" + promql_quote(off.name))
                          : with_matcher(o.selector, off.name + "=~\".+\"");
    auto effect = measure_drops(session, sel, off.kind == "metric" ? "" : off.name);
    if (auto* e = std::get_if<promapi::ApiError>(&effect)) {
      failed = std::move(*e);
      return failed->message;
    }
    return std::get<DropEffect>(effect);
  };
  if (!fix_offenders(offenders, measure, o.max_fixes).empty() && failed) return std::move(*failed);
  report.offenders = std::move(offenders);
  return report;
}

}  // namespace caxtool::cardinality
