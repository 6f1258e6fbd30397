// SPDX-License-Identifier: Apache-2.0
// XXH64, the 64-bit xxHash of Yann Collet (seed 0 unless given), written from the published
// algorithm description. Prometheus hashes label sets with it (cespare/xxhash), and PromQL's
// limit_ratio keeps a series by where that hash falls in [0, 2^64), so caxtool needs the very
// same function to pick the same series. Streaming is not needed: callers hash one buffer.
#pragma once

#include <cstdint>
#include <string_view>

namespace caxtool::util {

// XXH64 of `data` with `seed`.
uint64_t xxhash64(std::string_view data, uint64_t seed = 0);

}  // namespace caxtool::util
