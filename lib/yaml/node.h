// SPDX-License-Identifier: Apache-2.0
// The YAML tree every caxtool loader reads: scalars, sequences and mappings, each node with its
// 1-based line and column, so any later check can point at the exact spot.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace caxtool::yaml {

struct Mark {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters (code points), as yaml.v3 and promtool count
};

enum class Kind { kScalar, kSequence, kMapping };
enum class Style { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded, kFlow, kBlock };

struct Node {
  Kind kind = Kind::kScalar;
  Style style = Style::kPlain;
  Mark start, end;
  std::string tag;    // explicit tag as written ("!!str"), empty when none
  std::string value;  // scalars only
  std::string alias;  // for a copy made from an alias (*name): the anchor's name
  // Sequences: the items. Mappings: key, value, key, value, ...
  std::vector<Node> children;

  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_mapping() const { return kind == Kind::kMapping; }
  // A plain `~`, `null`, `Null`, `NULL` or empty scalar, as YAML 1.2's core schema has it.
  bool is_null() const;
  // A scalar that was quoted or explicitly tagged !!str: never a number, bool or null.
  bool is_quoted() const;
  size_t entry_count() const { return is_mapping() ? children.size() / 2 : 0; }
  const Node& key(size_t i) const { return children[2 * i]; }
  const Node& val(size_t i) const { return children[2 * i + 1]; }
  // The value for a scalar key, or nullptr.
  const Node* get(std::string_view key) const;
  std::string_view kind_name() const;
  // The null that stands in for a node a CompletedHook took.
  bool is_taken() const { return kind == Kind::kScalar && tag == "!caxtool/taken"; }
};

struct Document {
  Node root;
  bool empty = true;  // a stream with no content at all
};

// Called as each collection (mapping or sequence) is completed, with the keys leading to it from
// the root ("#" for a sequence item). Returning true takes the node: it is not kept in the tree
// (a null placeholder with its position stays), so a 20 MB rule file can be checked one group at
// a time instead of being held whole.
// `document` is the 0-based index of the document the node is in.
using CompletedHook =
    std::function<bool(Node& node, const std::vector<std::string_view>& path, size_t document)>;

struct ParseOptions {
  bool allow_duplicate_keys = false;
  CompletedHook on_completed;
  // Aliases are expanded by copying; this bounds the copies (billion laughs).
  size_t max_nodes = 5'000'000;
};

struct ParseResult {
  std::vector<Document> documents;
  diag::Diagnostics diagnostics;
  // Documents complete before a syntax error stopped the parse (Go's yaml packages stop after
  // the first document, so an error past it is one they never see).
  size_t documents_before_error = 0;
  // A syntax error as Go's yaml packages word it ("yaml: line 4: did not find expected node
  // content"): yaml.v2 counts a parser error's line from 0 and a scanner error's from 1.
  std::string go_v2_error;
  bool ok() const { return !diagnostics.has_at_least(diag::Severity::kError); }
};

// Parses every document in `text`. `file` only labels the diagnostics.
ParseResult parse(std::string_view text, const std::string& file, const ParseOptions& options = {});

}  // namespace caxtool::yaml
