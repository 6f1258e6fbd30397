// SPDX-License-Identifier: Apache-2.0
// The one explicit, sorted command table (ninja's kTools[], fish's builtin_datas[]). A command
// exists only once it works: later capabilities add their row here with their file.
#include "command.h"

namespace caxtool::cli {

const std::vector<CommandInfo>& command_table() {
  static const std::vector<CommandInfo> kCommands = {
      {"check", "validate and lint monitoring files (rules)",
       "Checks files before they reach a server: `caxtool check rules` gives promtool's verdict "
       "on alert and recording rule files with the exact line and column, then lints them. "
       "Findings are printed as FILE:LINE:COL: severity: message [check], or with --format as "
       "JSON, GitHub annotations or SARIF.",
       make_check_command},
      {"completion", "print a shell completion script (bash, zsh or fish)",
       "Prints a completion script for the named shell on standard output. Load it with "
       "`source <(caxtool completion bash)`, `caxtool completion zsh > \"${fpath[1]}/_caxtool\"` "
       "or "
       "`caxtool completion fish | source`. The scripts are generated from the same command table "
       "as "
       "this help and the man page.",
       make_completion_command},
      {"generate", "write the monitoring stack for a Caxton deployment",
       "Writes prometheus.yml with its flags file, alert and recording rules with their unit "
       "tests, "
       "the OpenTelemetry Collector config, Grafana dashboards and provisioning, and the "
       "Alertmanager config, from templates compiled into caxtool. Values come from the built-in "
       "defaults (print them with --show-values), a values file (--values, schema caxtool/v1) and "
       "--set overrides, in that order. Every value is checked before anything is written; files "
       "are written atomically, and a file that differs on disk is only replaced with --force.",
       make_generate_command},
      {"help", "help on a command, or on one lint check (help check NAME)",
       "Prints the help of a command (`caxtool help check rules`), or the explanation of a lint "
       "check with how to turn it off (`caxtool help check promql/histogram-le`).",
       make_help_command},
      {"promql", "work with PromQL expressions (fmt)",
       "`caxtool promql fmt EXPR` prints an expression in canonical PromQL, parsed by the same "
       "front end as check rules, for the Prometheus version given with --prometheus-version.",
       make_promql_command},
  };
  return kCommands;
}

CLI::Option* add_choice_option(CLI::App& app, Choices& choices, const std::string& name,
                               std::string& target, std::vector<std::string> values,
                               const std::string& description) {
  CLI::Option* opt = app.add_option(name, target, description)->check(CLI::IsMember(values));
  choices.set(opt, std::move(values));
  return opt;
}

}  // namespace caxtool::cli
