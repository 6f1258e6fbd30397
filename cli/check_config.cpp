// SPDX-License-Identifier: Apache-2.0
// `caxtool check config FILE...`: promtool check config's verdict on a prometheus.yml for the
// chosen Prometheus release, `check rules` on the rule files it names, then the config lints.
// Exit 1 when a file is invalid or a finding reaches --fail-on, 3 when a file cannot be read.
#include <algorithm>
#include <filesystem>

#include "allocator.h"
#include "command.h"
#include "exit_codes.h"
#include "lint_flags.h"
#include "output.h"
#include "promconfig/check.h"
#include "promconfig/lint.h"
#include "promql/version.h"
#include "rules/lint.h"
#include "util/file.h"
#include "util/labels.h"
#include "util/strings.h"

namespace caxtool::cli {

class CheckConfig {
 public:
  CLI::App* app = nullptr;
  std::vector<std::string> files;
  std::string version = std::to_string(promql::newest_version().major) + "." +
                        std::to_string(promql::newest_version().minor);
  bool syntax_only = false;
  std::string lint = "all";
  std::string fail_on = "error";
  bool list_lints = false;
  std::string explain;
};

namespace {

// The rules lint that config/rate-window replaces: it knows each job's interval.
constexpr std::string_view kReplacedRulesLint = "promql/rate-range";

// --lint: all, none, or names of config/* checks and of `check rules` checks.
bool select_lints(const std::string& spec, promconfig::CheckOptions& options, Io& io) {
  if (spec == "none") return true;
  if (spec == "all") {
    for (const auto& l : promconfig::lint_checks()) options.lints.insert(std::string(l.name));
    for (const auto& l : rules::lint_checks()) {
      if (l.name != kReplacedRulesLint) options.rules.lints.insert(std::string(l.name));
    }
    return true;
  }
  std::vector<std::string_view> known = lint_names(promconfig::lint_checks());
  for (std::string_view n : lint_names(rules::lint_checks())) known.push_back(n);
  std::vector<std::string> names;
  if (!split_lint_names(spec, known, names, io)) return false;
  for (std::string& name : names) {
    auto& into = promconfig::find_lint(name) != nullptr ? options.lints : options.rules.lints;
    into.insert(std::move(name));
  }
  return true;
}

}  // namespace

std::shared_ptr<CheckConfig> setup_check_config(CLI::App& check_app, Choices& choices) {
  auto c = std::make_shared<CheckConfig>();
  CLI::App* sub = check_app.add_subcommand(
      "config", "validate a prometheus.yml and the rule files it names, then lint them");
  c->app = sub;
  sub->set_help_flag("-h,--help", "print help and exit");
  sub->footer(
      "Gives promtool check config's verdict for the chosen Prometheus release (the full schema "
      "with unknown keys rejected, service discovery, relabelling, durations, TLS and auth "
      "blocks, remote write/read, alerting), at the exact line and column; then checks every "
      "rule file it names as check rules does, then runs the config lints. Exit 1 when a file "
      "is invalid or a finding reaches --fail-on.");
  // Not ->required(): --list-lints and --explain need no file.
  sub->add_option("files", c->files, "prometheus.yml files, or - for stdin")->type_name("FILE");
  sub->add_option("--prometheus-version", c->version,
                  "the Prometheus whose configuration schema applies (default: the newest "
                  "known, " +
                      c->version + ")")
      ->type_name("X.Y");
  sub->add_flag("--syntax-only", c->syntax_only,
                "as promtool: do not open the files the config names (rule files, TLS "
                "certificates, credentials, file_sd files)");
  std::vector<std::string> lint_names{"all", "none"};
  for (const auto& l : promconfig::lint_checks()) lint_names.emplace_back(l.name);
  for (const auto& l : rules::lint_checks()) lint_names.emplace_back(l.name);
  auto* lint = sub->add_option("--lint", c->lint,
                               "lint checks: all, none (promtool's verdict only), or NAME,... "
                               "(config/* and the check rules checks; see --list-lints)")
                   ->type_name("all|none|NAME,...");
  choices.set(lint, lint_names);
  add_choice_option(*sub, choices, "--fail-on", c->fail_on, {"error", "warning", "info"},
                    "lowest severity that fails the check (default: error)")
      ->type_name("SEVERITY");
  sub->add_flag("--list-lints", c->list_lints, "list the lint checks and exit");
  auto* explain = sub->add_option("--explain", c->explain, "explain one lint check and exit")
                      ->type_name("NAME");
  choices.set(explain, {lint_names.begin() + 2, lint_names.end()});
  return c;
}

bool check_config_parsed(const CheckConfig& c) { return c.app != nullptr && c.app->parsed(); }

int run_check_config(CheckConfig& c, const GlobalOptions& global, Io& io) {
  if (c.list_lints) {
    for (const auto& l : promconfig::lint_checks()) print_lint_line(l, io);
    for (const auto& l : rules::lint_checks()) {
      if (l.name != kReplacedRulesLint) print_lint_line(l, io);
    }
    return to_int(ExitCode::kOk);
  }
  if (!c.explain.empty()) {
    if (const auto* l = promconfig::find_lint(c.explain)) {
      print_lint_explanation(*l, io);
      return to_int(ExitCode::kOk);
    }
    if (const auto* l = rules::find_lint(c.explain)) {
      print_lint_explanation(*l, io);
      return to_int(ExitCode::kOk);
    }
    return no_such_lint(c.explain, io);
  }
  if (c.files.empty()) {
    io.err << "caxtool: check config: a FILE (or - for stdin) is required\n"
           << "Run 'caxtool check config --help' for usage.\n";
    return to_int(ExitCode::kUsage);
  }
  // One scrape config at a time is parsed and dropped: keep the peak at what one job needs.
  return_freed_memory_promptly();
  promconfig::CheckOptions options;
  auto v = promql::parse_version(c.version);
  if (!v) {
    io.err << "caxtool: --prometheus-version: expected X.Y, got '" << c.version << "'\n";
    return to_int(ExitCode::kUsage);
  }
  options.version = *v;
  options.syntax_only = c.syntax_only;
  auto forbidden = util::default_forbidden_labels();
  options.rules.forbidden_labels.assign(forbidden.begin(), forbidden.end());
  if (!select_lints(c.lint, options, io)) return to_int(ExitCode::kUsage);
  diag::Severity fail = c.fail_on == "info"      ? diag::Severity::kInfo
                        : c.fail_on == "warning" ? diag::Severity::kWarning
                                                 : diag::Severity::kError;
  diag::Diagnostics all;
  diag::Sources sources;
  bool unreadable = false, invalid = false;
  for (const std::string& f : c.files) {
    std::string text, error, name = f == "-" ? "<stdin>" : f;
    if (f == "-") {
      text = util::read_stdin();
    } else {
      auto content = util::read_file(f, error);
      if (!content) {
        io.err << "caxtool: " << f << ": cannot read: " << error << '\n';
        unreadable = true;
        continue;
      }
      text = std::move(*content);
    }
    promconfig::CheckResult r = promconfig::check_config_text(text, name, options);
    invalid = invalid || r.invalid;
    if (!global.quiet && global.format == "text") {
      io.out << name << ": " << r.jobs << (r.jobs == 1 ? " scrape config, " : " scrape configs, ")
             << r.rule_files.size() << (r.rule_files.size() == 1 ? " rule file" : " rule files")
             << (r.invalid ? ", invalid" : "") << '\n';
    }
    if (!r.diagnostics.empty()) sources.add(name, std::move(text));
    for (auto& [file, body] : r.sources) sources.add(file, std::move(body));
    all.append(std::move(r.diagnostics));
  }
  print_diagnostics(global, io, all, sources);
  if (unreadable) return to_int(ExitCode::kCannotRun);
  return to_int(invalid || all.has_at_least(fail) ? ExitCode::kCheckFailed : ExitCode::kOk);
}

}  // namespace caxtool::cli
