// SPDX-License-Identifier: Apache-2.0
// Which names a Prometheus release lets a template call, and which Go built it. Prometheus
// parses templates with its own function map plus Go's builtins; an unknown name is a parse
// error, so a template using toTime passes on 2.38 and fails on 2.37. The Go version matters
// too: break/continue came with Go 1.18, line breaks inside actions with Go 1.16.
#pragma once

#include <compare>
#include <span>
#include <string_view>
#include <vector>

namespace caxtool::gotemplate {

struct Version {
  int major = 3;
  int minor = 99;
  auto operator<=>(const Version&) const = default;
};

struct TemplateFunction {
  std::string_view name;
  Version since;    // the first Prometheus release that has it
  bool go_builtin;  // from text/template itself (and, printf, ...) rather than Prometheus
};

// Every function any known release has, sorted by name.
std::span<const TemplateFunction> template_functions();
// The function of that name, in any release; nullptr when none has it.
const TemplateFunction* find_function(std::string_view name);
bool has_function(std::string_view name, Version version);
std::vector<std::string_view> function_names(Version version);

// The minor version of the Go 1.x toolchain the official build of a Prometheus release used
// (its .promu.yml); Debian builds 2.42 with Go 1.19 as well.
int go_minor_version(Version prometheus);

}  // namespace caxtool::gotemplate
