// SPDX-License-Identifier: Apache-2.0
// Directory walks report no error for unreadable subdirectories: what can be listed is checked,
// as promtool and pint do with the files they are given.
#include "inputs.h"

#include <algorithm>
#include <filesystem>

#include "util/file.h"

namespace caxtool::cli {

namespace fs = std::filesystem;

bool expand_inputs(const std::vector<std::string>& args,
                   std::initializer_list<std::string_view> extensions, std::vector<Input>& out,
                   Io& io) {
  bool ok = true;
  for (const std::string& a : args) {
    if (a == "-") {
      out.push_back({"<stdin>", ""});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        std::string ext = it->path().extension().string();
        if (it->is_regular_file(ec) &&
            std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.push_back({f, f});
    } else if (!fs::exists(a, ec)) {
      io.err << "caxtool: " << a << ": no such file or directory\n";
      ok = false;
    } else {
      out.push_back({a, a});
    }
  }
  return ok;
}

bool read_input(const Input& in, std::string& text, std::string& error) {
  if (in.path.empty()) {
    text = util::read_stdin();
    return true;
  }
  auto content = util::read_file(in.path, error);
  if (!content) return false;
  text = std::move(*content);
  return true;
}

}  // namespace caxtool::cli
