// SPDX-License-Identifier: Apache-2.0
// Names of formats and types, and the explicit choice between the two formats: a content type
// decides for a scrape, a final # EOF line for a file, and --input-format overrides both.
#include "exposition/format.h"

#include <algorithm>

namespace caxtool::exposition {

std::string_view format_name(Format f) {
  return f == Format::kOpenMetrics ? "openmetrics" : "prometheus";
}

std::string_view type_name(MetricType t, Format f) {
  switch (t) {
    case MetricType::kCounter:
      return "counter";
    case MetricType::kGauge:
      return "gauge";
    case MetricType::kHistogram:
      return "histogram";
    case MetricType::kGaugeHistogram:
      return f == Format::kOpenMetrics ? "gaugehistogram" : "gauge_histogram";
    case MetricType::kSummary:
      return "summary";
    case MetricType::kInfo:
      return "info";
    case MetricType::kStateset:
      return "stateset";
    case MetricType::kUntyped:
      break;
  }
  return f == Format::kOpenMetrics ? "unknown" : "untyped";
}

std::optional<Format> format_from_content_type(std::string_view content_type) {
  std::string lower(content_type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("application/openmetrics-text") != std::string::npos) return Format::kOpenMetrics;
  if (lower.find("text/plain") != std::string::npos) return Format::kPrometheus;
  return std::nullopt;
}

bool ends_with_eof_line(std::string_view tail) {
  if (!tail.empty() && tail.back() == '\n') tail.remove_suffix(1);
  if (tail.size() < 5 || tail.substr(tail.size() - 5) != "# EOF") return false;
  return tail.size() == 5 || tail[tail.size() - 6] == '\n';
}

Format detect_format(std::optional<std::string_view> content_type, std::string_view tail) {
  if (content_type) {
    if (auto f = format_from_content_type(*content_type)) return *f;
  }
  return ends_with_eof_line(tail) ? Format::kOpenMetrics : Format::kPrometheus;
}

}  // namespace caxtool::exposition
