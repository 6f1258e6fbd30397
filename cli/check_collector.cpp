// SPDX-License-Identifier: Apache-2.0
// `caxtool check collector FILE...`: `otelcol validate`'s verdict on OpenTelemetry Collector
// configs without the collector, for the release and distribution named by --collector-version
// and --distribution, then the lint checks. Exit 1 when a file is invalid or a finding reaches
// --fail-on, 3 when a file cannot be read (CLI.md).
#include <algorithm>
#include <filesystem>

#include "collector/check.h"
#include "collector/lint.h"
#include "command.h"
#include "config_file.h"
#include "exit_codes.h"
#include "inputs.h"
#include "lint_flags.h"
#include "output.h"
#include "util/file.h"
#include "util/strings.h"

namespace caxtool::cli {

class CheckCollector {
 public:
  CLI::App* app = nullptr;
  std::vector<std::string> files;
  std::string lint = "all";
  std::string fail_on = "error";
  std::string version = "0.159";
  std::string distribution = "contrib";
  std::vector<std::string> feature_gates;
  bool list_lints = false;
  std::string explain;
  // To tell a flag from .caxtool.yml's collector: section (a flag wins).
  CLI::Option* lint_opt = nullptr;
  CLI::Option* version_opt = nullptr;
  CLI::Option* distribution_opt = nullptr;
  CLI::Option* gates_opt = nullptr;
};

namespace {

namespace fs = std::filesystem;

bool select_lints(const std::string& spec, std::set<std::string, std::less<>>& out, Io& io) {
  if (spec == "none") return true;
  if (spec == "all") {
    for (const auto& l : collector::lint_checks()) out.insert(std::string(l.name));
    return true;
  }
  std::vector<std::string> names;
  if (!split_lint_names(spec, lint_names(collector::lint_checks()), names, io)) return false;
  out.insert(names.begin(), names.end());
  return true;
}

// .caxtool.yml's collector: section fills in what the command line did not say.
bool apply_config(const config::CollectorConfig& cc, CheckCollector& c, Io& io) {
  if (cc.collector_version && c.version_opt->count() == 0) c.version = *cc.collector_version;
  if (cc.distribution && c.distribution_opt->count() == 0) c.distribution = *cc.distribution;
  if (cc.feature_gates && c.gates_opt->count() == 0) c.feature_gates = *cc.feature_gates;
  if (cc.lint && c.lint_opt->count() == 0) {
    c.lint.clear();
    for (const std::string& l : *cc.lint) c.lint += (c.lint.empty() ? "" : ",") + l;
    if (c.lint.empty()) c.lint = "none";
  }
  for (const std::string& d : cc.disable) {
    if (collector::find_lint(d) == nullptr) {
      io.err << "caxtool: config: disable: unknown check '" << d << "'\n";
      return false;
    }
  }
  return true;
}

}  // namespace

std::shared_ptr<CheckCollector> setup_check_collector(CLI::App& check_app, Choices& choices) {
  auto c = std::make_shared<CheckCollector>();
  CLI::App* sub = check_app.add_subcommand(
      "collector", "validate OpenTelemetry Collector configs as otelcol validate does, then lint");
  c->app = sub;
  sub->set_help_flag("-h,--help", "print help and exit");
  sub->footer(
      "Gives otelcol validate's verdict without the collector: top-level sections, component "
      "IDs and types (a table of the core and contrib distributions with their removal "
      "versions), pipelines and the components they name, connectors, service extensions, "
      "endpoints, ${env:NAME} references and the configs of common components; then the lint "
      "checks. Inputs are files, directories (their .yml and .yaml files) and - for stdin. Exit "
      "1 when a file is invalid or a finding reaches --fail-on.");
  // Not ->required(): --list-lints and --explain need no file.
  sub->add_option("files", c->files, "collector configs, directories, or - for stdin")
      ->type_name("FILE");
  std::vector<std::string> lint_names{"all", "none"};
  for (const auto& l : collector::lint_checks()) lint_names.emplace_back(l.name);
  auto* lint = sub->add_option("--lint", c->lint,
                               "lint checks: all, none (otelcol's verdict only), or NAME,... "
                               "(see --list-lints)")
                   ->type_name("all|none|NAME,...");
  choices.set(lint, lint_names);
  c->lint_opt = lint;
  add_choice_option(*sub, choices, "--fail-on", c->fail_on, {"error", "warning", "info"},
                    "lowest severity that fails the check (default: error)")
      ->type_name("SEVERITY");
  c->version_opt =
      sub->add_option(
             "--collector-version", c->version,
             "the collector release judged against (default: the newest known, " + c->version + ")")
          ->type_name("X.Y");
  c->distribution_opt =
      add_choice_option(*sub, choices, "--distribution", c->distribution, {"core", "contrib"},
                        "otelcol (core) or otelcol-contrib (default)")
          ->type_name("DIST");
  auto* gates = sub->add_option("--feature-gates", c->feature_gates,
                                "as otelcol's flag: service.profilesSupport (profiles pipelines)")
                    ->allow_extra_args(false)
                    ->type_name("GATE,...");
  choices.set(gates, {"service.profilesSupport"});
  c->gates_opt = gates;
  sub->add_flag("--list-lints", c->list_lints, "list the lint checks and exit");
  auto* explain = sub->add_option("--explain", c->explain, "explain one lint check and exit")
                      ->type_name("NAME");
  choices.set(explain, {lint_names.begin() + 2, lint_names.end()});
  return c;
}

bool check_collector_parsed(const CheckCollector& c) { return c.app != nullptr && c.app->parsed(); }

int run_check_collector(CheckCollector& c, const GlobalOptions& global, Io& io) {
  if (c.list_lints) {
    for (const auto& l : collector::lint_checks()) print_lint_line(l, io);
    return to_int(ExitCode::kOk);
  }
  if (!c.explain.empty()) {
    const collector::LintInfo* l = collector::find_lint(c.explain);
    if (l == nullptr) return no_such_lint(c.explain, io);
    print_lint_explanation(*l, io);
    return to_int(ExitCode::kOk);
  }
  if (c.files.empty()) {
    io.err << "caxtool: check collector: FILE is required\nRun 'caxtool check collector --help' "
              "for usage.\n";
    return to_int(ExitCode::kUsage);
  }
  config::Config cfg;
  if (int code = load_config_file(global, io, cfg); code != 0) return code;
  if (!apply_config(cfg.collector, c, io)) return to_int(ExitCode::kUsage);
  collector::CheckOptions options;
  if (!select_lints(c.lint, options.lints, io)) return to_int(ExitCode::kUsage);
  for (const std::string& d : cfg.collector.disable) options.lints.erase(d);
  auto v = collector::parse_version(c.version);
  if (!v) {
    io.err << "caxtool: --collector-version: expected X.Y such as 0.159, got '" << c.version
           << "'\n";
    return to_int(ExitCode::kUsage);
  }
  options.version = *v;
  for (const std::string& arg : c.feature_gates) {
    std::string_view rest = arg;
    while (!rest.empty()) {
      std::string_view g = rest.substr(0, rest.find(','));
      rest.remove_prefix(std::min(rest.size(), g.size() + 1));
      if (g != "service.profilesSupport" && g != "+service.profilesSupport") {
        io.err << "caxtool: --feature-gates: unknown gate '" << g
               << "' (known: service.profilesSupport)\n";
        return to_int(ExitCode::kUsage);
      }
      options.profiles_gate = true;
    }
  }
  options.distribution =
      c.distribution == "core" ? collector::Distribution::kCore : collector::Distribution::kContrib;
  diag::Severity fail = c.fail_on == "info"      ? diag::Severity::kInfo
                        : c.fail_on == "warning" ? diag::Severity::kWarning
                                                 : diag::Severity::kError;
  std::vector<Input> inputs;
  bool unreadable = !expand_inputs(c.files, {".yml", ".yaml"}, inputs, io);
  diag::Diagnostics all;
  diag::Sources sources;
  bool invalid = false;
  for (const Input& in : inputs) {
    const std::string& name = in.name;
    std::string text, error;
    if (!read_input(in, text, error)) {
      io.err << "caxtool: " << name << ": cannot read: " << error << '\n';
      unreadable = true;
      continue;
    }
    collector::CheckResult r = collector::check_collector_text(text, name, options);
    invalid = invalid || r.invalid;
    if (!global.quiet && global.format == "text") {
      io.out << name << ": " << r.components
             << (r.components == 1 ? " component, " : " components, ") << r.pipelines
             << (r.pipelines == 1 ? " pipeline" : " pipelines") << (r.invalid ? ", invalid" : "")
             << '\n';
    }
    if (!r.diagnostics.empty()) sources.add(name, std::move(text));
    all.append(std::move(r.diagnostics));
  }
  print_diagnostics(global, io, all, sources);
  if (unreadable) return to_int(ExitCode::kCannotRun);
  return to_int(invalid || all.has_at_least(fail) ? ExitCode::kCheckFailed : ExitCode::kOk);
}

}  // namespace caxtool::cli
