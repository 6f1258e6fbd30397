// SPDX-License-Identifier: Apache-2.0
// The generate flow as named phases. Each phase collects all its problems, and we stop between
// phases, before any side effect: nothing is written unless every file rendered, parsed back and
// may be written.
#include "generate/generate.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "generate/context.h"
#include "generate/embedded.h"
#include "generate/template.h"
#include "generate/values.h"
#include "util/atomic_write.h"
#include "util/file.h"
#include "util/strings.h"
#include "yaml/node.h"

namespace caxtool::generate {
namespace {

constexpr std::string_view kStackPrefix = "stack/";

diag::Diagnostic error(std::string file, std::string check, std::string message,
                       std::string hint = "") {
  diag::Diagnostic d;
  d.file = std::move(file);
  d.check = std::move(check);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Phase: read the values file (exit 3 if unreadable).
bool read_values_file(const std::string& path, std::string& text, GenerateResult& result) {
  std::string why;
  auto content = util::read_file(path, why);
  if (!content) {
    result.diagnostics.add(error(path, "io", "cannot read values file: " + why));
    result.code = ExitCode::kCannotRun;
    return false;
  }
  text = std::move(*content);
  return true;
}

// Phase: check --only names before doing any work (a usage error).
bool check_kinds(const std::vector<std::string>& only, GenerateResult& result) {
  std::vector<std::string_view> kinds(std::begin(kKinds), std::end(kKinds));
  bool ok = true;
  for (const std::string& k : only) {
    if (std::find(kinds.begin(), kinds.end(), k) != kinds.end()) continue;
    std::string guess = util::closest_match(k, kinds);
    std::string all;
    for (auto name : kinds) all += (all.empty() ? "" : ", ") + std::string(name);
    result.diagnostics.add(
        error("", "usage", "--only: unknown kind \"" + k + "\"",
              guess.empty() ? "kinds are " + all : "did you mean \"" + guess + "\"?"));
    ok = false;
  }
  if (!ok) result.code = ExitCode::kUsage;
  return ok;
}

// Phase: render every selected template. A template error is a caxtool bug: exit 3.
void render_all(const nlohmann::json& context, const std::vector<std::string>& only,
                GenerateResult& result) {
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path.substr(0, kStackPrefix.size()) != kStackPrefix) continue;
    std::string path(f.path.substr(kStackPrefix.size()));
    std::string kind = kind_of(path);
    if (!only.empty() && std::find(only.begin(), only.end(), kind) == only.end()) continue;
    RenderResult r = render_template(f.content, context);
    if (r.error) {
      diag::Diagnostic d =
          error("templates/" + std::string(f.path), "generate/template", r.error->message);
      d.line = r.error->line;
      d.column = r.error->column;
      result.diagnostics.add(std::move(d));
      continue;
    }
    bool blank = std::all_of(r.text.begin(), r.text.end(),
                             [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
    if (blank) continue;  // a switched-off optional file
    PlannedFile p;
    p.path = std::move(path);
    p.kind = std::move(kind);
    p.content = std::move(r.text);
    result.files.push_back(std::move(p));
  }
  if (result.diagnostics.has_at_least(diag::Severity::kError)) result.code = ExitCode::kCannotRun;
}

// Phase: parse every rendered file back. Escaping is the templates' job; this proves it on every
// run, so a value no test thought of still cannot produce a broken file.
void verify_outputs(GenerateResult& result) {
  for (const PlannedFile& f : result.files) {
    if (ends_with(f.path, ".json")) {
      if (!nlohmann::json::accept(f.content)) {
        result.diagnostics.add(error(f.path, "generate/internal",
                                     "caxtool rendered invalid JSON; please report this bug"));
      }
    } else if (ends_with(f.path, ".yml") || ends_with(f.path, ".yaml")) {
      yaml::ParseResult parsed = yaml::parse(f.content, f.path);
      if (!parsed.ok()) {
        result.sources.add(f.path, f.content);
        for (diag::Diagnostic d : parsed.diagnostics.items()) {
          d.check = "generate/internal";
          d.message = "caxtool rendered invalid YAML (" + d.message + "); please report this bug";
          result.diagnostics.add(std::move(d));
        }
      }
    }
  }
  if (result.diagnostics.has_at_least(diag::Severity::kError)) result.code = ExitCode::kCannotRun;
}

// Phase: compare with what is on disk.
void plan_against_disk(const GenerateOptions& options, GenerateResult& result) {
  std::error_code ec;
  if (std::filesystem::exists(options.out_dir, ec) &&
      !std::filesystem::is_directory(options.out_dir, ec)) {
    result.diagnostics.add(error(options.out_dir, "io",
                                 "--out " + options.out_dir + " exists and is not a directory"));
    result.code = ExitCode::kCannotRun;
    return;
  }
  for (PlannedFile& f : result.files) {
    util::Existing e = util::read_existing(options.out_dir, f.path);
    std::string shown = options.out_dir + "/" + f.path;
    switch (e.state) {
      case util::ExistingState::kMissing:
        f.state = FileState::kNew;
        break;
      case util::ExistingState::kNotRegular:
        f.state = FileState::kBlocked;
        result.diagnostics.add(error(shown, "generate/conflict", e.error));
        break;
      default:
        if (e.content == f.content) {
          f.state = FileState::kUnchanged;
        } else {
          f.state = options.force ? FileState::kChanged : FileState::kConflict;
          f.old_content = std::move(e.content);
        }
    }
  }
}

}  // namespace

std::string kind_of(std::string_view path) {
  if (path.rfind("prometheus/rules/", 0) == 0 || path.rfind("prometheus/tests/", 0) == 0) {
    return "rules";
  }
  return std::string(path.substr(0, path.find('/')));
}

GenerateResult run_generate(const GenerateOptions& options) {
  GenerateResult result;
  if (!check_kinds(options.only, result)) return result;

  std::optional<ValuesSource> source;
  if (options.values_file) {
    source.emplace();
    source->file = *options.values_file;
    if (!read_values_file(source->file, source->text, result)) return result;
    result.sources.add(source->file, source->text);
  }

  Values values = load_values(source, options.sets);
  result.diagnostics.append(values.diagnostics);
  if (!values.ok()) {
    result.code = values.usage_error ? ExitCode::kUsage : ExitCode::kCheckFailed;
    return result;
  }

  render_all(build_context(values.data), options.only, result);
  if (result.code != ExitCode::kOk) return result;
  verify_outputs(result);
  if (result.code != ExitCode::kOk) return result;

  plan_against_disk(options, result);
  if (result.code != ExitCode::kOk) return result;
  bool blocked = std::any_of(result.files.begin(), result.files.end(),
                             [](const PlannedFile& f) { return f.state == FileState::kBlocked; });
  if (blocked) result.code = ExitCode::kCannotRun;  // even a dry run or a diff says so
  bool conflicts = std::any_of(result.files.begin(), result.files.end(), [](const PlannedFile& f) {
    return f.state == FileState::kConflict || f.state == FileState::kBlocked;
  });
  if (options.dry_run) return result;
  if (options.diff) {
    bool changes = std::any_of(result.files.begin(), result.files.end(), [](const PlannedFile& f) {
      return f.state != FileState::kUnchanged && f.state != FileState::kBlocked;
    });
    if (!blocked) result.code = changes ? ExitCode::kCheckFailed : ExitCode::kOk;
    return result;
  }
  if (conflicts) {
    for (const PlannedFile& f : result.files) {
      if (f.state != FileState::kConflict) continue;
      result.diagnostics.add(
          error(options.out_dir + "/" + f.path, "generate/conflict",
                "file differs from what caxtool would write; nothing was written",
                "see the change with --diff, overwrite with --force"));
    }
    result.code = ExitCode::kCannotRun;
    return result;
  }

  std::vector<util::FileToWrite> writes;
  for (const PlannedFile& f : result.files) {
    if (f.state != FileState::kUnchanged) writes.push_back({f.path, f.content});
  }
  if (auto err = util::write_files_atomically(options.out_dir, writes, options.cancel)) {
    bool interrupted = err->message == "interrupted";
    result.diagnostics.add(error(err->path, "io", err->message));
    result.code = interrupted ? ExitCode::kInterrupted : ExitCode::kCannotRun;
    return result;
  }
  result.wrote = true;
  return result;
}

}  // namespace caxtool::generate
