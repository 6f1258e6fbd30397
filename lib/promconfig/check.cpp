// SPDX-License-Identifier: Apache-2.0
// The phases of one check, as promtool runs them: parse and validate the YAML (scrape configs
// are validated and dropped as the parser completes each one, so a 10,000-job file is never
// held whole), then the files it names (rule files through `check rules`), then the lints.
#include "promconfig/check.h"

#include <glob.h>
#include <sys/stat.h>

#include <filesystem>

#include "promconfig/context.h"
#include "promconfig/decode.h"
#include "promconfig/lint.h"
#include "promconfig/schema.h"
#include "rules/lint.h"
#include "util/file.h"
#include "yaml/fast_parse.h"
#include "yaml/node.h"

namespace caxtool::promconfig {
namespace {

std::vector<std::string> glob_paths(const std::string& pattern) {
  std::vector<std::string> out;
  glob_t g{};
  if (::glob(pattern.c_str(), 0, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  }
  globfree(&g);
  return out;
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Rule files: globbed from the config's directory; a name without * must exist.
void check_rule_files(const Model& model, Context& ctx, const CheckOptions& options,
                      CheckResult& result, std::vector<LoadedRuleFile>& loaded) {
  rules::CheckOptions ro = options.rules;
  ro.version = options.version;
  // The config lints that read the rules need them parsed a second time: only when they run.
  bool lints_read_rules =
      options.lints.count("config/rate-window") != 0 ||
      (options.lints.count("config/labeldrop-alert-label") != 0 && !model.label_drops.empty());
  for (const RuleFilePattern& p : model.rule_files) {
    std::string resolved = ctx.resolve(p.pattern);
    std::vector<std::string> paths = glob_paths(resolved);
    if (paths.empty() && p.pattern.find('*') == std::string::npos) {
      ctx.error(p.at, quote(resolved) + " does not point to an existing file", "config/file");
      continue;
    }
    for (const std::string& path : paths) {
      if (!is_regular_file(path)) continue;
      std::string error;
      auto text = util::read_file(path, error);
      if (!text) {
        ctx.error(p.at, "error checking rule file " + quote(path) + ": " + error, "config/file");
        continue;
      }
      result.rule_files.push_back(path);
      rules::FileResult r = rules::check_rules_text(*text, path, ro);
      if (r.diagnostics.has_at_least(diag::Severity::kError)) {
        for (const diag::Diagnostic& d : r.diagnostics.items()) {
          if (d.severity == diag::Severity::kError && rules::find_lint(d.check) == nullptr) {
            result.invalid = true;
          }
        }
      }
      result.diagnostics.append(std::move(r.diagnostics));
      if (lints_read_rules) loaded.push_back(load_rule_file(path, *text, options.version));
      // Kept for rendering: check rules and the config lints may both point into it.
      result.sources.emplace_back(path, std::move(*text));
    }
  }
}

}  // namespace

CheckResult check_config_text(std::string_view text, const std::string& file,
                              const CheckOptions& options) {
  CheckResult result;
  ContextOptions co;
  co.version = options.version;
  co.syntax_only = options.syntax_only;
  co.dir = std::filesystem::path(file).parent_path().string();
  Context ctx(file, co, result.diagnostics);

  // Phase 1: YAML and schema. Each scrape config is checked as soon as it is complete.
  yaml::ParseOptions po;
  po.on_completed = [&ctx](yaml::Node& node, const std::vector<std::string_view>& path,
                           size_t document) {
    if (document != 0 || path.size() != 2 || path[0] != "scrape_configs" || path[1] != "#" ||
        !node.is_mapping()) {
      return false;
    }
    decode(node, scrape_config_schema(), ctx);
    return true;
  };
  yaml::ParseResult parsed = yaml::parse_fast_first(text, file, po);
  // yaml.v2 reads the first document only: errors after it are never seen.
  if (parsed.documents_before_error == 0) {
    for (const diag::Diagnostic& d : parsed.diagnostics.items()) {
      if (d.severity == diag::Severity::kError) ctx.error({d.line, d.column}, d.message, d.check);
    }
  }
  if (parsed.documents_before_error == 0 && !parsed.ok()) {
    result.invalid = true;
    return result;
  }
  if (!parsed.documents.empty() && !parsed.documents.front().empty) {
    decode(parsed.documents.front().root, root_schema(), ctx);
  }
  result.jobs = ctx.model().jobs.size();
  if (ctx.error_count() != 0) {
    result.invalid = true;
    return result;
  }

  // Phase 2: the files it names.
  std::vector<LoadedRuleFile> loaded;
  if (!options.syntax_only) check_rule_files(ctx.model(), ctx, options, result, loaded);
  if (ctx.error_count() != 0) result.invalid = true;

  // Phase 3: lints.
  LintInput in{file,   text,          ctx.model(),
               loaded, options.lints, options.version >= promql::Version{3, 0}};
  run_lints(in, result.diagnostics);
  result.diagnostics.sort();
  return result;
}

}  // namespace caxtool::promconfig
