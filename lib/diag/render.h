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
void render_json(std::ostream& out, const Diagnostics& diags);
void render_github(std::ostream& out, const Diagnostics& diags);
void render_sarif(std::ostream& out, const Diagnostics& diags, std::string_view tool_version);

}  // namespace caxtool::diag
