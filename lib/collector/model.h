// SPDX-License-Identifier: Apache-2.0
// The collector config as the checks see it: the components of each section with their parsed
// IDs and table entries, and the service's pipelines with the IDs they name, every piece with
// the YAML node it came from so a finding can point at it. Built once by load_model(), which
// reports what otelcol's unmarshalling rejects (unknown keys, wrong shapes, bad IDs, unknown
// types); the later passes read it and never re-walk the raw tree for structure.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "collector/check.h"
#include "collector/components.h"
#include "diag/diagnostic.h"
#include "yaml/locate.h"
#include "yaml/node.h"

namespace caxtool::collector {

// Adds findings at a node's range.
class Reporter {
 public:
  Reporter(const std::string& file, diag::Diagnostics& diags) : file_(file), diags_(diags) {}
  void add(const yaml::Node& at, diag::Severity severity, std::string_view check,
           std::string message, std::string hint = {});
  void error(const yaml::Node& at, std::string_view check, std::string message,
             std::string hint = {}) {
    add(at, diag::Severity::kError, check, std::move(message), std::move(hint));
  }
  // A lint finding, at the lint's registered severity, if the lint is enabled.
  void lint(const CheckOptions& options, const yaml::Node& at, std::string_view check,
            std::string message, std::string hint = {});
  // The same at a range inside a scalar.
  void add_at(yaml::Mark start, yaml::Mark end, diag::Severity severity, std::string_view check,
              std::string message, std::string hint = {});
  void lint_at(const CheckOptions& options, yaml::Mark start, yaml::Mark end,
               std::string_view check, std::string message, std::string hint = {});
  const std::string& file() const { return file_; }

 private:
  const std::string& file_;
  diag::Diagnostics& diags_;
};

struct Component {
  Kind kind;
  std::string id;  // type[/name], trimmed as otelcol trims it
  std::string type;
  const yaml::Node* key = nullptr;
  const yaml::Node* value = nullptr;    // null scalar when the config is empty
  const ComponentType* info = nullptr;  // null when the type is unknown
  bool valid = false;                   // the ID parses and the type is known and shipped
};

struct Ref {
  std::string id;
  const yaml::Node* node = nullptr;
};

struct Pipeline {
  std::string id;
  uint8_t signal = 0;  // 0: the ID is invalid
  const yaml::Node* key = nullptr;
  std::vector<Ref> receivers, processors, exporters;
  bool dynamic = false;  // a list is a ${...} reference, known only at run time
};

struct Model {
  const yaml::Node* root = nullptr;
  std::vector<Component> components;
  std::vector<Pipeline> pipelines;
  std::vector<Ref> service_extensions;
  const yaml::Node* service = nullptr;
  const yaml::Node* pipelines_node = nullptr;
  const yaml::Node* telemetry = nullptr;
  bool dynamic = false;  // a section is a ${...} reference: what it holds is unknown here
  const Component* find(Kind kind, std::string_view id) const;
  bool section_empty(Kind kind) const;

 private:
  // kind:id -> position in components, built on first use after loading.
  mutable std::unordered_map<std::string, size_t> index_;
  mutable size_t indexed_ = 0;  // components.size() when index_ was built
};

// "a  / b" -> trimmed type and name, or an error message in otelcol's words.
struct ParsedId {
  std::string type, name, error;
};
ParsedId parse_component_id(std::string_view text);
// type[/name] as otelcol compares IDs, or "" when `text` does not parse.
std::string normalized_id(std::string_view text);

std::string quote(std::string_view s);
std::string_view trim(std::string_view s);  // spaces and tabs, as otelcol trims IDs
// A scalar that is exactly one ${...}: it may expand to a mapping or a list.
bool is_reference(const yaml::Node& n);  // Go's %q for the ASCII cases configs hold

// An address the collector listens on, as written in the config.
struct Listener {
  const yaml::Node* node = nullptr;  // the endpoint (or port) scalar
  std::string host;
  int port = 0;
  std::string what;  // "receivers::otlp", "service::telemetry::metrics::readers"
};
std::vector<Listener> collect_listeners(const Model& m);
// The self-metrics endpoints of service::telemetry::metrics (address, pull readers).
void telemetry_listeners(const Model& m, std::vector<Listener>& out);

void load_model(const yaml::Node& root, const CheckOptions& options, Reporter& r, Model& m);
void check_pipelines(const Model& m, const CheckOptions& options, Reporter& r);
void check_component_configs(const Model& m, const CheckOptions& options, Reporter& r);
void check_telemetry(const Model& m, const CheckOptions& options, Reporter& r);
void check_env_references(const yaml::Node& root, const yaml::SourceIndex& source,
                          const CheckOptions& options, Reporter& r);
void run_lints(const Model& m, const CheckOptions& options, Reporter& r);

}  // namespace caxtool::collector
