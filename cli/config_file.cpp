// SPDX-License-Identifier: Apache-2.0
// See config_file.h.
#include "config_file.h"

#include <filesystem>

#include "exit_codes.h"
#include "output.h"
#include "util/file.h"

namespace caxtool::cli {

int load_config_file(const GlobalOptions& global, Io& io, config::Config& cfg) {
  std::string path = global.config_file.empty() ? ".caxtool.yml" : global.config_file;
  std::error_code ec;
  if (global.config_file.empty() && !std::filesystem::exists(path, ec)) return 0;
  std::string why;
  auto text = util::read_file(path, why);
  if (!text) {
    io.err << "caxtool: " << path << ": cannot read: " << why << '\n';
    return to_int(ExitCode::kCannotRun);
  }
  config::LoadResult loaded = config::load_config(*text, path);
  if (!loaded.ok()) {
    diag::Sources sources;
    sources.add(path, std::move(*text));
    print_diagnostics(global, io, loaded.diagnostics, sources);
    return to_int(ExitCode::kUsage);
  }
  cfg = std::move(loaded.config);
  return 0;
}

}  // namespace caxtool::cli
