// SPDX-License-Identifier: Apache-2.0
// See measure.h. A series' identity is the sum of its label pairs' hashes, so the identity
// without one label is a subtraction, whatever order the labels come in.
#include "cardinality/measure.h"

#include <algorithm>

namespace caxtool::cardinality {

namespace {}  // namespace

void DropMeter::add(const std::vector<std::pair<std::string_view, std::string_view>>& labels) {
  ++series_;
  uint64_t all = 0;
  for (const auto& [n, v] : labels) all += exposition::hash_label(n, v);
  for (const auto& [n, v] : labels) {
    if (n == "__name__" || (!only_.empty() && n != only_)) continue;
    auto it = labels_.find(n);
    if (it == labels_.end()) it = labels_.emplace(std::string(n), PerLabel{}).first;
    it->second.without.insert(exposition::mix64(all - exposition::hash_label(n, v)));
    it->second.values.insert(std::hash<std::string_view>{}(v));
    ++it->second.carrying;
  }
}

DropEffect DropMeter::result() const {
  DropEffect e;
  e.series = series_;
  for (const auto& [n, l] : labels_) {
    // Series without the label keep their identity and stay (a rare merge with one that loses
    // the label is not counted: the figure may understate what a fix removes, never overstate).
    e.after_drop[n] = l.without.size() + (series_ - l.carrying);
    e.values[n] = l.values.size();
  }
  return e;
}

std::string fix_offenders(std::vector<Offender>& offenders, const Measure& measure,
                          size_t max_fixes) {
  size_t measured = 0;
  uint64_t removed = 0;
  for (size_t i = 0; i < offenders.size(); ++i) {
    Offender& off = offenders[i];
    if (off.kind == "series") continue;
    // A label over its value budget and forbidden too: one fix, said once.
    auto begin = offenders.begin();
    auto here = begin + static_cast<std::ptrdiff_t>(i);
    auto same = std::find_if(begin, here, [&off](const Offender& prev) {
      return off.kind != "metric" && prev.kind != "metric" && prev.kind != "series" &&
             prev.name == off.name;
    });
    if (same != here) {
      off.fix = {"the same labeldrop as for " + same->kind + " " + same->name, "",
                 same->fix.removes, same->fix.computed};
      continue;
    }
    if (measured++ >= max_fixes) {
      off.fix.summary = "not measured (more than " + std::to_string(max_fixes) + " offenders)";
      continue;
    }
    auto effect = measure(off);
    if (auto* e = std::get_if<std::string>(&effect)) return *e;
    const DropEffect& d = std::get<DropEffect>(effect);
    if (off.kind == "metric") {
      std::string best;
      uint64_t best_after = d.series;
      for (const auto& [label, after] : d.after_drop) {
        if (after < best_after) {
          best = label;
          best_after = after;
        }
      }
      if (!best.empty() && best_after <= off.budget) {
        off.fix = {"drop label " + best + " from " + off.name + " (" +
                       std::to_string(d.values.at(best)) +
                       " values): " + std::to_string(best_after) + " series remain",
                   drop_label_from_metric_yaml(off.name, best), d.series - best_after, true};
      } else {
        std::string why = best.empty() ? std::string()
                                       : " (without its largest label " + best + " it still has " +
                                             std::to_string(best_after) + " series)";
        off.fix = {"drop the metric " + off.name + why, drop_metric_yaml(off.name), d.series, true};
      }
    } else {
      uint64_t after = d.after_drop.count(off.name) ? d.after_drop.at(off.name) : d.series;
      off.fix = {"labeldrop " + off.name + " on every metric: " + std::to_string(d.series) +
                     " series become " + std::to_string(after),
                 labeldrop_yaml(off.name), d.series - after, true};
    }
    removed += off.fix.removes;
  }
  for (Offender& off : offenders) {
    if (off.kind != "series") continue;
    off.fix.summary = offenders.size() > 1
                          ? "the fixes below remove up to " + std::to_string(removed) + " series"
                          : "no single label or metric stands out; see the largest metrics";
  }
  return "";
}

}  // namespace caxtool::cardinality
