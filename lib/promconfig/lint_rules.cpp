// SPDX-License-Identifier: Apache-2.0
// Reads rule files into what the config lints compare against the scrape configs: the labels
// an alert depends on and the ranges its rate()-like calls look back over. The rules' own
// validity is `check rules`' business; a rule that does not parse is skipped here.
#include <regex>

#include "promconfig/lint.h"
#include "promql/parser.h"
#include "yaml/node.h"

namespace caxtool::promconfig {
namespace {

using namespace promql;

bool needs_two_samples(std::string_view f) {
  return f == "rate" || f == "irate" || f == "increase" || f == "delta" || f == "idelta" ||
         f == "deriv" || f == "resets" || f == "changes" || f == "predict_linear";
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  for (const std::string& x : v) {
    if (x == s) return;
  }
  v.push_back(s);
}

std::string job_of(const VectorSelector& vs) {
  for (const Matcher& m : vs.matchers) {
    if (m.name == "job" && m.op == MatchOp::kEqual) return m.value;
  }
  return "";
}

void read_expr(const Expr& root, RuleRef& r) {
  walk(root, [&r](const Expr& e) {
    if (const VectorSelector* vs = e.as<VectorSelector>()) {
      for (const Matcher& m : vs->matchers) {
        if (m.name != "__name__") add_unique(r.labels, m.name);
      }
      std::string job = job_of(*vs);
      if (!job.empty()) add_unique(r.jobs, job);
    } else if (const Aggregate* a = e.as<Aggregate>()) {
      if (!a->without) {
        for (const std::string& l : a->grouping) add_unique(r.labels, l);
      }
    } else if (const Binary* b = e.as<Binary>()) {
      if (b->matching && b->matching->on) {
        for (const std::string& l : b->matching->matching_labels) add_unique(r.labels, l);
      }
    } else if (const Call* c = e.as<Call>()) {
      if (!needs_two_samples(c->name) || c->args.empty()) return;
      const Expr* arg = c->args.front().get();
      while (arg != nullptr && arg->kind == NodeKind::kParen) arg = arg->as<Paren>()->expr.get();
      const MatrixSelector* m = arg != nullptr ? arg->as<MatrixSelector>() : nullptr;
      if (m == nullptr || m->range_ns <= 0 || m->vector_selector() == nullptr) return;
      r.windows.push_back({c->name, m->range_ns / 1'000'000, job_of(*m->vector_selector())});
    }
  });
}

void read_templates(const yaml::Node* map, RuleRef& r) {
  if (map == nullptr || !map->is_mapping()) return;
  static const std::regex re(R"((?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*))");
  for (size_t i = 0; i < map->entry_count(); ++i) {
    const std::string& v = map->val(i).value;
    if (v.find("abels.") == std::string::npos) continue;
    for (std::sregex_iterator it(v.begin(), v.end(), re), end; it != end; ++it) {
      add_unique(r.labels, (*it)[1].str());
    }
  }
}

}  // namespace

LoadedRuleFile load_rule_file(const std::string& path, std::string_view text,
                              promql::Version version) {
  LoadedRuleFile out;
  out.path = path;
  yaml::ParseResult parsed = yaml::parse(text, path);
  if (parsed.documents.empty()) return out;
  const yaml::Node& root = parsed.documents.front().root;
  const yaml::Node* groups = root.get("groups");
  if (groups == nullptr && root.get("spec") != nullptr) groups = root.get("spec")->get("groups");
  if (groups == nullptr || !groups->is_sequence()) return out;
  promql::ParseOptions po;
  po.version = version;
  for (const yaml::Node& g : groups->children) {
    const yaml::Node* list = g.is_mapping() ? g.get("rules") : nullptr;
    if (list == nullptr || !list->is_sequence()) continue;
    for (const yaml::Node& rule : list->children) {
      if (!rule.is_mapping()) continue;
      const yaml::Node* expr = rule.get("expr");
      if (expr == nullptr || !expr->is_scalar()) continue;
      RuleRef r;
      const yaml::Node* alert = rule.get("alert");
      const yaml::Node* record = rule.get("record");
      r.alert = alert != nullptr;
      r.name = alert != nullptr ? alert->value : record != nullptr ? record->value : "";
      r.at = expr->start;
      promql::ParseResult pr = promql::parse(expr->value, po);
      if (pr.expr == nullptr) continue;
      read_expr(*pr.expr, r);
      if (r.alert) {
        read_templates(rule.get("annotations"), r);
        read_templates(rule.get("labels"), r);
      }
      out.rules.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace caxtool::promconfig
