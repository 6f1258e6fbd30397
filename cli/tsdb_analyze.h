// SPDX-License-Identifier: Apache-2.0
// `caxtool tsdb analyze`: its flags and its run step, kept apart from tsdb.cpp (the server-side
// `tsdb status`) because this half reads blocks on disk and shares nothing with it but the verb.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "command.h"

namespace caxtool::cli {

struct TsdbAnalyzeFlags {
  std::string dir = "data/";
  std::string block;  // empty: the newest
  int limit = 20;
  std::string match;
  bool all = false;

  void add_to(CLI::App& sub);
};

int run_tsdb_analyze(const TsdbAnalyzeFlags& flags, const GlobalOptions& global, Io& io);

}  // namespace caxtool::cli
