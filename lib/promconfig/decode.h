// SPDX-License-Identifier: Apache-2.0
// The strict decoder: a YAML block against its schema, as yaml.v2's UnmarshalStrict and the
// UnmarshalYAML methods of Prometheus's config types judge it. Unknown keys, wrong value types,
// durations and sizes are reported here; then the block's validator runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "promconfig/context.h"
#include "promconfig/schema.h"
#include "yaml/node.h"

namespace caxtool::promconfig {

// Decodes `node` as `schema`. Returns false when the block had errors (its validator is then
// skipped, as Go's is when unmarshalling fails).
bool decode(const yaml::Node& node, const Schema& schema, Context& ctx);

// alecthomas/units Base2Bytes ("512MB", "1GiB", "0"); nullopt when invalid.
std::optional<uint64_t> parse_base2_bytes(std::string_view s);

// The Go type name yaml.v2 names in "cannot unmarshal !!x into T" for a value kind.
std::string_view go_type_of(Kind kind);

}  // namespace caxtool::promconfig
