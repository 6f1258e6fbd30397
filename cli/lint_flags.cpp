// SPDX-License-Identifier: Apache-2.0
// --lint's list, split and checked the same way by every check command.
#include "lint_flags.h"

#include <algorithm>

#include "util/strings.h"

namespace caxtool::cli {

bool split_lint_names(std::string_view spec, const std::vector<std::string_view>& known,
                      std::vector<std::string>& out, Io& io) {
  while (!spec.empty()) {
    size_t comma = spec.find(',');
    std::string name(spec.substr(0, comma));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      io.err << "caxtool: --lint: unknown check '" << name << "'";
      std::string guess = util::closest_match(name, known);
      if (!guess.empty()) io.err << ", did you mean '" << guess << "'?";
      io.err << '\n';
      return false;
    }
    out.push_back(std::move(name));
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
  }
  return true;
}

}  // namespace caxtool::cli
