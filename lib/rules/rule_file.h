// SPDX-License-Identifier: Apache-2.0
// The rule-file model `check rules` works on: groups and rules as Prometheus reads them, each
// value with where it was written, so every finding can point at its line and column.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "yaml/node.h"

namespace caxtool::rules {

// A scalar as written: its text (yaml.v3's Node.Value), style and position. `present` is false
// for a key that was not written at all.
struct Text {
  std::string value;
  yaml::Mark start, end;
  yaml::Style style = yaml::Style::kPlain;
  bool present = false;
  const yaml::Node* node = nullptr;  // valid while the group's tree lives
};

struct Entry {
  Text key;
  Text value;
};

struct Rule {
  int index = 0;  // 1-based within its group, as promtool counts
  yaml::Mark start;
  Text record, alert, expr, for_, keep_firing_for;
  std::vector<Entry> labels, annotations;
  bool labels_present = false, annotations_present = false;
  bool is_alert() const { return !alert.value.empty(); }
  const Text& name() const { return alert.value.empty() ? record : alert; }
};

struct Group {
  yaml::Mark start;
  Text name, interval, limit, query_offset;
  std::vector<Entry> labels;  // group labels, Prometheus 3.0+
  std::vector<Rule> rules;
};

}  // namespace caxtool::rules
