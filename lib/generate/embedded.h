// SPDX-License-Identifier: Apache-2.0
// The files of templates/, compiled into the binary by cmake/embed.cmake.
#pragma once

#include <span>
#include <string_view>

namespace caxtool::generate {

struct EmbeddedFile {
  std::string_view path;  // relative to templates/, e.g. "stack/prometheus/prometheus.yml"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace caxtool::generate
