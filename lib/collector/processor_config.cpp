// SPDX-License-Identifier: Apache-2.0
// The processors every pipeline should have, checked as their Validate() and factories check
// them when `otelcol validate` builds the pipelines: memory_limiter's required interval and
// limits, batch sizes, and the actions of the attributes and resource processors (attraction.go:
// each needs a valid `action`, a key, and one value source).
#include <algorithm>
#include <array>

#include "collector/config_util.h"

namespace caxtool::collector {
namespace {

void check_memory_limiter(const Component& c, Reporter& r) {
  const yaml::Node& cfg = *c.value;
  std::string at = where(c) + ": ";
  const yaml::Node* interval = scalar(cfg, "check_interval");
  if (interval == nullptr) {
    r.error(*c.key, "collector/component-config", at + "'check_interval' must be greater than zero",
            "check_interval has no default; 1s is usual");
  } else if (!has_reference(interval->value)) {
    auto d = parse_go_duration(interval->value);
    if (!d) {
      r.error(*interval, "collector/component-config",
              at + "check_interval: invalid duration " + quote(interval->value));
    } else if (*d <= 0) {
      r.error(*interval, "collector/component-config",
              at + "'check_interval' must be greater than zero");
    }
  }
  auto mib = number(cfg, "limit_mib"), pct = number(cfg, "limit_percentage");
  bool referenced = (scalar(cfg, "limit_mib") && !mib) || (scalar(cfg, "limit_percentage") && !pct);
  if (!referenced && mib.value_or(0) <= 0 && pct.value_or(0) <= 0) {
    r.error(*c.key, "collector/component-config",
            at + "'limit_mib' or 'limit_percentage' must be greater than zero");
  }
  if (pct && *pct > 100) {
    r.error(*scalar(cfg, "limit_percentage"), "collector/component-config",
            at + "'limit_percentage' must not be above 100");
  }
  auto spike = number(cfg, "spike_limit_mib");
  if (mib && spike && *mib > 0 && *spike >= *mib) {
    r.error(*scalar(cfg, "spike_limit_mib"), "collector/component-config",
            at + "'spike_limit_mib' must be smaller than 'limit_mib'");
  }
}

// attraction.go: the engine of the attributes processor (actions:) and resource (attributes:).
void check_actions(const Component& c, std::string_view list_key, Reporter& r) {
  const yaml::Node* list = c.value->is_mapping() ? c.value->get(list_key) : nullptr;
  std::string at = where(c) + ": ";
  if (list == nullptr || list->is_null() || (list->is_sequence() && list->children.empty())) {
    r.error(*c.key, "collector/component-config",
            at + "error creating " + quote(c.type) + " processor due to missing required field " +
                quote(list_key));
    return;
  }
  if (!list->is_sequence()) {
    r.error(*list, "collector/shape", at + std::string(list_key) + " must be a list of actions");
    return;
  }
  static constexpr std::array<std::string_view, 7> kActions = {
      "insert", "update", "upsert", "delete", "hash", "extract", "convert"};
  for (size_t i = 0; i < list->children.size(); ++i) {
    const yaml::Node& a = list->children[i];
    std::string nth = std::to_string(i) + "-th actions";
    if (!a.is_mapping()) {
      r.error(a, "collector/shape", at + "each action must be a mapping");
      continue;
    }
    const yaml::Node* action = scalar(a, "action");
    std::string act = action ? lower(action->value) : "";
    if (action && has_reference(action->value)) continue;
    if (std::find(kActions.begin(), kActions.end(), act) == kActions.end()) {
      r.error(
          action ? *action : a, "collector/component-config",
          at + "error creating AttrProc due to unsupported action " + quote(act) + " at the " + nth,
          action ? "action is one of insert, update, upsert, delete, hash, extract, convert"
                 : "every action needs `action:` (insert, update, upsert, delete, hash, "
                   "extract or convert)");
      continue;
    }
    bool has_pattern = scalar(a, "pattern") != nullptr;
    if (scalar(a, "key") == nullptr && !((act == "delete" || act == "hash") && has_pattern)) {
      r.error(a, "collector/component-config",
              at + "error creating AttrProc due to missing required field \"key\" at the " + nth);
      continue;
    }
    if (act == "insert" || act == "update" || act == "upsert") {
      int sources = (a.get("value") != nullptr) + (scalar(a, "from_attribute") != nullptr) +
                    (scalar(a, "from_context") != nullptr);
      if (sources == 0) {
        r.error(a, "collector/component-config",
                at +
                    "error creating AttrProc. Either field \"value\", \"from_attribute\" or "
                    "\"from_context\" setting must be specified for " +
                    nth);
      } else if (sources > 1) {
        r.error(
            a, "collector/component-config",
            at + "error creating AttrProc due to multiple value sources being set at the " + nth);
      }
    } else if (act == "extract" && !has_pattern) {
      r.error(a, "collector/component-config",
              at +
                  "error creating AttrProc due to missing required field \"pattern\" for action "
                  "\"extract\" at the " +
                  nth);
    } else if (act == "convert") {
      const yaml::Node* t = scalar(a, "converted_type");
      std::string type = t ? lower(t->value) : "";
      if (type != "string" && type != "int" && type != "double") {
        r.error(t ? *t : a, "collector/component-config",
                at + "error creating AttrProc due to invalid converted_type " + quote(type) +
                    " at the " + nth,
                "converted_type is string, int or double");
      }
    }
  }
}

}  // namespace

void check_processor_config(const Component& c, Reporter& r) {
  if (c.type == "memory_limiter") check_memory_limiter(c, r);
  if (c.type == "attributes") check_actions(c, "actions", r);
  if (c.type == "resource") check_actions(c, "attributes", r);
  if (c.type == "batch") {
    auto size = number(*c.value, "send_batch_size"), max = number(*c.value, "send_batch_max_size");
    if (max && *max > 0 && *max < size.value_or(8192)) {
      r.error(*scalar(*c.value, "send_batch_max_size"), "collector/component-config",
              where(c) + ": send_batch_max_size must be greater or equal to send_batch_size");
    }
  }
}

}  // namespace caxtool::collector
