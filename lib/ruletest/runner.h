// SPDX-License-Identifier: Apache-2.0
// `caxtool test rules` as a library call: one promtool unit-test file in, the outcome of each of
// its test groups out, with promtool's failure texts (the values are compared exactly as
// promtool compares them, so a test passes here exactly when it passes there).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "promql/version.h"

namespace caxtool::ruletest {

struct RunOptions {
  promql::Version version = promql::newest_version();
  // Only test groups whose name matches (Go regexp, unanchored, as promtool --run); empty: all.
  std::vector<std::string> run;
  int64_t lookback_delta_ms = 5 * 60 * 1000;
  bool experimental_functions = false;
  bool extended_range_selectors = false;  // promql-extended-range-selectors (3.7+)
  bool binop_fill_modifiers = false;      // promql-binop-fill-modifiers (3.10+)
  // promql-delayed-name-removal: promtool has the flag from 3.4 (older ones ignore it).
  bool delayed_name_removal = false;
  // promql-duration-expr: promtool has the flag from 3.10; 3.14 parses durations always.
  bool duration_expressions = false;

  // The parser's options these amount to.
  promql::ParseOptions parse_options() const {
    promql::ParseOptions po;
    po.version = version;
    po.enable_experimental_functions = experimental_functions;
    po.enable_extended_range_selectors = extended_range_selectors;
    po.enable_binop_fill_modifiers = binop_fill_modifiers;
    po.enable_duration_expressions = duration_expressions && version >= promql::Version{3, 10};
    return po;
  }
};

struct GroupOutcome {
  std::string name;  // the test group's name, or "unnamed#N" as promtool 2.55 names it
  std::vector<std::string> errors;  // promtool's texts, one per failed check
  double seconds = 0;
  int line = 0, column = 0;  // where the test group starts in the file
  bool passed() const { return errors.empty(); }
};

struct FileOutcome {
  std::string file;
  bool cannot_read = false;       // the test file (not a rule file) could not be read
  diag::Diagnostics diagnostics;  // why the file (or a rule file) was refused; warnings too
  std::string abort_error;        // a file-level error in promtool's words, if any
  std::vector<GroupOutcome> groups;
  bool passed() const;
};

FileOutcome run_test_file(const std::string& path, const RunOptions& options);

}  // namespace caxtool::ruletest
