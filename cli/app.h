// SPDX-License-Identifier: Apache-2.0
// Builds the CLI11 app from the command table and runs one command line. Kept out of main.cpp
// so that tests, the completion generator and the man page all see the very same app.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <vector>

#include "command.h"

namespace caxtool::cli {

struct AppModel {
  std::unique_ptr<CLI::App> app;
  GlobalOptions global;
  Choices choices;
  // Parallel to command_table().
  std::vector<std::unique_ptr<Command>> commands;
  std::vector<CLI::App*> subcommands;
  bool print_man_page = false;  // hidden --man-page, for man/caxtool.1
};

std::unique_ptr<AppModel> build_app();

// Parses and runs; returns the process exit code.
int run_cli(int argc, const char* const* argv, Io& io);

}  // namespace caxtool::cli
