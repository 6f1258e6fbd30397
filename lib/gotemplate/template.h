// SPDX-License-Identifier: Apache-2.0
// Go's text/template language as Prometheus uses it in alerting-rule labels and annotations:
// check() gives promtool's verdict on a template (same errors, with byte ranges and clearer
// messages), summarize() lists what a template reads and calls, for lint checks.
//
// promtool check rules prepends
//   {{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}
//   {{$value := .Value}}
// to every label and annotation value of an alerting rule and parses the result with Prometheus's
// function map; any parse error makes the file invalid. Nothing is executed: {{template "x"}}
// naming no template, or .Foo on data without Foo, are execution errors and pass.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gotemplate/functions.h"

namespace caxtool::gotemplate {

struct Error {
  size_t begin = 0;  // byte offsets into the text
  size_t end = 0;
  std::string message;
};

struct CheckOptions {
  // The Prometheus release whose promtool to agree with: it decides the functions and, through
  // the Go that built it, a few points of syntax. Before 2.5 promtool did not parse templates.
  int major = 3;
  int minor = 99;
  // $labels, $externalLabels, $externalURL (2.28+) and $value are declared, as promtool does.
  bool prometheus_prelude = true;
  // The name Prometheus gives the template, "__alert_" + the alert name. A {{define}} of that
  // name with a body clashes with the template itself; empty: not checked.
  std::string template_name;
};

// Parses `text` as Prometheus would and returns its errors, in order, empty when it parses. Go
// stops at the first error; so does this, except that errors which leave the structure intact
// (an unknown function or variable, a bad literal) are collected and parsing goes on. The first
// error is always the one Go reports.
std::vector<Error> check(std::string_view text, const CheckOptions& options = {});

struct Reference {
  // "$labels.instance", ".Labels.job", "$value", "$": a variable or field with the field names
  // read from it; for functions, the name. `index $labels "k"` is reported as "$labels.k" with
  // the range of the whole call, since index is how a template reads a label that is not a Go
  // identifier.
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};

struct Summary {
  std::vector<Reference> variables;  // variable and field reads, in source order
  std::vector<Reference> functions;  // every function called, builtins included
};

// What the template reads and calls, as the newest Prometheus parses it. An invalid template
// gives what was found before the parser stopped.
Summary summarize(std::string_view text);

// check() and summarize() at once: returns check(text, options) and sets `summary` to
// summarize(text), from one parse when the options' release reads templates as the newest does.
std::vector<Error> check(std::string_view text, const CheckOptions& options, Summary& summary);

}  // namespace caxtool::gotemplate
