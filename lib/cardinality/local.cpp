// SPDX-License-Identifier: Apache-2.0
// See local.h.
#include "cardinality/local.h"

#include <optional>

#include "cardinality/measure.h"
#include "exposition/format.h"
#include "exposition/parser.h"

namespace caxtool::cardinality {

namespace {

class Visit : public exposition::Handler {
 public:
  explicit Visit(const SeriesVisitor& visitor) : visitor_(visitor) {}
  void on_sample(const exposition::Sample& s) override {
    labels_.clear();
    labels_.emplace_back("__name__", s.name);
    for (const exposition::Label& l : s.labels) labels_.emplace_back(l.name, l.value);
    visitor_(labels_);
  }

 private:
  const SeriesVisitor& visitor_;
  std::vector<std::pair<std::string_view, std::string_view>> labels_;
};

// The value of `name` in `labels`, or nullopt.
std::optional<std::string_view> value_of(
    const std::vector<std::pair<std::string_view, std::string_view>>& labels,
    std::string_view name) {
  for (const auto& [n, v] : labels) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace

SeriesSource exposition_source(std::string_view text, std::string file, std::string content_type) {
  return [text, file = std::move(file),
          content_type = std::move(content_type)](const SeriesVisitor& visit) {
    exposition::ParseOptions options;
    options.file = file;
    options.format = exposition::detect_format(
        content_type.empty() ? std::nullopt : std::optional<std::string_view>(content_type),
        text.substr(text.size() > 64 ? text.size() - 64 : 0));
    Visit handler(visit);
    exposition::Parser parser(options, &handler);
    parser.feed(text);
    parser.finish();
    for (const diag::Diagnostic& d : parser.diagnostics().items()) {
      if (d.severity != diag::Severity::kError) continue;
      return file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
             d.message + " (`caxtool check metrics` says more)";
    }
    return std::string();
  };
}

std::variant<Report, std::string> analyze_local(const SeriesSource& source, std::string name,
                                                std::string scope, const LocalOptions& o) {
  Counter counter;
  if (std::string e = source([&counter](const auto& labels) { counter.add(labels); }); !e.empty())
    return e;
  Report report;
  report.source = std::move(name);
  report.scope = std::move(scope);
  report.total_series = counter.total_series();
  report.metrics = counter.metrics(o.top);
  report.labels = counter.labels(o.top);
  report.label_pairs = counter.label_pairs(o.top);
  report.offenders = find_offenders(counter, o.budgets);
  auto measure = [&source](const Offender& off) -> std::variant<DropEffect, std::string> {
    DropMeter meter(off.kind == "metric" ? "" : off.name);
    std::string e =
        source([&](const std::vector<std::pair<std::string_view, std::string_view>>& labels) {
          bool touched = off.kind == "metric" ? value_of(labels, "__name__") == off.name
                                              : value_of(labels, off.name).has_value();
          if (touched) meter.add(labels);
        });
    if (!e.empty()) return e;
    return meter.result();
  };
  if (std::string e = fix_offenders(report.offenders, measure, o.max_fixes); !e.empty()) return e;
  return report;
}

}  // namespace caxtool::cardinality
