// SPDX-License-Identifier: Apache-2.0
// Target relabelling run on a static target's labels, as promtool runs it before judging the
// address (scrape.TargetsFromGroup, notifier.AlertmanagerFromGroup). Static targets have every
// label known, so the rules are evaluated exactly; only hashmod's MD5 result is left unknown.
#include <algorithm>
#include <cctype>
#include <set>

#include "promconfig/validators.h"
#include "promql/regex.h"

namespace caxtool::promconfig {
namespace {

// Go's regexp.Expand: $1, ${1}, $name, ${name}; $$ is a dollar. Returns false for a named
// group, which this evaluation does not resolve.
bool expand(std::string_view tmpl, const std::vector<std::string>& groups, std::string& out) {
  out.clear();
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '$' || i + 1 == tmpl.size()) {
      out += tmpl[i];
      continue;
    }
    if (tmpl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string_view name;
    size_t next;
    if (tmpl[i + 1] == '{') {
      size_t close = tmpl.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += tmpl[i];
        continue;
      }
      name = tmpl.substr(i + 2, close - i - 2);
      next = close;
    } else {
      size_t j = i + 1;
      while (j < tmpl.size() &&
             (std::isalnum(static_cast<unsigned char>(tmpl[j])) != 0 || tmpl[j] == '_')) {
        ++j;
      }
      if (j == i + 1) {
        out += tmpl[i];
        continue;
      }
      name = tmpl.substr(i + 1, j - i - 1);
      next = j - 1;
    }
    if (name.empty() || name.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;
    }
    size_t index = name.size() > 6 ? groups.size() : std::stoul(std::string(name));
    if (index < groups.size()) out += groups[index];
    i = next;
  }
  return true;
}

}  // namespace

// Rules are evaluated once per target: compile each regex once.
const promql::detail::LabelRegex& compiled_regex(const std::string& re, bool dot_nl) {
  thread_local std::map<std::pair<std::string, bool>, promql::detail::LabelRegex> cache;
  if (cache.size() > 4096) cache.clear();
  auto key = std::make_pair(re, dot_nl);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, promql::detail::LabelRegex(re, dot_nl)).first;
  return it->second;
}

std::optional<std::map<std::string, std::string>> relabel_target(
    std::map<std::string, std::string> labels, const std::vector<Relabel>& rules, bool dot_nl) {
  std::set<std::string> unknown;  // hashmod results
  std::vector<std::string> groups;
  std::string target, value;
  for (const Relabel& r : rules) {
    std::string joined;
    for (size_t i = 0; i < r.source_labels.size(); ++i) {
      if (unknown.count(r.source_labels[i]) != 0) return std::nullopt;
      auto it = labels.find(r.source_labels[i]);
      joined += (i ? r.separator : "") + (it != labels.end() ? it->second : "");
    }
    const promql::detail::LabelRegex& re = compiled_regex(r.regex, dot_nl);
    if (!re.ok()) return std::nullopt;
    const std::string& a = r.action;
    if (a == "keep" || a == "drop") {
      if ((a == "keep") != re.matches(joined)) return std::nullopt;  // dropped
    } else if (a == "keepequal" || a == "dropequal") {
      if (unknown.count(r.target_label) != 0) return std::nullopt;
      bool equal = labels[r.target_label] == joined;
      if ((a == "keepequal") != equal) return std::nullopt;
    } else if (a == "replace") {
      if (!re.captures(joined, groups)) continue;
      if (!expand(r.target_label, groups, target) || !expand(r.replacement, groups, value)) {
        return std::nullopt;
      }
      if (!is_label_name(target)) continue;
      unknown.erase(target);
      if (value.empty()) {
        labels.erase(target);
      } else {
        labels[target] = value;
      }
    } else if (a == "lowercase" || a == "uppercase") {
      for (char& c : joined) {
        auto u = static_cast<unsigned char>(c);
        c = static_cast<char>(a == "lowercase" ? std::tolower(u) : std::toupper(u));
      }
      unknown.erase(r.target_label);
      labels[r.target_label] = joined;
    } else if (a == "hashmod") {
      unknown.insert(r.target_label);
      labels[r.target_label] = "0";
    } else if (a == "labelmap") {
      std::map<std::string, std::string> added;
      for (const auto& [name, v] : labels) {
        if (!re.captures(name, groups)) continue;
        if (!expand(r.replacement, groups, target)) return std::nullopt;
        added[target] = v;
      }
      for (auto& [name, v] : added) labels[name] = v;
    } else if (a == "labeldrop" || a == "labelkeep") {
      for (auto it = labels.begin(); it != labels.end();) {
        bool drop = re.matches(it->first) == (a == "labeldrop");
        it = drop ? labels.erase(it) : std::next(it);
      }
    }
  }
  return labels;
}

}  // namespace caxtool::promconfig
