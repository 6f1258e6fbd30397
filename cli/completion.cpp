// SPDX-License-Identifier: Apache-2.0
// `caxtool completion SHELL`: prints the script that docs.cpp generates from the command table.
#include "command.h"
#include "docs.h"
#include "exit_codes.h"

namespace caxtool::cli {
namespace {

class CompletionCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    std::vector<std::string> shells(std::begin(kShells), std::end(kShells));
    auto* opt = sub.add_option("shell", shell_, "the shell to complete for")
                    ->required()
                    ->check(CLI::IsMember(shells))
                    ->type_name("SHELL");
    choices.set(opt, shells);
  }

  int run(const GlobalOptions&, Io& io) override {
    auto model = build_app();
    auto script = completion_script(*model, shell_);
    if (!script) return to_int(ExitCode::kUsage);  // IsMember already refused it
    io.out << *script;
    return to_int(ExitCode::kOk);
  }

 private:
  std::string shell_;
};

}  // namespace

std::unique_ptr<Command> make_completion_command() { return std::make_unique<CompletionCommand>(); }

}  // namespace caxtool::cli
