#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The fast YAML reader against libyaml on generated files: rule files (valid and broken, from
the rules differential generator) and prometheus.yml files (from the check config generator),
written to a temporary directory that the unit test "yaml fast: same tree as libyaml on every
corpus file it accepts" then reads besides tests/corpus.

usage: fast_vs_libyaml.py UNIT_TESTS_BINARY
"""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
tests = os.path.dirname(here)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for seed in (1, 2):
            subprocess.run([sys.executable, os.path.join(tests, "differential", "gen_rules.py"),
                            str(seed), "300", os.path.join(tmp, "rules-%d" % seed)],
                           check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(tests, "promconfig", "gen_configs.py"),
                        os.path.join(tmp, "configs"), "300", "--seed", "3"],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, CAXTOOL_YAML_EXTRA_DIR=tmp)
        return subprocess.run([sys.argv[1], "yaml fast: same tree as libyaml on every corpus "
                               "file it accepts"], env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
