// SPDX-License-Identifier: Apache-2.0
// Tree equality for the two YAML readers: the fast reader must build libyaml's tree to the
// mark, and the differential tests and the fuzzer say where it does not.
#pragma once

#include <string>

#include "yaml/node.h"

namespace caxtool::yaml {

// Empty when `a` and `b` are the same tree (kinds, styles, tags, values, aliases, marks);
// otherwise where they first differ and how.
std::string first_difference(const Node& a, const Node& b);

// One line per node, indented by depth: for test failure messages.
std::string dump(const Node& n);

}  // namespace caxtool::yaml
