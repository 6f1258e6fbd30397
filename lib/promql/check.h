// SPDX-License-Identifier: Apache-2.0
// The type checker Prometheus runs after a successful parse (parser.checkAST): operand types,
// function signatures, set-operator rules, empty selectors.
#pragma once

#include <string_view>
#include <vector>

#include "promql/ast.h"
#include "promql/features.h"
#include "promql/parser.h"

namespace caxtool::promql::detail {

// Appends every type error of `e` to `errors`, in Prometheus's order. Like Prometheus, it also
// normalises the tree: set operators become many-to-many, and vector matching is dropped from
// binary expressions that are not between two instant vectors.
void type_check(Expr& e, std::string_view input, const Features& features,
                std::vector<ParseError>& errors);

}  // namespace caxtool::promql::detail
