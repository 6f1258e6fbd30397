// SPDX-License-Identifier: Apache-2.0
// The prometheus.yml schema as tables: every block's keys, their value types and the Prometheus
// releases that know them, plus the validation Go runs after unmarshalling. Tables instead of
// code per block, because strict unknown-key rejection, "did you mean" and the version windows
// then come from one walker (decode.cpp) and a new key is one line.
#pragma once

#include <span>
#include <string_view>

#include "promql/version.h"
#include "yaml/node.h"

namespace caxtool::promconfig {

class Context;

enum class Kind : unsigned char {
  kString,
  kBool,
  kInt,
  kUint,
  kFloat,
  kDuration,     // prometheus/common model.Duration
  kBytes,        // alecthomas/units Base2Bytes
  kStrings,      // []string
  kLabelNames,   // []model.LabelName (source_labels)
  kLabels,       // map of label name to value (external_labels, static labels)
  kStringMap,    // map[string]string
  kStringLists,  // map[string][]string (params, proxy_connect_header)
  kObject,       // a nested block, `sub`
  kObjects,      // a list of `sub`; a null item is an error (`null_item`)
  kAny,          // anything (headers whose shape changed between releases)
};

// A validator runs after the block's keys decoded; it reads the node and reports to the context.
using Validator = void (*)(const yaml::Node& block, Context& ctx);

struct Schema;

struct Field {
  constexpr Field(std::string_view n, Kind k = Kind::kString, const Schema* s = nullptr,
                  promql::Version from = {2, 42}, promql::Version to = {99, 0},
                  std::string_view null = {})
      : name(n), kind(k), sub(s), since(from), until(to), null_item(null) {}
  std::string_view name;
  Kind kind;
  const Schema* sub;
  promql::Version since;
  promql::Version until;       // first release without it
  std::string_view null_item;  // kObjects: promtool's error for a null item
};

struct Schema {
  constexpr Schema(std::string_view type, std::span<const Field> f,
                   std::span<const Schema* const> in = {}, Validator v = nullptr, bool sd = false)
      : go_type(type), fields(f), inlined(in), validate(v), service_discovery(sd) {}
  std::string_view go_type;  // for "field x not found in type T"
  std::span<const Field> fields;
  std::span<const Schema* const> inlined;  // blocks whose keys sit at this level
  Validator validate;
  bool service_discovery;  // accepts <name>_sd_configs and static_configs
};

// A service discovery mechanism: the key is `<name>_sd_configs`.
struct Discovery {
  constexpr Discovery(std::string_view n, const Schema* s, promql::Version from = {2, 42},
                      bool debian = false)
      : name(n), schema(s), since(from), debian_missing(debian) {}
  std::string_view name;
  const Schema* schema;
  promql::Version since;
  // Left out of Debian's prometheus package (2.42.0+ds), whose promtool rejects the key.
  bool debian_missing;
};

const Schema& root_schema();
const Schema& scrape_config_schema();
const Schema& static_config_schema();
std::span<const Discovery> discoveries();
const Discovery* find_discovery(std::string_view key);  // key = "<name>_sd_configs"

}  // namespace caxtool::promconfig
