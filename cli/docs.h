// SPDX-License-Identifier: Apache-2.0
// Shell completions and the man page, generated from the app built from the command table, so
// they cannot drift from --help. CI regenerates them and fails on a difference.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app.h"

namespace caxtool::cli {

inline constexpr std::string_view kShells[] = {"bash", "fish", "zsh"};

// nullopt for an unknown shell.
std::optional<std::string> completion_script(const AppModel& model, std::string_view shell);
std::string man_page(const AppModel& model);

}  // namespace caxtool::cli
