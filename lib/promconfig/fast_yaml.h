// SPDX-License-Identifier: Apache-2.0
// A fast path for the YAML prometheus.yml files are written in: block mappings and sequences,
// one-line plain and quoted scalars, one-line flow collections, comments. libyaml spends most of
// check config's time on a 2,000-job file; this reads the same subset several times faster and
// builds the same tree as lib/yaml. Anything outside the subset (anchors, tags, block scalars,
// multi-line scalars, duplicate keys, tabs, several documents, errors) returns nullopt, and the
// caller parses the text with lib/yaml, which has the last word.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "yaml/node.h"

namespace caxtool::promconfig {

// `on_scrape_config` is offered each item of the top-level scrape_configs block sequence as it
// completes; returning true takes it (a "!caxtool/taken" placeholder stays, as with lib/yaml).
std::optional<yaml::Node> parse_simple_yaml(
    std::string_view text, const std::function<bool(yaml::Node&)>& on_scrape_config);

}  // namespace caxtool::promconfig
