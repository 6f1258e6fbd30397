// SPDX-License-Identifier: Apache-2.0
// Rendering findings the way the global options ask: one place decides colour and stream.
#pragma once

#include "command.h"
#include "diag/diagnostic.h"
#include "diag/sources.h"
#include "promql/version.h"

namespace caxtool::cli {

bool use_color(const GlobalOptions& g, bool tty);

// Text goes to stderr, like a compiler's; json, github and sarif go to stdout, to be piped.
// --prometheus-version X.Y into `out` (left as is when `text` is empty); false after printing
// why, for exit 2.
bool read_version_flag(const std::string& text, promql::Version& out, Io& io);

// The first parse error of an expression given on the command line, on the file "<expr>".
diag::Diagnostic expr_diagnostic(size_t begin, size_t end, std::string message);

void print_diagnostics(const GlobalOptions& g, Io& io, const diag::Diagnostics& diags,
                       const diag::Sources& sources);

}  // namespace caxtool::cli
