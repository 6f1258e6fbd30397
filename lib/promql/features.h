// SPDX-License-Identifier: Apache-2.0
// The grammar switches of one Prometheus release, computed once per parse from ParseOptions,
// so the lexer and parser test a flag instead of comparing versions at every token. Each line
// names the release that introduced the behaviour (see shared/research/promql-versions.md).
#pragma once

#include "promql/version.h"

namespace caxtool::promql::detail {

struct Features {
  Version version;
  bool experimental_functions = false;    // flag, 2.49+
  bool unknown_unit_message = false;      // 2.43: "unknown unit %q in duration %q"
  bool quoted_names = false;              // 2.51: {"metric.name", "a.b"="v"}
  bool regex_quotes_raw = false;          // 2.52: regex errors quote the user's text only
  bool new_number_lexer = false;          // 2.54: underscores, numbers <-> durations
  bool limit_aggregations = false;        // 2.54: limitk, limit_ratio (experimental)
  bool quoted_grouping_labels = false;    // 2.55: by ("a.b")
  bool info_checks = false;               // 2.55: info()'s second argument
  bool utf8_label_names = false;          // 3.0: grouping labels validated as UTF-8
  bool regex_dot_nl = false;              // 3.0: `.` matches a newline
  bool generic_limit_message = false;     // 3.1: "%s() is experimental ..."
  bool grouping_label_message = false;    // 3.2: "invalid label name for grouping: %q"
  bool duration_lexer = false;            // 3.4: duration-expression lexing inside [...]
  bool duration_expressions = false;      // 3.4 with the flag, 3.14 always
  bool letter_acts_as_colon = true;       // until 3.5: foo[5m x 1m] is foo[5m:1m]
  bool step_keyword = false;              // 3.6: step()
  bool min_max_durations = false;         // 3.6-3.12: min(a, b), max(a, b) in durations
  bool extended_range_keywords = false;   // 3.7: anchored, smoothed are keywords
  bool extended_range_selectors = false;  // 3.7 with the flag
  bool info_selector_message = false;     // 3.8: "expected label selectors only"
  bool fill_keywords = false;             // 3.10: fill, fill_left, fill_right
  bool fill_modifiers = false;            // 3.10 with the flag
  bool range_keyword = false;             // 3.10: range()
  bool trim_operators = false;            // 3.11: </ and >/
  bool time_functions = false;            // 3.12: start(), end(), step(), range() as functions
  bool min_of_max_of = false;             // 3.13: min_of(), max_of()
  bool duration_range_check = false;      // 3.13: "duration out of range" for literals
  bool strict_range_modifiers = false;    // after 3.14: foo @ start() [5m] is refused

  explicit Features(const ParseOptions& o) : version(o.version) {
    auto at_least = [&](int major, int minor) { return version >= Version{major, minor}; };
    experimental_functions = o.enable_experimental_functions && at_least(2, 49);
    unknown_unit_message = at_least(2, 43);
    quoted_names = at_least(2, 51);
    regex_quotes_raw = at_least(2, 52);
    new_number_lexer = at_least(2, 54);
    limit_aggregations = at_least(2, 54);
    quoted_grouping_labels = at_least(2, 55);
    info_checks = at_least(2, 55);
    utf8_label_names = at_least(3, 0);
    regex_dot_nl = at_least(3, 0);
    generic_limit_message = at_least(3, 1);
    grouping_label_message = at_least(3, 2);
    duration_lexer = at_least(3, 4);
    duration_expressions = at_least(3, 14) || (at_least(3, 4) && o.enable_duration_expressions);
    letter_acts_as_colon = !at_least(3, 6);
    step_keyword = at_least(3, 6);
    min_max_durations = at_least(3, 6) && !at_least(3, 13);
    extended_range_keywords = at_least(3, 7);
    extended_range_selectors = at_least(3, 7) && o.enable_extended_range_selectors;
    info_selector_message = at_least(3, 8);
    fill_keywords = at_least(3, 10);
    fill_modifiers = at_least(3, 10) && o.enable_binop_fill_modifiers;
    range_keyword = at_least(3, 10);
    trim_operators = at_least(3, 11);
    time_functions = at_least(3, 12);
    min_of_max_of = at_least(3, 13);
    duration_range_check = at_least(3, 13);
    strict_range_modifiers = at_least(3, 15);
  }
};

}  // namespace caxtool::promql::detail
