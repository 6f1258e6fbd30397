// SPDX-License-Identifier: Apache-2.0
// dashboard/panel-unit: the unit a query's values carry, read from Prometheus's naming
// conventions (base units as suffixes), and the --fix that writes it into fieldConfig.defaults
// with the indentation of the keys around it.
#include <array>

#include "dashboard/query_lints.h"

namespace caxtool::dashboard {
namespace {

using promql::Expr;

const Expr* unwrap(const Expr* e) {
  while (e != nullptr && e->kind == promql::NodeKind::kParen) {
    e = e->as<promql::Paren>()->expr.get();
  }
  return e;
}

// A gauge's unit from its name; timestamps (…_time_seconds) are not durations.
std::string gauge_unit(std::string_view n) {
  if (n.find("time") != std::string_view::npos || n.find("timestamp") != std::string_view::npos) {
    return "";
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSuffix{{
      {"_seconds", "s"},
      {"_bytes", "bytes"},
      {"_celsius", "celsius"},
      {"_volts", "volt"},
      {"_amperes", "amp"},
      {"_watts", "watt"},
  }};
  for (const auto& [suffix, unit] : kSuffix) {
    if (n.ends_with(suffix)) return std::string(unit);
  }
  return "";
}

std::string_view selector_name(const Expr* e) {
  const promql::MatrixSelector* m = unwrap(e)->as<promql::MatrixSelector>();
  const promql::VectorSelector* vs =
      m != nullptr ? m->vector_selector() : unwrap(e)->as<promql::VectorSelector>();
  return vs != nullptr ? vs->metric_name() : std::string_view();
}

}  // namespace

std::string infer_unit(const Expr& root) {
  const Expr* e = unwrap(&root);
  if (const auto* agg = e->as<promql::Aggregate>()) {
    std::string_view op = agg->op_name();
    if (op == "count" || op == "count_values" || op == "group") return "";
    return infer_unit(*agg->expr);
  }
  if (const auto* vs = e->as<promql::VectorSelector>()) return gauge_unit(vs->metric_name());
  const auto* call = e->as<promql::Call>();
  if (call == nullptr || call->args.empty()) return "";
  const std::string& f = call->name;
  if (f == "histogram_quantile" && call->args.size() == 2) {
    std::string_view bucket;
    promql::walk(*call->args[1], [&bucket](const Expr& x) {
      const auto* vs = x.as<promql::VectorSelector>();
      if (vs != nullptr && bucket.empty()) bucket = vs->metric_name();
    });
    if (!bucket.ends_with("_bucket")) return "";
    return gauge_unit(bucket.substr(0, bucket.size() - 7));
  }
  std::string_view n = selector_name(call->args.front().get());
  if (f == "rate" || f == "irate") {
    if (n.ends_with("_bytes_total")) return "Bps";
    if (n.ends_with("_bits_total")) return "bps";
    return "";
  }
  if (f == "increase") return n.ends_with("_bytes_total") ? "bytes" : "";
  if (f == "avg_over_time" || f == "max_over_time" || f == "min_over_time" ||
      f == "last_over_time" || f == "quantile_over_time") {
    return gauge_unit(selector_name(call->args.back().get()));
  }
  return "";
}

void check_unit(Context& c, const Panel& p, const std::string& unit) {
  if (p.v->str("type") != "timeseries") return;
  const json::Value* fc = p.v->get("fieldConfig");
  const json::Value* defaults = fc != nullptr ? fc->get("defaults") : nullptr;
  if (defaults != nullptr && !defaults->str("unit").empty()) return;
  if (const json::Value* ov = fc != nullptr ? fc->get("overrides") : nullptr;
      ov && ov->is_array()) {
    for (const json::Value& o : ov->items) {
      const json::Value* props = o.get("properties");
      if (props == nullptr || !props->is_array()) continue;
      for (const json::Value& prop : props->items) {
        if (prop.str("id") == "unit") return;
      }
    }
  }
  const json::Value* at = defaults != nullptr ? defaults : p.v;
  Scope scope{&p, -1};
  c.report("dashboard/panel-unit", at->begin, at->begin + 1,
           defaults != nullptr ? p.pointer + "/fieldConfig/defaults" : p.pointer,
           "the panel's metrics are in \"" + unit + "\" but it sets no unit",
           "set fieldConfig.defaults.unit to \"" + unit + "\"", scope);
  if (defaults == nullptr || !defaults->is_object() || c.unit.embedded()) return;
  std::string member = "\"unit\": \"" + unit + "\"";
  std::string desc = p.pointer + "/fieldConfig/defaults: unit \"" + unit + "\"";
  const std::string& text = c.unit.json_text;
  if (defaults->keys.empty()) {
    c.edit("dashboard/panel-unit", defaults->begin, defaults->end, "{" + member + "}", desc, scope);
    return;
  }
  // Insert before the first key, on a line of its own when the object spans lines.
  size_t key = defaults->keys.front().begin;
  size_t line = text.rfind('\n', key);
  std::string_view lead = line != std::string::npos && line > defaults->begin
                              ? std::string_view(text).substr(line, key - line)
                              : std::string_view(" ");
  bool blank = lead.find_first_not_of(" \t\n\r") == std::string_view::npos;
  if (!blank) lead = " ";
  c.edit("dashboard/panel-unit", key, key, member + "," + std::string(lead), desc, scope);
}

}  // namespace caxtool::dashboard
