// SPDX-License-Identifier: Apache-2.0
// Block discovery with std::filesystem's error_code overloads: a missing or unreadable data
// directory is a TsdbError, not an exception.
#include "tsdb/blocks.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace caxtool::tsdb {

namespace fs = std::filesystem;

bool is_ulid(std::string_view name) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  if (name.size() != 26) return false;
  for (char c : name) {
    char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kAlphabet.find(u) == std::string_view::npos) return false;
  }
  return name[0] <= '7';  // the 48-bit timestamp: a larger first digit overflows it
}

namespace {

TsdbError dir_error(TsdbError::Kind kind, const std::string& dir, std::string message) {
  TsdbError e;
  e.kind = kind;
  e.message = dir + ": " + std::move(message);
  return e;
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

std::variant<std::vector<BlockDir>, TsdbError> list_blocks(const std::string& data_dir) {
  std::error_code ec;
  fs::file_status st = fs::status(data_dir, ec);
  if (ec || !fs::exists(st)) {
    if (ec == std::errc::no_such_file_or_directory || !fs::exists(st)) {
      return dir_error(TsdbError::Kind::kNotFound, data_dir, "no such directory");
    }
    return dir_error(TsdbError::Kind::kUnreadable, data_dir, ec.message());
  }
  if (!fs::is_directory(st)) {
    return dir_error(TsdbError::Kind::kUnreadable, data_dir, "not a directory");
  }
  std::vector<BlockDir> out;
  fs::path self(data_dir);
  std::string self_name = self.filename().string();
  if (self_name.empty()) self_name = self.parent_path().filename().string();
  if (is_ulid(self_name) && fs::exists(self / "meta.json", ec)) {
    out.push_back({self_name, data_dir});
    return out;
  }
  fs::directory_iterator it(data_dir, ec);
  if (ec) return dir_error(TsdbError::Kind::kUnreadable, data_dir, ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!is_ulid(name) || !it->is_directory(ec)) continue;
    out.push_back({name, (self / name).string()});
  }
  if (ec) return dir_error(TsdbError::Kind::kUnreadable, data_dir, ec.message());
  std::sort(out.begin(), out.end(),
            [](const BlockDir& a, const BlockDir& b) { return upper(a.ulid) < upper(b.ulid); });
  return out;
}

std::variant<BlockDir, TsdbError> select_block(const std::vector<BlockDir>& blocks,
                                               const std::string& data_dir,
                                               const std::string& ulid) {
  if (ulid.empty()) {
    if (blocks.empty()) {
      return dir_error(TsdbError::Kind::kNotFound, data_dir,
                       "no blocks (subdirectories named by a ULID)");
    }
    return blocks.back();
  }
  for (const auto& b : blocks) {
    if (upper(b.ulid) == upper(ulid)) return b;
  }
  return dir_error(TsdbError::Kind::kNotFound, data_dir, "block " + ulid + " not found");
}

}  // namespace caxtool::tsdb
