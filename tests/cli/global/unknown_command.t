# A misspelt command is a usage error (exit 2) with the closest command suggested.
$ caxtool genrate
--- stderr
caxtool: unknown command 'genrate', did you mean 'generate'?
Run 'caxtool --help' for the list of commands.
--- exit 2
