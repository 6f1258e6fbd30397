// SPDX-License-Identifier: Apache-2.0
// `caxtool check KIND`: one subcommand per kind of input. `rules` is the first; config,
// collector, metrics and dashboard join as their issues land.
#include "rules/check.h"

#include <algorithm>
#include <filesystem>

#include "caxtool/version.h"
#include "command.h"
#include "config/config.h"
#include "config_file.h"
#include "diag/render.h"
#include "exit_codes.h"
#include "inputs.h"
#include "lint_flags.h"
#include "output.h"
#include "promql/version.h"
#include "promql_features.h"
#include "rules/lint.h"
#include "util/duration.h"
#include "util/file.h"
#include "util/labels.h"
#include "util/strings.h"

namespace caxtool::cli {

// `check metrics` lives in check_metrics.cpp.
class CheckMetrics;
std::shared_ptr<CheckMetrics> setup_check_metrics(CLI::App& check_app, Choices& choices);
bool check_metrics_parsed(const CheckMetrics& m);
int run_check_metrics(CheckMetrics& m, const GlobalOptions& global, Io& io);
// `check collector` lives in check_collector.cpp.
class CheckCollector;
std::shared_ptr<CheckCollector> setup_check_collector(CLI::App& check_app, Choices& choices);
bool check_collector_parsed(const CheckCollector& c);
int run_check_collector(CheckCollector& c, const GlobalOptions& global, Io& io);
// `check config` lives in check_config.cpp.
class CheckConfig;
std::shared_ptr<CheckConfig> setup_check_config(CLI::App& check_app, Choices& choices);
bool check_config_parsed(const CheckConfig& c);
int run_check_config(CheckConfig& c, const GlobalOptions& global, Io& io);
// `check dashboard` lives in check_dashboard.cpp.
class CheckDashboard;
std::shared_ptr<CheckDashboard> setup_check_dashboard(CLI::App& check_app, Choices& choices);
bool check_dashboard_parsed(const CheckDashboard& m);
int run_check_dashboard(CheckDashboard& m, const GlobalOptions& global, Io& io);

namespace {

namespace fs = std::filesystem;

class CheckCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.require_subcommand(1);
    rules_ = sub.add_subcommand("rules", "validate alert and recording rule files, then lint them");
    rules_->set_help_flag("-h,--help", "print help and exit");
    rules_->footer(
        "Gives promtool check rules' verdict on every file (YAML shape, PromQL, Go templates, "
        "names, durations), at the exact line and column, then runs the lint checks. Inputs are "
        "rule files, Kubernetes PrometheusRule resources, directories (their .yml and .yaml "
        "files) and - for stdin. Exit 1 when a file is invalid or a finding reaches --fail-on.");
    // Not required by CLI11: --list-lints and --explain need no file; run_rules asks for one.
    rules_->add_option("files", files_, "rule files, directories, or - for stdin")
        ->type_name("FILE");
    std::vector<std::string> lint_names{"all", "none"};
    for (const auto& l : rules::lint_checks()) lint_names.emplace_back(l.name);
    lint_opt_ = rules_
                    ->add_option("--lint", lint_,
                                 "lint checks: all, none (promtool's verdict only), or "
                                 "NAME,... (see --list-lints)")
                    ->type_name("all|none|NAME,...");
    choices.set(lint_opt_, lint_names);
    add_choice_option(*rules_, choices, "--fail-on", fail_on_, {"error", "warning", "info"},
                      "lowest severity that fails the check (default: error)")
        ->type_name("SEVERITY");
    version_opt_ =
        rules_
            ->add_option("--prometheus-version", version_,
                         "the Prometheus whose grammar and functions apply (default: the newest "
                         "known, " +
                             version_ + ")")
            ->type_name("X.Y");
    add_feature_option(
        *rules_, choices, features_,
        {std::string(kFeatureExperimentalFunctions), std::string(kFeatureExtendedRangeSelectors),
         std::string(kFeatureBinopFillModifiers)});
    interval_opt_ =
        rules_
            ->add_option("--scrape-interval", scrape_interval_,
                         "the scrape interval rate windows are judged against (default: 1m)")
            ->type_name("DURATION");
    rules_->add_flag("--list-lints", list_lints_, "list the lint checks and exit");
    auto* explain = rules_->add_option("--explain", explain_, "explain one lint check and exit")
                        ->type_name("NAME");
    choices.set(explain, {lint_names.begin() + 2, lint_names.end()});
    metrics_ = setup_check_metrics(sub, choices);
    collector_ = setup_check_collector(sub, choices);
    config_ = setup_check_config(sub, choices);
    dashboard_ = setup_check_dashboard(sub, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (rules_->parsed()) return run_rules(global, io);
    if (check_metrics_parsed(*metrics_)) return run_check_metrics(*metrics_, global, io);
    if (check_collector_parsed(*collector_)) return run_check_collector(*collector_, global, io);
    if (check_config_parsed(*config_)) return run_check_config(*config_, global, io);
    if (check_dashboard_parsed(*dashboard_)) return run_check_dashboard(*dashboard_, global, io);
    return to_int(ExitCode::kUsage);
  }

 private:
  int run_rules(const GlobalOptions& global, Io& io) {
    if (list_lints_) {
      for (const auto& l : rules::lint_checks()) print_lint_line(l, io);
      return to_int(ExitCode::kOk);
    }
    if (!explain_.empty()) {
      const rules::LintInfo* l = rules::find_lint(explain_);
      if (l == nullptr) return no_such_lint(explain_, io);
      print_lint_explanation(*l, io);
      return to_int(ExitCode::kOk);
    }
    if (files_.empty()) {
      io.err << "caxtool: check rules: no file given (rule files, directories, or - for stdin)\n"
             << "Run 'caxtool check rules --help' for usage.\n";
      return to_int(ExitCode::kUsage);
    }
    rules::CheckOptions options;
    config::Config cfg;
    if (int code = load_config_file(global, io, cfg); code != 0) return code;
    apply_config(cfg, options);
    auto v = promql::parse_version(version_);
    if (!v) {
      io.err << "caxtool: --prometheus-version: expected X.Y, got '" << version_ << "'\n";
      return to_int(ExitCode::kUsage);
    }
    options.version = *v;
    options.experimental_functions |= has_feature(features_, kFeatureExperimentalFunctions);
    options.extended_range_selectors |= has_feature(features_, kFeatureExtendedRangeSelectors);
    options.binop_fill_modifiers |= has_feature(features_, kFeatureBinopFillModifiers);
    if (!select_lints(options, io)) return to_int(ExitCode::kUsage);
    auto interval = util::parse_duration_ms(scrape_interval_);
    if (!interval || *interval <= 0) {
      io.err << "caxtool: --scrape-interval: expected a duration such as 30s or 1m, got '"
             << scrape_interval_ << "'\n";
      return to_int(ExitCode::kUsage);
    }
    options.scrape_interval_ms = *interval;

    std::vector<Input> inputs;
    bool all_found = expand_inputs(files_, {".yml", ".yaml"}, inputs, io);
    diag::Severity fail = fail_on_ == "info"      ? diag::Severity::kInfo
                          : fail_on_ == "warning" ? diag::Severity::kWarning
                                                  : diag::Severity::kError;
    diag::Sources sources;
    diag::RenderOptions render_options;
    render_options.format = diag::parse_format(global.format).value_or(diag::Format::kText);
    render_options.tool_version = kVersion;
    bool text_format = render_options.format == diag::Format::kText;
    render_options.color = text_format && use_color(global, io.err_is_tty);
    // A large file's findings are rendered group by group as they are checked (see
    // CheckOptions::on_findings), so they are never all held at once.
    diag::StreamRenderer renderer(text_format ? io.err : io.out, sources, render_options);
    bool invalid = false;  // of the file being checked: what promtool would reject
    auto note = [&invalid](const diag::Diagnostics& found) {
      for (const diag::Diagnostic& d : found.items()) {
        invalid = invalid ||
                  (d.severity == diag::Severity::kError && rules::find_lint(d.check) == nullptr);
      }
    };
    options.on_findings = [&](diag::Diagnostics&& batch) {
      note(batch);
      renderer.add(std::move(batch));
    };
    bool unreadable = !all_found;
    for (const Input& in : inputs) {
      std::string text, error;
      if (!read_input(in, text, error)) {
        io.err << "caxtool: " << in.name << ": cannot read: " << error << '\n';
        unreadable = true;
        continue;
      }
      sources.add(in.name, std::move(text));
      invalid = false;
      rules::FileResult r = rules::check_rules_text(*sources.text(in.name), in.name, options);
      note(r.diagnostics);
      if (!global.quiet && global.format == "text") {
        // Invalid means promtool would reject it; lint findings do not make a file invalid.
        io.out << in.name << ": " << r.rules << (r.rules == 1 ? " rule in " : " rules in ")
               << r.groups << (r.groups == 1 ? " group" : " groups") << (invalid ? ", invalid" : "")
               << '\n';
      }
      renderer.add(std::move(r.diagnostics));
      sources.remove(in.name);  // rendered (JSON and SARIF show no source lines)
    }
    renderer.finish();
    if (unreadable) return to_int(ExitCode::kCannotRun);
    return to_int(renderer.has_at_least(fail) ? ExitCode::kCheckFailed : ExitCode::kOk);
  }

  // The config fills in what the command line did not say.
  void apply_config(const config::Config& cfg, rules::CheckOptions& options) {
    const config::RulesConfig& r = cfg.rules;
    if (r.prometheus_version && version_opt_->count() == 0) version_ = *r.prometheus_version;
    if (r.scrape_interval && interval_opt_->count() == 0) scrape_interval_ = *r.scrape_interval;
    if (r.lint && lint_opt_->count() == 0) {
      lint_.clear();
      for (const std::string& l : *r.lint) lint_ += (lint_.empty() ? "" : ",") + l;
      if (lint_.empty()) lint_ = "none";
    }
    disabled_ = r.disable;
    if (r.forbidden_labels) {
      options.forbidden_labels = *r.forbidden_labels;
    } else {
      auto defaults = util::default_forbidden_labels();
      options.forbidden_labels.assign(defaults.begin(), defaults.end());
    }
  }

  bool select_lints(rules::CheckOptions& options, Io& io) {
    if (!select_named_lints(options, io)) return false;
    for (const std::string& d : disabled_) {
      if (rules::find_lint(d) == nullptr) {
        io.err << "caxtool: config: disable: unknown check '" << d << "'\n";
        return false;
      }
      options.lints.erase(d);
    }
    return true;
  }

  bool select_named_lints(rules::CheckOptions& options, Io& io) {
    if (lint_ == "none") return true;
    if (lint_ == "all") {
      for (const auto& l : rules::lint_checks()) options.lints.insert(std::string(l.name));
      return true;
    }
    std::vector<std::string> names;
    if (!split_lint_names(lint_, lint_names(rules::lint_checks()), names, io)) return false;
    options.lints.insert(names.begin(), names.end());
    return true;
  }

  CLI::App* rules_ = nullptr;
  std::shared_ptr<CheckMetrics> metrics_;
  std::shared_ptr<CheckCollector> collector_;
  std::shared_ptr<CheckConfig> config_;
  std::shared_ptr<CheckDashboard> dashboard_;
  CLI::Option* version_opt_ = nullptr;
  CLI::Option* interval_opt_ = nullptr;
  CLI::Option* lint_opt_ = nullptr;
  std::vector<std::string> disabled_;
  std::vector<std::string> files_;
  std::string lint_ = "all";
  std::string fail_on_ = "error";
  std::string version_ = std::to_string(promql::newest_version().major) + "." +
                         std::to_string(promql::newest_version().minor);
  std::vector<std::string> features_;
  std::string scrape_interval_ = "1m";
  bool list_lints_ = false;
  std::string explain_;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace caxtool::cli
