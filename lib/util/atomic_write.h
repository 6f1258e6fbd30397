// SPDX-License-Identifier: Apache-2.0
// Writing a set of files into one directory tree safely: each file through a temp file and a
// rename, every path component opened without following symlinks, and all temp files written
// before any is renamed, so a failure or an interrupt leaves no half-written file.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace caxtool::util {

struct FileToWrite {
  std::string relative_path;  // "prometheus/rules/x.yml": no "..", no leading "/"
  std::string content;
};

enum class ExistingState { kMissing, kSame, kDifferent, kNotRegular };

struct Existing {
  ExistingState state = ExistingState::kMissing;
  std::string content;  // when kSame or kDifferent
  std::string error;    // when kNotRegular: why ("is a symlink", "is a directory", ...)
};

// Reads `root/relative` without following symlinks anywhere below `root`.
Existing read_existing(const std::string& root, const std::string& relative);

struct WriteError {
  std::string path;  // root-joined path the error is about
  std::string message;
};

// Writes all files, or none: temp files first, then renames. `cancel` is polled between steps.
std::optional<WriteError> write_files_atomically(const std::string& root,
                                                 const std::vector<FileToWrite>& files,
                                                 const std::atomic<bool>* cancel);

}  // namespace caxtool::util
