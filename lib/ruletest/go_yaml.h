// SPDX-License-Identifier: Apache-2.0
// yaml.v2's wording of what it refuses, for the test file promtool decodes with UnmarshalStrict:
// the tag a scalar resolves to (`!!int` for 3, `!!str` for "3" or abc) and "cannot unmarshal
// !!int `3` into []main.testGroup", the value cut to seven bytes past ten, as decode.go's
// terror() does.
#pragma once

#include <string>
#include <string_view>

#include "yaml/node.h"

namespace caxtool::ruletest {

// The short tag yaml.v2's resolve() gives the node: !!seq, !!map, !!null, !!bool, !!int,
// !!float, !!timestamp or !!str (an explicit tag wins).
std::string go_v2_tag(const yaml::Node& n);

// "cannot unmarshal !!int `3` into <type>", without the "line N: " yaml.v2 puts first.
std::string go_v2_type_error(const yaml::Node& n, std::string_view type);

}  // namespace caxtool::ruletest
