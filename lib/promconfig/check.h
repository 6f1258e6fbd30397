// SPDX-License-Identifier: Apache-2.0
// `check config` as a library call: a prometheus.yml's text in, diagnostics out. Validity is
// what `promtool check config` decides for the chosen release (then `check rules` on every rule
// file it names); lint checks (promconfig/lint.h) come on top.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "promql/version.h"
#include "rules/check.h"

namespace caxtool::promconfig {

struct CheckOptions {
  promql::Version version = promql::newest_version();
  bool syntax_only = false;  // promtool's --syntax-only: no file is opened
  // config/* lint checks to run.
  std::set<std::string, std::less<>> lints;
  // For the rule files: their lints and options (version is overwritten with `version`).
  rules::CheckOptions rules;
};

struct CheckResult {
  diag::Diagnostics diagnostics;
  size_t jobs = 0;
  std::vector<std::string> rule_files;  // the files the rule_files globs matched
  // The text of every other file a diagnostic points into (rule files), for rendering.
  std::vector<std::pair<std::string, std::string>> sources;
  bool invalid = false;  // promtool would reject it
};

// `file` names the diagnostics; relative paths in the config start at its directory.
CheckResult check_config_text(std::string_view text, const std::string& file,
                              const CheckOptions& options);

}  // namespace caxtool::promconfig
