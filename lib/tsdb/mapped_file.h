// SPDX-License-Identifier: Apache-2.0
// A read-only memory map of one file, the only place that calls mmap. An index runs to
// gigabytes, and mapped pages count in the resident set, so readers that stream a section hand
// the pages they are done with back (release) instead of holding the whole file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>

namespace caxtool::tsdb {

class MappedFile {
 public:
  // The mapped file, or why not (strerror text). An empty file maps to an empty span.
  static std::variant<MappedFile, std::string> open(const std::string& path);

  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const uint8_t> bytes() const { return {data_, size_}; }

  // Drops the pages wholly inside [begin, end) from this process; reading them again faults
  // them back in from the page cache. A hint: nothing breaks if it does nothing.
  void release(uint64_t begin, uint64_t end) const;
  // Asks the kernel to read [begin, end) ahead, for a section about to be walked.
  void will_need(uint64_t begin, uint64_t end) const;

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace caxtool::tsdb
