// SPDX-License-Identifier: Apache-2.0
// The four renderings of ../shared/CLI.md: text with source line and caret, JSON, GitHub
// workflow annotations and SARIF 2.1.0. One function each, writing to a stream the caller owns.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "diag/diagnostic.h"
#include "diag/sources.h"

namespace caxtool::diag {

enum class Format { kText, kJson, kGithub, kSarif };

std::optional<Format> parse_format(std::string_view name);

struct RenderOptions {
  Format format = Format::kText;
  bool color = false;  // ANSI colour, text format only
  std::string_view tool_version;
};

void render(std::ostream& out, const Diagnostics& diags, const Sources& sources,
            const RenderOptions& options);

void render_text(std::ostream& out, const Diagnostics& diags, const Sources& sources, bool color);
// The findings alone, without the closing "N errors, M warnings" line.
void render_text_items(std::ostream& out, const Diagnostics& diags, const Sources& sources,
                       bool color);
void render_json(std::ostream& out, const Diagnostics& diags);
void render_github(std::ostream& out, const Diagnostics& diags);
void render_sarif(std::ostream& out, const Diagnostics& diags, std::string_view tool_version);

// Findings that come in batches, such as a large rule file's groups as each is checked: text
// and GitHub annotations are written as they come, JSON and SARIF (one document each) at
// finish(). The text format's closing summary counts every batch.
class StreamRenderer {
 public:
  StreamRenderer(std::ostream& out, const Sources& sources, RenderOptions options);
  void add(Diagnostics&& batch);
  void finish();
  bool has_at_least(Severity s) const;

 private:
  std::ostream& out_;
  const Sources& sources_;
  RenderOptions options_;
  Diagnostics held_;              // JSON and SARIF
  size_t counts_[3] = {0, 0, 0};  // by Severity
};

}  // namespace caxtool::diag
