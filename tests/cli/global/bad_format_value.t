# A --format value outside text|json|github|sarif is a usage error (exit 2).
$ caxtool --format xml generate --dry-run
--- stderr
caxtool: --format: xml not in {text,json,github,sarif,junit}
Run 'caxtool generate --help' for usage.
--- exit 2
