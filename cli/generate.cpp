// SPDX-License-Identifier: Apache-2.0
// `caxtool generate`: binds flags into GenerateOptions, calls lib/generate, reports.
#include "generate/generate.h"

#include <iostream>

#include "command.h"
#include "exit_codes.h"
#include "generate/values.h"
#include "output.h"
#include "util/diff.h"

namespace caxtool::cli {
namespace {

std::string_view state_name(generate::FileState s) {
  switch (s) {
    case generate::FileState::kNew:
      return "new";
    case generate::FileState::kUnchanged:
      return "unchanged";
    case generate::FileState::kChanged:
      return "changed";
    case generate::FileState::kConflict:
      return "differs";
    case generate::FileState::kBlocked:
      return "blocked";
  }
  return "new";
}

class GenerateCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.add_option("--values", values_file_, "values file (YAML, apiVersion: caxtool/v1)")
        ->type_name("FILE");
    sub.add_option(
           "--set", options_.sets,
           "override one value, e.g. --set alerts.highErrorRate.threshold=0.05 (repeatable)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    sub.add_option("--out", options_.out_dir, "output directory (default: ./caxton-monitoring)")
        ->type_name("DIR");
    auto* only =
        sub.add_option("--only", options_.only,
                       "only these kinds: alertmanager, collector, grafana, prometheus, rules")
            ->type_name("KIND,...")
            ->delimiter(',')
            ->allow_extra_args(false);
    choices.set(only, {std::begin(generate::kKinds), std::end(generate::kKinds)});
    sub.add_flag("--force", options_.force,
                 "overwrite files that differ from what would be written");
    auto* dry =
        sub.add_flag("--dry-run", options_.dry_run, "print what would be written; write nothing");
    auto* diff =
        sub.add_flag("--diff", options_.diff,
                     "show what would change in the output directory; exit 1 if anything would");
    dry->excludes(diff);
    sub.add_flag("--show-values", show_values_,
                 "print the built-in default values (the documented schema) and exit");
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (show_values_) {
      io.out << generate::default_values_text();
      return to_int(ExitCode::kOk);
    }
    if (!values_file_.empty()) options_.values_file = values_file_;
    options_.cancel = io.cancel;
    generate::GenerateResult result = generate::run_generate(options_);
    print_diagnostics(global, io, result.diagnostics, result.sources);
    bool show = result.code == ExitCode::kOk ||
                (options_.diff && result.code == ExitCode::kCheckFailed) ||
                ((options_.diff || options_.dry_run) && !result.files.empty());
    if (!show) return to_int(result.code);
    if (options_.dry_run) {
      for (const auto& f : result.files) {
        io.out << "==> " << options_.out_dir << '/' << f.path << " (" << state_name(f.state)
               << ") <==\n"
               << f.content;
        if (!f.content.empty() && f.content.back() != '\n') io.out << '\n';
      }
    } else if (options_.diff) {
      for (const auto& f : result.files) {
        if (f.state == generate::FileState::kUnchanged ||
            f.state == generate::FileState::kBlocked) {
          continue;
        }
        std::string name = options_.out_dir + "/" + f.path;
        bool is_new = f.state == generate::FileState::kNew;
        io.out << util::unified_diff(is_new ? "" : f.old_content, f.content,
                                     is_new ? "/dev/null" : "a/" + name, "b/" + name);
      }
    } else if (!global.quiet) {
      size_t written = 0;
      for (const auto& f : result.files) {
        bool wrote = f.state != generate::FileState::kUnchanged;
        written += wrote ? 1 : 0;
        if (global.verbose || wrote) {
          io.out << (wrote ? "wrote     " : "unchanged ") << options_.out_dir << '/' << f.path
                 << '\n';
        }
      }
      io.out << written << " of " << result.files.size() << " files written to " << options_.out_dir
             << '\n';
    }
    return to_int(result.code);
  }

 private:
  generate::GenerateOptions options_;
  std::string values_file_;
  bool show_values_ = false;
};

}  // namespace

std::unique_ptr<Command> make_generate_command() { return std::make_unique<GenerateCommand>(); }

}  // namespace caxtool::cli
