// SPDX-License-Identifier: Apache-2.0
// The function table, read off template/template.go of each Prometheus release (the text
// template function map; "tmpl" exists only for HTML console templates), and Go's builtins
// from text/template/funcs.go.
#include "gotemplate/functions.h"

#include <algorithm>

namespace caxtool::gotemplate {
namespace {

constexpr Version kAlways{2, 0};

// Sorted by name (checked by a unit test), for binary search.
constexpr TemplateFunction kFunctions[] = {
    {"and", kAlways, true},
    {"args", kAlways, false},
    {"call", kAlways, true},
    {"eq", kAlways, true},
    {"externalURL", kAlways, false},
    {"first", kAlways, false},
    {"ge", kAlways, true},
    {"graphLink", kAlways, false},
    {"gt", kAlways, true},
    {"html", kAlways, true},
    {"humanize", kAlways, false},
    {"humanize1024", kAlways, false},
    {"humanizeDuration", kAlways, false},
    {"humanizePercentage", {2, 11}, false},
    {"humanizeTimestamp", kAlways, false},
    {"index", kAlways, true},
    {"js", kAlways, true},
    {"label", kAlways, false},
    {"le", kAlways, true},
    {"len", kAlways, true},
    {"lt", kAlways, true},
    {"match", kAlways, false},
    {"ne", kAlways, true},
    {"not", kAlways, true},
    {"now", {3, 6}, false},
    {"or", kAlways, true},
    {"parseDuration", {2, 32}, false},
    {"pathPrefix", kAlways, false},
    {"print", kAlways, true},
    {"printf", kAlways, true},
    {"println", kAlways, true},
    {"query", kAlways, false},
    {"reReplaceAll", kAlways, false},
    {"safeHtml", kAlways, false},
    {"slice", {2, 13}, true},  // Go 1.13
    {"sortByLabel", kAlways, false},
    {"stripDomain", {2, 36}, false},
    {"stripPort", {2, 33}, false},
    {"strvalue", kAlways, false},
    {"tableLink", kAlways, false},
    {"title", kAlways, false},
    {"toDuration", {3, 6}, false},
    {"toLower", kAlways, false},
    {"toTime", {2, 38}, false},
    {"toUpper", kAlways, false},
    {"urlQueryEscape", {3, 8}, false},
    {"urlquery", kAlways, true},
    {"value", kAlways, false},
};

struct GoRelease {
  Version first_prometheus;
  int go_minor;
};

// From .promu.yml at each release tag.
constexpr GoRelease kGoReleases[] = {
    {{2, 0}, 9},   {{2, 5}, 11},  {{2, 9}, 12},  {{2, 13}, 13}, {{2, 18}, 14}, {{2, 21}, 15},
    {{2, 26}, 16}, {{2, 30}, 17}, {{2, 35}, 18}, {{2, 39}, 19}, {{2, 44}, 20}, {{2, 47}, 21},
    {{2, 51}, 22}, {{2, 55}, 23}, {{3, 3}, 24},  {{3, 7}, 25},  {{3, 10}, 26},
};

}  // namespace

std::span<const TemplateFunction> template_functions() { return kFunctions; }

const TemplateFunction* find_function(std::string_view name) {
  const auto* it =
      std::lower_bound(std::begin(kFunctions), std::end(kFunctions), name,
                       [](const TemplateFunction& f, std::string_view n) { return f.name < n; });
  if (it == std::end(kFunctions) || it->name != name) return nullptr;
  return it;
}

bool has_function(std::string_view name, Version version) {
  const TemplateFunction* f = find_function(name);
  return f != nullptr && f->since <= version;
}

std::vector<std::string_view> function_names(Version version) {
  std::vector<std::string_view> names;
  for (const auto& f : kFunctions) {
    if (f.since <= version) names.push_back(f.name);
  }
  return names;
}

int go_minor_version(Version prometheus) {
  int go_minor = kGoReleases[0].go_minor;
  for (const auto& release : kGoReleases) {
    if (release.first_prometheus <= prometheus) go_minor = release.go_minor;
  }
  return go_minor;
}

}  // namespace caxtool::gotemplate
