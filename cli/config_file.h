// SPDX-License-Identifier: Apache-2.0
// Reading --config FILE or ./.caxtool.yml for any command, with its errors rendered at their line.
#pragma once

#include "command.h"
#include "config/config.h"

namespace caxtool::cli {

// Fills `cfg` (untouched when there is no file). Returns an exit code: 0 to go on, 2 for an
// invalid file, 3 for an unreadable one.
int load_config_file(const GlobalOptions& global, Io& io, config::Config& cfg);

}  // namespace caxtool::cli
