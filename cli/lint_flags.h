// SPDX-License-Identifier: Apache-2.0
// --list-lints, --explain NAME and `caxtool help check NAME` print a lint check the same way in
// every check command, whatever the table it comes from (any type with name, severity, summary
// and explanation).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "diag/diagnostic.h"
#include "exit_codes.h"

namespace caxtool::cli {

// "name (severity): summary", one line of --list-lints.
template <class Info>
void print_lint_line(const Info& l, Io& io) {
  io.out << l.name << " (" << diag::severity_name(l.severity) << "): " << l.summary << '\n';
}

// "name (severity)", a blank line and the explanation: --explain NAME.
template <class Info>
void print_lint_explanation(const Info& l, Io& io) {
  io.out << l.name << " (" << diag::severity_name(l.severity) << ")\n\n" << l.explanation << '\n';
}

// The names of `--lint NAME,...`, each checked against `known`: an unknown one is reported, with
// a "did you mean", and makes the result false. The words all, none and default are the
// caller's to handle before.
bool split_lint_names(std::string_view spec, const std::vector<std::string_view>& known,
                      std::vector<std::string>& out, Io& io);

// The names of a lint table, for split_lint_names.
template <class Table>
std::vector<std::string_view> lint_names(const Table& table) {
  std::vector<std::string_view> names;
  for (const auto& l : table) names.push_back(l.name);
  return names;
}

// The answer to --explain with a name no table has.
inline int no_such_lint(std::string_view name, Io& io) {
  io.err << "caxtool: no lint check named '" << name << "'; see --list-lints\n";
  return to_int(ExitCode::kUsage);
}

}  // namespace caxtool::cli
