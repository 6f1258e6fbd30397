#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs, from Debian 12's packages only, whatever caxtool's build, tests and reference tools
# need and this machine lacks. Run as root (or with sudo). Safe to run again.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config make           # build
  libyaml-dev libcli11-dev nlohmann-json3-dev libre2-dev  # libraries
  libcurl4-openssl-dev libsimdjson-dev             # HTTP client, large API answers
  libmimalloc-dev                                  # the allocator of the binary
  catch2 python3 python3-yaml curl                 # tests
  prometheus prometheus-alertmanager               # reference tools: promtool, amtool
  victoria-metrics prometheus-node-exporter        # servers for the integration tests
  openssl                                          # certificates for the TLS tests
  zsh fish bash-completion                         # completion tests
  clang-14 libclang-rt-14-dev clang-format-14      # fuzzing and the format check
  file dpkg-dev                                    # cpack's .deb dependencies
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # The prometheus packages try to start their services; containers have no init for that.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
