// SPDX-License-Identifier: Apache-2.0
// `caxtool help [COMMAND...]` and `caxtool help check NAME`: command help as --help prints it,
// and the explanation of one lint check, as `kubectl explain` and `pint` users look for.
#include <string>
#include <string_view>

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

// A check's explanation, then how to turn it off, which its command decides.
template <class Info>
void print_help(const Info& l, std::string_view note, const std::string& turn_off, Io& io) {
  io.out << l.name << " (" << diag::severity_name(l.severity) << note << "): " << l.summary
         << "\n\n"
         << l.explanation << "\n\n"
         << turn_off << '\n';
}

// `help check NAME`: the exit code, or -1 when no check has that name.
int explain_lint(const std::string& n, Io& io) {
  if (const auto* l = rules::find_lint(n)) {
    print_help(*l, "",
               "Turn it off for one rule with a comment `# caxtool disable " + n +
                   "` in or above the rule, for a file with `# caxtool file/disable " + n +
                   "`, or everywhere with disable: in .caxtool.yml.",
               io);
  } else if (const auto* c = promconfig::find_lint(n)) {
    print_help(*c, "",
               "Turn it off for one line of prometheus.yml with a comment `# caxtool disable " + n +
                   "` on or above it, for a file with `# caxtool file/disable " + n +
                   "`, or with `caxtool check config --lint` naming the checks to keep.",
               io);
  } else if (const auto* e = exposition::find_lint(n)) {
    print_help(*e, "",
               "Turn it off with `caxtool check metrics --lint` naming the checks to keep, or "
               "--lint none.",
               io);
  } else if (const auto* d = dashboard::find_lint(n)) {
    print_help(*d, d->by_default ? "" : ", off by default",
               "Turn it off with --lint, disable: or exclude: under dashboard: in .caxtool.yml, "
               "or an exclusions entry in a .lint file beside the dashboards.",
               io);
  } else if (const auto* o = collector::find_lint(n)) {
    print_help(*o, "",
               "Turn it off with a comment `# caxtool disable " + n +
                   "` on or above the line, `# caxtool file/disable " + n +
                   "` for a file, or `caxtool check collector --lint` naming the checks to keep.",
               io);
  } else {
    return -1;
  }
  return to_int(ExitCode::kOk);
}

class HelpCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices&) override {
    sub.add_option("topic", words_, "a command (check rules, generate, ...) or check NAME")
        ->type_name("TOPIC");
  }

  int run(const GlobalOptions&, Io& io) override {
    auto model = build_app();
    if (words_.size() == 2 && words_[0] == "check") {
      if (int code = explain_lint(words_[1], io); code >= 0) return code;
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
