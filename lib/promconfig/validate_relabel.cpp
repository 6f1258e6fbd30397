// SPDX-License-Identifier: Apache-2.0
// relabel_configs, metric_relabel_configs and friends: model/relabel/relabel.go's UnmarshalYAML
// and Validate, which decide per action which fields it needs and which it forbids. Regexes are
// RE2 (Go's syntax) and anchored as Prometheus anchors them.
#include <algorithm>
#include <cctype>

#include "promconfig/validators.h"
#include "promql/regex.h"

namespace caxtool::promconfig {
namespace {

constexpr std::string_view kActions[] = {"replace",   "keep",      "drop",     "keepequal",
                                         "dropequal", "hashmod",   "labelmap", "labeldrop",
                                         "labelkeep", "lowercase", "uppercase"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// relabelTarget in 2.x: label name characters plus $1 / ${name} references.
bool is_relabel_target(std::string_view s) {
  static const promql::detail::LabelRegex re(R"((?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+)", false);
  return re.matches(s);
}

}  // namespace

Relabel read_relabel(const yaml::Node& n) {
  Relabel r;
  r.at = n.start;
  if (const yaml::Node* a = value(n, "action")) r.action = lower(a->value);
  if (const yaml::Node* s = value(n, "source_labels"); s != nullptr && s->is_sequence()) {
    for (const yaml::Node& l : s->children) r.source_labels.push_back(l.value);
  }
  if (const yaml::Node* s = value(n, "separator")) r.separator = s->value;
  if (const yaml::Node* re = n.get("regex")) {
    r.regex = re->is_null() ? "" : re->value;
    r.regex_at = re->start;
  }
  r.target_label = std::string(text(n, "target_label"));
  if (const yaml::Node* s = value(n, "replacement")) r.replacement = s->value;
  return r;
}

void validate_relabel(const yaml::Node& n, Context& ctx) {
  const yaml::Node* action_node = n.get("action");
  std::string action = "replace";
  if (action_node != nullptr) {
    if (action_node->is_null()) {
      ctx.error(*action_node, "relabel action cannot be empty");
      return;
    }
    action = lower(action_node->value);
    if (std::find(std::begin(kActions), std::end(kActions), action) == std::end(kActions)) {
      ctx.error(*action_node, "unknown relabel action " + quote(action_node->value),
                "config/invalid",
                "actions: replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, "
                "labelkeep, lowercase, uppercase");
      return;
    }
  }
  if (const yaml::Node* re = value(n, "regex"); re != nullptr && re->is_scalar()) {
    if (const auto& error = ctx.regex_error(re->value)) {
      ctx.error(*re, *error, "config/regex");
      return;
    }
  }
  const yaml::Node& at = action_node != nullptr ? *action_node : n;
  std::string target(text(n, "target_label"));
  const yaml::Node* modulus = value(n, "modulus");
  bool modulus_zero =
      modulus == nullptr || modulus->value.find_first_not_of("0_+") == std::string::npos;
  if (action == "hashmod" && modulus_zero) {
    ctx.error(at, "relabel configuration for hashmod requires non-zero modulus");
    return;
  }
  bool needs_target = action == "replace" || action == "hashmod" || action == "lowercase" ||
                      action == "uppercase" || action == "keepequal" || action == "dropequal";
  if (needs_target && target.empty()) {
    ctx.error(at, "relabel configuration for " + action + " action requires 'target_label' value");
    return;
  }
  bool case_or_equal = action == "lowercase" || action == "uppercase" || action == "keepequal" ||
                       action == "dropequal";
  bool has_var = target.find('$') != std::string::npos;
  bool target_ok =
      !ctx.at_least(2, 50) || has_var ? is_relabel_target(target) : is_label_name(target);
  if (action == "replace" && !target_ok) {
    ctx.error(*value(n, "target_label"),
              quote(target) + " is invalid 'target_label' for " + action + " action");
    return;
  }
  if ((case_or_equal || action == "hashmod") && !is_label_name(target)) {
    ctx.error(*value(n, "target_label"),
              quote(target) + " is invalid 'target_label' for " + action + " action");
    return;
  }
  std::string_view replacement = has(n, "replacement") ? text(n, "replacement") : "$1";
  if ((action == "lowercase" || action == "uppercase" || action == "keepequal" ||
       action == "dropequal") &&
      replacement != "$1") {
    ctx.error(*n.get("replacement"), "'replacement' can not be set for " + action + " action");
    return;
  }
  if (action == "labelmap") {
    bool ok = !ctx.at_least(2, 50) || replacement.find('$') != std::string_view::npos
                  ? is_relabel_target(replacement)
                  : is_label_name(replacement);
    if (!ok) {
      ctx.error(at, quote(replacement) + " is invalid 'replacement' for " + action + " action");
      return;
    }
  }
  std::string_view separator = has(n, "separator") ? text(n, "separator") : ";";
  bool regex_set = n.get("regex") != nullptr;
  if (action == "keepequal" || action == "dropequal") {
    if (regex_set || !modulus_zero || separator != ";" || replacement != "$1") {
      ctx.error(at, action +
                        " action requires only 'source_labels' and `target_label`, and no other "
                        "fields");
      return;
    }
  }
  if (action == "labeldrop" || action == "labelkeep") {
    if (has(n, "source_labels") || !target.empty() || !modulus_zero || separator != ";" ||
        replacement != "$1") {
      ctx.error(at, action + " action requires only 'regex', and no other fields");
      return;
    }
  }
}

}  // namespace caxtool::promconfig
