// SPDX-License-Identifier: Apache-2.0
// One wording for every block error, so the CLI, the JSON output and the tests agree on it.
#include "tsdb/error.h"

namespace caxtool::tsdb {

std::string describe(const TsdbError& e) {
  std::string out;
  if (!e.block.empty()) out += "block " + e.block + ": ";
  if (!e.file.empty()) out += e.file + ": ";
  if (e.offset) out += "byte " + std::to_string(*e.offset) + ": ";
  out += e.message;
  return out;
}

}  // namespace caxtool::tsdb
