// SPDX-License-Identifier: Apache-2.0
// What goes wrong reading a block, as a value: which block, which file, which byte. A corrupt
// index is reported, never trusted, so the user can tell a damaged block from a bug of ours and
// find the bad spot with a hex dump.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace caxtool::tsdb {

struct TsdbError {
  enum class Kind {
    kNotFound,     // no such directory, no block with that ULID
    kUnreadable,   // the file system refused (permissions, not a directory)
    kCorrupt,      // the bytes contradict the format
    kBadSelector,  // --match does not parse: a usage error
    kInterrupted,  // SIGINT while reading
  };
  Kind kind = Kind::kCorrupt;
  std::string block;               // the block directory, when known
  std::string file;                // "index", "meta.json", ... when one file is at fault
  std::optional<uint64_t> offset;  // byte offset into `file`
  std::string message;
};

// "block /data/01H...: index: byte 4096: CRC32 mismatch in symbol table (...)".
std::string describe(const TsdbError& e);

}  // namespace caxtool::tsdb
