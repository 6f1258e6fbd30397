// SPDX-License-Identifier: Apache-2.0
// `caxtool check dashboard FILE|DIR...`: lint Grafana dashboards, the PromQL of every target
// included, with findings at the file's line and column and the JSON pointer of the value.
// --fix rewrites the safe findings in place (byte edits, atomic write); --url looks every
// selected metric name up on a server.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "command.h"
#include "config/config.h"
#include "config_file.h"
#include "dashboard/check.h"
#include "dashboard/lint.h"
#include "dashboard/lint_file.h"
#include "exit_codes.h"
#include "inputs.h"
#include "lint_flags.h"
#include "output.h"
#include "promapi/api.h"
#include "server_flags.h"
#include "util/atomic_write.h"
#include "util/duration.h"
#include "util/file.h"
#include "util/strings.h"

namespace caxtool::cli {

class CheckDashboard {
 public:
  CLI::App* app = nullptr;
  std::vector<std::string> files;
  std::string lint = "default";
  std::string fail_on = "error";
  std::string version;
  std::string scrape_interval;
  bool fix = false;
  bool list_lints = false;
  std::string explain;
  ServerFlags server;
  CLI::Option* lint_opt = nullptr;
  CLI::Option* interval_opt = nullptr;
  CLI::Option* url_opt = nullptr;
};

namespace {

namespace fs = std::filesystem;
using dashboard::LintInfo;

bool select_lints(const std::string& spec, const std::vector<std::string>& disable,
                  std::set<std::string, std::less<>>& out, Io& io) {
  if (spec == "all") {
    for (const LintInfo& l : dashboard::lint_checks()) out.insert(std::string(l.name));
  } else if (spec != "none") {
    // "default" (the checks on by default) may stand in the list beside names.
    std::vector<std::string_view> known = lint_names(dashboard::lint_checks());
    known.push_back("default");
    std::vector<std::string> names;
    if (!split_lint_names(spec, known, names, io)) return false;
    for (std::string& name : names) {
      if (name != "default") {
        out.insert(std::move(name));
        continue;
      }
      for (const LintInfo& l : dashboard::lint_checks()) {
        if (l.by_default) out.insert(std::string(l.name));
      }
    }
  }
  for (const std::string& d : disable) {
    if (dashboard::find_lint(d) == nullptr) {
      io.err << "caxtool: config: dashboard.disable: unknown check '" << d << "'\n";
      return false;
    }
    out.erase(d);
  }
  return true;
}

// The .lint file of a dashboard's directory, read once per directory.
const dashboard::LintFile& lint_file_for(const Input& in,
                                         std::map<std::string, dashboard::LintFile>& cache) {
  std::string dir = in.path.empty() ? "." : fs::path(in.path).parent_path().string();
  if (dir.empty()) dir = ".";
  auto it = cache.find(dir);
  if (it != cache.end()) return it->second;
  dashboard::LintFile lf;
  std::string path = dir + "/.lint", error;
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    if (auto text = util::read_file(path, error)) lf = dashboard::read_lint_file(*text, path);
  }
  return cache.emplace(dir, std::move(lf)).first->second;
}

// dashboard/metric-exists: one request for every metric name the server has.
int check_metrics_exist(CheckDashboard& m, const GlobalOptions& global, Io& io,
                        const std::vector<dashboard::Site>& metrics, diag::Diagnostics& out) {
  int code = 0;
  auto conn = connect(m.server, global, io, code);
  if (!conn) return code;
  promapi::ApiResult r = promapi::call(*conn->session, "/api/v1/label/__name__/values");
  if (auto* e = std::get_if<promapi::ApiError>(&r)) return report_api_error(*e, io);
  std::set<std::string, std::less<>> names;
  simdjson::dom::array arr;
  if (std::get<0>(r)->data().get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : arr) {
      std::string_view s;
      if (e.get_string().get(s) == simdjson::SUCCESS) names.emplace(s);
    }
  }
  for (const dashboard::Site& s : metrics) {
    if (names.count(s.name) != 0) continue;
    diag::Diagnostic d = s.where;
    d.severity = diag::Severity::kError;
    d.check = "dashboard/metric-exists";
    d.message = s.where.message + ": metric " + s.name + " does not exist on " + m.server.url;
    d.hint = "renamed or removed? the panel shows no data";
    out.add(std::move(d));
  }
  return 0;
}

}  // namespace

std::shared_ptr<CheckDashboard> setup_check_dashboard(CLI::App& check_app, Choices& choices) {
  auto m = std::make_shared<CheckDashboard>();
  CLI::App* sub = check_app.add_subcommand(
      "dashboard", "lint Grafana dashboard JSON, including the PromQL of every query");
  m->app = sub;
  sub->set_help_flag("-h,--help", "print help and exit");
  sub->footer(
      "Reads plain dashboard JSON, the HTTP API's {\"dashboard\": ...} envelope, "
      "dashboard.grafana.app resources and ConfigMaps or GrafanaDashboards (JSON or YAML) "
      "holding the JSON as a string; directories are searched for *.json. Every finding gives "
      "FILE:LINE:COL and the JSON pointer of the value. Exclusions: dashboard.exclude in "
      ".caxtool.yml, or dashboard-linter's .lint beside the dashboards. Exit 1 when a finding "
      "reaches --fail-on.");
  sub->add_option("files", m->files, "dashboard files, directories, or - for stdin")
      ->required()
      ->type_name("FILE|DIR");
  std::vector<std::string> names{"default", "all", "none"};
  for (const LintInfo& l : dashboard::lint_checks()) names.emplace_back(l.name);
  m->lint_opt = sub->add_option("--lint", m->lint,
                                "checks to run: default, all, none or NAME,... (see --list-lints)")
                    ->type_name("default|all|none|NAME,...");
  choices.set(m->lint_opt, names);
  add_choice_option(*sub, choices, "--fail-on", m->fail_on, {"error", "warning", "info"},
                    "lowest severity that fails the check (default: error)")
      ->type_name("SEVERITY");
  sub->add_flag("--fix", m->fix,
                "rewrite what is safe to fix (rate windows, hard-coded datasources, units) in "
                "place, and print each change");
  m->interval_opt = sub->add_option("--scrape-interval", m->scrape_interval,
                                    "the scrape interval refresh is judged against (default: "
                                    "unknown, refresh is not judged)")
                        ->type_name("DURATION");
  sub->add_option("--prometheus-version", m->version,
                  "the Prometheus whose PromQL grammar applies (default: the newest known)")
      ->type_name("X.Y");
  sub->add_flag("--list-lints", m->list_lints, "list the checks and exit");
  auto* explain =
      sub->add_option("--explain", m->explain, "explain one check and exit")->type_name("NAME");
  choices.set(explain, {names.begin() + 3, names.end()});
  m->server.add_to(*sub, choices);
  for (CLI::Option* o : sub->get_options()) {
    if (o->get_name() == "--url") m->url_opt = o;
  }
  return m;
}

bool check_dashboard_parsed(const CheckDashboard& m) { return m.app != nullptr && m.app->parsed(); }

int run_check_dashboard(CheckDashboard& m, const GlobalOptions& global, Io& io) {
  if (m.list_lints) {
    for (const LintInfo& l : dashboard::lint_checks()) {
      io.out << l.name << " (" << diag::severity_name(l.severity)
             << (l.by_default ? "" : ", off by default") << (l.fixable ? ", --fix" : "")
             << "): " << l.summary << '\n';
    }
    return to_int(ExitCode::kOk);
  }
  if (!m.explain.empty()) {
    const LintInfo* l = dashboard::find_lint(m.explain);
    if (l == nullptr) return no_such_lint(m.explain, io);
    print_lint_explanation(*l, io);
    return to_int(ExitCode::kOk);
  }
  config::Config cfg;
  if (int code = load_config_file(global, io, cfg); code != 0) return code;
  const config::DashboardConfig& dc = cfg.dashboard;
  if (dc.scrape_interval && m.interval_opt->count() == 0) m.scrape_interval = *dc.scrape_interval;
  if (dc.lint && m.lint_opt->count() == 0) {
    m.lint.clear();
    for (const std::string& l : *dc.lint) m.lint += (m.lint.empty() ? "" : ",") + l;
    if (m.lint.empty()) m.lint = "none";
  }
  dashboard::CheckOptions options;
  if (!select_lints(m.lint, dc.disable, options.lints, io)) return to_int(ExitCode::kUsage);
  bool with_url = m.url_opt != nullptr && m.url_opt->count() > 0;
  if (!with_url) options.lints.erase("dashboard/metric-exists");
  if (!read_version_flag(m.version, options.promql.version, io)) return to_int(ExitCode::kUsage);
  if (!m.scrape_interval.empty()) {
    auto interval = util::parse_duration_ms(m.scrape_interval);
    if (!interval || *interval <= 0) {
      io.err << "caxtool: --scrape-interval: expected a duration such as 15s, got '"
             << m.scrape_interval << "'\n";
      return to_int(ExitCode::kUsage);
    }
    options.scrape_interval_ms = *interval;
  }
  for (const config::DashboardExclusion& e : dc.exclude) {
    options.exclusions.push_back({e.check, e.dashboard, e.panel, e.file, e.target});
  }
  size_t base_exclusions = options.exclusions.size();

  std::vector<Input> inputs;
  bool unreadable = !expand_inputs(m.files, {".json"}, inputs, io);
  diag::Diagnostics all;
  diag::Sources sources;
  std::map<std::string, dashboard::LintFile> lint_files;
  std::vector<dashboard::Site> uids, metrics;
  std::vector<util::FileToWrite> fixed;
  for (const Input& in : inputs) {
    std::string text, error;
    if (!read_input(in, text, error)) {
      io.err << "caxtool: " << in.name << ": cannot read: " << error << '\n';
      unreadable = true;
      continue;
    }
    const dashboard::LintFile& lf = lint_file_for(in, lint_files);
    options.exclusions.resize(base_exclusions);
    options.exclusions.insert(options.exclusions.end(), lf.exclusions.begin(), lf.exclusions.end());
    dashboard::FileResult r = dashboard::check_file(text, in.name, options);
    if (!global.quiet && global.format == "text") {
      io.out << in.name << ": " << r.dashboards
             << (r.dashboards == 1 ? " dashboard, " : " dashboards, ") << r.panels
             << (r.panels == 1 ? " panel, " : " panels, ") << r.queries
             << (r.queries == 1 ? " Prometheus query\n" : " Prometheus queries\n");
    }
    uids.insert(uids.end(), r.uids.begin(), r.uids.end());
    metrics.insert(metrics.end(), r.metrics.begin(), r.metrics.end());
    if (m.fix && !r.edits.empty() && in.path.empty()) {
      io.err << "caxtool: <stdin>: --fix rewrites files, not standard input; nothing changed\n";
    }
    if (m.fix && !r.edits.empty() && !in.path.empty()) {
      for (const dashboard::Edit& e : r.edits) {
        io.out << in.name << ": fixed " << e.description << " [" << e.check << "]\n";
      }
      // What is left to report is what the fixed text still has.
      text = dashboard::apply_edits(text, r.edits);
      fixed.push_back({in.path, text});
      r.diagnostics = dashboard::check_file(text, in.name, options).diagnostics;
    }
    // Every source is kept: a cross-file finding (duplicate uid) may point into any of them.
    sources.add(in.name, std::move(text));
    all.append(std::move(r.diagnostics));
  }
  for (auto& [dir, lf] : lint_files) all.append(lf.diagnostics);
  if (options.lints.count("dashboard/duplicate-uid") != 0) {
    dashboard::check_duplicate_uids(uids, all);
  }
  if (with_url && options.lints.count("dashboard/metric-exists") != 0 && !metrics.empty()) {
    if (int code = check_metrics_exist(m, global, io, metrics, all); code != 0) return code;
  }
  // Writes happen after every file was read and checked; each file is replaced atomically.
  for (const util::FileToWrite& f : fixed) {
    fs::path p(f.relative_path);
    std::string root = p.has_parent_path() ? p.parent_path().string() : ".";
    std::vector<util::FileToWrite> one{{p.filename().string(), f.content}};
    if (auto err = util::write_files_atomically(root, one, nullptr)) {
      io.err << "caxtool: " << err->path << ": cannot write: " << err->message << '\n';
      return to_int(ExitCode::kCannotRun);
    }
  }
  all.sort();
  print_diagnostics(global, io, all, sources);
  if (unreadable) return to_int(ExitCode::kCannotRun);
  diag::Severity fail = m.fail_on == "info"      ? diag::Severity::kInfo
                        : m.fail_on == "warning" ? diag::Severity::kWarning
                                                 : diag::Severity::kError;
  return to_int(all.has_at_least(fail) ? ExitCode::kCheckFailed : ExitCode::kOk);
}

}  // namespace caxtool::cli
