// SPDX-License-Identifier: Apache-2.0
// promlint's rules, rewritten from their description in client_golang v1.14
// (prometheus/testutil/promlint), with the same messages so output is familiar. One deliberate
// difference: promlint's unit check walks a Go map, so a name holding both a base unit and a
// non-base one (x_hours_bytes) is flagged or not at random; here it is always flagged.
#include "exposition/lint.h"

#include <algorithm>
#include <array>

namespace caxtool::exposition {
namespace {

using diag::Severity;

constexpr auto kLints = std::to_array<LintInfo>({
    {kLintCamelCase, Severity::kWarning, "a metric or label name in camelCase",
     "Prometheus names are snake_case: http_requests_total, status_code. A camelCase name "
     "(httpRequests, statusCode) stands out in every query and dashboard. promtool check metrics "
     "flags it (\"should be written in 'snake_case' not 'camelCase'\")."},
    {kLintCounter, Severity::kWarning, "a counter without _total, or _total on a non-counter",
     "Counters end in _total so that a reader (and rate()) knows they only go up; a gauge or "
     "histogram named _total misleads the other way. promtool check metrics flags both. In "
     "OpenMetrics the parser already requires _total on counter samples."},
    {kLintDuplicate, Severity::kInfo, "the same series twice in one exposition",
     "Two samples with the same name and labels in one scrape are undefined behaviour in the "
     "text format: Prometheus keeps one and counts the other as a duplicate sample. promtool "
     "2.42 does not look (newer promlint does: \"metric not unique\"), so this is info and does "
     "not change the verdict unless --fail-on info. Detection hashes every series once."},
    {kLintHelp, Severity::kWarning, "a metric family without HELP",
     "HELP text is what a person reads in the metrics explorer and in the /metrics page. "
     "promtool check metrics reports \"no help text\" for every family without a HELP line "
     "(an empty HELP counts as none)."},
    {kLintBuckets, Severity::kInfo, "histogram buckets out of order, or without +Inf",
     "A classic histogram's buckets are cumulative: le ascending, counts never falling, a "
     "le=\"+Inf\" bucket equal to _count. The Prometheus text parser accepts anything, but "
     "histogram_quantile() then answers nonsense. OpenMetrics makes these errors; for Prometheus "
     "text it is info, since promtool 2.42 does not check it."},
    {kLintReserved, Severity::kWarning, "a histogram or summary suffix or label on another type",
     "_bucket and le belong to histograms, quantile to summaries, _count and _sum to both. On "
     "other types they confuse queries written for histograms (histogram_quantile over a gauge "
     "_bucket). promtool check metrics flags them; untyped metrics are exempt."},
    {kLintReservedChars, Severity::kWarning, "a colon in a metric name",
     "Colons are reserved for recording rules (level:metric:operations); an exporter that uses "
     "them collides with that convention. promtool check metrics flags it."},
    {kLintTypeInName, Severity::kWarning, "the metric type in the name",
     "A name such as requests_counter or latency_histogram repeats what TYPE says, and goes "
     "stale if the type changes. promtool check metrics flags _counter, _gauge, _summary, "
     "_histogram and _gauge_histogram as a name part."},
    {kLintAbbreviations, Severity::kWarning, "an abbreviated unit in the name",
     "Units are written out: _seconds not _s or _sec, _bytes not _b or _kb. promtool check "
     "metrics flags s, ms, us, ns, sec, b, kb, mb, gb, tb, pb, m, h and d as name parts."},
    {kLintUnits, Severity::kWarning, "a unit other than the base unit",
     "Prometheus uses base units (seconds, bytes, meters, grams, joules, celsius) and leaves "
     "scaling to the display. A name with milliseconds, kilobytes, hours or bits forces every "
     "query to convert. promtool check metrics says \"use base unit\"."},
});

constexpr std::pair<std::string_view, std::string_view> kUnits[] = {
    {"amperes", "amperes"},    {"bytes", "bytes"},     {"celsius", "celsius"},
    {"grams", "grams"},        {"joules", "joules"},   {"kelvin", "kelvin"},
    {"meters", "meters"},      {"metres", "metres"},   {"seconds", "seconds"},
    {"volts", "volts"},        {"minutes", "seconds"}, {"hours", "seconds"},
    {"days", "seconds"},       {"weeks", "seconds"},   {"kelvins", "kelvin"},
    {"fahrenheit", "celsius"}, {"rankine", "celsius"}, {"inches", "meters"},
    {"yards", "meters"},       {"miles", "meters"},    {"bits", "bytes"},
    {"calories", "joules"},    {"pounds", "grams"},    {"ounces", "grams"},
};
constexpr std::string_view kPrefixes[] = {
    "pico", "nano", "micro", "milli", "centi", "deci", "deca", "hecto", "kilo", "kibi",
    "mega", "mibi", "giga",  "gibi",  "tera",  "tebi", "peta", "pebi",  ""};
constexpr std::string_view kAbbreviations[] = {"s",  "ms", "us", "ns", "sec", "b", "kb",
                                               "mb", "gb", "tb", "pb", "m",   "h", "d"};

// `part` between underscores, or after the last one.
bool has_part(std::string_view lower, std::string_view part) {
  for (size_t at = lower.find('_'); at != std::string_view::npos; at = lower.find('_', at + 1)) {
    std::string_view rest = lower.substr(at + 1);
    if (rest.starts_with(part) && (rest.size() == part.size() || rest[part.size()] == '_')) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::span<const LintInfo> lint_checks() { return kLints; }

const LintInfo* find_lint(std::string_view name) {
  for (const LintInfo& l : kLints) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

bool is_camel_case(std::string_view name) {
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    if (name[i] >= 'a' && name[i] <= 'z' && name[i + 1] >= 'A' && name[i + 1] <= 'Z') return true;
  }
  return false;
}

void name_problems(std::string_view name, MetricType type, Format format,
                   std::vector<NameProblem>& out) {
  // metrics/units: a name part that is a prefixed or non-base unit.
  size_t start = 0;
  bool unit_done = false;
  while (start <= name.size() && !unit_done) {
    size_t end = name.find('_', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    for (const auto& [unit, base] : kUnits) {
      if (!part.ends_with(unit)) continue;
      std::string_view prefix = part.substr(0, part.size() - unit.size());
      for (std::string_view p : kPrefixes) {
        if (prefix == p && (!p.empty() || unit != base)) {
          out.push_back({kLintUnits, "use base unit \"" + std::string(base) + "\" instead of \"" +
                                         std::string(part) + "\""});
          unit_done = true;
          break;
        }
      }
      if (unit_done) break;
    }
    start = end + 1;
  }
  bool total = name.ends_with("_total");
  if (type == MetricType::kCounter && !total && format == Format::kPrometheus) {
    out.push_back({kLintCounter, "counter metrics should have \"_total\" suffix"});
  } else if (type != MetricType::kUntyped && type != MetricType::kCounter && total) {
    out.push_back({kLintCounter, "non-counter metrics should not have \"_total\" suffix"});
  }
  if (type != MetricType::kUntyped) {
    bool hist = type == MetricType::kHistogram, summ = type == MetricType::kSummary;
    if (!hist && name.ends_with("_bucket")) {
      out.push_back({kLintReserved, "non-histogram metrics should not have \"_bucket\" suffix"});
    }
    if (!hist && !summ && name.ends_with("_count")) {
      out.push_back({kLintReserved,
                     "non-histogram and non-summary metrics should not have \"_count\" suffix"});
    }
    if (!hist && !summ && name.ends_with("_sum")) {
      out.push_back(
          {kLintReserved, "non-histogram and non-summary metrics should not have \"_sum\" suffix"});
    }
  }
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  for (std::string_view t : {"counter", "gauge", "gauge_histogram", "histogram", "summary"}) {
    if (has_part(lower, t)) {
      out.push_back(
          {kLintTypeInName, "metric name should not include type '" + std::string(t) + "'"});
    }
  }
  if (name.find(':') != std::string_view::npos) {
    out.push_back({kLintReservedChars, "metric names should not contain ':'"});
  }
  if (is_camel_case(name)) {
    out.push_back(
        {kLintCamelCase, "metric names should be written in 'snake_case' not 'camelCase'"});
  }
  for (std::string_view a : kAbbreviations) {
    if (has_part(lower, a)) {
      out.push_back({kLintAbbreviations, "metric names should not contain abbreviated units"});
      break;
    }
  }
}

}  // namespace caxtool::exposition
