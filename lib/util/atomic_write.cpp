// SPDX-License-Identifier: Apache-2.0
// POSIX *at() calls with O_NOFOLLOW on every component: a symlink planted inside --out (say
// prometheus -> /etc) cannot redirect a write outside it, whatever races with us.
#include "util/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace caxtool::util {
namespace {

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = o.fd_;
      o.fd_ = -1;
    }
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

std::vector<std::string> split_path(const std::string& rel) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    std::string part = rel.substr(start, slash - start);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::string errno_text(int err) { return std::strerror(err); }

// Opens (creating when asked) the directory holding `parts.back()`, never following symlinks.
Fd open_parent(const std::string& root, const std::vector<std::string>& parts, bool create,
               std::string& error) {
  if (create && ::mkdir(root.c_str(), 0777) != 0 && errno != EEXIST) {
    error = "cannot create directory: " + errno_text(errno);
    return Fd();
  }
  Fd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) {
    error = errno_text(errno);
    return Fd();
  }
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (create && ::mkdirat(dir.get(), parts[i].c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create directory " + parts[i] + ": " + errno_text(errno);
      return Fd();
    }
    Fd next(::openat(dir.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!next.ok()) {
      int err = errno;
      error = err == ELOOP || err == ENOTDIR
                  ? parts[i] + " is a symlink or not a directory; refusing to write through it"
                  : parts[i] + ": " + errno_text(err);
      return Fd();
    }
    dir = std::move(next);
  }
  return dir;
}

bool write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

struct Pending {
  Fd dir;
  std::string temp_name;
  std::string final_name;
  std::string display;
};

void remove_temps(std::vector<Pending>& pending) {
  for (Pending& p : pending) {
    if (!p.temp_name.empty()) ::unlinkat(p.dir.get(), p.temp_name.c_str(), 0);
  }
}

}  // namespace

Existing read_existing(const std::string& root, const std::string& relative) {
  Existing out;
  auto parts = split_path(relative);
  if (parts.empty()) return out;
  std::string error;
  Fd dir = open_parent(root, parts, false, error);
  if (!dir.ok()) {
    if (errno == ENOENT) return out;
    out.state = ExistingState::kNotRegular;
    out.error = error;
    return out;
  }
  Fd fd(::openat(dir.get(), parts.back().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd.ok()) {
    int err = errno;
    if (err == ENOENT) return out;
    out.state = ExistingState::kNotRegular;
    out.error = err == ELOOP ? "is a symlink; refusing to replace it" : errno_text(err);
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    out.state = ExistingState::kNotRegular;
    out.error = "is not a regular file";
    return out;
  }
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.state = ExistingState::kNotRegular;
      out.error = errno_text(errno);
      return out;
    }
    if (n == 0) break;
    out.content.append(buf, static_cast<size_t>(n));
  }
  out.state = ExistingState::kDifferent;  // the caller compares
  return out;
}

std::optional<WriteError> write_files_atomically(const std::string& root,
                                                 const std::vector<FileToWrite>& files,
                                                 const std::atomic<bool>* cancel) {
  auto cancelled = [cancel] { return cancel != nullptr && cancel->load(); };
  std::vector<Pending> pending;
  std::mt19937_64 rng(std::random_device{}());
  // Phase 1: every temp file written and flushed.
  for (const FileToWrite& f : files) {
    std::string display = root + "/" + f.relative_path;
    auto parts = split_path(f.relative_path);
    std::string error;
    if (cancelled()) {
      remove_temps(pending);
      return WriteError{display, "interrupted"};
    }
    Fd dir = open_parent(root, parts, true, error);
    if (!dir.ok()) {
      remove_temps(pending);
      return WriteError{display, error};
    }
    Pending p;
    p.final_name = parts.back();
    p.display = display;
    Fd fd;
    for (int attempt = 0; attempt < 16 && !fd.ok(); ++attempt) {
      p.temp_name = "." + p.final_name + ".caxtool-" + std::to_string(rng() % 1000000000);
      fd = Fd(::openat(dir.get(), p.temp_name.c_str(),
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
      if (!fd.ok() && errno != EEXIST) break;
    }
    if (!fd.ok()) {
      int err = errno;
      remove_temps(pending);
      return WriteError{display, "cannot create a temporary file: " + errno_text(err)};
    }
    p.dir = std::move(dir);
    bool ok = write_all(fd.get(), f.content) && ::fsync(fd.get()) == 0;
    int err = errno;
    pending.push_back(std::move(p));
    if (!ok) {
      remove_temps(pending);
      return WriteError{display, "cannot write: " + errno_text(err)};
    }
  }
  if (cancelled()) {
    remove_temps(pending);
    return WriteError{root, "interrupted"};
  }
  // Phase 2: renames, each atomic. renameat replaces a symlink itself, never its target.
  for (size_t i = 0; i < pending.size(); ++i) {
    Pending& p = pending[i];
    if (::renameat(p.dir.get(), p.temp_name.c_str(), p.dir.get(), p.final_name.c_str()) != 0) {
      int err = errno;
      std::vector<Pending> rest;
      for (size_t k = i; k < pending.size(); ++k) rest.push_back(std::move(pending[k]));
      remove_temps(rest);
      return WriteError{p.display, "cannot rename into place: " + errno_text(err)};
    }
    p.temp_name.clear();
  }
  return std::nullopt;
}

}  // namespace caxtool::util
