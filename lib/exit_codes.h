// SPDX-License-Identifier: Apache-2.0
// The exit codes of ../shared/CLI.md, in one place: scripts and CI pipelines branch on them.
#pragma once

namespace caxtool {

enum class ExitCode : int {
  kOk = 0,             // success, nothing at or above the failing severity
  kCheckFailed = 1,    // invalid input, lint errors, budget exceeded, targets down
  kUsage = 2,          // unknown command or flag, bad flag value
  kCannotRun = 3,      // unreadable file, network failure, server error, bad response
  kInterrupted = 130,  // SIGINT
};

constexpr int to_int(ExitCode c) { return static_cast<int>(c); }

}  // namespace caxtool
