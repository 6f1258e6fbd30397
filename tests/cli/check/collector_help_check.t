# caxtool help check NAME knows the collector lints.
$ caxtool help check collector/literal-secret
--- stdout
collector/literal-secret (warning): a literal secret where an ${env:...} belongs

An API key, password or token written into the config ends up in version control, in ConfigMaps and in `otelcol print-config` output. Put it in an environment variable (or a secret store provider) and write ${env:NAME}; caxtool generate writes secrets this way.

Turn it off with a comment `# caxtool disable collector/literal-secret` on or above the line, `# caxtool file/disable collector/literal-secret` for a file, or `caxtool check collector --lint` naming the checks to keep.
--- exit 0
