# --help lists the global options and the commands from the command table.
$ caxtool --help
--- stdout
caxtool: generate, check, query and size Prometheus-based monitoring
Usage: caxtool [OPTIONS] [SUBCOMMAND]

Options:
  -h,--help                   print help and exit
  --version                   print the version and exit
  --format FORMAT:{text,json,github,sarif,junit}
                              how findings are reported (default: text)
  --color WHEN:{auto,always,never}
                              colour in text output; auto means on a terminal and without NO_COLOR
  -q,--quiet                  print only findings and errors
  -v,--verbose                say more about what is being done
  --config FILE               settings for checks (default: .caxtool.yml if present)


Subcommands:
  cardinality                 find the metrics and labels that multiply series, with fixes
  check                       validate and lint monitoring files (rules, metrics)
  completion                  print a shell completion script (bash, zsh or fish)
  doctor                      run the metrics-debugging runbook against a server
  generate                    write the monitoring stack for a Caxton deployment
  help                        help on a command, or on one lint check (help check NAME)
  promql                      work with PromQL expressions (fmt)
  query                       run an instant or range PromQL query
  status                      build, readiness, uptime, config reload and flags of a server
  targets                     list scrape targets with health, last scrape and last error
  test                        run unit tests of alerting and recording rules (promtool's format)
  tsdb                        TSDB statistics of a live server (status) or of blocks on disk (analyze)

--- exit 0
