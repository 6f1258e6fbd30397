// SPDX-License-Identifier: Apache-2.0
// The state one prometheus.yml check carries through the schema walk: the options, where
// diagnostics go, and the model the lint checks read afterwards. Validators only see this.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "promconfig/model.h"
#include "promconfig/schema.h"
#include "promql/version.h"
#include "yaml/node.h"

namespace caxtool::promconfig {

struct ContextOptions {
  promql::Version version = promql::newest_version();
  bool syntax_only = false;
  std::string dir;  // the config file's directory: relative paths start here
};

class Context {
 public:
  Context(std::string file, const ContextOptions& options, diag::Diagnostics& diags)
      : file_(std::move(file)), options_(options), diags_(diags) {}

  // Forgets everything reported and learnt (a second parse of the same text follows).
  void reset() {
    diags_ = diag::Diagnostics();
    model_ = Model();
    errors_ = 0;
  }
  const ContextOptions& options() const { return options_; }
  const promql::Version& version() const { return options_.version; }
  bool at_least(int major, int minor) const {
    return options_.version >= promql::Version{major, minor};
  }
  const std::string& file() const { return file_; }
  Model& model() { return model_; }
  size_t error_count() const { return errors_; }

  // A validity error: promtool rejects the file.
  void error(const yaml::Node& at, std::string message, std::string_view check = "config/invalid",
             std::string hint = "");
  void error(yaml::Mark at, std::string message, std::string_view check = "config/invalid",
             std::string hint = "");
  // A note promtool prints as a warning (file_sd files that do not exist).
  void warning(yaml::Mark at, std::string message, std::string_view check, std::string hint = "");
  // The error RE2 gives for a relabel regex (anchored as the release anchors it), or nullopt.
  // Memoized: a config repeats the same few regexes in every job.
  const std::optional<std::string>& regex_error(const std::string& re);
  // A path as Prometheus resolves it: relative to the config file's directory.
  std::string resolve(std::string_view path) const;

 private:
  std::string file_;
  const ContextOptions& options_;
  diag::Diagnostics& diags_;
  Model model_;
  size_t errors_ = 0;
  std::map<std::string, std::optional<std::string>, std::less<>> regex_errors_;
};

// Go's %q for the strings promtool quotes.
std::string quote(std::string_view s);
// The scalar text of `key` in `block`, "" when absent or null.
std::string_view text(const yaml::Node& block, std::string_view key);
// Whether `key` is present with a non-null value.
bool has(const yaml::Node& block, std::string_view key);
// The node of `key`, or nullptr when absent or null.
const yaml::Node* value(const yaml::Node& block, std::string_view key);
// Prometheus 2.x legacy label names: [a-zA-Z_][a-zA-Z0-9_]*.
bool is_label_name(std::string_view s);

}  // namespace caxtool::promconfig
