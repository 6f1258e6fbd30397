// SPDX-License-Identifier: Apache-2.0
// PromQL's function table with the releases in which each function exists and is
// experimental, so `--prometheus-version 2.42` rejects `sort_by_label` and 3.0 rejects
// `holt_winters`. Source: promql/parser/functions.go at every minor tag from v2.42.0 to v3.14.0.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "promql/ast.h"
#include "promql/version.h"

namespace caxtool::promql {

struct Function {
  std::string_view name;
  std::array<ValueType, 5> arg_storage{};
  uint8_t arg_count = 0;
  // 0: exactly arg_count arguments; n > 0: up to n more of the last type; -1: any number more.
  // As in Prometheus, the last declared argument is then optional.
  int variadic = 0;
  ValueType return_type = ValueType::kVector;
  Version since{2, 0};
  Version until{99, 0};               // first release without it
  Version experimental_since{99, 0};  // first release where it needs the flag
  Version experimental_until{99, 0};  // first release where it is stable again

  std::span<const ValueType> arg_types() const { return {arg_storage.data(), arg_count}; }
  bool exists_in(Version v) const { return v >= since && v < until; }
  bool experimental_in(Version v) const {
    return v >= experimental_since && v < experimental_until;
  }
};

// The function named `name` as it exists in `version`, or nullptr. Names are case-sensitive.
const Function* find_function(std::string_view name, Version version = newest_version());

// Every function the table knows, sorted by name.
std::span<const Function> all_functions();

}  // namespace caxtool::promql
