// SPDX-License-Identifier: Apache-2.0
// CRC32 with the Castagnoli polynomial, as every section of a TSDB index is checksummed. The
// analysis checksums each series entry it reads (tens of megabytes), so the SSE4.2 instruction is
// used where the CPU has it and a table otherwise.
#pragma once

#include <cstddef>
#include <cstdint>

namespace caxtool::tsdb {

uint32_t crc32c(const uint8_t* data, size_t size);

}  // namespace caxtool::tsdb
