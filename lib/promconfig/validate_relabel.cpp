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

// A relabel rule's keys found in one pass over the mapping (it is read twice per rule, for
// 10,000s of rules): `get` as Node::get has them (null values too), `value` drops a null.
struct RelabelKeys {
  const yaml::Node *action = nullptr, *source_labels = nullptr, *separator = nullptr,
                   *regex = nullptr, *target_label = nullptr, *replacement = nullptr,
                   *modulus = nullptr;
  explicit RelabelKeys(const yaml::Node& n) {
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const std::string& k = n.key(i).value;
      const yaml::Node* v = &n.val(i);
      const yaml::Node** slot = k == "action"          ? &action
                                : k == "source_labels" ? &source_labels
                                : k == "separator"     ? &separator
                                : k == "regex"         ? &regex
                                : k == "target_label"  ? &target_label
                                : k == "replacement"   ? &replacement
                                : k == "modulus"       ? &modulus
                                                       : nullptr;
      if (slot != nullptr && *slot == nullptr) *slot = v;
    }
  }
  static const yaml::Node* value(const yaml::Node* n) {
    return n != nullptr && !n->is_null() ? n : nullptr;
  }
  static std::string_view text(const yaml::Node* n) {
    n = value(n);
    return n != nullptr && n->is_scalar() ? std::string_view(n->value) : std::string_view();
  }
};

}  // namespace

Relabel read_relabel(const yaml::Node& n) {
  Relabel r;
  r.at = n.start;
  RelabelKeys keys(n);
  if (const yaml::Node* a = RelabelKeys::value(keys.action)) r.action = lower(a->value);
  if (const yaml::Node* s = RelabelKeys::value(keys.source_labels); s && s->is_sequence()) {
    r.source_labels.reserve(s->children.size());
    for (const yaml::Node& l : s->children) r.source_labels.push_back(l.value);
  }
  if (const yaml::Node* s = RelabelKeys::value(keys.separator)) r.separator = s->value;
  if (const yaml::Node* re = keys.regex) {
    r.regex = re->is_null() ? "" : re->value;
    r.regex_at = re->start;
  }
  r.target_label = std::string(RelabelKeys::text(keys.target_label));
  if (const yaml::Node* s = RelabelKeys::value(keys.replacement)) r.replacement = s->value;
  return r;
}

void validate_relabel(const yaml::Node& n, Context& ctx) {
  RelabelKeys keys(n);
  const yaml::Node* action_node = keys.action;
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
  if (const yaml::Node* re = RelabelKeys::value(keys.regex); re != nullptr && re->is_scalar()) {
    if (const auto& error = ctx.regex_error(re->value)) {
      ctx.error(*re, *error, "config/regex");
      return;
    }
  }
  const yaml::Node& at = action_node != nullptr ? *action_node : n;
  std::string target(RelabelKeys::text(keys.target_label));
  const yaml::Node* modulus = RelabelKeys::value(keys.modulus);
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
    ctx.error(*RelabelKeys::value(keys.target_label),
              quote(target) + " is invalid 'target_label' for " + action + " action");
    return;
  }
  if ((case_or_equal || action == "hashmod") && !is_label_name(target)) {
    ctx.error(*RelabelKeys::value(keys.target_label),
              quote(target) + " is invalid 'target_label' for " + action + " action");
    return;
  }
  std::string_view replacement =
      RelabelKeys::value(keys.replacement) != nullptr ? RelabelKeys::text(keys.replacement) : "$1";
  if ((action == "lowercase" || action == "uppercase" || action == "keepequal" ||
       action == "dropequal") &&
      replacement != "$1") {
    ctx.error(*keys.replacement, "'replacement' can not be set for " + action + " action");
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
  std::string_view separator =
      RelabelKeys::value(keys.separator) != nullptr ? RelabelKeys::text(keys.separator) : ";";
  bool regex_set = keys.regex != nullptr;
  if (action == "keepequal" || action == "dropequal") {
    if (regex_set || !modulus_zero || separator != ";" || replacement != "$1") {
      ctx.error(at, action +
                        " action requires only 'source_labels' and `target_label`, and no other "
                        "fields");
      return;
    }
  }
  if (action == "labeldrop" || action == "labelkeep") {
    if (RelabelKeys::value(keys.source_labels) != nullptr || !target.empty() || !modulus_zero ||
        separator != ";" || replacement != "$1") {
      ctx.error(at, action + " action requires only 'regex', and no other fields");
      return;
    }
  }
}

}  // namespace caxtool::promconfig
