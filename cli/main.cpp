// SPDX-License-Identifier: Apache-2.0
// The process boundary: streams, terminal detection, SIGINT. Everything else is in app.cpp.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>

#include "app.h"

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_signal(int) { g_interrupted.store(true); }
}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::ios::sync_with_stdio(false);
  // Findings can run to tens of thousands of lines: buffer stderr rather than write each piece.
  std::cerr.unsetf(std::ios::unitbuf);
  caxtool::cli::Io io{std::cout, std::cerr, isatty(STDOUT_FILENO) != 0, isatty(STDERR_FILENO) != 0,
                      &g_interrupted};
  int code = caxtool::cli::run_cli(argc, argv, io);
  std::cout.flush();
  std::cerr.flush();
  return code;
}
