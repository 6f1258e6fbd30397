// SPDX-License-Identifier: Apache-2.0
// `caxtool test rules FILE...`: runs promtool's rule unit tests with caxtool's own PromQL engine
// and prints what promtool prints (text), a JSON report, JUnit XML (as promtool 2.55+'s
// --junit), or the failures as GitHub/SARIF findings. Exit 1 when a test fails or a file is
// refused, 3 when a test file cannot be read.
#include <chrono>
#include <ctime>
#include <fstream>

#include "command.h"
#include "exit_codes.h"
#include "output.h"
#include "promql_features.h"
#include "ruletest/report.h"
#include "ruletest/runner.h"

namespace caxtool::cli {
namespace {

std::string now_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

class TestCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.require_subcommand(1);
    rules_ = sub.add_subcommand("rules",
                                "run promtool-format unit tests of alerting and recording rules");
    rules_->set_help_flag("-h,--help", "print help and exit");
    rules_->footer(
        "Reads each FILE as `promtool test rules` does (rule_files, evaluation_interval, "
        "group_eval_order, tests with input_series, alert_rule_test and promql_expr_test), "
        "evaluates the rules with caxtool's PromQL engine and prints promtool's report. --format "
        "json or junit for machines; --run REGEX picks test groups by name. Exit 1 when a test "
        "fails or a file is invalid, 3 when a file cannot be read.");
    rules_->add_option("files", files_, "unit-test files")->required()->type_name("FILE...");
    rules_->add_option("--run", run_, "only test groups whose name matches this regex (repeatable)")
        ->type_name("REGEX");
    rules_->add_option("--junit", junit_, "also write JUnit XML results to this file")
        ->type_name("FILE");
    rules_
        ->add_option("--prometheus-version", version_,
                     "the Prometheus whose PromQL and promtool behaviour applies (default: "
                     "the newest known)")
        ->type_name("X.Y");
    rules_->add_flag("--enable-experimental-functions", experimental_,
                     "allow promql-experimental-functions");
    add_feature_option(
        *rules_, choices, features_,
        {std::string(kFeatureExperimentalFunctions), std::string(kFeatureExtendedRangeSelectors),
         std::string(kFeatureBinopFillModifiers), std::string(kFeatureDelayedNameRemoval),
         std::string(kFeatureDurationExpr)});
  }

  int run(const GlobalOptions& global, Io& io) override {
    ruletest::RunOptions options;
    if (!read_version_flag(version_, options.version, io)) return to_int(ExitCode::kUsage);
    options.run = run_;
    options.experimental_functions =
        experimental_ || has_feature(features_, kFeatureExperimentalFunctions);
    options.extended_range_selectors = has_feature(features_, kFeatureExtendedRangeSelectors);
    options.binop_fill_modifiers = has_feature(features_, kFeatureBinopFillModifiers);
    options.delayed_name_removal = has_feature(features_, kFeatureDelayedNameRemoval);
    options.duration_expressions = has_feature(features_, kFeatureDurationExpr);
    std::vector<ruletest::FileOutcome> outcomes;
    bool unreadable = false, failed = false;
    for (const std::string& f : files_) {
      outcomes.push_back(ruletest::run_test_file(f, options));
      unreadable = unreadable || outcomes.back().cannot_read;
      failed = failed || !outcomes.back().passed();
    }
    if (!junit_.empty()) {
      std::ofstream out(junit_);
      out << ruletest::junit_report(outcomes, now_timestamp());
      if (!out) {
        io.err << "caxtool: cannot write " << junit_ << '\n';
        return to_int(ExitCode::kCannotRun);
      }
    }
    if (global.format == "json") {
      io.out << ruletest::json_report(outcomes);
    } else if (global.format == "junit") {
      io.out << ruletest::junit_report(outcomes, now_timestamp());
    } else if (global.format == "github" || global.format == "sarif") {
      print_diagnostics(global, io, findings(outcomes), diag::Sources{});
    } else {
      diag::Diagnostics warnings;
      for (const auto& o : outcomes) {
        for (const auto& d : o.diagnostics.items()) warnings.add(d);
      }
      if (!warnings.empty() && !global.quiet)
        print_diagnostics(global, io, warnings, diag::Sources{});
      ruletest::TextReport r = ruletest::text_report(outcomes);
      io.out << r.out;
      io.err << r.err;
    }
    if (unreadable) return to_int(ExitCode::kCannotRun);
    return to_int(failed ? ExitCode::kCheckFailed : ExitCode::kOk);
  }

 private:
  static diag::Diagnostics findings(const std::vector<ruletest::FileOutcome>& outcomes) {
    diag::Diagnostics out;
    for (const auto& o : outcomes) {
      for (const auto& d : o.diagnostics.items()) out.add(d);
      if (!o.abort_error.empty()) {
        diag::Diagnostic d;
        d.file = o.file;
        d.check = "test/file";
        d.message = o.abort_error;
        out.add(std::move(d));
      }
      for (const auto& g : o.groups) {
        for (const std::string& e : g.errors) {
          diag::Diagnostic d;
          d.file = o.file;
          d.line = g.line;
          d.column = g.column;
          d.check = "test/failed";
          d.message = "test " + g.name + " failed: " + e;
          out.add(std::move(d));
        }
      }
    }
    return out;
  }

  CLI::App* rules_ = nullptr;
  std::vector<std::string> files_;
  std::vector<std::string> run_;
  std::string junit_;
  std::string version_;
  bool experimental_ = false;
  std::vector<std::string> features_;
};

}  // namespace

std::unique_ptr<Command> make_test_command() { return std::make_unique<TestCommand>(); }

}  // namespace caxtool::cli
