// SPDX-License-Identifier: Apache-2.0
// Reading a whole input file in one allocation: rule files run to tens of megabytes, and a
// stream copy would hold them twice.
#pragma once

#include <optional>
#include <string>

namespace caxtool::util {

// The file's bytes, or nullopt with `error` set to why ("No such file or directory", "Is a
// directory", ...). "-" is not special here.
std::optional<std::string> read_file(const std::string& path, std::string& error);

// All of standard input.
std::string read_stdin();

}  // namespace caxtool::util
