// SPDX-License-Identifier: Apache-2.0
// `caxtool check metrics [FILE|URL|-]`: promtool check metrics' verdict on an exposition, from
// a file, standard input or a scrape, read in chunks so memory does not grow with the input.
// Exit codes follow promtool here, not CLI.md's 1-for-a-failed-check: 1 when the input does not
// parse, 3 when lint findings reach --fail-on (promtool exits 3 for lint problems, and scripts
// and the bench compare against that). 3 also means "cannot read", as everywhere in caxtool.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iomanip>
#include <sstream>

#include "command.h"
#include "exit_codes.h"
#include "exposition/check.h"
#include "exposition/format.h"
#include "exposition/lint.h"
#include "lint_flags.h"
#include "output.h"
#include "server_flags.h"
#include "util/strings.h"

namespace caxtool::cli {

class CheckMetrics {
 public:
  CLI::App* app = nullptr;
  std::string input = "-";
  std::string input_format = "auto";
  std::string lint = "all";
  std::string fail_on = "warning";
  bool extended = false;
  bool list_lints = false;
  std::string explain;
};

namespace {

constexpr size_t kChunk = 1 << 20;
constexpr int kLintExit = 3;  // promtool's exit code for lint problems

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// The selected lints, or false after printing why.
bool select_lints(const std::string& spec, std::set<std::string, std::less<>>& out, Io& io) {
  if (spec == "none") return true;
  if (spec == "all") {
    for (const auto& l : exposition::lint_checks()) out.insert(std::string(l.name));
    return true;
  }
  std::vector<std::string> names;
  if (!split_lint_names(spec, lint_names(exposition::lint_checks()), names, io)) return false;
  out.insert(names.begin(), names.end());
  return true;
}

// Reads a file descriptor in chunks into the checker. The format is decided before the first
// byte is parsed: from the file's last bytes when it can seek, else from the first chunk when
// the whole input fits in it, else Prometheus text (with a note at the end if # EOF shows up).
struct FdReader {
  int fd;
  std::string first;
  bool whole = false;  // `first` is the whole input
  std::string tail;
  std::string error;
  uint64_t size = 0;  // a regular file's size, else 0

  bool start() {
    struct stat st {};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      off_t file_size = st.st_size;
      size = static_cast<uint64_t>(file_size);
      off_t at = std::max<off_t>(0, file_size - 64);
      tail.resize(static_cast<size_t>(file_size - at));
      ssize_t n = pread(fd, tail.data(), tail.size(), at);
      tail.resize(n > 0 ? static_cast<size_t>(n) : 0);
    } else if (S_ISFIFO(st.st_mode)) {
      // A pipe of a chunk's size: the writer fills it while a chunk is parsed, and a read
      // takes a chunk rather than 64 KiB. Best effort; the limit may be lower.
      fcntl(fd, F_SETPIPE_SZ, static_cast<int>(kChunk));
    }
    first.resize(kChunk);
    size_t got = 0;
    while (got < first.size()) {
      ssize_t n = read(fd, first.data() + got, first.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = std::strerror(errno);
        return false;
      }
      if (n == 0) {
        whole = true;
        break;
      }
      got += static_cast<size_t>(n);
    }
    first.resize(got);
    if (whole) tail = first.substr(first.size() - std::min<size_t>(first.size(), 64));
    return true;
  }

  bool rest(exposition::MetricsChecker& checker, std::string& last) {
    std::string buf(kChunk, '\0');
    for (;;) {
      ssize_t n = read(fd, buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = std::strerror(errno);
        return false;
      }
      if (n == 0) return true;
      std::string_view chunk(buf.data(), static_cast<size_t>(n));
      checker.feed(chunk);
      last.append(chunk.substr(chunk.size() - std::min<size_t>(chunk.size(), 64)));
      if (last.size() > 128) last.erase(0, last.size() - 64);
    }
  }
};

void print_extended(const exposition::CheckResult& r, std::ostream& out) {
  // promtool's tabwriter layout: every cell padded to its column's width plus four.
  std::vector<std::array<std::string, 3>> rows;
  rows.push_back({"Metric", "Cardinality", "Percentage"});
  for (const auto& row : r.extended) {
    std::ostringstream pct;
    double share = r.extended_total > 0 ? static_cast<double>(row.cardinality) * 100.0 /
                                              static_cast<double>(r.extended_total)
                                        : 0.0;
    pct << std::fixed << std::setprecision(2) << share << '%';
    rows.push_back({row.name, std::to_string(row.cardinality), pct.str()});
  }
  rows.push_back({"Total", std::to_string(r.extended_total), "100%"});
  size_t width[3] = {0, 0, 0};
  for (const auto& row : rows) {
    for (size_t i = 0; i < 3; ++i) width[i] = std::max(width[i], row[i].size());
  }
  for (const auto& row : rows) {
    for (size_t i = 0; i < 3; ++i) out << row[i] << std::string(width[i] + 4 - row[i].size(), ' ');
    out << '\n';
  }
}

}  // namespace

std::shared_ptr<CheckMetrics> setup_check_metrics(CLI::App& check_app, Choices& choices) {
  auto m = std::make_shared<CheckMetrics>();
  CLI::App* sub =
      check_app.add_subcommand("metrics", "lint a Prometheus or OpenMetrics exposition");
  m->app = sub;
  sub->set_help_flag("-h,--help", "print help and exit");
  sub->footer(
      "Gives promtool check metrics' verdict on an exposition (Prometheus text 0.0.4, or "
      "OpenMetrics 1.0 with every rule of that format), with the line and column of each "
      "problem, then runs promtool's lint checks. Input is FILE, - or nothing for standard "
      "input, or an http(s) URL to scrape. Exit 1 when the input does not parse and 3 when lint "
      "findings reach --fail-on, as promtool does.");
  sub->add_option("input", m->input, "a file, - for standard input (default), or an http(s) URL")
      ->type_name("FILE|URL|-");
  add_choice_option(*sub, choices, "--input-format", m->input_format,
                    {"auto", "prometheus", "openmetrics"},
                    "auto (default): the scrape's content type, else OpenMetrics when the last "
                    "line is # EOF")
      ->type_name("FORMAT");
  std::vector<std::string> lint_names{"all", "none"};
  for (const auto& l : exposition::lint_checks()) lint_names.emplace_back(l.name);
  auto* lint = sub->add_option("--lint", m->lint,
                               "lint checks: all, none (the parser's verdict only), or NAME,... "
                               "(see --list-lints)")
                   ->type_name("all|none|NAME,...");
  choices.set(lint, lint_names);
  add_choice_option(*sub, choices, "--fail-on", m->fail_on, {"error", "warning", "info"},
                    "lowest lint severity that fails the check with exit 3 (default: warning)")
      ->type_name("SEVERITY");
  sub->add_flag("--extended", m->extended,
                "print promtool's cardinality table (series per metric family)");
  sub->add_flag("--list-lints", m->list_lints, "list the lint checks and exit");
  auto* explain = sub->add_option("--explain", m->explain, "explain one lint check and exit")
                      ->type_name("NAME");
  choices.set(explain, {lint_names.begin() + 2, lint_names.end()});
  return m;
}

bool check_metrics_parsed(const CheckMetrics& m) { return m.app != nullptr && m.app->parsed(); }

int run_check_metrics(CheckMetrics& m, const GlobalOptions& global, Io& io) {
  if (m.list_lints) {
    for (const auto& l : exposition::lint_checks()) print_lint_line(l, io);
    return to_int(ExitCode::kOk);
  }
  if (!m.explain.empty()) {
    const exposition::LintInfo* l = exposition::find_lint(m.explain);
    if (l == nullptr) return no_such_lint(m.explain, io);
    print_lint_explanation(*l, io);
    return to_int(ExitCode::kOk);
  }
  exposition::CheckOptions options;
  if (!select_lints(m.lint, options.lints, io)) return to_int(ExitCode::kUsage);
  options.extended = m.extended;
  std::optional<exposition::Format> forced;
  if (m.input_format == "prometheus") forced = exposition::Format::kPrometheus;
  if (m.input_format == "openmetrics") forced = exposition::Format::kOpenMetrics;

  exposition::CheckResult result;
  std::string last;  // the input's last bytes, for the # EOF note
  bool sniffed_prometheus = false;
  if (is_url(m.input)) {
    options.file = m.input;
    ServerFlags flags;
    flags.url = m.input;
    flags.headers.push_back(m.input_format == "openmetrics"
                                ? "Accept: application/openmetrics-text;version=1.0.0,*/*;q=0.1"
                                : "Accept: text/plain;version=0.0.4,application/"
                                  "openmetrics-text;version=1.0.0;q=0.5,*/*;q=0.1");
    int code = 0;
    auto conn = connect(flags, global, io, code);
    if (!conn) return code;
    http::Response resp = conn->session->get("");
    if (!resp.ok() || resp.status / 100 != 2) {
      io.err << "caxtool: " << conn->session->describe("") << ": "
             << (resp.ok() ? "HTTP " + std::to_string(resp.status) : resp.error_message) << '\n';
      return to_int(ExitCode::kCannotRun);
    }
    options.format =
        forced.value_or(exposition::detect_format(resp.header("content-type"), resp.body));
    exposition::MetricsChecker checker(options);
    checker.feed(resp.body);
    result = checker.finish();
  } else {
    bool stdin_input = m.input == "-" || m.input.empty();
    options.file = stdin_input ? "<stdin>" : m.input;
    int fd = stdin_input ? STDIN_FILENO : open(m.input.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      io.err << "caxtool: " << m.input << ": cannot read: " << std::strerror(errno) << '\n';
      return to_int(ExitCode::kCannotRun);
    }
    FdReader reader{fd, {}, false, {}, {}, 0};
    bool ok = reader.start();
    if (ok) {
      sniffed_prometheus = !forced && !reader.whole && reader.tail.empty();
      options.format = forced.value_or(exposition::detect_format(std::nullopt, reader.tail));
      options.input_bytes = reader.size;
      exposition::MetricsChecker checker(options);
      checker.feed(reader.first);
      last = reader.first.substr(reader.first.size() - std::min<size_t>(reader.first.size(), 64));
      reader.first = std::string();
      ok = reader.rest(checker, last);
      if (ok) result = checker.finish();
    }
    if (!stdin_input) close(fd);
    if (!ok) {
      io.err << "caxtool: " << options.file << ": cannot read: " << reader.error << '\n';
      return to_int(ExitCode::kCannotRun);
    }
  }
  if (sniffed_prometheus && exposition::ends_with_eof_line(last)) {
    result.diagnostics.add({options.file, 0, 0, 0, 0, diag::Severity::kInfo, "exposition/format",
                            "read as Prometheus text, but the input ends with # EOF",
                            "if it is OpenMetrics, check it with --input-format openmetrics"});
  }

  if (!global.quiet && global.format == "text") {
    io.out << options.file << ": " << result.families
           << (result.families == 1 ? " metric family, " : " metric families, ") << result.samples
           << (result.samples == 1 ? " sample" : " samples") << " ("
           << (options.format == exposition::Format::kOpenMetrics ? "OpenMetrics"
                                                                  : "Prometheus text")
           << (result.parse_failed ? "), invalid\n" : ")\n");
  }
  if (m.extended && !result.parse_failed) print_extended(result, io.out);
  diag::Sources sources;
  sources.add(options.file, std::move(result.source_text));
  print_diagnostics(global, io, result.diagnostics, sources);
  io.err.flush();
  if (result.parse_failed) return to_int(ExitCode::kCheckFailed);
  diag::Severity fail = m.fail_on == "info"    ? diag::Severity::kInfo
                        : m.fail_on == "error" ? diag::Severity::kError
                                               : diag::Severity::kWarning;
  return result.diagnostics.has_at_least(fail) ? kLintExit : to_int(ExitCode::kOk);
}

}  // namespace caxtool::cli
