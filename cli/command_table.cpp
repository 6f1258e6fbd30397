// SPDX-License-Identifier: Apache-2.0
// The one explicit, sorted command table (ninja's kTools[], fish's builtin_datas[]). A command
// exists only once it works: later capabilities add their row here with their file.
#include "command.h"

namespace caxtool::cli {

const std::vector<CommandInfo>& command_table() {
  static const std::vector<CommandInfo> kCommands = {
      {"cardinality", "find the metrics and labels that multiply series, with fixes",
       "Finds high-cardinality metrics and labels on the server at --url: from its TSDB status "
       "(Prometheus, Thanos, VictoriaMetrics) or Mimir's cardinality API, or, with --selector, "
       "from a streaming read of the matching series, which also tells which label multiplies "
       "each metric. Budgets (--max-series, --max-series-per-metric, --max-label-values, "
       "--forbid-label, or the cardinality section of .caxtool.yml) exit 1 when exceeded, with a "
       "metric_relabel_configs fix for each offender and the number of series it removes, "
       "measured on the offender's own series.",
       make_cardinality_command},
      {"check", "validate and lint monitoring files (rules, metrics)",
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
      {"doctor", "run the metrics-debugging runbook against a server",
       "Runs the Caxton guide's \"Debugging Metrics Issues\" runbook in one go: the server is "
       "reachable and ready, its last config reload succeeded, every target is up (the "
       "collector's own metrics too), rule groups evaluate without errors, which alerts fire, "
       "head series are within --max-series, and the largest metrics. One line per step with "
       "ok, warn, fail or skip and a hint; exit 1 on any fail. --format json for automation.",
       make_doctor_command},
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
      {"query", "run an instant or range PromQL query",
       "Runs EXPR as an instant query (--time) or a range query (--start, --end, --step) and "
       "prints the result as an aligned table, CSV (-o csv) or the server's JSON (-o json). The "
       "expression is parsed locally first, so a typo is shown with a caret and nothing is "
       "sent; --no-parse skips that (MetricsQL). Exit 3 when the server fails the query.",
       make_query_command},
      {"status", "build, readiness, uptime, config reload and flags of a server",
       "Asks the server at --url who it is and how it is: build info, readiness, start time, "
       "the state of the last config reload, retention and the key command-line flags (--flags "
       "for all). Exit 1 when the server is not ready or its last config reload failed.",
       make_status_command},
      {"targets", "list scrape targets with health, last scrape and last error",
       "Lists the active and dropped targets of the server at --url: pool, instance, health, "
       "age of the last scrape, its duration and the last error. --state, --pool and --down "
       "filter; exit 1 when a shown target is down, so a runbook can branch on it. --format "
       "json prints the server's own target objects, every field kept.",
       make_targets_command},
      {"test", "run unit tests of alerting and recording rules (promtool's format)",
       "`caxtool test rules FILE...` runs the rule unit tests `promtool test rules` runs (and "
       "`caxtool generate` writes) with caxtool's own PromQL engine: input series in the "
       "expanding notation, rules evaluated at every evaluation_interval, alert states, templated "
       "labels and annotations, promql_expr_test. The report is promtool's; --format json or "
       "junit for CI, --run REGEX to pick tests. Exit 1 when a test fails.",
       make_test_command},
      {"tsdb", "TSDB statistics of a live server (status) or of blocks on disk (analyze)",
       "`caxtool tsdb status` prints the TSDB statistics of the server at --url: head series, "
       "label pairs, chunks and time range, and the largest metrics, label names and label "
       "pairs. Prometheus, VictoriaMetrics and Thanos answers are read into one model. "
       "`caxtool tsdb analyze DIR [BLOCK]` reads a block's index on disk and prints what "
       "promtool tsdb analyze prints (churn, label pairs, label names, metric names), with "
       "--match SELECTOR, --limit N and --all.",
       make_tsdb_command},
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
