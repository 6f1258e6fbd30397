// SPDX-License-Identifier: Apache-2.0
// Comparing and printing trees, node by node in document order.
#include "yaml/tree_diff.h"

namespace caxtool::yaml {
namespace {

std::string describe(const Node& n) {
  std::string out = std::string(n.kind_name()) +
                    " style=" + std::to_string(static_cast<int>(n.style)) + " " +
                    std::to_string(n.start.line) + ":" + std::to_string(n.start.column) + "-" +
                    std::to_string(n.end.line) + ":" + std::to_string(n.end.column);
  if (!n.tag.empty()) out += " tag=" + n.tag;
  if (!n.alias.empty()) out += " alias=" + n.alias;
  if (n.is_scalar()) {
    out += " \"";
    for (char c : n.value) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else {
        out += c;
      }
    }
    out += '"';
  }
  return out;
}

std::string compare(const Node& a, const Node& b, const std::string& where) {
  bool same = a.kind == b.kind && a.style == b.style && a.tag == b.tag && a.value == b.value &&
              a.alias == b.alias && a.start.line == b.start.line &&
              a.start.column == b.start.column && a.end.line == b.end.line &&
              a.end.column == b.end.column && a.children.size() == b.children.size();
  if (!same)
    return where + ": " + describe(a) + " (" + std::to_string(a.children.size()) +
           " children) vs " + describe(b) + " (" + std::to_string(b.children.size()) + " children)";
  for (size_t i = 0; i < a.children.size(); ++i) {
    std::string d = compare(a.children[i], b.children[i], where + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  return {};
}

void dump_into(const Node& n, int depth, std::string& out) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += describe(n);
  out += '\n';
  for (const Node& c : n.children) dump_into(c, depth + 1, out);
}

}  // namespace

std::string first_difference(const Node& a, const Node& b) { return compare(a, b, "root"); }

std::string dump(const Node& n) {
  std::string out;
  dump_into(n, 0, out);
  return out;
}

}  // namespace caxtool::yaml
