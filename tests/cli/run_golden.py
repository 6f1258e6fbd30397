#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
r"""Runs one CLI golden case of caxtool: a self-describing .t file holding a command line, its
inputs and its expected outputs, so that a reviewer reads one file and knows what is promised
(bloaty's lit tests, fish's littlecheck). Standard library only.

Usage:
  run_golden.py BINARY CASE.t        run one case; exit 0 if it passes, 1 with a diff on stderr
  run_golden.py BINARY --list DIR    print DIR/*/*.t, one path a line, sorted (for CMake)
  UPDATE=1 run_golden.py BINARY CASE.t
                                     rewrite the expectations of CASE.t from what the binary did,
                                     keeping its comments, command and inputs
  KEEP_TMP=1 ...                     keep the temporary directory and print its path

The format
----------
A case is a sequence of lines:

  # comment lines saying what the case proves (blank lines allowed here too)
  $ caxtool generate --values values.yaml --dry-run
  --- env NAME=VALUE                 (any number) set in the command's environment
  --- file NAME [FLAGS]              (any number) the body is written to NAME
  --- symlink NAME -> TARGET         (any number) creates the symlink NAME pointing to TARGET
  --- after-cmd SHELL COMMAND        (at most one) run with sh -c after the command
  --- stdout [FLAGS]                 expected standard output
  --- stderr [FLAGS]                 expected standard error
  --- exit N                         expected exit code
  --- after [FLAGS]                  expected output of after-cmd

Only the comment lines may come before the `$ ` line, and there is exactly one `$ ` line. Its
rest is split into words with shlex (no shell runs: no pipes, no globs); the first word must be
`caxtool` and is replaced by BINARY; `$TMP` in any word is replaced by the case's directory.

The command runs in a fresh temporary directory holding the files and symlinks (NAME is relative
to it and may contain subdirectories), with stdin from /dev/null, a 30 s timeout (a hang fails)
and a clean environment: PATH (the runner's), HOME=the temporary directory, LC_ALL=C.UTF-8, plus
the `--- env` lines. NO_COLOR and everything else are unset unless a case sets them.

Bodies. A section's body is every line up to the next section header. The content is the body
lines each followed by a newline; an empty body is empty content. FLAGS, in brackets, change that:
  [no-eol]     the content has no newline after its last line
  [escaped]    the body uses escapes: \\ is a backslash, \xNN the byte NN, \t a tab, \r a CR,
               \n a newline; other characters stand for their UTF-8 bytes. Use it for invalid
               UTF-8 in an input, and it is chosen automatically for outputs that hold bytes other
               than printable UTF-8, newline and tab (colour escape codes show as \x1b).
  [escaped no-eol] both.
A body line that would read as a section header, or that is one or more backslashes followed by
`---`, is written with one more leading backslash, which reading removes (so `\--- stdout` in a
body stands for the line `--- stdout`).

Missing stdout, stderr or after sections expect empty output; a missing exit expects 0. Before
comparing, the temporary directory's path in any output is replaced by `$TMP`. The after-cmd's
stdout and stderr are taken together, followed by a line `[exit N]` when it exits non-zero.

The sections env, symlink, after-cmd and exit are one line each: blank lines after them are
ignored, anything else is an error.

UPDATE=1 rewrites stdout, stderr, exit and after from the actual run, after the inputs, in that
order (stdout, stderr and after only when not empty; exit always), and also rewrites a passing
case whose expectations are not written in that canonical form. A run killed by a signal or timed
out always fails and is never written down as an expectation.
"""

import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 30

INPUT_KINDS = ("env", "file", "symlink", "after-cmd")
HEADER_RE = re.compile(r"^--- (env|file|symlink|after-cmd|stdout|stderr|exit|after)(?: (.*))?$")
BACKSLASHED_DASHES_RE = re.compile(r"^\\+---")
FLAGS_RE = re.compile(r"^(.*?)(?: ?\[([a-z -]+)\])?$")
KNOWN_FLAGS = {"escaped", "no-eol"}


class CaseError(Exception):
    """The .t file itself is malformed."""


class Section:
    def __init__(self, kind, arg, lineno):
        self.kind = kind
        self.arg = arg  # the header text after the kind, flags removed
        self.flags = set()
        self.lineno = lineno
        self.raw = []  # the header and body lines as written, for UPDATE
        self.body = []  # body lines, unescaped

    def content(self):
        if not self.body:
            return b""
        text = "\n".join(self.body)
        if "no-eol" not in self.flags:
            text += "\n"
        if "escaped" in self.flags:
            return decode_escaped(text, self.lineno)
        return text.encode("utf-8")


class Case:
    def __init__(self):
        self.preamble = []
        self.command = None
        self.command_line = None
        self.inputs = []
        self.outputs = {}


def decode_escaped(text, lineno):
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        nxt = text[i + 1 : i + 2]
        if nxt == "\\":
            out += b"\\"
            i += 2
        elif nxt == "t":
            out += b"\t"
            i += 2
        elif nxt == "r":
            out += b"\r"
            i += 2
        elif nxt == "n":
            out += b"\n"
            i += 2
        elif nxt == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[i + 2 : i + 4]):
            out.append(int(text[i + 2 : i + 4], 16))
            i += 4
        else:
            raise CaseError(f"section at line {lineno}: bad escape {text[i:i + 4]!r}")
    return bytes(out)


def needs_escaping(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return any((ord(c) < 0x20 and c not in "\n\t") or ord(c) == 0x7F for c in text)


def encode_escaped(data):
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x5C:
            out.append("\\\\")
            i += 1
            continue
        if b == 0x0A or b == 0x09 or 0x20 <= b < 0x7F:
            out.append(chr(b))
            i += 1
            continue
        if b >= 0x80:
            # Keep a valid UTF-8 sequence readable; escape stray bytes.
            length = 2 if b >> 5 == 0b110 else 3 if b >> 4 == 0b1110 else 4 if b >> 3 == 0b11110 else 0
            if length:
                try:
                    out.append(data[i : i + length].decode("utf-8"))
                    i += length
                    continue
                except UnicodeDecodeError:
                    pass
        out.append(f"\\x{b:02x}")
        i += 1
    return "".join(out)


def needs_line_escape(line):
    return bool(HEADER_RE.match(line) or BACKSLASHED_DASHES_RE.match(line))


def escape_body_line(line):
    return "\\" + line if needs_line_escape(line) else line


def unescape_body_line(line):
    # The exact inverse of escape_body_line: a line it left alone never looks like one it changed.
    if line.startswith("\\") and needs_line_escape(line[1:]):
        return line[1:]
    return line


def parse_case(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the file's final newline ends the last line, it is not an empty line
    case = Case()
    current = None
    for lineno, line in enumerate(lines, 1):
        header = HEADER_RE.match(line)
        if case.command is None:
            if line.startswith("$ "):
                case.command_line = line
                case.command = line[2:]
            elif line.startswith("#") or line.strip() == "":
                case.preamble.append(line)
            else:
                raise CaseError(f"{path}:{lineno}: expected a comment or the `$ ` command line")
            continue
        if header:
            kind, rest = header.group(1), header.group(2) or ""
            current = Section(kind, rest, lineno)
            current.raw.append(line)
            if kind in ("file", "stdout", "stderr", "after"):
                m = FLAGS_RE.match(rest)
                current.arg = m.group(1).strip()
                if m.group(2):
                    current.flags = set(m.group(2).split())
                    unknown = current.flags - KNOWN_FLAGS
                    if unknown:
                        raise CaseError(f"{path}:{lineno}: unknown flags {sorted(unknown)}")
            if kind in INPUT_KINDS:
                case.inputs.append(current)
            else:
                if kind in case.outputs:
                    raise CaseError(f"{path}:{lineno}: a second `--- {kind}` section")
                case.outputs[kind] = current
            validate_header(path, lineno, current)
            continue
        if line.startswith("$ "):
            raise CaseError(f"{path}:{lineno}: a case has one `$ ` command line")
        if current is None:
            raise CaseError(f"{path}:{lineno}: text after the command line outside a section")
        current.raw.append(line)
        current.body.append(unescape_body_line(line))
    if case.command is None:
        raise CaseError(f"{path}: no `$ caxtool ...` command line")
    for section in case.inputs + list(case.outputs.values()):
        if section.kind in ("env", "symlink", "after-cmd", "exit"):
            # Header-only sections: trailing blank lines are tolerated, nothing else.
            if any(b.strip() for b in section.body):
                raise CaseError(f"{path}:{section.lineno}: `--- {section.kind}` takes no body")
    if "after" in case.outputs and not any(s.kind == "after-cmd" for s in case.inputs):
        raise CaseError(f"{path}: `--- after` needs an `--- after-cmd`")
    if sum(1 for s in case.inputs if s.kind == "after-cmd") > 1:
        raise CaseError(f"{path}: at most one `--- after-cmd`")
    return case


def validate_header(path, lineno, s):
    if s.kind == "env" and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", s.arg):
        raise CaseError(f"{path}:{lineno}: expected `--- env NAME=VALUE`")
    if s.kind == "file" and (not s.arg or " " in s.arg or s.arg.startswith("/") or ".." in s.arg.split("/")):
        raise CaseError(f"{path}:{lineno}: expected `--- file RELATIVE/NAME [FLAGS]`")
    if s.kind == "symlink" and not re.fullmatch(r"[^ ]+ -> [^ ]+", s.arg):
        raise CaseError(f"{path}:{lineno}: expected `--- symlink NAME -> TARGET`")
    if s.kind == "exit" and not re.fullmatch(r"[0-9]+", s.arg):
        raise CaseError(f"{path}:{lineno}: expected `--- exit N`")
    if s.kind == "after-cmd" and not s.arg.strip():
        raise CaseError(f"{path}:{lineno}: expected `--- after-cmd SHELL COMMAND`")
    if s.kind in ("stdout", "stderr", "after") and s.arg:
        raise CaseError(f"{path}:{lineno}: `--- {s.kind}` takes only [FLAGS]")


def prepare(case, tmp):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tmp, "LC_ALL": "C.UTF-8"}
    after_cmd = None
    for s in case.inputs:
        if s.kind == "env":
            name, _, value = s.arg.partition("=")
            env[name] = value
        elif s.kind == "file":
            target = os.path.join(tmp, s.arg)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(s.content())
        elif s.kind == "symlink":
            name, _, target = s.arg.partition(" -> ")
            link = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(link), exist_ok=True)
            os.symlink(target, link)
        elif s.kind == "after-cmd":
            after_cmd = s.arg
    return env, after_cmd


def run(argv, cwd, env, shell=False):
    """Returns (stdout, stderr, code, problem); problem is a string for a timeout or a signal."""
    proc = subprocess.Popen(argv, cwd=cwd, env=env, shell=shell, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return out, err, None, f"timed out after {TIMEOUT_SECONDS} s"
    if proc.returncode < 0:
        name = signal.Signals(-proc.returncode).name
        return out, err, proc.returncode, f"killed by {name}"
    return out, err, proc.returncode, None


def normalize(data, tmp):
    for path in sorted({tmp, os.path.realpath(tmp)}, key=len, reverse=True):
        data = data.replace(path.encode(), b"$TMP")
    return data


def render_output(kind, data):
    """The .t lines of one output section holding `data`."""
    flags = []
    if needs_escaping(data):
        flags.append("escaped")
        text = encode_escaped(data)
    else:
        text = data.decode("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    elif text:
        flags.append("no-eol")
    header = f"--- {kind}" + (f" [{' '.join(flags)}]" if flags else "")
    return [header] + [escape_body_line(l) for l in text.split("\n")]


def render_expectations(results, has_after):
    """The canonical text of stdout, stderr, exit and after, for diffs and for UPDATE."""
    lines = []
    if results["stdout"]:
        lines += render_output("stdout", results["stdout"])
    if results["stderr"]:
        lines += render_output("stderr", results["stderr"])
    lines.append(f"--- exit {results['exit']}")
    if has_after and results["after"]:
        lines += render_output("after", results["after"])
    return lines


def expected_results(case):
    def content(kind):
        s = case.outputs.get(kind)
        return s.content() if s else b""

    exit_section = case.outputs.get("exit")
    return {
        "stdout": content("stdout"),
        "stderr": content("stderr"),
        "exit": int(exit_section.arg) if exit_section else 0,
        "after": content("after"),
    }


def run_case(binary, path):
    case = parse_case(path)
    words = shlex.split(case.command)
    if not words or words[0] != "caxtool":
        raise CaseError(f"{path}: the command must start with `caxtool`")
    tmp = tempfile.mkdtemp(prefix="caxtool-golden-")
    try:
        env, after_cmd = prepare(case, tmp)
        argv = [binary] + [w.replace("$TMP", tmp) for w in words[1:]]
        out, err, code, problem = run(argv, tmp, env)
        actual = {"stdout": normalize(out, tmp), "stderr": normalize(err, tmp), "exit": code,
                  "after": b""}
        if after_cmd is not None and problem is None:
            a_out, a_err, a_code, a_problem = run(after_cmd, tmp, env, shell=True)
            after = a_out + a_err
            if a_problem:
                problem = "after-cmd " + a_problem
            elif a_code != 0:
                after += f"[exit {a_code}]\n".encode()
            actual["after"] = normalize(after, tmp)
        if os.environ.get("KEEP_TMP"):
            print(f"{path}: kept {tmp}", file=sys.stderr)
    finally:
        if not os.environ.get("KEEP_TMP"):
            shutil.rmtree(tmp, ignore_errors=True)

    has_after = after_cmd is not None
    expected = expected_results(case)
    if problem:
        sys.stderr.write(f"FAIL {path}: caxtool {problem}\n")
        sys.stderr.write(f"stdout:\n{actual['stdout'].decode('utf-8', 'replace')}\n")
        sys.stderr.write(f"stderr:\n{actual['stderr'].decode('utf-8', 'replace')}\n")
        return 1
    want = render_expectations(expected, has_after)
    got = render_expectations(actual, has_after)
    if os.environ.get("UPDATE"):
        # Also rewrites a passing case whose expectations are not in canonical form (say, a
        # missing `--- exit 0`), so every case file reads the same way.
        if rewrite(path, case, got):
            sys.stderr.write(f"updated {path}\n")
        return 0
    if all(expected[k] == actual[k] for k in ("stdout", "stderr", "exit", "after")):
        return 0
    diff = difflib.unified_diff([l + "\n" for l in want], [l + "\n" for l in got],
                                f"expected ({path})", "actual", n=3)
    sys.stderr.write(f"FAIL {path}\n$ {case.command}\n")
    sys.stderr.writelines(diff)
    if want == got:
        # Equal renderings of different bytes: only possible through the flags; say so.
        sys.stderr.write("(the outputs differ only in how the case file encodes them)\n")
    sys.stderr.write("rerun with UPDATE=1 to accept the actual output\n")
    return 1


def rewrite(path, case, expectation_lines):
    lines = list(case.preamble) + [case.command_line]
    for s in case.inputs:
        lines += s.raw
    lines += expectation_lines
    text = "\n".join(lines) + "\n"
    with open(path, encoding="utf-8") as f:
        if f.read() == text:
            return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return True


def list_cases(directory):
    found = []
    for sub in sorted(os.listdir(directory)):
        d = os.path.join(directory, sub)
        if os.path.isdir(d):
            found += [os.path.join(d, n) for n in sorted(os.listdir(d)) if n.endswith(".t")]
    return found


def main(argv):
    if len(argv) == 4 and argv[2] == "--list":
        for p in list_cases(argv[3]):
            print(p)
        return 0
    if len(argv) != 3:
        sys.stderr.write(__doc__.split("The format")[0])
        return 2
    binary = os.path.abspath(argv[1])
    if not os.access(binary, os.X_OK):
        sys.stderr.write(f"run_golden.py: {argv[1]}: not an executable\n")
        return 2
    try:
        return run_case(binary, argv[2])
    except CaseError as e:
        sys.stderr.write(f"run_golden.py: malformed case: {e}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
