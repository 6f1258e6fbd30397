// SPDX-License-Identifier: Apache-2.0
// `caxtool help [COMMAND...]` and `caxtool help check NAME`: command help as --help prints it,
// and the explanation of one lint check, as `kubectl explain` and `pint` users look for.
#include "app.h"
#include "collector/lint.h"
#include "command.h"
#include "dashboard/lint.h"
#include "exit_codes.h"
#include "exposition/lint.h"
#include "promconfig/lint.h"
#include "rules/lint.h"

namespace caxtool::cli {
namespace {

class HelpCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices&) override {
    sub.add_option("topic", words_, "a command (check rules, generate, ...) or check NAME")
        ->type_name("TOPIC");
  }

  int run(const GlobalOptions&, Io& io) override {
    auto model = build_app();
    if (words_.size() == 2 && words_[0] == "check") {
      if (const rules::LintInfo* l = rules::find_lint(words_[1])) {
        io.out << l->name << " (" << diag::severity_name(l->severity) << "): " << l->summary
               << "\n\n"
               << l->explanation << "\n\nTurn it off for one rule with a comment "
               << "`# caxtool disable " << l->name << "` in or above the rule, for a file with "
               << "`# caxtool file/disable " << l->name << "`, or everywhere with disable: in "
               << ".caxtool.yml.\n";
        return to_int(ExitCode::kOk);
      }
      if (const promconfig::LintInfo* l = promconfig::find_lint(words_[1])) {
        io.out << l->name << " (" << diag::severity_name(l->severity) << "): " << l->summary
               << "\n\n"
               << l->explanation << "\n\nTurn it off for one line of prometheus.yml with a "
               << "comment `# caxtool disable " << l->name << "` on or above it, for a file with "
               << "`# caxtool file/disable " << l->name << "`, or with `caxtool check config "
               << "--lint` naming the checks to keep.\n";
        return to_int(ExitCode::kOk);
      }
      if (const exposition::LintInfo* l = exposition::find_lint(words_[1])) {
        io.out << l->name << " (" << diag::severity_name(l->severity) << "): " << l->summary
               << "\n\n"
               << l->explanation << "\n\nTurn it off with `caxtool check metrics --lint` "
               << "naming the checks to keep, or --lint none.\n";
        return to_int(ExitCode::kOk);
      }
      if (const dashboard::LintInfo* l = dashboard::find_lint(words_[1])) {
        io.out << l->name << " (" << diag::severity_name(l->severity)
               << (l->by_default ? "" : ", off by default") << "): " << l->summary << "\n\n"
               << l->explanation << "\n\nTurn it off with --lint, disable: or exclude: under "
               << "dashboard: in .caxtool.yml, or an exclusions entry in a .lint file beside the "
               << "dashboards.\n";
        return to_int(ExitCode::kOk);
      }
    }
    if (words_.size() == 2 && words_[0] == "check") {
      if (const collector::LintInfo* l = collector::find_lint(words_[1])) {
        io.out << l->name << " (" << diag::severity_name(l->severity) << "): " << l->summary
               << "\n\n"
               << l->explanation << "\n\nTurn it off with a comment `# caxtool disable " << l->name
               << "` on or above the line, `# caxtool file/disable " << l->name
               << "` for a file, or `caxtool check collector --lint` naming the checks to keep.\n";
        return to_int(ExitCode::kOk);
      }
    }
    const CLI::App* app = model->app.get();
    for (const std::string& w : words_) {
      const CLI::App* next = nullptr;
      for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
        if (sub->get_name() == w) next = sub;
      }
      if (next == nullptr) {
        io.err << "caxtool: no help topic '";
        for (size_t i = 0; i < words_.size(); ++i) io.err << (i ? " " : "") << words_[i];
        io.err << "'; try 'caxtool help' or 'caxtool check rules --list-lints'\n";
        return to_int(ExitCode::kUsage);
      }
      app = next;
    }
    io.out << app->help();
    return to_int(ExitCode::kOk);
  }

 private:
  std::vector<std::string> words_;
};

}  // namespace

std::unique_ptr<Command> make_help_command() { return std::make_unique<HelpCommand>(); }

}  // namespace caxtool::cli
