# completion for a shell it does not support is a usage error (exit 2) naming the choices.
$ caxtool completion nosuchshell
--- stderr
caxtool: shell: nosuchshell not in {bash,fish,zsh}
Run 'caxtool completion --help' for usage.
--- exit 2
