// SPDX-License-Identifier: Apache-2.0
// A fast reader for the YAML that rule files and prometheus.yml are written in: block mappings
// and sequences, one-line plain and quoted scalars, block scalars, one-line flow collections,
// comments. libyaml (lib/yaml/parse.cpp) spent a third of `check rules` on a 50,000-rule file,
// a tenth of it decoding UTF-8; this reader builds the very same tree several times faster.
// Anything outside the subset (anchors, aliases, tags, merge and duplicate keys, tabs, CR,
// several documents, multi-line plain or quoted scalars, anything malformed) makes it decline,
// and libyaml reads the text again: it has the last word, and every error message.
#pragma once

#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace caxtool::yaml {

struct FastParseOutcome {
  bool handled = false;  // false: declined, `root` means nothing
  Node root;
  // What options.on_completed answered, call by call, before the reader finished or declined:
  // the completions it was offered are the first ones libyaml would offer, in the same order.
  std::vector<bool> answers;
};

// The fast reader alone (tests and the fuzzer compare it with yaml::parse). A completion is
// only offered once the token after it is known to scan, so that libyaml, reading the same
// text, would have offered it too before any error.
FastParseOutcome fast_parse(std::string_view text, const ParseOptions& options = {});

// yaml::parse's drop-in: the fast reader, and where it declines, yaml::parse with a hook that
// replays the recorded answers instead of offering those completions again (so a rule group
// already checked and streamed is not checked twice).
ParseResult parse_fast_first(std::string_view text, const std::string& file,
                             const ParseOptions& options = {});

}  // namespace caxtool::yaml
