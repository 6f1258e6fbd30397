// SPDX-License-Identifier: Apache-2.0
// Loading the rule files a test names. promtool's rules.Manager.LoadGroups refuses exactly what
// `promtool check rules` refuses, so the verdict comes from lib/rules' checker (no lints), and
// the groups from lib/rules' loader; only the expressions are parsed again here, into trees the
// engine runs.
#include <algorithm>
#include <map>

#include "promql/literals.h"
#include "promql/parser.h"
#include "rules/check.h"
#include "rules/load.h"
#include "ruletest/rule_eval.h"
#include "util/file.h"
#include "yaml/fast_parse.h"
#include "yaml/node.h"

namespace caxtool::ruletest::detail {
namespace {

int64_t duration_ms(const rules::Text& t) {
  if (!t.present || t.value.empty()) return 0;
  std::string why;
  std::optional<int64_t> ns = promql::detail::parse_duration(t.value, false, &why);
  return ns ? *ns / 1'000'000 : 0;
}

Labels sorted_pairs(const std::vector<rules::Entry>& entries) {
  std::map<std::string, std::string> m;
  for (const rules::Entry& e : entries) m[e.key.value] = e.value.value;
  return Labels(m.begin(), m.end());
}

void load_file(const std::string& path, const promql::ParseOptions& features,
               std::vector<Group>& out, diag::Diagnostics& diags) {
  const promql::Version& version = features.version;
  std::string why;
  std::optional<std::string> text = util::read_file(path, why);
  if (!text) {
    diag::Diagnostic d;
    d.file = path;
    d.check = "test/rule-file-read";
    d.message = "cannot read rule file: " + why;
    diags.add(std::move(d));
    return;
  }
  rules::CheckOptions check;
  check.version = version;
  check.experimental_functions = features.enable_experimental_functions;
  check.extended_range_selectors = features.enable_extended_range_selectors;
  check.binop_fill_modifiers = features.enable_binop_fill_modifiers;
  check.duration_expressions = features.enable_duration_expressions;
  rules::FileResult verdict = rules::check_rules_text(*text, path, check);
  bool refused = verdict.diagnostics.has_at_least(diag::Severity::kError);
  yaml::ParseResult parsed = yaml::parse_fast_first(*text, path);
  const yaml::Node* groups =
      parsed.documents.empty() ? nullptr : parsed.documents.front().root.get("groups");
  if (refused) {
    // An unknown field fails rulefmt's strict decode before anything else is looked at:
    // promtool then prints yaml.v3's one error for them all.
    std::string unknown;
    for (const diag::Diagnostic& d : verdict.diagnostics.items()) {
      static const std::pair<std::string_view, std::string_view> kTypes[] = {
          {"\" in rule file", "rulefmt.RuleGroups"},
          {"\" in rule group", "rulefmt.RuleGroup"},
          {"\" in rule", "rulefmt.RuleNode"}};
      constexpr std::string_view kPrefix = "unknown field \"";
      if (d.severity != diag::Severity::kError || d.message.rfind(kPrefix, 0) != 0) continue;
      for (const auto& [suffix, type] : kTypes) {
        size_t at = d.message.size() - suffix.size();
        if (d.message.size() <= kPrefix.size() + suffix.size() ||
            d.message.compare(at, suffix.size(), suffix) != 0)
          continue;
        unknown += "\n  line " + std::to_string(d.line) + ": field " +
                   d.message.substr(kPrefix.size(), at - kPrefix.size()) + " not found in type " +
                   std::string(type);
        break;
      }
    }
    if (!unknown.empty()) {
      diag::Diagnostic d;
      d.file = path;
      d.check = kPromtoolWorded;
      d.message = path + ": yaml: unmarshal errors:" + unknown;
      diags.add(std::move(d));
      return;
    }
    // promtool words an expression that does not parse its own way; other refusals keep
    // check rules' wording.
    size_t before = diags.size();
    rules::LoadContext ctx{path, version, false};
    diag::Diagnostics ignored;
    for (size_t i = 0; groups != nullptr && groups->is_sequence() && i < groups->children.size();
         ++i) {
      rules::Group g = rules::load_group(groups->children[i], ctx, ignored);
      for (const rules::Rule& r : g.rules) {
        const promql::ParseOptions& po = features;
        promql::ParseResult pr = promql::parse(r.expr.value, po);
        if (pr.errors.empty()) continue;
        diag::Diagnostic d;
        d.file = path;
        d.line = r.expr.start.line;
        d.column = r.expr.start.column;
        d.check = kPromtoolWorded;
        d.message = path + ": " + std::to_string(d.line) + ":" + std::to_string(d.column) +
                    ": group " + promql::detail::go_quote(g.name.value) + ", rule " +
                    std::to_string(r.index) + ", " + promql::detail::go_quote(r.name().value) +
                    ": could not parse expression: " +
                    promql::prometheus_error_string(r.expr.value, pr.errors.front());
        diags.add(std::move(d));
      }
    }
    if (diags.size() == before) {
      for (const diag::Diagnostic& d : verdict.diagnostics.items()) {
        if (d.severity == diag::Severity::kError) diags.add(d);
      }
    }
    return;
  }
  if (groups == nullptr || !groups->is_sequence()) return;
  rules::LoadContext ctx{path, version, false};
  diag::Diagnostics ignored;
  for (const yaml::Node& node : groups->children) {
    rules::Group g = rules::load_group(node, ctx, ignored);
    Group group;
    group.file = path;
    group.name = g.name.value;
    if (g.limit.present) group.limit = std::strtoll(g.limit.value.c_str(), nullptr, 10);
    for (const rules::Rule& r : g.rules) {
      Rule rule;
      rule.alerting = r.is_alert();
      rule.name = r.name().value;
      const promql::ParseOptions& po = features;
      promql::ParseResult pr = promql::parse(r.expr.value, po);
      if (!pr.ok()) continue;  // the checker above refused such a file already
      rule.expr = std::move(pr.expr);
      rule.for_ms = duration_ms(r.for_);
      rule.keep_firing_for_ms = duration_ms(r.keep_firing_for);
      rule.labels = sorted_pairs(r.labels);
      rule.annotations = sorted_pairs(r.annotations);
      auto ahead = [](std::string_view t) {
        return t.find('@') != std::string_view::npos || t.find("offset") != std::string_view::npos;
      };
      rule.looks_ahead = ahead(r.expr.value);
      for (const auto& [n, v] : rule.labels) rule.looks_ahead = rule.looks_ahead || ahead(v);
      for (const auto& [n, v] : rule.annotations) rule.looks_ahead = rule.looks_ahead || ahead(v);
      group.rules.push_back(std::move(rule));
    }
    out.push_back(std::move(group));
  }
}

}  // namespace

std::vector<Group> load_groups(const std::vector<std::string>& files,
                               const std::vector<std::string>& eval_order,
                               const promql::ParseOptions& features, diag::Diagnostics& diags) {
  std::vector<Group> groups;
  for (const std::string& f : files) load_file(f, features, groups, diags);
  // promtool sorts the groups of a map by their place in group_eval_order (unlisted: 0); the
  // map's order is random, file order here is the deterministic choice among promtool's.
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < eval_order.size(); ++i) order.emplace(eval_order[i], i);
  auto rank = [&](const Group& g) {
    auto it = order.find(g.name);
    return it == order.end() ? size_t{0} : it->second;
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const Group& a, const Group& b) { return rank(a) < rank(b); });
  return groups;
}

std::string labels_key(const Labels& labels) {
  std::string key;
  for (const auto& [n, v] : labels) {
    key += n;
    key.push_back('\xff');
    key += v;
    key.push_back('\xff');
  }
  return key;
}

int compare_labels(const Labels& a, const Labels& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = a[i].first.compare(b[i].first); c != 0) return c < 0 ? -1 : 1;
    if (int c = a[i].second.compare(b[i].second); c != 0) return c < 0 ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace caxtool::ruletest::detail
