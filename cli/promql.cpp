// SPDX-License-Identifier: Apache-2.0
// `caxtool promql fmt`: canonical PromQL from the same parser check rules uses, so what it
// prints is what Prometheus would read back.
#include <iostream>

#include "command.h"
#include "exit_codes.h"
#include "output.h"
#include "promql/parser.h"
#include "util/file.h"

namespace caxtool::cli {
namespace {

class PromqlCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices&) override {
    sub.require_subcommand(1);
    fmt_ = sub.add_subcommand("fmt", "print an expression in canonical PromQL");
    fmt_->set_help_flag("-h,--help", "print help and exit");
    fmt_->footer(
        "Parses EXPR (or standard input with -) as the chosen Prometheus version does and prints "
        "it the way Prometheus prints expressions: one line, normalised spacing, matchers sorted. "
        "An invalid expression is reported at its column, exit 1.");
    fmt_->add_option("expr", expr_, "the expression, or - for standard input")
        ->required()
        ->type_name("EXPR");
    fmt_->add_option("--prometheus-version", version_,
                     "the Prometheus whose grammar applies (default: the newest known)")
        ->type_name("X.Y");
    fmt_->add_flag("--tree", tree_, "print the parsed tree instead (for debugging)");
  }

  int run(const GlobalOptions& global, Io& io) override {
    promql::ParseOptions options;
    if (!read_version_flag(version_, options.version, io)) return to_int(ExitCode::kUsage);
    // A formatter takes every experimental syntax the version knows.
    options.enable_experimental_functions = true;
    options.enable_extended_range_selectors = true;
    options.enable_binop_fill_modifiers = true;
    std::string text = expr_ == "-" ? util::read_stdin() : expr_;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    promql::ParseResult r = promql::parse(text, options);
    if (!r.ok()) {
      diag::Diagnostics diags;
      diag::Sources sources;
      sources.add("<expr>", text);
      // The first error, as Prometheus reports.
      const promql::ParseError& e = r.errors.front();
      diags.add(expr_diagnostic(e.begin, e.end, e.message));
      print_diagnostics(global, io, diags, sources);
      return to_int(ExitCode::kCheckFailed);
    }
    io.out << (tree_ ? promql::dump(*r.expr) : promql::format(*r.expr)) << '\n';
    return to_int(ExitCode::kOk);
  }

 private:
  CLI::App* fmt_ = nullptr;
  std::string expr_;
  std::string version_;
  bool tree_ = false;
};

}  // namespace

std::unique_ptr<Command> make_promql_command() { return std::make_unique<PromqlCommand>(); }

}  // namespace caxtool::cli
