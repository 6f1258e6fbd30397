// SPDX-License-Identifier: Apache-2.0
// Longest-common-subsequence over lines, after trimming the common head and tail. Generated
// files are at most a few thousand lines, so the quadratic table stays small; past a size limit
// we fall back to replacing the whole middle, which is still a correct diff.
#include "util/diff.h"

#include <algorithm>
#include <vector>

namespace caxtool::util {
namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(s.substr(start));
      break;
    }
    out.push_back(s.substr(start, nl - start + 1));
    start = nl + 1;
  }
  return out;
}

enum class Op { kKeep, kDel, kAdd };
struct Edit {
  Op op;
  std::string_view line;
};

std::vector<Edit> diff_lines(const std::vector<std::string_view>& a,
                             const std::vector<std::string_view>& b) {
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < head; ++i) edits.push_back({Op::kKeep, a[i]});
  size_t n = a.size() - head - tail, m = b.size() - head - tail;
  constexpr size_t kMaxCells = 25'000'000;
  if (n * m <= kMaxCells) {
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto cell = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        cell(i, j) = a[head + i] == b[head + j] ? cell(i + 1, j + 1) + 1
                                                : std::max(cell(i + 1, j), cell(i, j + 1));
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        edits.push_back({Op::kKeep, a[head + i]});
        ++i;
        ++j;
      } else if (i < n && (j == m || cell(i + 1, j) >= cell(i, j + 1))) {
        edits.push_back({Op::kDel, a[head + i++]});  // deletions first, as diff -u
      } else {
        edits.push_back({Op::kAdd, b[head + j++]});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) edits.push_back({Op::kDel, a[head + i]});
    for (size_t j = 0; j < m; ++j) edits.push_back({Op::kAdd, b[head + j]});
  }
  for (size_t i = a.size() - tail; i < a.size(); ++i) edits.push_back({Op::kKeep, a[i]});
  return edits;
}

std::string range(size_t start, size_t count) {
  // diff -u numbers an empty range by the line before it.
  if (count == 0) return std::to_string(start == 0 ? 0 : start - 1) + ",0";
  if (count == 1) return std::to_string(start);
  return std::to_string(start) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_name, std::string_view new_name, int context) {
  if (old_text == new_text) return {};
  auto a = split_lines(old_text);
  auto b = split_lines(new_text);
  std::vector<Edit> edits = diff_lines(a, b);
  std::string out = "--- " + std::string(old_name) + "\n+++ " + std::string(new_name) + "\n";
  size_t ctx = static_cast<size_t>(std::max(0, context));
  size_t k = 0;
  while (k < edits.size()) {
    while (k < edits.size() && edits[k].op == Op::kKeep) ++k;
    if (k == edits.size()) break;
    // A hunk: from ctx lines before this change to ctx lines after the last change that is
    // within 2*ctx lines of the next.
    size_t start = k >= ctx ? k - ctx : 0;
    size_t end = k;
    while (true) {
      while (end < edits.size() && edits[end].op != Op::kKeep) ++end;
      size_t next = end;
      while (next < edits.size() && edits[next].op == Op::kKeep) ++next;
      if (next < edits.size() && next - end <= 2 * ctx) {
        end = next;
        continue;
      }
      end = std::min(edits.size(), end + ctx);
      break;
    }
    size_t a_line = 1, b_line = 1;
    for (size_t e = 0; e < start; ++e) {
      if (edits[e].op != Op::kAdd) ++a_line;
      if (edits[e].op != Op::kDel) ++b_line;
    }
    size_t a_count = 0, b_count = 0;
    std::string body;
    for (size_t e = start; e < end; ++e) {
      char mark = edits[e].op == Op::kKeep ? ' ' : edits[e].op == Op::kDel ? '-' : '+';
      if (edits[e].op != Op::kAdd) ++a_count;
      if (edits[e].op != Op::kDel) ++b_count;
      body += mark;
      body += edits[e].line;
      if (body.back() != '\n') body += "\n\\ No newline at end of file\n";
    }
    out += "@@ -" + range(a_line, a_count) + " +" + range(b_line, b_count) + " @@\n" + body;
    k = end;
  }
  return out;
}

}  // namespace caxtool::util
