// SPDX-License-Identifier: Apache-2.0
// The streaming exposition parser: feed() it chunks of any size, finish() at the end. It splits
// lines itself (keeping only an unfinished last line between chunks), applies every rule of the
// chosen format, calls the Handler once per sample, and collects diagnostics with line and
// column. It never builds a model of the input: what it remembers is one record per family
// (plus, for OpenMetrics, the metrics of the current family, to catch interleaving).
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diag/diagnostic.h"
#include "exposition/hash.h"
#include "exposition/histogram_check.h"
#include "exposition/types.h"

namespace caxtool::exposition {

struct ParseOptions {
  Format format = Format::kPrometheus;
  std::string file;         // as shown in diagnostics
  size_t max_errors = 100;  // then one "too many errors" and silence
};

// The text of each line a diagnostic points at, so a caller can render source and caret after
// the input is gone.
class SourceLines {
 public:
  void keep(int line, std::string_view text) { lines_.try_emplace(line, text); }
  // A text whose line N is line N of the input for every kept line (others are empty), for
  // diag::Sources.
  std::string sparse_text() const;
  bool empty() const { return lines_.empty(); }

 private:
  std::map<int, std::string> lines_;
};

class Parser {
 public:
  Parser(ParseOptions options, Handler* handler);
  ~Parser();

  void feed(std::string_view chunk);
  void finish();

  const ParseOptions& options() const { return options_; }
  diag::Diagnostics& diagnostics() { return diags_; }
  SourceLines& source_lines() { return source_; }
  size_t error_count() const { return errors_; }
  uint64_t sample_count() const { return samples_; }
  const std::deque<Family>& families() const { return families_; }

  // For handlers, while on_sample runs: a finding on the current line.
  void report(diag::Severity severity, std::string_view check, std::string message, int column,
              int end_column, std::string hint = {});
  std::string_view current_line() const { return line_; }
  int current_line_number() const { return line_no_; }

 private:
  void parse_line(std::string_view line, bool terminated);
  void error(std::string_view check, std::string message, size_t offset, size_t end = 0,
             std::string hint = {});
  Family& family_named(std::string_view name);
  Family* find_family(std::string_view name);
  void emit(Sample& s);

  // Prometheus text 0.0.4 with the exact verdicts of expfmt's TextParser (text_parser.cpp).
  void text_line(std::string_view line, bool terminated);
  void text_comment(std::string_view line, size_t i);
  void text_sample(std::string_view line, size_t i);
  Family& text_resolve(std::string_view name, Suffix& suffix);
  // OpenMetrics 1.0 (om_parser.cpp).
  void om_line(std::string_view line, bool terminated);
  void om_metadata(std::string_view line);
  void om_sample(std::string_view line);
  bool om_labels(std::string_view line, size_t& i, std::vector<Label>& out, bool exemplar);
  void om_start_family(std::string_view name, size_t offset);
  bool om_claim(Family& f, size_t offset);
  void om_end_metric();
  void om_end_family();
  void om_finish();
  void om_check_value(const Sample& s, double v, size_t value_offset);

  ParseOptions options_;
  Handler* handler_;
  diag::Diagnostics diags_;
  SourceLines source_;
  size_t errors_ = 0;
  uint64_t samples_ = 0;
  std::string carry_;  // an unfinished line between chunks
  std::string last_line_;
  std::string_view line_;
  int line_no_ = 0;
  std::vector<Label> labels_;
  std::deque<std::string> unescaped_;  // stable backing store for unescaped label values

  std::deque<Family> families_;
  // Looked up by string_view, without making a string (C++20 heterogeneous lookup).
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, NameHash, std::equal_to<>> by_name_;
  // A line's label names, once it has more than 16 of them (duplicates found by set, not pairs).
  std::unordered_set<std::string_view> many_labels_;
  // The last few sample names' resolutions: consecutive lines mostly share a name, and a
  // histogram's lines cycle through three (_bucket, _sum, _count).
  struct Resolved {
    std::string name;
    uint32_t family = UINT32_MAX;
    Suffix suffix = Suffix::kNone;
  };
  std::array<Resolved, 4> resolved_;
  size_t resolved_next_ = 0;
  size_t last_resolved_ = 0;  // index of the one used last

  // OpenMetrics state.
  struct OmState;
  std::unique_ptr<OmState> om_;
};

}  // namespace caxtool::exposition
