// SPDX-License-Identifier: Apache-2.0
// NO_COLOR (https://no-color.org) wins over --color=auto but not over an explicit --color=always.
#include "output.h"

#include <algorithm>

#include "caxtool/version.h"
#include "diag/render.h"

namespace caxtool::cli {

bool use_color(const GlobalOptions& g, bool tty) {
  if (g.color == "always") return true;
  if (g.color == "never" || g.no_color_env) return false;
  return tty;
}

void print_diagnostics(const GlobalOptions& g, Io& io, const diag::Diagnostics& diags,
                       const diag::Sources& sources) {
  diag::RenderOptions options;
  options.format = diag::parse_format(g.format).value_or(diag::Format::kText);
  options.tool_version = kVersion;
  if (options.format == diag::Format::kText) {
    options.color = use_color(g, io.err_is_tty);
    diag::render(io.err, diags, sources, options);
  } else {
    diag::render(io.out, diags, sources, options);
  }
}

bool read_version_flag(const std::string& text, promql::Version& out, Io& io) {
  if (text.empty()) return true;
  auto v = promql::parse_version(text);
  if (!v) {
    io.err << "caxtool: --prometheus-version: expected X.Y, got '" << text << "'\n";
    return false;
  }
  out = *v;
  return true;
}

diag::Diagnostic expr_diagnostic(size_t begin, size_t end, std::string message) {
  diag::Diagnostic d;
  d.file = "<expr>";
  d.line = 1;
  d.column = static_cast<int>(begin) + 1;
  d.end_line = 1;
  d.end_column = static_cast<int>(std::max(end, begin + 1)) + 1;
  d.check = "promql";
  d.message = std::move(message);
  return d;
}

}  // namespace caxtool::cli
