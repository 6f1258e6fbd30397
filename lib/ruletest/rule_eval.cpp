// SPDX-License-Identifier: Apache-2.0
// One evaluation of a rule group, after rules.Group.Eval, RecordingRule.Eval and
// AlertingRule.Eval of Prometheus 2.42+: the order of steps (query, template expansion, label
// building, duplicate check, state update, ALERTS output, append, stale markers) is theirs,
// because tests observe its quirks (ALERTS carries a rule label whose template expanded to "").
#include "ruletest/rule_eval.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "gotemplate/exec.h"
#include "promql/parser.h"

namespace caxtool::ruletest::detail {
namespace {

namespace ev = promql::eval;

constexpr int64_t kResolvedRetentionMs = 15 * 60 * 1000;

// labels.Builder.Set: an empty value deletes.
void set_label(Labels& ls, const std::string& name, const std::string& value) {
  auto it = std::lower_bound(ls.begin(), ls.end(), name,
                             [](const auto& p, const std::string& n) { return p.first < n; });
  bool found = it != ls.end() && it->first == name;
  if (value.empty()) {
    if (found) ls.erase(it);
  } else if (found) {
    it->second = value;
  } else {
    ls.insert(it, {name, value});
  }
}

// EngineQueryFunc: a vector, or a scalar as a one-sample vector without labels.
// `histograms`, when given, keeps the result's computed histograms alive (Value::histograms).
bool query(const promql::Expr& expr, int64_t t, const EvalContext& ctx,
           std::vector<ev::Series>& out, std::string& error,
           std::shared_ptr<const void>* histograms = nullptr) {
  ev::EvalResult r = ev::eval_instant(expr, t, *ctx.storage, ctx.options);
  if (!r.ok()) {
    error = *r.error;
    return false;
  }
  if (r.value.type == promql::ValueType::kVector) {
    out = std::move(r.value.series);
    if (histograms) *histograms = std::move(r.value.histograms);
    return true;
  }
  if (r.value.type == promql::ValueType::kScalar) {
    out.clear();
    out.push_back(ev::Series{{}, {ev::Sample{t, r.value.scalar}}});
    return true;
  }
  error = "rule result is not a vector or scalar";
  return false;
}

gotemplate::QueryFunction template_query(int64_t t, const EvalContext& ctx) {
  return [t, &ctx](const std::string& q, std::vector<gotemplate::QuerySample>& out,
                   std::string& error) {
    promql::ParseOptions po;
    po.version = ctx.version;
    po.enable_experimental_functions = ctx.options.enable_experimental_functions;
    po.enable_extended_range_selectors = ctx.extended_range_selectors;
    po.enable_binop_fill_modifiers = ctx.binop_fill_modifiers;
    po.enable_duration_expressions = ctx.duration_expressions;
    promql::ParseResult pr = promql::parse(q, po);
    if (!pr.ok()) {
      error = promql::prometheus_error_string(q, pr.errors.front());
      return false;
    }
    std::vector<ev::Series> series;
    if (!query(*pr.expr, t, ctx, series, error)) return false;
    out.clear();
    for (ev::Series& s : series) {
      out.push_back({std::move(s.labels), s.samples.empty() ? 0 : s.samples.front().value()});
    }
    return true;
  };
}

bool eval_recording(Rule& rule, int64_t t, const EvalContext& ctx, int64_t limit,
                    std::vector<ev::Series>& out, std::string& error,
                    std::shared_ptr<const void>& histograms) {
  if (!query(*rule.expr, t, ctx, out, error, &histograms)) return false;
  std::map<std::string, bool> seen;
  for (ev::Series& s : out) {
    set_label(s.labels, "__name__", rule.name);
    for (const auto& [n, v] : rule.labels) set_label(s.labels, n, v);
    if (!seen.emplace(labels_key(s.labels), true).second) {
      error = "vector contains metrics with the same labelset after applying rule labels";
      return false;
    }
  }
  if (limit > 0 && static_cast<int64_t>(out.size()) > limit) {
    error = "exceeded limit of " + std::to_string(limit) + " with " + std::to_string(out.size()) +
            " series";
    return false;
  }
  return true;
}

std::string state_name(AlertState s) {
  switch (s) {
    case AlertState::kPending:
      return "pending";
    case AlertState::kFiring:
      return "firing";
    case AlertState::kInactive:
      break;
  }
  return "inactive";
}

ev::Series alert_sample(const Rule& rule, const Alert& a, int64_t t, bool for_state) {
  Labels ls = rule.labels;
  for (const auto& [n, v] : a.labels) set_label(ls, n, v);
  set_label(ls, "__name__", for_state ? "ALERTS_FOR_STATE" : "ALERTS");
  set_label(ls, "alertname", rule.name);
  double v = 1;
  if (for_state) {
    v = static_cast<double>(a.active_at / 1000);
  } else {
    set_label(ls, "alertstate", state_name(a.state));
  }
  return ev::Series{std::move(ls), {ev::Sample{t, v}}};
}

bool eval_alerting(Rule& rule, int64_t t, const EvalContext& ctx, int64_t limit,
                   std::vector<ev::Series>& out, std::string& error) {
  std::vector<ev::Series> res;
  if (!query(*rule.expr, t, ctx, res, error)) return false;
  gotemplate::ExpandOptions eo;
  eo.name = "__alert_" + rule.name;
  eo.time_ms = t;
  eo.query = template_query(t, ctx);
  eo.version = gotemplate::Version{ctx.version.major, ctx.version.minor};
  if (rule.templates.empty()) {
    for (const auto& [n, v] : rule.labels)
      rule.templates.push_back(gotemplate::compile_alert_template(v, eo));
    for (const auto& [n, v] : rule.annotations)
      rule.templates.push_back(gotemplate::compile_alert_template(v, eo));
  }
  std::map<std::string, Alert> alerts;
  for (ev::Series& s : res) {
    double value = s.samples.empty() ? 0 : s.samples.front().value();
    gotemplate::AlertData data;
    data.labels = s.labels;
    data.external_labels = ctx.external_labels;
    data.external_url = ctx.external_url;
    data.value = value;
    auto expand = [&](size_t i) {
      gotemplate::ExpandResult r = gotemplate::expand_compiled(*rule.templates[i], data, eo);
      return r.error ? "<error expanding template: " + *r.error + ">" : r.text;
    };
    Labels ls = s.labels;
    set_label(ls, "__name__", "");
    for (size_t i = 0; i < rule.labels.size(); ++i) set_label(ls, rule.labels[i].first, expand(i));
    set_label(ls, "alertname", rule.name);
    Labels annotations;
    for (size_t i = 0; i < rule.annotations.size(); ++i) {
      annotations.emplace_back(rule.annotations[i].first, expand(rule.labels.size() + i));
    }
    std::string key = labels_key(ls);
    if (alerts.count(key) != 0) {
      error = "vector contains metrics with the same labelset after applying alert labels";
      return false;
    }
    Alert a;
    a.labels = std::move(ls);
    a.annotations = std::move(annotations);
    a.active_at = t;
    a.value = value;
    alerts.emplace(std::move(key), std::move(a));
  }
  for (auto& [key, a] : alerts) {
    auto it = rule.active.find(key);
    if (it != rule.active.end() && it->second.state != AlertState::kInactive) {
      it->second.value = a.value;
      it->second.annotations = std::move(a.annotations);
      continue;
    }
    rule.active[key] = std::move(a);
  }
  int64_t active_pending = 0;
  for (auto it = rule.active.begin(); it != rule.active.end();) {
    Alert& a = it->second;
    bool erase = false;
    if (alerts.count(it->first) == 0) {
      bool keep_firing = false;
      if (a.state == AlertState::kFiring && rule.keep_firing_for_ms > 0) {
        if (a.keep_firing_since < 0) a.keep_firing_since = t;
        if (t - a.keep_firing_since < rule.keep_firing_for_ms) keep_firing = true;
      }
      if (a.state == AlertState::kPending ||
          (a.resolved_at >= 0 && t - a.resolved_at > kResolvedRetentionMs)) {
        erase = true;
      }
      if (a.state != AlertState::kInactive && !keep_firing) {
        a.state = AlertState::kInactive;
        a.resolved_at = t;
      }
      if (!keep_firing) {
        it = erase ? rule.active.erase(it) : std::next(it);
        continue;
      }
    } else {
      a.keep_firing_since = -1;
    }
    ++active_pending;
    if (a.state == AlertState::kPending && t - a.active_at >= rule.for_ms) {
      a.state = AlertState::kFiring;
      a.fired_at = t;
    }
    out.push_back(alert_sample(rule, a, t, false));
    out.push_back(alert_sample(rule, a, t, true));
    if (erase) {
      it = rule.active.erase(it);
    } else {
      ++it;
    }
  }
  if (limit > 0 && active_pending > limit) {
    rule.active.clear();
    error = "exceeded limit of " + std::to_string(limit) + " with " +
            std::to_string(active_pending) + " alerts";
    return false;
  }
  return true;
}

}  // namespace

void eval_group(Group& group, int64_t t, const EvalContext& ctx) {
  for (Rule& rule : group.rules) {
    std::vector<ev::Series> out;
    std::string error;
    std::shared_ptr<const void> histograms;  // what `out`'s computed histograms point into
    bool ok = rule.alerting ? eval_alerting(rule, t, ctx, group.limit, out, error)
                            : eval_recording(rule, t, ctx, group.limit, out, error, histograms);
    if (!ok) {
      rule.last_error = std::move(error);
      continue;
    }
    rule.last_error.reset();
    std::unordered_map<std::string, Labels> returned;
    returned.reserve(out.size());
    for (ev::Series& s : out) {
      std::string key = labels_key(s.labels);
      if (const ev::FloatHistogram* h = s.samples.front().h()) {
        ctx.storage->append(s.labels, t, std::make_shared<const ev::FloatHistogram>(*h));
      } else {
        ctx.storage->append(s.labels, t, s.samples.front().v);
      }
      returned.emplace(std::move(key), std::move(s.labels));
    }
    for (auto& [key, ls] : rule.previous_series) {
      if (returned.count(key) == 0) ctx.storage->append(ls, t, ev::stale_nan());
    }
    rule.previous_series = std::move(returned);
  }
}

}  // namespace caxtool::ruletest::detail
