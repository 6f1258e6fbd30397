// SPDX-License-Identifier: Apache-2.0
// POSIX reads into a string sized from fstat, growing only for files whose size lies (pipes,
// /proc).
#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace caxtool::util {
namespace {

// Reads to EOF into `out`, which starts with room for `expected` bytes (the file's size when
// known) and grows by half only if the file turns out longer.
bool read_fd(int fd, std::string& out, size_t expected) {
  size_t used = 0;
  out.resize(std::max<size_t>(expected + 1, 4096));
  while (true) {
    if (used == out.size()) out.resize(out.size() + out.size() / 2);
    ssize_t n = ::read(fd, out.data() + used, out.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  out.resize(used);
  return true;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    error = std::strerror(EISDIR);
    return std::nullopt;
  }
  std::string out;
  bool ok = read_fd(fd, out, st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0);
  int err = errno;
  ::close(fd);
  if (!ok) {
    error = std::strerror(err);
    return std::nullopt;
  }
  return out;
}

std::string read_stdin() {
  std::string out;
  read_fd(STDIN_FILENO, out, 1 << 20);
  return out;
}

}  // namespace caxtool::util
