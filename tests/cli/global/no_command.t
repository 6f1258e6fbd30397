# No command at all prints the help on stderr and exits 2 (a usage error).
$ caxtool
--- stderr
caxtool: generate, check, query and size Prometheus-based monitoring
Usage: caxtool [OPTIONS] [SUBCOMMAND]

Options:
  -h,--help                   print help and exit
  --version                   print the version and exit
  --format FORMAT:{text,json,github,sarif}
                              how findings are reported (default: text)
  --color WHEN:{auto,always,never}
                              colour in text output; auto means on a terminal and without NO_COLOR
  -q,--quiet                  print only findings and errors
  -v,--verbose                say more about what is being done
  --config FILE               settings for checks (default: .caxtool.yml if present)


Subcommands:
  check                       validate and lint monitoring files (rules)
  completion                  print a shell completion script (bash, zsh or fish)
  generate                    write the monitoring stack for a Caxton deployment
  help                        help on a command, or on one lint check (help check NAME)
  promql                      work with PromQL expressions (fmt)

--- exit 2
