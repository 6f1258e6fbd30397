// SPDX-License-Identifier: Apache-2.0
// See query.h.
#include "promapi/query.h"

#include <algorithm>

namespace caxtool::promapi {

namespace {

std::string render_histogram(simdjson::dom::element h) {
  std::string out =
      "count=" + std::string(get_string(h, "count")) + " sum=" + std::string(get_string(h, "sum"));
  simdjson::dom::array buckets;
  if (h["buckets"].get(buckets) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element b : buckets) {
    simdjson::dom::array parts;
    if (b.get(parts) != simdjson::SUCCESS || parts.size() != 4) continue;
    int64_t rule = 0;
    std::string_view lo, hi, count;
    if (parts.at(0).get(rule) != simdjson::SUCCESS || parts.at(1).get(lo) != simdjson::SUCCESS ||
        parts.at(2).get(hi) != simdjson::SUCCESS || parts.at(3).get(count) != simdjson::SUCCESS) {
      continue;
    }
    // Boundary rules of the API: 0 (a,b]  1 [a,b)  2 (a,b)  3 [a,b]
    out += ' ';
    out += (rule == 1 || rule == 3) ? '[' : '(';
    out += std::string(lo) + "," + std::string(hi);
    out += (rule == 0 || rule == 3) ? ']' : ')';
    out += ":" + std::string(count);
  }
  return out;
}

bool read_pair(simdjson::dom::element pair, Sample& out, bool histogram) {
  simdjson::dom::array a;
  if (pair.get(a) != simdjson::SUCCESS || a.size() != 2) return false;
  out.time = to_number(a.at(0));
  if (histogram) {
    out.histogram = render_histogram(a.at(1));
  } else if (a.at(1).get(out.value) != simdjson::SUCCESS) {
    return false;
  }
  return true;
}

void read_labels(simdjson::dom::element item, Series& s) {
  simdjson::dom::object metric;
  if (item["metric"].get(metric) != simdjson::SUCCESS) return;
  for (auto [k, v] : metric) {
    std::string_view value;
    if (v.get(value) == simdjson::SUCCESS) s.labels.emplace_back(k, value);
  }
  std::sort(s.labels.begin(), s.labels.end(), [](const auto& a, const auto& b) {
    if ((a.first == "__name__") != (b.first == "__name__")) return a.first == "__name__";
    return a.first < b.first;
  });
}

}  // namespace

std::variant<QueryResult, ApiError> read_query_result(std::unique_ptr<Document> doc) {
  QueryResult out;
  simdjson::dom::element data = doc->data();
  out.result_type = get_string(data, "resultType");
  simdjson::dom::element result;
  if (out.result_type.empty() || data["result"].get(result) != simdjson::SUCCESS) {
    ApiError e;
    e.message = "the answer has no resultType and result";
    e.hint = "is --url a Prometheus-compatible query API?";
    return e;
  }
  if (out.result_type == "scalar" || out.result_type == "string") {
    Series s;
    Sample sample;
    if (read_pair(result, sample, false)) s.samples.push_back(sample);
    out.series.push_back(std::move(s));
  } else {
    simdjson::dom::array items;
    if (result.get(items) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : items) {
        Series s;
        read_labels(item, s);
        simdjson::dom::element one;
        simdjson::dom::array many;
        Sample sample;
        if (item["value"].get(one) == simdjson::SUCCESS && read_pair(one, sample, false)) {
          s.samples.push_back(sample);
        } else if (item["histogram"].get(one) == simdjson::SUCCESS &&
                   read_pair(one, sample, true)) {
          s.samples.push_back(sample);
        }
        for (std::string_view key : {"values", "histograms"}) {
          if (item[key].get(many) != simdjson::SUCCESS) continue;
          for (simdjson::dom::element p : many) {
            Sample m;
            if (read_pair(p, m, key == "histograms")) s.samples.push_back(m);
          }
        }
        std::stable_sort(s.samples.begin(), s.samples.end(),
                         [](const Sample& a, const Sample& b) { return a.time < b.time; });
        out.series.push_back(std::move(s));
      }
    }
  }
  out.doc = std::move(doc);
  return out;
}

std::string series_name(const Series& s) {
  std::string out;
  std::string_view name;
  std::string body;
  for (const auto& [k, v] : s.labels) {
    if (k == "__name__") {
      name = v;
      continue;
    }
    if (!body.empty()) body += ", ";
    body += std::string(k) + "=\"";
    for (char c : v) {
      if (c == '"' || c == '\\') body += '\\';
      if (c == '\n') {
        body += "\\n";
        continue;
      }
      body += c;
    }
    body += '"';
  }
  out = std::string(name);
  if (!body.empty() || name.empty()) out += "{" + body + "}";
  return out;
}

}  // namespace caxtool::promapi
