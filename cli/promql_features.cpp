// SPDX-License-Identifier: Apache-2.0
// See promql_features.h.
#include "promql_features.h"

#include <utility>

namespace caxtool::cli {

CLI::Option* add_feature_option(CLI::App& app, Choices& choices, std::vector<std::string>& target,
                                std::vector<std::string> offered) {
  CLI::Option* opt =
      app.add_option("--enable-feature", target,
                     "features as Prometheus's flag names them, comma-separated or repeated")
          ->type_name("FEATURE")
          ->allow_extra_args(false)  // one per use: a file after it stays a file
          ->delimiter(',')
          ->check(CLI::IsMember(offered));
  choices.set(opt, std::move(offered));
  return opt;
}

}  // namespace caxtool::cli
