// SPDX-License-Identifier: Apache-2.0
// `caxtool generate`: values in, the Caxton monitoring stack out. Returns data: the planned files
// with their state on disk, diagnostics and an exit code; cli/generate.cpp renders it.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/sources.h"
#include "exit_codes.h"

namespace caxtool::generate {

// The groups of files `--only` selects.
inline constexpr const char* kKinds[] = {"alertmanager", "collector", "grafana", "prometheus",
                                         "rules"};

struct GenerateOptions {
  std::optional<std::string> values_file;  // path; nullopt for the built-in defaults
  std::vector<std::string> sets;           // --set KEY=VALUE
  std::string out_dir = "caxton-monitoring";
  std::vector<std::string> only;  // kinds; empty for all
  bool force = false;
  bool dry_run = false;
  bool diff = false;
  const std::atomic<bool>* cancel = nullptr;
};

// kConflict: differs on disk and no --force; kBlocked: the path is a symlink or not a file.
enum class FileState { kNew, kUnchanged, kChanged, kConflict, kBlocked };

struct PlannedFile {
  std::string path;  // relative to out_dir
  std::string kind;
  std::string content;
  FileState state = FileState::kNew;
  std::string old_content;  // when kChanged
};

struct GenerateResult {
  ExitCode code = ExitCode::kOk;
  diag::Diagnostics diagnostics;
  diag::Sources sources;  // the values file, for carets
  std::vector<PlannedFile> files;
  bool wrote = false;  // files were written (not a dry run or diff)
};

GenerateResult run_generate(const GenerateOptions& options);

// The kind of an output path: "prometheus/rules/x.yml" -> "rules".
std::string kind_of(std::string_view path);

}  // namespace caxtool::generate
