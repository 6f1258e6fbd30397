// SPDX-License-Identifier: Apache-2.0
#include "util/atomic_write.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace caxtool::util;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "caxtool-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
size_t count_files(const fs::path& root) {
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) ++n;
  return n;
}
}  // namespace

TEST_CASE("atomic_write: creates directories and files, leaves no temp file") {
  TempDir t;
  std::string root = (t.path / "out").string();
  auto err = write_files_atomically(root, {{"a/b/c.yml", "x: 1\n"}, {"d.json", "{}"}}, nullptr);
  REQUIRE_FALSE(err);
  CHECK(slurp(t.path / "out/a/b/c.yml") == "x: 1\n");
  CHECK(count_files(t.path) == 2);
  auto e = read_existing(root, "a/b/c.yml");
  CHECK(e.state == ExistingState::kDifferent);
  CHECK(e.content == "x: 1\n");
  CHECK(read_existing(root, "missing/x").state == ExistingState::kMissing);
}

TEST_CASE("atomic_write: a symlinked directory inside the output is refused") {
  TempDir t;
  fs::create_directories(t.path / "out");
  fs::create_directories(t.path / "elsewhere");
  fs::create_directory_symlink(t.path / "elsewhere", t.path / "out/prometheus");
  auto err = write_files_atomically((t.path / "out").string(),
                                    {{"ok.yml", "a\n"}, {"prometheus/p.yml", "b\n"}}, nullptr);
  REQUIRE(err);
  CHECK(err->message.find("symlink") != std::string::npos);
  CHECK(fs::is_empty(t.path / "elsewhere"));
  CHECK_FALSE(fs::exists(t.path / "out/ok.yml"));  // all or nothing
  CHECK(count_files(t.path) == 0);
}

TEST_CASE("atomic_write: a symlinked file is reported, not followed") {
  TempDir t;
  fs::create_directories(t.path / "out");
  std::ofstream(t.path / "target") << "secret";
  fs::create_symlink(t.path / "target", t.path / "out/f.yml");
  auto e = read_existing((t.path / "out").string(), "f.yml");
  CHECK(e.state == ExistingState::kNotRegular);
  CHECK(e.error == "is a symlink; refusing to replace it");
}

TEST_CASE("atomic_write: cancellation removes temp files and writes nothing") {
  TempDir t;
  std::atomic<bool> cancel{true};
  auto err = write_files_atomically((t.path / "out").string(), {{"a.yml", "a\n"}}, &cancel);
  REQUIRE(err);
  CHECK(err->message == "interrupted");
  CHECK(count_files(t.path) == 0);
}
