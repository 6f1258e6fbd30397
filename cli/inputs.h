// SPDX-License-Identifier: Apache-2.0
// The FILE|DIR|- arguments of the check commands: a file as named, a directory's files with the
// command's extensions (recursively, sorted), - for standard input.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"

namespace caxtool::cli {

struct Input {
  std::string name;  // as shown in diagnostics
  std::string path;  // "" for stdin
};

// Appends the inputs `args` name to `out`; a path that does not exist is reported on io.err
// and makes the result false (the others are still listed).
bool expand_inputs(const std::vector<std::string>& args,
                   std::initializer_list<std::string_view> extensions, std::vector<Input>& out,
                   Io& io);

// The text of one input; false with `error` set when a file cannot be read.
bool read_input(const Input& in, std::string& text, std::string& error);

}  // namespace caxtool::cli
