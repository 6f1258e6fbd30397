#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Loads each completion script that `caxtool completion SHELL` prints into a fresh shell of that
# kind, without the user's rc files, and asks it to complete: a script that only looks right in a
# golden file can still be rejected by the shell that sources it.
#
# Usage: completion_test.sh BINARY
# Needs bash, zsh and fish (Debian packages bash, zsh, fish). Exits 1 naming every failed check.
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 BINARY" >&2
  exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [ ! -x "$bin" ]; then
  echo "completion_test: $1 is not an executable" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/caxtool-completion.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

for shell in bash zsh fish; do
  if ! "$bin" completion "$shell" >"$tmp/caxtool.$shell" 2>"$tmp/err"; then
    fail "caxtool completion $shell exited non-zero: $(cat "$tmp/err")"
  fi
done

# The environment every shell below starts with: nothing from the user's rc files or HOME.
clean_env=(env -i "PATH=$PATH" "HOME=$tmp" "TERM=dumb" "LC_ALL=C.UTF-8")

# ---- bash: call _caxtool as readline would, with COMP_WORDS and COMP_CWORD set ----
# Prints COMPREPLY, one word a line, for the words given (the last one is being completed).
bash_complete() {
  "${clean_env[@]}" bash --norc --noprofile -c '
    source "$1" || exit 3
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    # A non-zero status only means compgen matched nothing; COMPREPLY tells.
    _caxtool caxtool "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  ' bash "$tmp/caxtool.bash" "$@"
}

# expect_bash "WORDS..." WORD: completing WORDS offers WORD.
expect_bash() {
  local words=$1 want=$2 got
  # shellcheck disable=SC2086  # the words are split on purpose
  if ! got=$(bash_complete $words 2>&1); then
    fail "bash: completing '$words' failed: $got"
  elif ! grep -qxF -- "$want" <<<"$got"; then
    fail "bash: completing '$words' does not offer '$want'; it offers: [$(echo $got)]"
  else
    pass "bash: '$words' offers '$want'"
  fi
}

# refuse_bash "WORDS..." WORD: completing WORDS does not offer WORD.
refuse_bash() {
  local words=$1 unwanted=$2 got
  # shellcheck disable=SC2086
  got=$(bash_complete $words 2>&1)
  if grep -qxF -- "$unwanted" <<<"$got"; then
    fail "bash: completing '$words' offers '$unwanted', which does not match"
  else
    pass "bash: '$words' does not offer '$unwanted'"
  fi
}

if ! out=$("${clean_env[@]}" bash --norc --noprofile -c 'source "$1" && complete -p caxtool' bash \
      "$tmp/caxtool.bash" 2>&1); then
  fail "bash: sourcing the script or registering it failed: $out"
elif [ "$out" != "complete -F _caxtool caxtool" ]; then
  fail "bash: expected 'complete -F _caxtool caxtool', got: $out"
else
  pass "bash: the script registers _caxtool for caxtool"
fi
expect_bash "caxtool gen" generate
refuse_bash "caxtool gen" completion
expect_bash "caxtool --format j" json
expect_bash "caxtool --color a" always
expect_bash "caxtool generate --va" --values
expect_bash "caxtool generate --only a" alertmanager
expect_bash "caxtool completion f" fish
expect_bash "caxtool --format json gen" generate

# ---- zsh: compinit, then the script must register _caxtool for caxtool ----
if ! command -v zsh >/dev/null; then
  fail "zsh is not installed (Debian package zsh)"
else
  if ! out=$("${clean_env[@]}" zsh -n "$tmp/caxtool.zsh" 2>&1); then
    fail "zsh: the script does not parse: $out"
  else
    pass "zsh: the script parses"
  fi
  if ! out=$("${clean_env[@]}" zsh -f -c '
      autoload -U compinit && compinit -u -D || exit 3
      source "$1" || exit 4
      print -r -- "${_comps[caxtool]-unset}"
      (( $+functions[_caxtool] )) && print defined
    ' zsh "$tmp/caxtool.zsh" 2>&1); then
    fail "zsh: compinit or sourcing the script failed: $out"
  elif [ "$out" != $'_caxtool\ndefined' ]; then
    fail "zsh: expected \$_comps[caxtool] to be _caxtool and _caxtool defined, got: $out"
  else
    pass "zsh: \$_comps[caxtool] is _caxtool"
  fi

  # A real completion: an interactive zsh under zpty, where a widget bound to ^T runs
  # complete-word and records every candidate handed to compadd, so we wait on a marker in a
  # file instead of sleeping.
  cat >"$tmp/drive.zsh" <<'ZSH'
zmodload zsh/zpty || { print -u2 "zsh/zpty is not available"; exit 3 }
script=$1 hits=$2; shift 2
: >| $hits
wait_for() {  # wait_for PATTERN N: until HITS holds N lines PATTERN, 10 s at most
  local i
  for i in {1..200}; do
    (( $(grep -cx -- $1 $hits) >= $2 )) && return 0
    sleep 0.05
  done
  return 1
}
zpty -b z zsh -f -i || exit 3
zpty -w z 'PS1=""; RPS1=""; PS2=""'
zpty -w z 'autoload -U compinit && compinit -u -D'
zpty -w z "source ${(q)script}"
zpty -w z "compadd() { builtin compadd -O __hits \"\$@\"; print -rl -- \$__hits >> ${(q)hits}; builtin compadd \"\$@\"; }"
zpty -w z "_test_complete() { print -r -- \"### \$BUFFER\" >> ${(q)hits}; zle complete-word; print -r -- '### end' >> ${(q)hits}; BUFFER=''; }"
zpty -w z "zle -N _test_complete; bindkey '^T' _test_complete; print -r -- '### ready' >> ${(q)hits}"
wait_for '### ready' 1 || { zpty -d z; print -u2 "the interactive zsh did not start"; exit 1 }
n=0
for line in "$@"; do
  zpty -n -w z "$line"$'\C-t'
  (( n++ ))
  wait_for '### end' $n || { zpty -d z; print -u2 "no completion finished for: $line"; exit 1 }
done
zpty -d z
ZSH
  zsh_lines=("caxtool gen" "caxtool --format j" "caxtool generate --va" "caxtool generate --only a"
             "caxtool completion f")
  zsh_wants=(generate json --values alertmanager fish)
  if ! out=$("${clean_env[@]}" zsh -f "$tmp/drive.zsh" "$tmp/caxtool.zsh" "$tmp/zsh-hits" \
        "${zsh_lines[@]}" 2>&1); then
    fail "zsh: driving completion failed: $out"
  else
    for i in "${!zsh_lines[@]}"; do
      # The candidates recorded between "### LINE" and the next "### end".
      got=$(awk -v head="### ${zsh_lines[i]}" '$0 == head {on = 1; next} $0 == "### end" {on = 0} on' \
            "$tmp/zsh-hits")
      if grep -qxF -- "${zsh_wants[i]}" <<<"$got"; then
        pass "zsh: '${zsh_lines[i]}' offers '${zsh_wants[i]}'"
      else
        fail "zsh: completing '${zsh_lines[i]}' does not offer '${zsh_wants[i]}'; it offers: [$(echo $got)]"
      fi
    done
  fi
fi

# ---- fish: source the script, then ask fish what it would complete ----
if ! command -v fish >/dev/null; then
  fail "fish is not installed (Debian package fish)"
else
  if ! out=$("${clean_env[@]}" fish --no-execute "$tmp/caxtool.fish" 2>&1); then
    fail "fish: the script does not parse: $out"
  else
    pass "fish: the script parses"
  fi
  # expect_fish LINE WORD: completing LINE offers WORD (the first tab-separated field).
  expect_fish() {
    local line=$1 want=$2 got
    if ! got=$("${clean_env[@]}" fish --no-config -c 'source $argv[1]; or exit 3; complete -C $argv[2]' \
          "$tmp/caxtool.fish" "$line" 2>&1); then
      fail "fish: completing '$line' failed: $got"
    elif ! cut -f1 <<<"$got" | grep -qxF -- "$want"; then
      fail "fish: completing '$line' does not offer '$want'; it offers: [$(cut -f1 <<<"$got" | xargs)]"
    else
      pass "fish: '$line' offers '$want'"
    fi
  }
  expect_fish "caxtool gen" generate
  expect_fish "caxtool --format j" json
  expect_fish "caxtool generate --va" --values
  expect_fish "caxtool generate --only a" alertmanager
  expect_fish "caxtool completion z" zsh
fi

if [ "$failures" -ne 0 ]; then
  echo "completion_test: $failures check(s) failed" >&2
  exit 1
fi
echo "completion_test: all checks passed"
