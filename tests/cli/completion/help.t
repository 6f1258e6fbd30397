# completion --help names the shells and how to load each script.
$ caxtool completion --help
--- stdout
print a shell completion script (bash, zsh or fish)
Usage: caxtool completion [OPTIONS] shell

Positionals:
  shell SHELL:{bash,fish,zsh} REQUIRED
                              the shell to complete for

Options:
  -h,--help                   print help and exit

Prints a completion script for the named shell on standard output. Load it with `source <(caxtool completion bash)`, `caxtool completion zsh > "${fpath[1]}/_caxtool"` or `caxtool completion fish | source`. The scripts are generated from the same command table as this help and the man page.
--- exit 0
