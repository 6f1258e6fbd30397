// SPDX-License-Identifier: Apache-2.0
// The checks Go's template parser makes on literal values: numbers go through strconv's
// ParseUint/ParseInt/ParseFloat (complex ones through fmt.Sscan), strings and character constants
// through strconv.Unquote. The lexer lets "089", "1e999" and "\q" through; these reject them,
// with Go's rules (underscores only between digits, hex floats need a 'p' exponent, ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gotemplate/token.h"

namespace caxtool::gotemplate {

// Why a number, complex or character-constant token has no value, or nullopt when it is fine.
std::optional<std::string> check_number(std::string_view text, TokenType type);

// The value of a "..." or `...` literal, or nullopt when an escape is invalid.
std::optional<std::string> unquote(std::string_view text);

}  // namespace caxtool::gotemplate
