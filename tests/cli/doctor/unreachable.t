# Nothing listens: the first step fails, the others are skipped, exit 1.
$ caxtool doctor --url http://127.0.0.1:1 --retries 0
--- stdout
fail  reachable    could not connect: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
                   hint: is the server running and listening there? Set --url or CAXTOOL_URL
skip  ready        the server is not reachable
skip  config       the server is not reachable
skip  targets      the server is not reachable
skip  collector    the server is not reachable
skip  rules        the server is not reachable
skip  alerts       the server is not reachable
skip  series       the server is not reachable
skip  cardinality  the server is not reachable
--- exit 1
